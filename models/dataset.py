"""The labelled examples the classifier learns from: the gold set with its texts, plus human corrections.

Texts live beside the gold labels (``data/articles.jsonl``, with dataset, URL and licence per row) so that
training and evaluation need nothing outside the project. Corrections made in the warehouse (``sorot label``)
arrive as extra examples: a correction of an article already in the gold set replaces its labels (a person
looked again), any other corrected article is added, with a larger weight, because one corrected article
must be enough to change what the next model says about it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sorot.models import taxonomy

DATA_DIR = Path(__file__).parent / "data"
# How much one corrected article weighs against one gold article in training (see the module docstring).
CORRECTION_WEIGHT = 8.0
# Written training articles (``data/synthetic``, see its README): training only, never scored.
SYNTHETIC_DIR = "synthetic"
SYNTHETIC_WEIGHT = 1.0


@dataclass(frozen=True)
class Example:
    """One labelled article: its words, its gold labels (closed under the taxonomy) and stage."""

    id: str
    title: str
    text: str
    labels: tuple[str, ...]
    tahap: str
    weight: float = 1.0
    origin: str = "gold"  # "gold", "correction" or "synthetic"
    dataset: str | None = None


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_examples(data_dir: Path = DATA_DIR) -> list[Example]:
    """The gold set joined with its texts, in id order; every gold id must have a text."""
    texts = {row["id"]: row for row in _read_jsonl(data_dir / "articles.jsonl")}
    examples = []
    for row in _read_jsonl(data_dir / "gold.jsonl"):
        article = texts.get(row["id"])
        if article is None:
            raise ValueError(f"gold id {row['id']} has no text in {data_dir / 'articles.jsonl'}")
        examples.append(
            Example(
                id=row["id"],
                title=article.get("title") or "",
                text=article["body"],
                labels=tuple(taxonomy.close_labels(row["labels"])),
                tahap=row["tahap"],
                dataset=article.get("dataset"),
            )
        )
    return sorted(examples, key=lambda e: e.id)


def load_synthetic(data_dir: Path = DATA_DIR, weight: float = SYNTHETIC_WEIGHT) -> list[Example]:
    """The written training articles (``data/synthetic/part-*.jsonl``), in file and line order.

    They widen what the word model has seen (more ways violence and gender news is told, more out-of-scope
    look-alikes) where the reference corpus has no more real examples; they are training data only, so
    evaluation adds them to each fold's training part and never scores them. Their labels are the second
    reading's (``review-*.jsonl``) where there is one, the writer's otherwise.
    """
    folder = data_dir / SYNTHETIC_DIR
    reviewed = {row["id"]: row for path in sorted(folder.glob("review-*.jsonl")) for row in _read_jsonl(path)}
    examples = []
    for path in sorted(folder.glob("part-*.jsonl")):
        for number, row in enumerate(_read_jsonl(path), start=1):
            final = reviewed.get(row["id"], row)
            unknown = set(final["labels"]) - set(taxonomy.LABELS)
            if unknown or final["tahap"] not in taxonomy.STAGES:
                raise ValueError(
                    f"{path.name} line {number}: unknown labels {sorted(unknown)} or stage {final['tahap']!r}"
                )
            examples.append(
                Example(
                    id=row["id"],
                    title=row["title"],
                    text=row["body"],
                    labels=tuple(taxonomy.close_labels(final["labels"])),
                    tahap=final["tahap"],
                    weight=weight,
                    origin="synthetic",
                    dataset="synthetic",
                )
            )
    return examples


def correction_example(
    article_id: str, title: str, text: str, labels: Iterable[str], tahap: str | None = None
) -> Example:
    """An example from a human correction; without a stated stage, the usual one for the labels."""
    closed = tuple(taxonomy.close_labels(labels))
    if tahap is None:
        tahap = "kejadian" if "kekerasan" in closed else "lainnya"
    return Example(article_id, title or "", text, closed, tahap, CORRECTION_WEIGHT, "correction")


def with_corrections(examples: Sequence[Example], corrections: Iterable[Example]) -> list[Example]:
    """Gold examples with corrections applied: same id (or same words) replaces, others are added."""
    by_id = {example.id: example for example in examples}
    by_words = {fingerprint(e.title, e.text): e.id for e in examples}
    for correction in corrections:
        target = (
            correction.id
            if correction.id in by_id
            else by_words.get(fingerprint(correction.title, correction.text))
        )
        if target is not None:
            by_id[target] = replace(
                by_id[target],
                labels=correction.labels,
                tahap=correction.tahap,
                weight=CORRECTION_WEIGHT,
                origin="correction",
            )
        else:
            by_id[correction.id] = correction
    return sorted(by_id.values(), key=lambda e: e.id)


def fingerprint(title: str, text: str) -> str:
    """A hash of an article's lower-cased words: the same article stored twice gets the same fingerprint."""
    words = " ".join(f"{title or ''} {text}".lower().split())
    return hashlib.sha1(words.encode("utf-8")).hexdigest()


def data_digest(examples: Sequence[Example]) -> str:
    """A hash of everything training reads, so a model can say exactly which data made it."""
    digest = hashlib.sha256()
    for e in examples:
        digest.update(
            json.dumps([e.id, e.title, e.text, list(e.labels), e.tahap, e.weight], ensure_ascii=False).encode(
                "utf-8"
            )
        )
    return digest.hexdigest()
