"""Streams archived pages through the processor, one page at a time, reporting each outcome.

Pages are read lazily from the WARC file so memory stays flat however large the archive grows; a page that
cannot be processed yields its reason and the stream goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sorot.crawlers.archive import ArchivedPage, iter_archive
from sorot.crawlers.sources import UnknownSourceError, get_source

from .process import ArticleProcessor, NotAnArticleError, ProcessedArticle


@dataclass(frozen=True)
class PageResult:
    page: ArchivedPage
    article: ProcessedArticle | None
    error: str | None


def process_archive(path: Path, processor: ArticleProcessor) -> Iterator[PageResult]:
    for page in iter_archive(path):
        yield process_archived_page(page, processor)


def process_archived_page(page: ArchivedPage, processor: ArticleProcessor) -> PageResult:
    try:
        source = get_source(page.source_key) if page.source_key else None
    except UnknownSourceError:
        source = None
    if page.status >= 400:
        return PageResult(page, None, f"HTTP {page.status}")
    try:
        article = processor.process(
            page.body, page.url, content_type=page.content_type, source=source,
            feed_title=page.feed_title, feed_date=page.feed_date,
        )
    except NotAnArticleError as error:
        return PageResult(page, None, str(error))
    except Exception as error:  # one broken page must never stop the run; the reason is stored
        return PageResult(page, None, f"processing failed: {type(error).__name__}: {error}")
    return PageResult(page, article, None)
