"""Writing an article's classification: its label rows, stage, tagger version and facets.

The loader calls ``store_facets`` for new articles; ``sorot reclassify`` calls ``replace_classification`` to
re-tag stored articles with the current model. Human corrections (``corrections.py``) are applied again on
top of every re-tagging, so a better model never silently undoes a person's decision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import duckdb

CORRECTION_VERSION = "correction"


class _Hit(Protocol):
    label: str
    score: float
    evidence: Sequence[Any]


class _Region(Protocol):
    province: str | None
    province_code: str | None
    regency: str | None
    regency_code: str | None
    mention: str
    source: str
    candidates: tuple[str, ...]


class _Quoted(Protocol):
    name: str | None
    role: str | None
    mentions: int


def evidence_json(hit: _Hit) -> str:
    return json.dumps(
        [
            {"field": e.field, "start": e.start, "end": e.end, "text": e.text, "rule": e.rule}
            for e in hit.evidence
        ],
        ensure_ascii=False,
    )


def insert_labels(
    con: duckdb.DuckDBPyConnection, article_id: str, hits: Iterable[_Hit], version: str
) -> None:
    rows = [(article_id, hit.label, float(hit.score), evidence_json(hit), version) for hit in hits]
    if rows:
        con.executemany("INSERT INTO article_labels VALUES (?, ?, ?, ?, ?)", rows)


def store_facets(
    con: duckdb.DuckDBPyConnection, article_id: str, regions: Sequence[_Region], quoted: Sequence[_Quoted],
    *, replace: bool = True,
) -> None:
    """Replace an article's regions and quoted people (inside the caller's transaction).

    ``replace=False`` for an article stored just now, which has none yet: the two deletes scan tables of
    a million rows, most of a load's time per article otherwise.
    """
    if replace:
        con.execute("DELETE FROM article_regions WHERE article_id = ?", [article_id])
        con.execute("DELETE FROM article_quotes WHERE article_id = ?", [article_id])
    if regions:
        con.executemany(
            "INSERT INTO article_regions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    i,
                    r.province,
                    r.province_code,
                    r.regency,
                    r.regency_code,
                    r.mention,
                    r.source,
                    list(r.candidates) or None,
                )
                for i, r in enumerate(regions)
            ],
        )
    if quoted:
        con.executemany(
            "INSERT INTO article_quotes VALUES (?, ?, ?, ?, ?)",
            [(article_id, i, q.name, q.role, q.mentions) for i, q in enumerate(quoted)],
        )


def replace_classification(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    hits: Sequence[_Hit],
    tahap: str,
    version: str,
    regions: Sequence[_Region] | None = None,
    quoted: Sequence[_Quoted] | None = None,
) -> None:
    """Re-tag one stored article (inside the caller's transaction), then re-apply its corrections."""
    from sorot.warehouse.corrections import reapply_corrections

    con.execute("DELETE FROM article_labels WHERE article_id = ?", [article_id])
    insert_labels(con, article_id, hits, version)
    con.execute(
        "UPDATE articles SET tahap = ?, tagger_version = ? WHERE article_id = ?", [tahap, version, article_id]
    )
    if regions is not None and quoted is not None:
        store_facets(con, article_id, regions, quoted)
    reapply_corrections(con, article_id)
