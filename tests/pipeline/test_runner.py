"""The runner streams an archive through the processor, in order, in one or several processes.

Every page yields a result: an article, or the reason there is none; a page that kills its worker
process is recorded as such and the run goes on.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sorot.crawlers.archive import ArchiveWriter, iter_archive
from sorot.crawlers.items import FetchedPage
from sorot.pipeline.process import ArticleProcessor, ProcessedArticle
from sorot.pipeline.runner import PageResult, process_archive, process_pages

REPLICA = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "replica"
ANTARA_URL = "https://kaltim.antaranews.com/berita/45120/penari-kbri-quito-pukau-warga-ekuador"
CRASH_URL = "https://example.id/crash-the-worker"


class _CrashingProcessor(ArticleProcessor):
    """Kills its process on one URL, as a segfault in a C library would."""

    def process(self, body: bytes | str, url: str, **kwargs: object) -> ProcessedArticle:
        if url == CRASH_URL:
            os._exit(3)
        return super().process(body, url, **kwargs)  # type: ignore[arg-type]


def _crashing_factory() -> ArticleProcessor:
    return _CrashingProcessor()


def _write(path: Path, pages: list[tuple[str, bytes, int]]) -> Path:
    writer = ArchiveWriter(path)
    for url, body, status in pages:
        writer.write(FetchedPage(url=url, canonical_url=url, source_key="", status=status,
                                 headers=[("Content-Type", "text/html; charset=utf-8")], body=body,
                                 fetched_at="2024-09-04T08:00:00+00:00"))
    writer.close()
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    article = (REPLICA / "antara-wrap-glued-footer-repeat.html").read_bytes()
    pages = [
        (ANTARA_URL, article, 200),
        ("https://example.id/kosong", b"", 200),
        ("https://example.id/pdf", b"%PDF-1.4\x00\x01\x02binary", 200),
        ("https://example.id/hilang", b"<html><body>Not found</body></html>", 404),
        ("https://example.id/menu", b"<html><body><nav><a href='/'>Beranda</a></nav></body></html>", 200),
    ]
    # more articles than the window of pages in flight, each with its own URL
    pages += [(f"{ANTARA_URL}-{n}", article, 200) for n in range(40)]
    return _write(tmp_path_factory.mktemp("runner") / "pages.warc.gz", pages)


def _reasons(results: list[PageResult]) -> dict[str, str | None]:
    return {result.page.url: result.error for result in results}


@pytest.mark.parametrize("workers", [1, 2])
def test_every_page_yields_an_article_or_its_reason_in_archive_order(archive: Path, workers: int) -> None:
    results = list(process_archive(archive, ArticleProcessor(), workers=workers))
    assert [r.page.url for r in results] == [page.url for page in iter_archive(archive)]
    reasons = _reasons(results)
    assert reasons[ANTARA_URL] is None
    assert "empty" in (reasons["https://example.id/kosong"] or "")
    assert "binary" in (reasons["https://example.id/pdf"] or "")
    assert reasons["https://example.id/hilang"] == "HTTP 404"
    assert "no article text" in (reasons["https://example.id/menu"] or "")
    articles = [r.article for r in results if r.article is not None]
    assert len(articles) == 41
    assert len({a.text for a in articles}) == 1, "the same page gives the same article in every process"


def test_a_page_that_kills_its_worker_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    article = (REPLICA / "antara-wrap-glued-footer-repeat.html").read_bytes()
    pages = [(f"{ANTARA_URL}-{n}", article, 200) for n in range(6)]
    pages.insert(3, (CRASH_URL, article, 200))
    path = _write(tmp_path / "crash.warc.gz", pages)
    results = list(process_archive(path, _CrashingProcessor(), workers=2, processor_factory=_crashing_factory))
    assert [r.page.url for r in results] == [url for url, _, _ in pages]
    reasons = _reasons(results)
    assert reasons[CRASH_URL] == "processing failed: the worker process died on this page"
    assert all(r.article is not None for r in results if r.page.url != CRASH_URL)


def test_pages_are_pulled_lazily_from_the_stream(archive: Path) -> None:
    """Memory stays flat: the runner never reads far ahead of the results it has handed out."""
    pulled = 0

    def counting():
        nonlocal pulled
        for page in iter_archive(archive):
            pulled += 1
            yield page

    results = process_pages(counting(), ArticleProcessor(), workers=2)
    next(results)
    assert pulled <= 2 * 8 + 1
    results.close()


@pytest.mark.parametrize("workers", [1, 2])
def test_fingerprints_come_with_the_articles_when_asked(archive: Path, workers: int) -> None:
    from sorot.pipeline.dedupe.stories import minhash_of, signature_from_bytes

    results = list(process_archive(archive, ArticleProcessor(), workers=workers, fingerprints=True))
    for result in results:
        if result.article is None:
            assert result.signature is None
        else:
            assert result.signature is not None
            assert signature_from_bytes(result.signature).jaccard(minhash_of(result.article.text)) == 1.0
    assert all(r.signature is None for r in process_archive(archive, ArticleProcessor()))
