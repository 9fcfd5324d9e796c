"""Source health: is every source still being collected, and is its extraction still working?

Monitoring users' worst surprise is a source that silently stopped (a feed that no longer publishes, a
template change that makes every page fail). Health is computed from what the warehouse already records
(fetched_pages events and stored articles) for a moment `as_of`, shown by `sorot sources status`, and kept
as a snapshot after every load so that its history can be queried.

Status, most severe first:
- `feed_failing`: the latest answer of at least one of the source's feeds was an error or an empty feed;
- `extraction_failing`: at least half of the pages fetched in the last 7 days could not be processed
  ("template changed?" when the rate before was low);
- `stale`: feeds answer, but no new article arrived for longer than 3 days or four times the usual gap;
- `ok`, or `never_fetched` for a registered source never crawled.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

import duckdb

STALE_MIN_DAYS = 3.0
STALE_GAP_FACTOR = 4.0
FAILURE_RATE = 0.5
FAILURE_MIN_PAGES = 3
HEALTHY_RATE_BEFORE = 0.2


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    status: str
    note: str
    last_fetch_at: datetime | None
    last_new_article_at: datetime | None
    last_published_at: datetime | None
    articles_7d: int
    articles_28d: int
    articles_per_day_28d: float
    feed_errors_7d: int
    fetch_errors_7d: int
    pages_7d: int
    extraction_failures_7d: int
    extraction_failure_rate_7d: float | None
    extraction_failure_rate_before: float | None

    def to_json(self) -> dict[str, object]:
        return {key: value.isoformat() if isinstance(value, datetime) else value
                for key, value in asdict(self).items()}


_QUERY = """
WITH src AS (SELECT source_id FROM sources WHERE source_id IN (SELECT DISTINCT source_id FROM fetched_pages
                                                              WHERE source_id IS NOT NULL)),
pages AS (
    SELECT source_id, fetched_at, kind, outcome, url FROM fetched_pages
    WHERE source_id IS NOT NULL AND fetched_at IS NOT NULL AND fetched_at <= $as_of
),
latest_feed AS (
    SELECT source_id, url, arg_max(kind, fetched_at) AS kind, arg_max(reason, fetched_at) AS reason
    FROM fetched_pages
    WHERE kind IN ('feed_ok', 'feed_not_modified', 'feed_error', 'feed_empty') AND fetched_at <= $as_of
    GROUP BY source_id, url
)
SELECT
    s.source_id,
    (SELECT max(fetched_at) FROM pages p WHERE p.source_id = s.source_id
       AND p.kind IN ('feed_ok', 'feed_not_modified', 'sitemap_ok', 'listing_ok', 'article')
       AND p.outcome <> 'error') AS last_fetch_at,
    (SELECT max(first_seen_at) FROM articles a WHERE a.source_id = s.source_id AND a.first_seen_at <= $as_of),
    (SELECT max(published_at) FROM articles a WHERE a.source_id = s.source_id AND a.first_seen_at <= $as_of),
    (SELECT count(*) FROM articles a WHERE a.source_id = s.source_id
       AND a.first_seen_at > $as_of - INTERVAL 7 DAY AND a.first_seen_at <= $as_of),
    (SELECT count(*) FROM articles a WHERE a.source_id = s.source_id
       AND a.first_seen_at > $as_of - INTERVAL 28 DAY AND a.first_seen_at <= $as_of),
    (SELECT count(*) FROM pages p WHERE p.source_id = s.source_id AND p.kind IN ('feed_error', 'feed_empty')
       AND p.fetched_at > $as_of - INTERVAL 7 DAY),
    (SELECT count(*) FROM pages p WHERE p.source_id = s.source_id AND p.kind = 'fetch_error'
       AND p.fetched_at > $as_of - INTERVAL 7 DAY),
    (SELECT count(*) FROM pages p WHERE p.source_id = s.source_id AND p.kind = 'article'
       AND p.fetched_at > $as_of - INTERVAL 7 DAY),
    (SELECT count(*) FROM pages p WHERE p.source_id = s.source_id AND p.kind = 'article' AND p.outcome = 'error'
       AND p.fetched_at > $as_of - INTERVAL 7 DAY),
    (SELECT count(*) FROM pages p WHERE p.source_id = s.source_id AND p.kind = 'article'
       AND p.fetched_at <= $as_of - INTERVAL 7 DAY AND p.fetched_at > $as_of - INTERVAL 35 DAY),
    (SELECT count(*) FROM pages p WHERE p.source_id = s.source_id AND p.kind = 'article' AND p.outcome = 'error'
       AND p.fetched_at <= $as_of - INTERVAL 7 DAY AND p.fetched_at > $as_of - INTERVAL 35 DAY),
    (SELECT list(f.url || ': ' || coalesce(f.reason, f.kind) ORDER BY f.url) FROM latest_feed f
       WHERE f.source_id = s.source_id AND f.kind IN ('feed_error', 'feed_empty'))
FROM src s ORDER BY s.source_id
"""


def compute_source_health(con: duckdb.DuckDBPyConnection, as_of: datetime | None = None) -> list[SourceHealth]:
    """Health of every source that has been crawled, as of a moment (default: now)."""
    moment = as_of or datetime.now(UTC)
    rows = con.execute(_QUERY, {"as_of": moment}).fetchall()
    return [_judge(row, moment) for row in rows]


def _judge(row: tuple, as_of: datetime) -> SourceHealth:
    (source_id, last_fetch, last_new, last_published, a7, a28, feed_errors, fetch_errors, pages7, failures7,
     pages_before, failures_before, failing_feeds) = row
    rate7 = failures7 / pages7 if pages7 else None
    rate_before = failures_before / pages_before if pages_before else None
    per_day = a28 / 28.0
    status, note = "ok", ""
    if failing_feeds:
        status, note = "feed_failing", "; ".join(failing_feeds)
    elif pages7 >= FAILURE_MIN_PAGES and rate7 is not None and rate7 >= FAILURE_RATE:
        status = "extraction_failing"
        note = f"{failures7} of {pages7} pages fetched in the last 7 days could not be processed"
        if rate_before is not None and rate_before < HEALTHY_RATE_BEFORE:
            note += f" (before: {rate_before:.0%}): the outlet's page template probably changed"
    else:
        allowed = max(STALE_MIN_DAYS, STALE_GAP_FACTOR / per_day if per_day else STALE_MIN_DAYS)
        if last_new is None:
            status, note = "stale", "no article stored yet"
        elif as_of - last_new > timedelta(days=allowed):
            days = (as_of - last_new).total_seconds() / 86400
            status = "stale"
            note = f"no new article for {days:.1f} days (usual: {per_day:.1f} a day); the feed may have stopped"
    return SourceHealth(source_id, status, note, last_fetch, last_new, last_published, a7, a28, per_day,
                        feed_errors, fetch_errors, pages7, failures7, rate7, rate_before)


def record_source_health(con: duckdb.DuckDBPyConnection, as_of: datetime | None = None) -> list[SourceHealth]:
    """Compute health now and keep the snapshot (called by the writer after each load)."""
    moment = as_of or datetime.now(UTC)
    health = compute_source_health(con, moment)
    if health:
        con.executemany(
            "INSERT OR REPLACE INTO source_health VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(h.source_id, moment, h.status, h.note, h.last_fetch_at, h.last_new_article_at, h.last_published_at,
              h.articles_7d, h.articles_28d, h.articles_per_day_28d, h.feed_errors_7d, h.fetch_errors_7d,
              h.pages_7d, h.extraction_failures_7d, h.extraction_failure_rate_7d,
              h.extraction_failure_rate_before) for h in health],
        )
    return health
