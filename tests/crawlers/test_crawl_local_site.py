"""Real Scrapy crawls over HTTP against a local site that misbehaves the way real sites do."""

from __future__ import annotations

import json

import pytest

from sorot.crawlers.archive import iter_archive
from sorot.crawlers.runner import run_crawl
from sorot.crawlers.state import CrawlState
from tests.support.local_site import LocalSite, Reply

HOST = "kalteng.antaranews.com"
ARTICLE = (
    "<html><head><title>{t}</title></head><body><div class='wrap__article-detail-content'>"
    "<p>Palangka Raya (ANTARA) - {t} adalah isi berita yang cukup panjang untuk dibaca.</p></div></body></html>"
)


def _rss(*links: str) -> bytes:
    items = "".join(
        f"<item><title>Judul {i}</title><link>{link}</link>"
        f"<pubDate>Wed, 04 Sep 2024 15:3{i % 10}:00 +0700</pubDate></item>"
        for i, link in enumerate(links)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()


def _routes() -> dict[str, Reply]:
    return {
        "/robots.txt": Reply(body=b"User-agent: *\nDisallow: /berita/999\n", content_type="text/plain"),
        "/rss/terkini.xml": Reply(
            body=_rss(
                f"https://{HOST}/berita/1/satu",
                f"https://{HOST}/berita/1/satu/?utm_source=rss",
                f"http://{HOST}/berita/1/satu",
                f"https://{HOST}/berita/2/hilang",
                f"https://{HOST}/berita/3/bukan-html",
                f"https://{HOST}/berita/999/terlarang",
                "https://luar.example.com/berita/5/di-luar",
                f"https://{HOST}/foto/6/galeri",
            ),
            content_type="application/rss+xml",
        ),
        "/rss/kosong.xml": Reply(body=b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>",
                                 content_type="application/rss+xml"),
        "/rss/rusak.xml": Reply(body=b"<html><body>Bukan feed</body></html>"),
        "/berita/1/satu": Reply(body=ARTICLE.format(t="Satu").encode()),
        "/berita/3/bukan-html": Reply(body=b"%PDF-1.4\x00\x01binary", content_type="application/pdf"),
        "/berita/999/terlarang": Reply(body=ARTICLE.format(t="Terlarang").encode()),
    }


def _crawl(tmp_path, site: LocalSite, run_id: str, feeds: list[str]):
    return run_crawl(
        run_id=run_id,
        source_keys=["antara-kalteng"],
        archive_dir=tmp_path / "archive",
        state_path=tmp_path / "state.sqlite",
        log_path=tmp_path / "logs" / f"{run_id}.log",
        feeds={"antara-kalteng": feeds},
        host_overrides={HOST: site.base_url},
        settings={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "RETRY_TIMES": 0},
        on_progress=lambda line: None,
    )


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("crawl")
    with LocalSite(_routes()) as site:
        result = _crawl(tmp_path, site, "run1", [f"https://{HOST}/rss/terkini.xml", f"https://{HOST}/rss/kosong.xml",
                                                  f"https://{HOST}/rss/rusak.xml"])
        requests = list(site.requests)
    events = [json.loads(line) for line in result.events_path.read_text().splitlines()]
    return tmp_path, result, events, requests


def test_three_url_variants_are_fetched_and_archived_once(first_crawl):
    _, result, _, requests = first_crawl
    assert [path for _, path in requests].count("/berita/1/satu") == 1
    urls = [page.canonical_url for page in iter_archive(result.archive_path)]
    assert urls.count(f"https://{HOST}/berita/1/satu") == 1


def test_requests_carry_the_real_host_header(first_crawl):
    _, _, _, requests = first_crawl
    assert all(host == HOST for host, _ in requests)


def test_robots_txt_disallow_is_obeyed_and_recorded(first_crawl):
    _, _, events, requests = first_crawl
    assert "/berita/999/terlarang" not in [path for _, path in requests]
    assert any(e["kind"] == "skipped" and "robots" in e["reason"] for e in events)


def test_off_site_and_non_article_links_are_skipped_with_a_reason(first_crawl):
    _, _, events, _ = first_crawl
    skipped = {e["url"] for e in events if e["kind"] == "skipped" and "not an article URL" in e["reason"]}
    assert "https://luar.example.com/berita/5/di-luar" in skipped
    assert f"https://{HOST}/foto/6/galeri" in skipped


def test_http_errors_are_recorded_not_archived(first_crawl):
    _, result, events, _ = first_crawl
    assert any(e["kind"] == "fetch_error" and e["reason"] == "HTTP 404" and e["url"].endswith("/berita/2/hilang")
               for e in events)
    assert all(not page.url.endswith("/berita/2/hilang") for page in iter_archive(result.archive_path))


def test_empty_and_malformed_feeds_are_reported(first_crawl):
    _, _, events, _ = first_crawl
    empty = {e["url"] for e in events if e["kind"] == "feed_empty"}
    assert f"https://{HOST}/rss/kosong.xml" in empty
    assert f"https://{HOST}/rss/rusak.xml" in empty


def test_a_second_crawl_fetches_no_known_article(first_crawl):
    tmp_path, _, _, _ = first_crawl
    with LocalSite(_routes()) as site:
        result = _crawl(tmp_path, site, "run2", [f"https://{HOST}/rss/terkini.xml"])
        paths = [path for _, path in site.requests]
    assert "/berita/1/satu" not in paths
    assert "/berita/3/bukan-html" not in paths
    assert list(iter_archive(result.archive_path)) == []
    assert CrawlState(tmp_path / "state.sqlite").count() == 2
