"""Human corrections of topic labels: record them, apply them, hand them to training.

A correction is a delta ("add femisida, remove kekerasan_psikis"), stored whole in ``label_corrections``
with the labels before and after, who made it and under which tagger version. It takes effect at once in
``article_labels`` (added rows carry score 1.0, no evidence and tagger_version ``correction``), joins the
training data at the next ``sorot train`` (``corrections_for_training``), and is applied again after every
``sorot reclassify``, so re-tagging never undoes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from sorot.models import taxonomy

from .classification import CORRECTION_VERSION


class CorrectionError(ValueError):
    """The correction cannot be applied as asked (unknown article or label, contradictory request)."""


@dataclass(frozen=True)
class Correction:
    correction_id: int
    article_id: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    labels_before: tuple[str, ...]
    labels_after: tuple[str, ...]
    tahap_after: str


@dataclass(frozen=True)
class CorrectedArticle:
    """A corrected article as training needs it: its words and the labels a person settled on."""

    article_id: str
    title: str
    text: str
    labels: tuple[str, ...]
    tahap: str


def corrected_labels(before: Iterable[str], add: Iterable[str], remove: Iterable[str]) -> list[str]:
    """Apply a delta: removing a family removes its subtypes (and, for `kekerasan`, the victim flags)."""
    add, remove = list(add), list(remove)
    for label in [*add, *remove]:
        if label not in taxonomy.LABELS:
            raise CorrectionError(f"unknown label {label!r}; labels are: {', '.join(taxonomy.LABELS)}")
    clash = set(add) & set(remove)
    if clash:
        raise CorrectionError(f"both added and removed: {', '.join(sorted(clash))}")
    contradicted = sorted(x for x in add if taxonomy.family_of(x) in remove and x not in taxonomy.FAMILIES)
    if contradicted:
        raise CorrectionError(f"cannot remove a family while adding its labels: {', '.join(contradicted)}")
    labels = set(before) | set(add)
    for label in remove:
        labels.discard(label)
        if label in taxonomy.FAMILIES:
            labels = {x for x in labels if taxonomy.family_of(x) != label}
    return taxonomy.close_labels(labels)


def _stage_after(labels: Sequence[str], tahap: str | None, current: str) -> str:
    if tahap is not None:
        if tahap not in taxonomy.STAGES:
            raise CorrectionError(f"unknown tahap {tahap!r}; stages are: {', '.join(taxonomy.STAGES)}")
        return tahap
    if not set(labels) & set(taxonomy.FAMILIES):
        return "lainnya"
    if current == "lainnya":
        return "kejadian" if "kekerasan" in labels else "lainnya"
    return current


def record_correction(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    *,
    tahap: str | None = None,
    corrected_by: str | None = None,
    note: str | None = None,
) -> Correction:
    """Store a correction and apply it to the article's labels, in one transaction."""
    row = con.execute(
        "SELECT tahap, tagger_version FROM articles WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        raise CorrectionError(f"no stored article with id {article_id!r}")
    current_stage, version = row
    before = [
        r[0]
        for r in con.execute("SELECT label FROM article_labels WHERE article_id = ?", [article_id]).fetchall()
    ]
    before = taxonomy.close_labels(before)
    after = corrected_labels(before, add, remove)
    stage = _stage_after(after, tahap, current_stage)
    con.execute("BEGIN TRANSACTION")
    try:
        correction_id = con.execute(
            "INSERT INTO label_corrections (article_id, added, removed, labels_before, labels_after, tahap_after, "
            "tagger_version, corrected_by, note, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING correction_id",
            [
                article_id,
                sorted(set(add)),
                sorted(set(remove)),
                before,
                after,
                stage,
                version,
                corrected_by,
                note,
                datetime.now(UTC),
            ],
        ).fetchone()[0]
        _apply(con, article_id, after, stage)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return Correction(
        correction_id,
        article_id,
        tuple(sorted(set(add))),
        tuple(sorted(set(remove))),
        tuple(before),
        tuple(after),
        stage,
    )


def _apply(con: duckdb.DuckDBPyConnection, article_id: str, labels: Sequence[str], tahap: str) -> None:
    """Make the stored label rows equal ``labels``: keep matching rows, drop others, add missing ones."""
    if labels:
        placeholders = ", ".join("?" for _ in labels)
        con.execute(
            f"DELETE FROM article_labels WHERE article_id = ? AND label NOT IN ({placeholders})",
            [article_id, *labels],
        )
    else:
        con.execute("DELETE FROM article_labels WHERE article_id = ?", [article_id])
    present = {
        r[0]
        for r in con.execute("SELECT label FROM article_labels WHERE article_id = ?", [article_id]).fetchall()
    }
    missing = [label for label in labels if label not in present]
    if missing:
        con.executemany(
            "INSERT INTO article_labels VALUES (?, ?, 1.0, '[]', ?)",
            [(article_id, label, CORRECTION_VERSION) for label in missing],
        )
    con.execute("UPDATE articles SET tahap = ? WHERE article_id = ?", [tahap, article_id])


def reapply_corrections(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
    """Apply an article's corrections, oldest first, to its current labels (after a re-tagging)."""
    rows = con.execute(
        "SELECT added, removed, tahap_after FROM label_corrections WHERE article_id = ? ORDER BY correction_id",
        [article_id],
    ).fetchall()
    if not rows:
        return
    labels = taxonomy.close_labels(
        r[0]
        for r in con.execute("SELECT label FROM article_labels WHERE article_id = ?", [article_id]).fetchall()
    )
    stage = rows[-1][2]
    for added, removed, _stage in rows:
        labels = corrected_labels(labels, added, removed)
    _apply(con, article_id, labels, stage)


def corrections_for_training(con: duckdb.DuckDBPyConnection) -> list[CorrectedArticle]:
    """Every corrected article with its words and its latest corrected labels, in article id order."""
    rows = con.execute(
        "SELECT c.article_id, coalesce(a.title, ''), a.text, c.labels_after, c.tahap_after "
        "FROM label_corrections c JOIN articles a USING (article_id) "
        "QUALIFY row_number() OVER (PARTITION BY c.article_id ORDER BY c.correction_id DESC) = 1 "
        "ORDER BY c.article_id"
    ).fetchall()
    return [CorrectedArticle(r[0], r[1], r[2], tuple(r[3]), r[4]) for r in rows]
