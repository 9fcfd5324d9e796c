"""Re-processing archived pages into the warehouse: a better extractor or tagger reaches old articles.

Stored articles keep their identity (id, story, first-seen time, human corrections, which are re-applied); their
text, metadata, labels and facets are replaced by what the current code extracts from the archived response.
Pages that failed before and now succeed are added as new articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb

from sorot.pipeline.dedupe.hashing import content_hash
from sorot.pipeline.dedupe.stories import minhash_of, signature_to_bytes
from sorot.pipeline.process import ProcessedArticle

from .classification import replace_classification
from .loader import LoadStats, WarehouseLoader, article_id_for

BATCH_SIZE = 200


@dataclass
class ReprocessStats:
    updated: int = 0
    added: LoadStats | None = None


def reprocess_articles(con: duckdb.DuckDBPyConnection, articles: Iterable[ProcessedArticle]) -> ReprocessStats:
    """Replace stored articles by their re-processed versions (short transactions), add the new ones."""
    stats = ReprocessStats()
    loader = WarehouseLoader(con)
    new: list[ProcessedArticle] = []
    batch: list[ProcessedArticle] = []

    def flush() -> None:
        con.execute("BEGIN TRANSACTION")
        try:
            for article in batch:
                if _update(con, article):
                    stats.updated += 1
                else:
                    new.append(article)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        batch.clear()

    for article in articles:
        batch.append(article)
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    stats.added = loader.load(new)  # also refreshes stories and wire-copy marks
    return stats


def _update(con: duckdb.DuckDBPyConnection, a: ProcessedArticle) -> bool:
    article_id = article_id_for(a.canonical_url)
    if con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is None:
        return False
    con.execute(
        "UPDATE articles SET title = ?, published_at = ?, modified_at = ?, published_text = ?, author = ?, "
        "editor = ?, dateline = ?, section = ?, tags = ?, language = ?, text = ?, word_count = ?, content_hash = ?, "
        "minhash = ?, is_wire_copy = is_wire_copy OR ?, wire_agency = coalesce(?, wire_agency), "
        "extractor_version = ?, parser_version = ?, warnings = ? WHERE article_id = ?",
        [a.title, a.published_at, a.modified_at, a.published_text, a.author, a.editor, a.dateline, a.section,
         a.tags, a.language, a.text, a.word_count, content_hash(a.text), signature_to_bytes(minhash_of(a.text)),
         a.is_wire_copy, a.wire_agency, a.extractor_version, a.parser_version, a.warnings, article_id],
    )
    replace_classification(con, article_id, a.labels, a.tahap, a.tagger_version,
                           getattr(a, "regions", None), getattr(a, "quoted", None))
    return True
