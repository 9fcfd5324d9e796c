"""Politeness and hostile-site behaviour of real crawls: Crawl-delay, Retry-After, retries, timeouts, limits."""

from __future__ import annotations

import itertools
import json
import time

from sorot.crawlers.archive import iter_archive
from sorot.crawlers.middlewares.retry_after import retry_after_seconds
from sorot.crawlers.runner import run_crawl
from sorot.pipeline.process import ArticleProcessor
from tests.support.local_site import LocalSite, Reply

HOST = "kalteng.antaranews.com"
PAGE = ("<html><head><title>{t}</title></head><body><div class='wrap__article-detail-content'>"
        "<p>Palangka Raya (ANTARA) - Berita {t} tentang pembangunan jalan di Kota Palangka Raya yang "
        "diresmikan oleh wali kota pada pekan ini bersama warga.</p></div></body></html>")


def _rss(paths: list[str]) -> Reply:
    items = "".join(f"<item><title>{p}</title><link>https://{HOST}{p}</link></item>" for p in paths)
    return Reply(body=f"<rss version='2.0'><channel>{items}</channel></rss>".encode(),
                 content_type="application/rss+xml")


def _crawl(tmp_path, site: LocalSite, run_id: str = "run", **settings):
    base = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}
    base.update(settings)
    result = run_crawl(
        run_id=run_id, source_keys=["antara-kalteng"], archive_dir=tmp_path / "archive",
        state_path=tmp_path / "state.sqlite", log_path=tmp_path / f"{run_id}.log",
        feeds={"antara-kalteng": [f"https://{HOST}/rss/terkini.xml"]}, host_overrides={HOST: site.base_url},
        settings=base, on_progress=lambda line: None,
    )
    events = [json.loads(line) for line in result.events_path.read_text().splitlines()]
    return result, events


def _gaps(site: LocalSite, prefix: str) -> list[float]:
    moments = [t for t, path in site.times if path.startswith(prefix)]
    return [b - a for a, b in itertools.pairwise(moments)]


def test_robots_crawl_delay_spaces_requests_to_the_site(tmp_path):
    paths = [f"/berita/{n}/b" for n in range(1, 4)]
    routes = {"/robots.txt": Reply(body=b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"),
              "/rss/terkini.xml": _rss(paths), **{p: Reply(body=PAGE.format(t=p).encode()) for p in paths}}
    with LocalSite(routes) as site:
        result, _ = _crawl(tmp_path, site)
    assert len(list(iter_archive(result.archive_path))) == 3
    gaps = _gaps(site, "/berita/")
    assert len(gaps) == 2 and min(gaps) >= 0.9, gaps


def test_429_with_retry_after_waits_then_succeeds(tmp_path):
    answers = iter([Reply(429, b"slow down", headers=(("Retry-After", "2"),)), Reply(body=PAGE.format(t="x").encode())])
    routes = {"/robots.txt": Reply(body=b"", content_type="text/plain"),
              "/rss/terkini.xml": _rss(["/berita/1/x"]), "/berita/1/x": lambda: next(answers)}
    with LocalSite(routes) as site:
        result, _ = _crawl(tmp_path, site)
    gaps = _gaps(site, "/berita/1/x")
    assert len(gaps) == 1 and gaps[0] >= 1.9, gaps
    assert [p.url for p in iter_archive(result.archive_path)] == [f"https://{HOST}/berita/1/x"]


def test_retry_after_longer_than_the_limit_gives_up_with_a_reason(tmp_path):
    routes = {"/robots.txt": Reply(body=b"", content_type="text/plain"),
              "/rss/terkini.xml": _rss(["/berita/1/x"]),
              "/berita/1/x": Reply(429, b"no", headers=(("Retry-After", "86400"),))}
    with LocalSite(routes) as site:
        _, events = _crawl(tmp_path, site)
    reasons = [e["reason"] for e in events if e["url"].endswith("/berita/1/x")]
    assert any("asked to wait 86400 s" in r for r in reasons), reasons


def test_server_error_then_success_is_retried_and_stored(tmp_path):
    answers = iter([Reply(500, b"oops"), Reply(body=PAGE.format(t="y").encode())])
    routes = {"/robots.txt": Reply(body=b"", content_type="text/plain"),
              "/rss/terkini.xml": _rss(["/berita/2/y"]), "/berita/2/y": lambda: next(answers)}
    with LocalSite(routes) as site:
        result, _ = _crawl(tmp_path, site)
    assert len(list(iter_archive(result.archive_path))) == 1


def test_slow_response_redirect_loop_and_oversized_page_are_recorded_and_the_crawl_finishes(tmp_path):
    def slow() -> Reply:
        time.sleep(3)
        return Reply(body=PAGE.format(t="lambat").encode())

    routes = {
        "/robots.txt": Reply(body=b"", content_type="text/plain"),
        "/rss/terkini.xml": _rss(["/berita/3/lambat", "/berita/4/putar", "/berita/5/besar", "/berita/6/baik"]),
        "/berita/3/lambat": slow,
        "/berita/4/putar": Reply(302, b"", headers=(("Location", f"https://{HOST}/berita/4/putar2"),)),
        "/berita/4/putar2": Reply(302, b"", headers=(("Location", f"https://{HOST}/berita/4/putar"),)),
        "/berita/5/besar": Reply(body=b"<html><body>" + b"<p>isi</p>" * 50_000 + b"</body></html>"),
        "/berita/6/baik": Reply(body=PAGE.format(t="baik").encode()),
    }
    with LocalSite(routes) as site:
        result, events = _crawl(tmp_path, site, DOWNLOAD_TIMEOUT=1, RETRY_TIMES=0, DOWNLOAD_MAXSIZE=100_000,
                                REDIRECT_MAX_TIMES=3)
    archived = [p.url for p in iter_archive(result.archive_path)]
    assert archived == [f"https://{HOST}/berita/6/baik"]
    failed = {e["url"].rsplit("/", 1)[-1]: e["reason"] for e in events if e["kind"] in ("fetch_error", "skipped")}
    assert "lambat" in failed and "Timeout" in failed["lambat"]
    assert any(name.startswith("putar") for name in failed)
    assert "besar" in failed


def test_a_windows_1252_page_without_charset_is_decoded_correctly(tmp_path):
    body = ("<html><head><title>Caf\u00e9</title></head><body><div class='wrap__article-detail-content'>"
            "<p>Palangka Raya (ANTARA) - \u201cKami senang,\u201d kata pemilik caf\u00e9 di tepi Sungai Kahayan "
            "yang kini ramai dikunjungi wisatawan dari berbagai daerah setiap akhir pekan.</p></div></body></html>")
    routes = {"/robots.txt": Reply(body=b"", content_type="text/plain"),
              "/rss/terkini.xml": _rss(["/berita/7/cafe"]),
              "/berita/7/cafe": Reply(body=body.encode("cp1252"), content_type="text/html")}
    with LocalSite(routes) as site:
        result, _ = _crawl(tmp_path, site)
    page = next(iter_archive(result.archive_path))
    article = ArticleProcessor().process(page.body, page.url, content_type=page.content_type)
    assert "\u201cKami senang,\u201d kata pemilik caf\u00e9" in article.text


def test_retry_after_header_forms():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 60) == 60.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
