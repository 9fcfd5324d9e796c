"""A crawl killed with SIGKILL and started again loses no fetched page and stores no duplicate."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import duckdb

from sorot.crawlers.archive import iter_archive
from sorot.crawlers.runner import crawl_command, run_crawl
from sorot.crawlers.sources import all_sources
from sorot.pipeline.config import Paths
from sorot.pipeline.jobs.ingest import ingest_pending
from sorot.pipeline.process import ArticleProcessor
from tests.support.local_site import LocalSite, Reply

HOST = "kalteng.antaranews.com"
COUNT = 30
TOPICS = ["jembatan", "pasar", "sekolah", "puskesmas", "bandara", "pelabuhan", "kebun", "sungai", "hutan", "jalan"]


def _page(n: int) -> bytes:
    topic = TOPICS[n % len(TOPICS)]
    words = " ".join(f"{topic}{n}kata{k}" for k in range(60))
    return (f"<html><head><title>Berita {n}</title></head><body><div class='wrap__article-detail-content'>"
            f"<p>Palangka Raya (ANTARA) - Laporan nomor {n} tentang {topic}: {words}.</p></div></body></html>").encode()


def _slow_page(n: int):
    def reply() -> Reply:
        time.sleep(0.15)
        return Reply(body=_page(n))
    return reply


def test_sigkill_then_resume_loses_nothing_and_duplicates_nothing(tmp_path):
    paths = Paths(tmp_path / "data")
    links = "".join(f"<item><link>https://{HOST}/berita/{n}/b</link></item>" for n in range(COUNT))
    routes = {"/robots.txt": Reply(body=b"", content_type="text/plain"),
              "/rss/terkini.xml": Reply(body=f"<rss><channel>{links}</channel></rss>".encode(),
                                        content_type="application/rss+xml"),
              **{f"/berita/{n}/b": _slow_page(n) for n in range(COUNT)}}
    common = {"source_keys": ["antara-kalteng"], "archive_dir": paths.archive_dir, "state_path": paths.crawl_state,
              "feeds": {"antara-kalteng": [f"https://{HOST}/rss/terkini.xml"]},
              "settings": {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}}
    with LocalSite(routes) as site:
        overrides = {HOST: site.base_url}
        paths.archive_dir.mkdir(parents=True)
        command = crawl_command(run_id="run-a", log_path=tmp_path / "a.log", host_overrides=overrides, **common)
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        events = paths.archive_dir / "run-a.events.jsonl"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            archived = events.read_text().count('"archived"') if events.exists() else 0
            if archived >= 8:
                break
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        first = {p.canonical_url for p in iter_archive(paths.archive_dir / "run-a.warc.gz")}
        assert 8 <= len(first) < COUNT

        run_crawl(run_id="run-b", log_path=tmp_path / "b.log", host_overrides=overrides,
                  on_progress=lambda line: None, **common)
        requested = [path for _, path in site.requests if path.startswith("/berita/")]

    second = {p.canonical_url for p in iter_archive(paths.archive_dir / "run-b.warc.gz")}
    assert first | second == {f"https://{HOST}/berita/{n}/b" for n in range(COUNT)}
    # pages archived before the kill are never fetched again; pages in flight at the kill are fetched once more
    assert max(requested.count(path) for path in set(requested)) <= 2
    for url in first:
        assert requested.count(url.removeprefix(f"https://{HOST}")) == 1
    assert len(first & second) <= 1  # only a record torn by the kill can be fetched twice

    summaries = ingest_pending(paths=paths, sources=all_sources(), processor=ArticleProcessor(),
                               on_progress=lambda line: None)
    assert [s.run_id for s in summaries] == ["run-a", "run-b"]
    con = duckdb.connect(str(paths.published), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT canonical_url) FROM articles").fetchone() == (COUNT, COUNT)
    runs = dict(con.execute("SELECT run_id, status FROM crawl_runs").fetchall())
    con.close()
    assert set(runs) == {"run-a", "run-b"} and all(status.startswith("ok") for status in runs.values())
