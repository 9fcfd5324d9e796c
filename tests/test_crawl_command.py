"""`sorot crawl` on a configured outlet served locally: feeds with conditional requests, news sitemaps,
listing backfill, the contact in the User-Agent, and loading into the warehouse."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import duckdb

from tests.support.config import write_config
from tests.support.local_site import LocalSite, Reply

HOST = "berita.example"


def _page(n: int) -> bytes:
    words = " ".join(f"kata{n}x{k}" for k in range(80))
    return (f"<html><head><title>Berita {n}</title></head><body><div class='isi'><p>Palangka Raya - "
            f"Berita nomor {n} tentang pembangunan daerah: {words}.</p></div></body></html>").encode()


def _config(tmp_path) -> str:
    return str(write_config(tmp_path, f"""
hosts = ["{HOST}"]
feeds = ["https://{HOST}/feed.xml"]
sitemaps = ["https://{HOST}/sitemap.xml"]
article_url_pattern = 'https://berita\\.example/berita/\\d+'
listings = [{{ url_template = "https://{HOST}/indeks?page={{page}}", link_selector = "a.judul", max_pages = 10 }}]
parser = {{ body_selector = "div.isi" }}
"""))


def _routes() -> dict:
    today = datetime.now(UTC)
    old = today - timedelta(days=40)

    def feed(headers: dict) -> Reply:
        if headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"")
        items = "".join(f"<item><link>https://{HOST}/berita/{n}</link></item>" for n in (1, 2))
        return Reply(body=f"<rss><channel>{items}</channel></rss>".encode(), content_type="application/rss+xml",
                     headers=(("ETag", '"v1"'),))

    sitemap = (
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
        f"<url><loc>https://{HOST}/berita/3</loc><news:news><news:publication_date>{today.isoformat()}"
        "</news:publication_date></news:news></url>"
        f"<url><loc>https://{HOST}/berita/4</loc><lastmod>{old.date().isoformat()}</lastmod></url></urlset>"
    ).encode()

    def listing(numbers: list[int]) -> Reply:
        links = "".join(f"<a class='judul' href='/berita/{n}'>B{n}</a>" for n in numbers)
        return Reply(body=f"<html><body>{links}<a href='/lain'>x</a></body></html>".encode())

    return {
        "/robots.txt": Reply(body=b"User-agent: *\nDisallow: /cari\n", content_type="text/plain"),
        "/feed.xml": feed,
        "/sitemap.xml": Reply(body=sitemap, content_type="application/xml"),
        "/indeks?page=1": listing([2, 5]),
        "/indeks?page=2": listing([6]),
        "/indeks?page=3": listing([1, 2]),
        "/indeks?page=4": listing([7]),
        **{f"/berita/{n}": Reply(body=_page(n)) for n in range(1, 8)},
    }


def _crawl(config: str, base_url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sorot.pipeline.cli", "--config", config, "crawl", "--resolve", f"{HOST}={base_url}",
         *extra], capture_output=True, text=True, timeout=300)


def test_crawl_discovers_loads_and_comes_back_politely(tmp_path):
    config = _config(tmp_path)
    with LocalSite(_routes()) as site:
        first = _crawl(config, site.base_url, "--backfill")
        assert first.returncode == 0, first.stdout + first.stderr
        first_paths = [path for _, path in site.requests]
        agents = {h.get("User-Agent", "") for h in site.headers}
        second = _crawl(config, site.base_url)
        second_paths = [path for _, path in site.requests][len(first_paths):]
        second_headers = site.headers[len(first_paths):]

    fetched = sorted(p for p in first_paths if p.startswith("/berita/"))
    # feed (1, 2), sitemap within the recent window (3; 4 is 40 days old), listing pages 1-2 (5, 6);
    # page 3 brings nothing new, so paging stops before page 4 (7)
    assert fetched == ["/berita/1", "/berita/2", "/berita/3", "/berita/5", "/berita/6"]
    assert "/indeks?page=4" not in first_paths
    assert all("contact: humas@example.org" in agent for agent in agents)

    feed_request = second_headers[second_paths.index("/feed.xml")]
    assert feed_request.get("If-None-Match") == '"v1"'
    assert not [p for p in second_paths if p.startswith("/berita/")]
    assert "0 new article(s)" in second.stdout

    con = duckdb.connect(str(tmp_path / "data" / "warehouse-published.duckdb"), read_only=True)
    stored = con.execute("SELECT count(*) FROM articles WHERE source_id = 'berita-contoh'").fetchone()[0]
    kinds = {row[0] for row in con.execute("SELECT DISTINCT kind FROM fetched_pages").fetchall()}
    con.close()
    assert stored == 5
    assert {"feed_ok", "feed_not_modified", "sitemap_ok", "listing_ok", "article"} <= kinds


def test_crawl_without_a_contact_is_refused(tmp_path):
    config = tmp_path / "sorot.toml"
    config.write_text("[crawl]\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sorot.pipeline.cli", "--config", str(config), "crawl"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "crawl.contact" in result.stderr and "Traceback" not in result.stderr
