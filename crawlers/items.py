"""What the spiders hand to the item pipelines: fetched article pages and crawl events.

The crawler never parses article content; it keeps the raw response so the pipeline can (re)process it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchedPage:
    """One article response, archived byte for byte."""

    url: str
    canonical_url: str
    source_key: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: str
    #: what the feed said of the item (title, date), kept as a fallback for metadata
    feed_title: str | None = None
    feed_date: str | None = None
    feed_url: str | None = None


@dataclass
class CrawlEvent:
    """Something that happened to a URL and must be visible afterwards (a skip, an error, a feed's state)."""

    kind: str  # "feed_ok", "feed_empty", "feed_error", "skipped", "fetch_error"
    url: str
    source_key: str | None
    reason: str = ""
    at: str = ""
    details: dict[str, object] = field(default_factory=dict)
