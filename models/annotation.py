"""Hand annotations: reading them, measuring agreement, and settling them into the gold set.

The gold set is derived, never edited by hand: ``build_gold`` turns the annotators' files
(``data/annotations/annotator-*.jsonl``) and the adjudicator's record (``data/adjudication.jsonl``) into
``data/gold.jsonl``, so anyone can check that every gold label traces back to a person who read the article.
Agreement is measured on the double-annotated articles *before* adjudication, because that is what tells a
researcher how reproducible the labels are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sorot.models import taxonomy

DATA_DIR = Path(__file__).parent / "data"
GUIDELINE = "taxonomy-v1+addendum-1"


@dataclass(frozen=True)
class Annotation:
    """One annotator's reading of one article (labels closed under the taxonomy)."""

    id: str
    labels: tuple[str, ...]
    tahap: str
    annotator: str
    guideline: str
    note: str = ""


@dataclass(frozen=True)
class Agreement:
    """Agreement of two annotators on one label (or on the stage) over the double-annotated articles."""

    name: str
    items: int
    both: int  # articles both annotators gave the label (for the stage: agreements)
    only_one: int
    raw: float
    kappa: float | None  # None when neither annotator ever used the label: chance agreement is total


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_annotations(directory: Path = DATA_DIR / "annotations") -> list[Annotation]:
    """Every annotation, with labels closed (a subtype implies its family) and validated against the taxonomy."""
    found = []
    for path in sorted(directory.glob("annotator-*.jsonl")):
        for row in read_jsonl(path):
            if row["tahap"] not in taxonomy.STAGES:
                raise ValueError(f"{path.name}: {row['id']}: unknown tahap {row['tahap']!r}")
            found.append(
                Annotation(
                    id=row["id"],
                    labels=tuple(taxonomy.close_labels(row["labels"])),
                    tahap=row["tahap"],
                    annotator=row["annotator"],
                    guideline=row["guideline"],
                    note=row.get("note", ""),
                )
            )
    return found


def pairs(annotations: Iterable[Annotation]) -> list[tuple[Annotation, Annotation]]:
    """The double-annotated articles as (first, second) pairs, ordered by annotator name."""
    by_id: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_id.setdefault(annotation.id, []).append(annotation)
    result = []
    for article_id in sorted(by_id):
        readings = sorted(by_id[article_id], key=lambda a: a.annotator)
        if len(readings) > 2:
            raise ValueError(f"{article_id}: more than two annotations")
        if len(readings) == 2:
            result.append((readings[0], readings[1]))
    return result


def cohen_kappa(first: Sequence[object], second: Sequence[object]) -> float | None:
    """Cohen's kappa of two raters over the same items; None when chance agreement is 1 (one category only)."""
    n = len(first)
    if n == 0 or n != len(second):
        raise ValueError("two non-empty rating lists of the same length are needed")
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    categories = set(first) | set(second)
    expected = sum((list(first).count(c) / n) * (list(second).count(c) / n) for c in categories)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def agreement(double: Sequence[tuple[Annotation, Annotation]]) -> list[Agreement]:
    """Per-label agreement (every label of the taxonomy, in order) and the stage's, last."""
    results = []
    for label in taxonomy.LABELS:
        first = [label in a.labels for a, _ in double]
        second = [label in b.labels for _, b in double]
        both = sum(x and y for x, y in zip(first, second, strict=True))
        only_one = sum(x != y for x, y in zip(first, second, strict=True))
        raw = 1.0 - only_one / len(double)
        results.append(Agreement(label, len(double), both, only_one, raw, cohen_kappa(first, second)))
    first_stage = [a.tahap for a, _ in double]
    second_stage = [b.tahap for _, b in double]
    same = sum(x == y for x, y in zip(first_stage, second_stage, strict=True))
    results.append(
        Agreement(
            "tahap",
            len(double),
            same,
            len(double) - same,
            same / len(double),
            cohen_kappa(first_stage, second_stage),
        )
    )
    return results


def build_gold(
    annotations: Sequence[Annotation],
    adjudications: Sequence[Mapping],
    sample: Mapping[str, Mapping] | None = None,
) -> list[dict]:
    """The gold rows: agreed or single readings as they are, disagreements as the adjudicator settled them.

    Raises when a disagreement has no adjudication, or an adjudication names annotators that do not match,
    so a new batch of double annotations cannot slip into the gold set unsettled.
    """
    sample = sample or {}
    settled = {row["id"]: row for row in adjudications}
    by_id: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_id.setdefault(annotation.id, []).append(annotation)
    gold = []
    for article_id in sorted(by_id):
        readings = sorted(by_id[article_id], key=lambda a: a.annotator)
        annotators = [a.annotator for a in readings]
        agree = len({(a.labels, a.tahap) for a in readings}) == 1
        if article_id in settled:
            record = settled[article_id]
            if sorted(record["annotators"]) != annotators:
                raise ValueError(
                    f"{article_id}: adjudication names {record['annotators']}, annotated by {annotators}"
                )
            labels, tahap = taxonomy.close_labels(record["labels"]), record["tahap"]
            resolution = "adjudicated"
        elif agree:
            labels, tahap = list(readings[0].labels), readings[0].tahap
            resolution = "agreed" if len(readings) == 2 else "single"
        else:
            raise ValueError(f"{article_id}: annotators disagree and no adjudication settles it")
        if tahap not in taxonomy.STAGES:
            raise ValueError(f"{article_id}: unknown tahap {tahap!r}")
        info = sample.get(article_id, {})
        gold.append(
            {
                "id": article_id,
                "labels": labels,
                "tahap": tahap,
                "guideline": GUIDELINE,
                "annotators": annotators,
                "resolution": resolution,
                "stratum": info.get("stratum", "demo"),
            }
        )
    return gold


def write_gold(path: Path = DATA_DIR / "gold.jsonl") -> list[dict]:
    """Rebuild ``gold.jsonl`` from the annotations, the adjudication record and the sample's strata."""
    sample = {row["id"]: row for row in read_jsonl(DATA_DIR / "annotation-sample.jsonl")}
    gold = build_gold(load_annotations(), read_jsonl(DATA_DIR / "adjudication.jsonl"), sample)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in gold), encoding="utf-8")
    return gold


if __name__ == "__main__":
    rows = write_gold()
    print(f"{len(rows)} gold rows written")
