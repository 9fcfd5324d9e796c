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


@dataclass(frozen=True)
class Example:
    """One labelled article: its words, its gold labels (closed under the taxonomy) and stage."""

    id: str
    title: str
    text: str
    labels: tuple[str, ...]
    tahap: str
    weight: float = 1.0
    origin: str = "gold"  # "gold" or "correction"
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
