"""Which stored articles the model is least sure about: where a person's correction teaches it most.

With few labelled examples of a label (30 real `gender` articles), the corrections staff make are how the model
gets better (``sorot label`` records one, the next ``sorot train`` learns from it at eight times the weight of
a gold article). A correction of an article whose probability sits next to the label's threshold moves the
boundary; one on an article the model already decides with confidence changes little. So this ranks articles
by how close each family's probability is to its threshold (uncertainty sampling). It only points at
articles; the labels are a person's decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sorot.models import taxonomy
from sorot.models.classifier.model import TopicModel


@dataclass(frozen=True)
class Doubt:
    """One article, the label the model is least sure about on it, and how sure it is."""

    article_id: str
    label: str
    score: float
    threshold: float
    tagged: bool

    @property
    def margin(self) -> float:
        return abs(self.score - self.threshold)


def least_certain(
    model: TopicModel,
    articles: Sequence[tuple[str, str, str]],
    labels: Sequence[str] = taxonomy.FAMILIES,
    limit: int = 20,
) -> list[Doubt]:
    """The ``limit`` articles (``(id, title, text)``) whose decision on one of ``labels`` is closest to its
    threshold, closest first; each article once, with its least certain label. Labels the model leaves to
    the rules (no probability of its own) are skipped."""
    heads = {label: model.heads[label] for label in labels if model.heads[label].kind == "stacked"}
    if not heads or limit <= 0:
        return []
    results = model.classify_many([(title, text) for _, title, text in articles])
    closest: dict[str, Doubt] = {}
    for (article_id, _, _), result in zip(articles, results, strict=True):
        for label, head in heads.items():
            doubt = Doubt(article_id, label, result.scores[label], head.threshold, label in result.labels)
            if article_id not in closest or doubt.margin < closest[article_id].margin:
                closest[article_id] = doubt
    return sorted(closest.values(), key=lambda d: (d.margin, d.article_id))[:limit]
