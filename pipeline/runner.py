"""Streams archived pages through the processor, in this process or in worker processes, page by page.

Pages are read lazily from the WARC file and at most a small window of them is in flight at a time, so
memory stays flat however large the archive grows. With `workers` > 1 each worker process builds its own
processor once (the tagger is loaded per process) and results come back in archive order. A page that
cannot be processed yields its reason and the stream goes on; when a worker dies (a crash in a C
library, memory exhausted) the page that killed it is found by running the pages it held again, and is
recorded with that reason; a fresh pool takes over for the rest.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from sorot.crawlers.archive import ArchivedPage, iter_archive
from sorot.crawlers.sources import UnknownSourceError, get_source

from .dedupe.stories import minhash_of, signature_to_bytes
from .process import ArticleProcessor, NotAnArticleError, ProcessedArticle

__all__ = ["PageResult", "process_archive", "process_archived_page", "process_pages"]

#: pages in flight per worker: enough to keep workers busy, few enough to keep memory flat
WINDOW_PER_WORKER = 8


@dataclass(frozen=True)
class PageResult:
    page: ArchivedPage
    article: ProcessedArticle | None
    error: str | None
    #: the article's near-duplicate fingerprint as the warehouse stores it (`dedupe.stories
    #: .signature_to_bytes`), when asked for: computed in the worker, so the process that loads the
    #: results only reads it back (`signature_from_bytes`) instead of hashing every text itself
    signature: bytes | None = None


def process_archive(path: Path, processor: ArticleProcessor, *, workers: int = 1,
                    processor_factory: Callable[[], ArticleProcessor] | None = None,
                    fingerprints: bool = False) -> Iterator[PageResult]:
    """Process every page of one WARC file, in archive order.

    With `workers` > 1, `processor_factory` builds each worker's processor (default: `ArticleProcessor()`,
    so give a factory when `processor` carries a non-default tagger). With `fingerprints`, each article's
    near-duplicate fingerprint comes with it (`PageResult.signature`).
    """
    yield from process_pages(iter_archive(path), processor, workers=workers,
                             processor_factory=processor_factory, fingerprints=fingerprints)


def process_pages(pages: Iterable[ArchivedPage], processor: ArticleProcessor, *, workers: int = 1,
                  processor_factory: Callable[[], ArticleProcessor] | None = None,
                  fingerprints: bool = False) -> Iterator[PageResult]:
    """Process a stream of pages, in order; memory holds a bounded window of pages, never the stream."""
    if workers <= 1:
        for page in pages:
            yield process_archived_page(page, processor, fingerprints=fingerprints)
        return
    yield from _in_workers(iter(pages), workers, processor_factory or ArticleProcessor, fingerprints)


def process_archived_page(page: ArchivedPage, processor: ArticleProcessor, *,
                          fingerprints: bool = False) -> PageResult:
    return PageResult(page, *_outcome(page, processor, fingerprints))


_Outcome = tuple[ProcessedArticle | None, str | None, bytes | None]


def _outcome(page: ArchivedPage, processor: ArticleProcessor, fingerprints: bool = False) -> _Outcome:
    article, error = _article(page, processor)
    if article is None or not fingerprints:
        return article, error, None
    return article, error, signature_to_bytes(minhash_of(article.text))


def _article(page: ArchivedPage, processor: ArticleProcessor) -> tuple[ProcessedArticle | None, str | None]:
    try:
        source = get_source(page.source_key) if page.source_key else None
    except UnknownSourceError:
        source = None
    if page.status >= 400:
        return None, f"HTTP {page.status}"
    try:
        article = processor.process(
            page.body, page.url, content_type=page.content_type, source=source,
            feed_title=page.feed_title, feed_date=page.feed_date,
        )
    except NotAnArticleError as error:
        return None, str(error)
    except RecursionError:
        return None, "processing failed: the page is nested too deeply to read"
    except Exception as error:  # one broken page must never stop the run; the reason is stored
        return None, f"processing failed: {type(error).__name__}: {error}"
    return article, None


# ------------------------------------------------------------------ worker processes
_WORKER_PROCESSOR: ArticleProcessor | None = None


def _init_worker(factory: Callable[[], ArticleProcessor]) -> None:
    global _WORKER_PROCESSOR
    _WORKER_PROCESSOR = factory()


def _work(page: ArchivedPage, fingerprints: bool) -> _Outcome:
    assert _WORKER_PROCESSOR is not None, "worker started without its processor"
    return _outcome(page, _WORKER_PROCESSOR, fingerprints)


def _in_workers(pages: Iterator[ArchivedPage], workers: int, factory: Callable[[], ArticleProcessor],
                fingerprints: bool = False) -> Iterator[PageResult]:
    window = workers * WINDOW_PER_WORKER
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(factory,))
    pending: deque[tuple[ArchivedPage, Future]] = deque()
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < window:
                page = next(pages, None)
                if page is None:
                    exhausted = True
                    break
                pending.append((page, pool.submit(_work, page, fingerprints)))
            if not pending:
                break
            page, future = pending.popleft()
            try:
                outcome = future.result()
            except BrokenProcessPool:
                # The pool is gone with every page it held, and any of them may have killed it: this page
                # is run again alone (recorded if it kills that worker too), the others in a fresh pool.
                outcome = _alone(page, factory, fingerprints)
                held = list(pending)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(factory,))
                for other, other_future in held:
                    finished = _finished(other_future)
                    pending.append((other, finished if finished is not None
                                    else pool.submit(_work, other, fingerprints)))
            yield PageResult(page, *outcome)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(page: ArchivedPage, factory: Callable[[], ArticleProcessor], fingerprints: bool) -> _Outcome:
    """Process one page in a worker of its own, to tell the page that kills a worker from its neighbours."""
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(factory,)) as solo:
        try:
            return solo.submit(_work, page, fingerprints).result()
        except BrokenProcessPool:
            return None, "processing failed: the worker process died on this page", None


def _finished(future: Future) -> Future | None:
    """The future itself when it completed before its pool broke (its result stands), else None."""
    if not future.done() or future.cancelled():
        return None
    return future if future.exception() is None else None
