"""`sorot reprocess`: re-extract and re-tag every archived page (or those fetched since a day) without
fetching anything, then publish."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sorot.crawlers.archive import iter_archive
from sorot.crawlers.sources import all_sources
from sorot.warehouse.db import connect_writer, writer_lock
from sorot.warehouse.loader import WarehouseLoader
from sorot.warehouse.publish import publish
from sorot.warehouse.reprocess import ReprocessStats, reprocess_articles

from ..config import Config
from ..process import ProcessedArticle
from ..runner import process_archived_page
from .crawl import register_sources
from .ingest import default_processor


@dataclass
class ReprocessResult:
    pages: int
    failures: list[str]
    stats: ReprocessStats
    published: Path


def reprocess(config: Config, *, since: date | None = None, wait_for_lock: float = 0.0,
              on_progress: Callable[[str], None] = print) -> ReprocessResult:
    register_sources(config)
    paths = config.paths
    processor = default_processor(paths, on_progress)
    pages = 0
    failures: list[str] = []

    def articles() -> Iterator[ProcessedArticle]:
        nonlocal pages
        for archive in sorted(paths.archive_dir.glob("*.warc.gz")):
            for page in iter_archive(archive):
                if since and page.fetched_at[:10] < since.isoformat():
                    continue
                pages += 1
                result = process_archived_page(page, processor)
                if result.article is None:
                    failures.append(f"{page.url}: {result.error}")
                else:
                    yield result.article
                if pages % 100 == 0:
                    on_progress(f"[reprocess] {pages} archived pages processed")

    with writer_lock(paths.warehouse, wait_seconds=wait_for_lock):
        con = connect_writer(paths.warehouse)
        try:
            WarehouseLoader(con).upsert_sources(all_sources())
            stats = reprocess_articles(con, articles())
            con.execute("CHECKPOINT")
        finally:
            con.close()
        published = publish(paths.warehouse, paths.published)
    return ReprocessResult(pages, failures, stats, published)
