"""Scrapy item pipelines: archive article responses and keep a readable log of every crawl event."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler

from .archive import ArchiveWriter
from .items import CrawlEvent, FetchedPage
from .state import CrawlState


class ArchivePipeline:
    """Writes FetchedPage items to the WARC archive, then records the URL as known; logs CrawlEvents.

    The order matters: a URL becomes "known" only once its record is on disk, so a crash between the two
    at worst fetches that one page again next time and never loses it.
    """

    def __init__(self, archive_dir: Path, state_path: Path, run_id: str, progress_every: int) -> None:
        self.archive_path = archive_dir / f"{run_id}.warc.gz"
        self.log_path = archive_dir / f"{run_id}.events.jsonl"
        self.state_path = state_path
        self.progress_every = progress_every
        self.pages = 0
        self.events = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        settings = crawler.settings
        return cls(
            archive_dir=Path(settings["SOROT_ARCHIVE_DIR"]),
            state_path=Path(settings["SOROT_STATE_PATH"]),
            run_id=settings["SOROT_RUN_ID"],
            progress_every=settings.getint("SOROT_PROGRESS_EVERY", 25),
        )

    def open_spider(self, spider: Spider | None = None) -> None:
        self.writer = ArchiveWriter(self.archive_path)
        self.log = open(self.log_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the crawl
        self.state = CrawlState(self.state_path)

    def close_spider(self, spider: Spider | None = None) -> None:
        self.writer.close()
        self.log.close()
        self.state.close()
        _progress(f"crawl finished: {self.pages} article pages archived, {self.events} events logged")

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, FetchedPage):
            offset = self.writer.write(item)
            self.state.mark_archived(item.canonical_url, item.source_key, self.archive_path.name,
                                     item.fetched_at, item.status)
            self._log({"kind": "archived", "url": item.url, "canonical_url": item.canonical_url,
                       "source_key": item.source_key, "status": item.status, "at": item.fetched_at,
                       "archive_file": self.archive_path.name, "offset": offset})
            self.pages += 1
            if self.pages % self.progress_every == 0:
                _progress(f"{self.pages} article pages archived")
        elif isinstance(item, CrawlEvent):
            self._log(asdict(item))
        return item

    def _log(self, event: dict[str, object]) -> None:
        self.log.write(json.dumps(event, ensure_ascii=False) + "\n")
        self.log.flush()
        self.events += 1


def _progress(message: str) -> None:
    """Progress for the parent process (the sorot command relays stdout lines to the user)."""
    print(f"[crawl] {message}", file=sys.stdout, flush=True)
