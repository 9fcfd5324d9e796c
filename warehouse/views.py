"""The derived tables behind the analysis views, refreshed by the writer after every load.

Views compute at query time, but a share needs its denominator for every outlet and day, including the days
an outlet published nothing on a topic; recomputing that from a million articles in every query would make
the weekly queries slow. So the writer keeps ``source_daily_totals`` (rebuilt whole: about half a second
at a million articles, and never out of step with ``articles``) and brings the full-text index
up to date, right before the warehouse is published.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from sorot.warehouse.search import IndexRefresh, refresh_search_index

TIMEZONE = "Asia/Jakarta"
"""Days and weeks are counted in WIB, like the weekly report."""

_DAILY_TOTALS = """
INSERT INTO source_daily_totals
WITH published AS (
    SELECT source_id, timezone($tz, published_at)::DATE AS day, count(*) AS articles,
           count(DISTINCT story_id) AS stories, count(*) FILTER (WHERE is_wire_copy) AS wire_copies,
           count(*) FILTER (WHERE exact_duplicate_of IS NOT NULL) AS exact_duplicates,
           sum(word_count) AS words
    FROM articles WHERE published_at IS NOT NULL
    GROUP BY ALL
),
fetched AS (
    SELECT source_id, timezone($tz, fetched_at)::DATE AS day,
           count(*) FILTER (WHERE kind = 'article' OR kind = 'fetch_error') AS pages_fetched,
           count(*) FILTER (WHERE (kind = 'article' AND outcome = 'error') OR kind = 'fetch_error')
               AS pages_failed
    FROM fetched_pages WHERE fetched_at IS NOT NULL AND source_id IS NOT NULL
    GROUP BY ALL
)
SELECT coalesce(p.source_id, f.source_id), coalesce(p.day, f.day), coalesce(p.articles, 0),
       coalesce(p.stories, 0), coalesce(p.wire_copies, 0), coalesce(p.exact_duplicates, 0),
       coalesce(p.words, 0), coalesce(f.pages_fetched, 0), coalesce(f.pages_failed, 0), $now
FROM published p
FULL OUTER JOIN fetched f ON f.source_id IS NOT DISTINCT FROM p.source_id AND f.day = p.day
ORDER BY 2, 1
"""


@dataclass(frozen=True)
class ReaderTablesRefresh:
    daily_rows: int
    daily_seconds: float
    search: IndexRefresh


def refresh_daily_totals(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild ``source_daily_totals`` in one transaction; returns its row count."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM source_daily_totals")
        con.execute(_DAILY_TOTALS, {"tz": TIMEZONE, "now": datetime.now(UTC)})
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return int(con.execute("SELECT count(*) FROM source_daily_totals").fetchone()[0])


def refresh_reader_tables(con: duckdb.DuckDBPyConnection, *, full_search_rebuild: bool = False
                          ) -> ReaderTablesRefresh:
    """Everything readers rely on beyond the loaded rows: daily totals, then the search index.

    The one call the writer makes after a load and before publishing (the caller holds the writer lock).
    """
    started = time.monotonic()
    rows = refresh_daily_totals(con)
    daily_seconds = time.monotonic() - started
    search = refresh_search_index(con, full=full_search_rebuild)
    return ReaderTablesRefresh(rows, daily_seconds, search)
