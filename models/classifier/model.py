"""The trained topic model: per label, a word model stacked with the rules' opinion; and a stage head.

What a prediction is made of, per label:

- a **stacked** head (labels with enough examples): a linear model over TF-IDF words gives a decision value;
  a small logistic combiner weighs it against the rules' view of the label (tagged or not, raw evidence, the
  family's, the rules' confidence: ``features.RULE_VIEW``). The combiner is fitted on *cross-validated*
  word decisions, so its probability is calibrated for unseen articles, and the label's threshold is chosen
  by cross-validation on the training data;
- a **rules** head (labels too rare to learn): the rules tagger's own decision and confidence.

Articles that people corrected (``sorot label``) weigh more in training, and are also remembered by the
fingerprint of their words: on such an article the model answers with the person's labels.

The label set is then closed under the taxonomy (a subtype implies its family, victim flags need
`kekerasan`). The stage comes from a multinomial head over the same features, asked only when a family is
present (`lainnya` otherwise). Evidence is the rules' text spans for the label; a label that only the model
saw gets its strongest words, located in the text, as evidence (rule id ``model/<label>``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from sorot.models import taxonomy
from sorot.models.classifier.features import WordVectorizer, article_rule_views, stage_view
from sorot.models.dataset import fingerprint
from sorot.models.rules import Evidence, LabelHit, RuleSignals, RuleTagger, Tagging
from sorot.models.rules.engine import blank_noise

MODEL_EVIDENCE_TERMS = 3


@dataclass
class LabelHead:
    """How one label is decided (see the module docstring)."""

    kind: str  # "stacked" or "rules"
    threshold: float = 0.5
    coef: np.ndarray | None = None  # word weights (None when the model uses no words)
    intercept: float = 0.0
    combiner: np.ndarray | None = (
        None  # [word decision weight (if words), RULE_VIEW weights (if rules), bias]
    )
    positives: int = 0


@dataclass
class StageHead:
    classes: list[str]
    coef: np.ndarray  # classes x stage_view features
    intercept: np.ndarray


@dataclass(frozen=True)
class Classification:
    """The model's answer for one article."""

    labels: tuple[str, ...]
    scores: dict[str, float]
    tahap: str
    evidence: dict[str, tuple[Evidence, ...]]
    model_version: str

    @property
    def victims(self) -> tuple[str, ...]:
        return tuple(label for label in self.labels if label in taxonomy.VICTIM_FLAGS)

    def to_tagging(self) -> Tagging:
        """The same answer in the rules tagger's shape, so the pipeline and warehouse take either."""
        hits = tuple(
            LabelHit(label, self.scores.get(label, 0.0), self.evidence.get(label, ()))
            for label in self.labels
        )
        return Tagging(labels=hits, tahap=self.tahap, tagger_version=self.model_version)


@dataclass
class TopicModel:
    """A trained model (see the module docstring); build with ``training.train`` or ``artefact.load``."""

    version: str
    words: WordVectorizer | None
    use_rules: bool
    heads: dict[str, LabelHead]
    stage: StageHead | None
    info: dict[str, Any] = field(default_factory=dict)
    # Articles people corrected, by fingerprint of their words: the model answers as the person did.
    memory: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    # Character n-grams of title and lead, beside the words (their columns follow the words' columns).
    chars: WordVectorizer | None = None
    _tagger: RuleTagger | None = field(default=None, repr=False)
    _stacked: tuple[list[str], np.ndarray, np.ndarray] | None = field(default=None, repr=False)
    _combined: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    # -- features -------------------------------------------------------------------------------------

    @property
    def tagger(self) -> RuleTagger:
        if self._tagger is None:
            self._tagger = RuleTagger()
        return self._tagger

    @property
    def vectorizers(self) -> list[WordVectorizer]:
        return [v for v in (self.words, self.chars) if v is not None]

    @property
    def n_word_features(self) -> int:
        return sum(len(v.vocabulary) for v in self.vectorizers)

    def word_matrix(self, items: Sequence[tuple[str, str]]) -> sp.csr_matrix:
        """The text features of a batch: word TF-IDF, then (if the model has them) character n-grams."""
        if not self.vectorizers:
            return sp.csr_matrix((len(items), 0))
        blanked = [(blank_noise(title or ""), blank_noise(text or "")) for title, text in items]
        blocks = [v.transform(v.documents(blanked)) for v in self.vectorizers]
        return blocks[0] if len(blocks) == 1 else sp.hstack(blocks, format="csr")

    # -- prediction -----------------------------------------------------------------------------------

    def _word_weights(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The stacked heads' word weights in one matrix, so a batch is scored with one sparse product."""
        if self._stacked is None:
            names = [label for label in taxonomy.LABELS if self.heads[label].kind == "stacked"]
            weights = np.zeros((self.n_word_features, len(names)))
            intercepts = np.zeros(len(names))
            for j, label in enumerate(names):
                if self.heads[label].coef is not None:
                    weights[:, j] = self.heads[label].coef
                    intercepts[j] = self.heads[label].intercept
            self._stacked = (names, weights, intercepts)
        return self._stacked

    def _combiners(self) -> tuple[np.ndarray, np.ndarray]:
        """The stacked heads' combiner weights (one row per head) and thresholds, in ``_word_weights`` order."""
        if self._combined is None:
            names = self._word_weights()[0]
            self._combined = (
                np.array([self.heads[label].combiner for label in names]),
                np.array([self.heads[label].threshold for label in names]),
            )
        return self._combined

    def combine(self, head: LabelHead, word_decision: float | None, view: Sequence[float]) -> float:
        """The stacked head's probability from the word decision and the rules' view."""
        inputs = ([word_decision] if word_decision is not None else []) + (
            list(view) if self.use_rules else []
        )
        assert head.combiner is not None
        z = float(np.dot(head.combiner[:-1], inputs) + head.combiner[-1])
        return 1.0 / (1.0 + np.exp(-z))

    def classify(self, title: str, text: str) -> Classification:
        return self.classify_many([(title or "", text or "")])[0]

    def tag(self, title: str, text: str) -> Tagging:
        """The rules tagger's interface (``ArticleProcessor`` calls this)."""
        return self.classify(title, text).to_tagging()

    @property
    def tagger_version(self) -> str:
        return self.version

    def classify_many(
        self,
        items: Sequence[tuple[str, str]],
        analysed: Sequence[tuple[Tagging, RuleSignals]] | None = None,
    ) -> list[Classification]:
        """Classify a batch of (title, text); ``analysed`` passes rule results already computed.

        The rules' victim and stage cues are read only for articles that get a family (the rules' own, or
        the model's on a second look), so unrelated news costs little; the answer is the same as with all
        cues read for every article.
        """
        items = [(title or "", text or "") for title, text in items]
        if not items:
            return []
        if analysed is None:
            analysed = [self.tagger.analyse(title, text, full=False) for title, text in items]
        analysed = list(analysed)
        matrix = self.word_matrix(items)
        names, weights, intercepts = self._word_weights()
        decisions = np.asarray(matrix @ weights) + intercepts if self.vectorizers else None
        results = []
        for row, (title, text) in enumerate(items):
            word_row = decisions[row] if decisions is not None else None
            result = self._predict(names, word_row, (matrix, row), title, text, *analysed[row])
            if self.memory:
                remembered = self.memory.get(fingerprint(title, text))
                if remembered is not None:
                    results.append(self._remembered(result, *remembered))
                    continue
            if not analysed[row][1].full and set(result.labels) & set(taxonomy.FAMILIES):
                analysed[row] = self.tagger.analyse(title, text, full=True)
                result = self._predict(names, word_row, (matrix, row), title, text, *analysed[row])
            results.append(result)
        return results

    def _predict(
        self,
        names: Sequence[str],
        word_decisions: np.ndarray | None,
        word_row: tuple[sp.csr_matrix, int],
        title: str,
        text: str,
        tagging: Tagging,
        signals: RuleSignals,
    ) -> Classification:
        rule_hits = {hit.label: hit for hit in tagging.labels}
        scores: dict[str, float] = {}
        chosen: list[str] = []
        if names:
            combiners, thresholds = self._combiners()
            views = np.array(article_rule_views(names, tagging, signals)) if self.use_rules else None
            z = combiners[:, -1].copy()
            if word_decisions is not None:
                z += combiners[:, 0] * word_decisions
            if views is not None:
                z += np.einsum("ij,ij->i", combiners[:, -1 - views.shape[1] : -1], views)
            probabilities = 1.0 / (1.0 + np.exp(-z))
            for j, label in enumerate(names):
                scores[label] = float(probabilities[j])
                if probabilities[j] >= thresholds[j]:
                    chosen.append(label)
        for label in taxonomy.LABELS:
            if self.heads[label].kind == "rules":
                hit = rule_hits.get(label)
                scores[label] = hit.score if hit else 0.0
                if hit is not None:
                    chosen.append(label)
        labels = tuple(taxonomy.close_labels(chosen))
        for family, subtypes in (
            ("kekerasan", taxonomy.VIOLENCE_SUBTYPES),
            ("gender", taxonomy.GENDER_SUBTYPES),
        ):
            if family in labels:
                scores[family] = max([scores.get(family, 0.0), *(scores[s] for s in subtypes if s in labels)])
        evidence = {}
        for label in labels:
            hit = rule_hits.get(label)
            evidence[label] = (
                hit.evidence
                if hit and hit.evidence
                else self._term_evidence(label, word_row[0][word_row[1]], title, text)
            )
        return Classification(
            labels=labels,
            scores={label: round(scores.get(label, 0.0), 4) for label in taxonomy.LABELS},
            tahap=self._stage_of(labels, tagging, signals),
            evidence=evidence,
            model_version=self.version,
        )

    def _remembered(self, result: Classification, labels: tuple[str, ...], tahap: str) -> Classification:
        """A corrected article: the person's labels and stage; scores and evidence of the labels they kept."""
        scores = dict(result.scores)
        for label in taxonomy.LABELS:
            if label in labels:
                scores[label] = max(scores[label], 1.0 if label not in result.labels else scores[label])
            else:
                scores[label] = min(scores[label], 0.0 if label in result.labels else scores[label])
        evidence = {label: result.evidence.get(label, ()) for label in labels}
        return Classification(labels, scores, tahap, evidence, self.version)

    def _stage_of(self, labels: Sequence[str], tagging: Tagging, signals: RuleSignals) -> str:
        """The stage: `lainnya` outside both families; an incident stage only with violence."""
        if not set(labels) & set(taxonomy.FAMILIES):
            return "lainnya"
        if self.stage is None:
            return tagging.tahap if tagging.tahap != "lainnya" or "kekerasan" not in labels else "kejadian"
        scores = self.stage.coef @ np.asarray(stage_view(tagging, signals)) + self.stage.intercept
        for index in np.argsort(-scores, kind="stable"):
            stage = self.stage.classes[index]
            if "kekerasan" in labels and stage == "lainnya":
                continue
            if "kekerasan" not in labels and stage == "kejadian":
                continue
            return stage
        return "lainnya"

    def _term_evidence(self, label: str, row: sp.csr_matrix, title: str, text: str) -> tuple[Evidence, ...]:
        """The words that pushed a label most, located in the title or text (for labels the rules missed)."""
        head = self.heads.get(label)
        if head is None or head.coef is None or self.words is None:
            return ()
        row = row.tocsr()
        words = len(self.words.vocabulary)
        contributions = np.where(row.indices < words, row.data * head.coef[row.indices], 0.0)
        order = [i for i in np.argsort(-contributions, kind="stable") if contributions[i] > 0][
            :MODEL_EVIDENCE_TERMS
        ]
        contributions = [(contributions[i], int(row.indices[i])) for i in order]
        found = []
        for _value, column in contributions:
            term = self.words.vocabulary[column]
            pattern = re.compile(
                r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)", re.IGNORECASE
            )
            for field_name, subject in (("title", title), ("text", text)):
                match = pattern.search(subject)
                if match:
                    found.append(
                        Evidence(field_name, match.start(), match.end(), match.group(0), f"model/{label}")
                    )
                    break
        return tuple(sorted(found, key=lambda e: (e.field != "title", e.start)))
