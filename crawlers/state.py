"""The crawler's memory between runs: which canonical URLs are already archived.

A small SQLite file (WAL mode) owned by the crawler alone, so that the crawl never needs the warehouse
(architecture: crawlers do not import or open the warehouse). A URL is recorded only after its response
is safely written to the archive, so a killed crawl can lose nothing that it recorded.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS known_urls (
    canonical_url TEXT PRIMARY KEY,
    source_key    TEXT NOT NULL,
    archive_file  TEXT NOT NULL,
    fetched_at    TEXT NOT NULL,
    status        INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_validators (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    checked_at    TEXT NOT NULL
);
"""


class CrawlState:
    """Known-URL store; safe to open from one crawling process at a time."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def is_known(self, canonical_url: str) -> bool:
        row = self._db.execute("SELECT 1 FROM known_urls WHERE canonical_url = ?", (canonical_url,)).fetchone()
        return row is not None

    def mark_archived(self, canonical_url: str, source_key: str, archive_file: str, fetched_at: str,
                      status: int) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO known_urls VALUES (?, ?, ?, ?, ?)",
                (canonical_url, source_key, archive_file, fetched_at, status),
            )

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) the feed sent last time, for a conditional request."""
        row = self._db.execute("SELECT etag, last_modified FROM feed_validators WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def remember_validators(self, url: str, etag: str | None, last_modified: str | None, checked_at: str) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO feed_validators VALUES (?, ?, ?, ?)",
                             (url, etag, last_modified, checked_at))

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM known_urls").fetchone()[0])

    def close(self) -> None:
        self._db.close()
