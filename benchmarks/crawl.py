"""Crawl benchmark: the real spider, archive and crawl state against a local site, politeness delays off.

    .venv/bin/python -m benchmarks.crawl [--pages 1000]

Prints pages per second (wall clock) and CPU seconds per page of the crawling process. The site is served
by a thread of this process on 127.0.0.1, so network latency is near zero: the figures measure Sorot's own
cost per page (Scrapy, robots, canonicalisation, state lookups, WARC writing), the ceiling that politeness
delays then bring down to a publisher-friendly rate.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

from sorot.crawlers.archive import iter_archive
from sorot.crawlers.runner import run_crawl

HOST = "kalteng.antaranews.com"


def _article(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Palangka Raya (ANTARA) - Paragraf {k} berita nomor {n} tentang pembangunan daerah, pelayanan publik "
        f"dan kegiatan masyarakat di Kalimantan Tengah yang dilaporkan pewarta pada hari ini.</p>" for k in range(25)
    )
    return (f"<html><head><title>Berita {n}</title></head><body><nav>{'<a href=/x>menu</a>' * 50}</nav>"
            f"<div class='wrap__article-detail-content post-content'>{paragraphs}</div></body></html>").encode()


def _site(pages: int) -> ThreadingHTTPServer:
    feed = ("<rss version='2.0'><channel>" + "".join(
        f"<item><title>Berita {n}</title><link>https://{HOST}/berita/{n}/berita-{n}</link>"
        f"<pubDate>Wed, 04 Sep 2024 15:30:00 +0700</pubDate></item>" for n in range(pages)) + "</channel></rss>")
    bodies = {f"/berita/{n}/berita-{n}": _article(n) for n in range(pages)}
    bodies["/rss/terkini.xml"] = feed.encode()
    bodies["/robots.txt"] = b"User-agent: *\nDisallow: /search\n"

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = bodies.get(self.path, b"not found")
            self.send_response(200 if self.path in bodies else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight to the one local site")
    args = parser.parse_args()
    server = _site(args.pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = run_crawl(
            run_id="bench", source_keys=["antara-kalteng"], archive_dir=work / "archive",
            state_path=work / "state.sqlite", log_path=work / "crawl.log",
            feeds={"antara-kalteng": [f"https://{HOST}/rss/terkini.xml"]}, host_overrides={HOST: base},
            settings={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                      "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency, "CONCURRENT_REQUESTS": args.concurrency,
                      "LOG_LEVEL": "WARNING"},
            on_progress=lambda line: None,
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        archived = sum(1 for _ in iter_archive(result.archive_path))
        archive_mb = result.archive_path.stat().st_size / 1e6
    server.shutdown()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"crawl benchmark: {archived} article pages (+ robots.txt and one feed) from a local site, "
          f"politeness delays off, {args.concurrency} requests in flight")
    print(f"  wall time:            {elapsed:.1f} s (including ~1 s to start the crawling process)")
    print(f"  pages per second:     {archived / elapsed:.1f}")
    print(f"  CPU time per page:    {cpu / archived * 1000:.2f} ms (crawling process, user + system)")
    print(f"  archive size:         {archive_mb:.1f} MB (WARC, gzip)")


if __name__ == "__main__":
    main()
