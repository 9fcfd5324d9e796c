"""One writer, published reads: a researcher's open connection never stops a load, and overlapping runs queue.

Both tests run real `sorot` processes against a local site, as cron would; the site holds or releases the
first run's feed request so that the overlap is certain, not a matter of timing.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb

from sorot.warehouse.publish import publish, wal_path_for
from tests.support.config import write_config
from tests.support.local_site import LocalSite, Reply


def _config(tmp_path: Path, base_url: str) -> Path:
    """An outlet served by the local site itself, so that `sorot run` (which has no --resolve) reaches it."""
    host = base_url.removeprefix("http://")
    pattern = "https?://" + host.replace(".", "\\.") + "/berita/\\d+"  # canonical URLs say https
    return write_config(tmp_path, f"""
hosts = ["{host.split(":")[0]}"]
feeds = ["{base_url}/feed.xml"]
article_url_pattern = '{pattern}'
parser = {{ body_selector = "div.isi" }}
""")


def _page(n: int) -> bytes:
    words = " ".join(f"kata{n}x{k}" for k in range(80))
    return (f"<html><head><title>Berita {n}</title></head><body><div class='isi'><p>Palangka Raya - Warga "
            f"dianiaya dalam berita nomor {n}: {words}.</p></div></body></html>").encode()


def _site(listed: list[int], gate: threading.Event | None = None) -> LocalSite:
    """A feed listing the article numbers in ``listed`` (read at each request); ``gate`` holds the feed."""
    site: LocalSite

    def feed() -> Reply:
        if gate is not None:
            gate.wait(timeout=120)
        items = "".join(f"<item><link>{site.base_url}/berita/{n}</link></item>" for n in listed)
        return Reply(body=f"<rss><channel>{items}</channel></rss>".encode(),
                     content_type="application/rss+xml")

    routes: dict = {"/robots.txt": Reply(body=b"User-agent: *\n", content_type="text/plain"),
                    "/feed.xml": feed}
    routes.update({f"/berita/{n}": Reply(body=_page(n)) for n in range(1, 9)})
    site = LocalSite(routes)
    return site


def _sorot(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "sorot.pipeline.cli", "--config", str(config), *args]


def _crawl(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_sorot(config, "crawl"), capture_output=True, text=True, timeout=300)


def _run(config: Path, *extra: str) -> subprocess.Popen[str]:
    """`sorot run` as cron starts it (no digest)."""
    return subprocess.Popen(_sorot(config, "run", "--no-digest", *extra),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_reader_holding_the_published_copy_never_blocks_a_load(tmp_path):
    listed = [1, 2]
    published = tmp_path / "data" / "warehouse-published.duckdb"
    with _site(listed) as site:
        config = _config(tmp_path, site.base_url)
        first = _crawl(config)
        assert first.returncode == 0, first.stdout + first.stderr

        reader = duckdb.connect(str(published), read_only=True)
        seen: list[int] = []
        errors: list[BaseException] = []
        stop = threading.Event()

        def keep_querying() -> None:
            while not stop.is_set():
                try:
                    reader.execute(
                        "SELECT count(*) FROM v_articles JOIN v_story_reach USING (story_id)").fetchall()
                    seen.append(reader.execute("SELECT count(*) FROM articles").fetchone()[0])
                except BaseException as error:  # every failure is a test failure: keep it for the assert
                    errors.append(error)
                    return
                time.sleep(0.01)

        worker = threading.Thread(target=keep_querying)
        worker.start()
        try:
            listed.extend([3, 4, 5])
            inode_before = published.stat().st_ino
            second = _crawl(config)
        finally:
            stop.set()
            worker.join(timeout=30)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "3 new article(s)" in second.stdout
        assert not errors
        assert len(seen) > 10 and set(seen) == {2}  # the reader kept its consistent snapshot throughout
        assert published.stat().st_ino != inode_before  # the copy was replaced, not written in place
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        reader.close()

    fresh = duckdb.connect(str(published), read_only=True)
    try:
        assert fresh.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert fresh.execute("SELECT sum(pages_fetched) FROM source_daily_totals").fetchone()[0] == 5
        assert fresh.execute("SELECT count(*) FROM fts_main_articles.docs").fetchone()[0] == 5
    finally:
        fresh.close()


def test_two_runs_at_once_one_stops_with_a_message_and_one_waits(tmp_path):
    lock = tmp_path / "data" / "warehouse.duckdb.lock"
    gate = threading.Event()
    with _site([1, 2], gate) as site:
        config = _config(tmp_path, site.base_url)
        holder = _run(config)
        patient: subprocess.Popen[str] | None = None
        try:
            deadline = time.monotonic() + 120
            while not (lock.exists() and lock.read_text().startswith("pid")):
                assert holder.poll() is None, holder.communicate()
                assert time.monotonic() < deadline, "the first run never took the writer lock"
                time.sleep(0.1)
            # the first run holds the lock, waiting for its feed: a second run stops at once, changing nothing
            impatient = subprocess.run(_sorot(config, "run", "--no-digest"),
                                       capture_output=True, text=True, timeout=120)
            assert impatient.returncode == 75, impatient.stdout + impatient.stderr
            assert "another run is in progress" in impatient.stderr
            assert "another Sorot run is writing" in impatient.stderr
            # a third run told to wait queues behind the first
            patient = _run(config, "--wait", "120")
            time.sleep(2)
            # both wait: the first for its feed, the third for the lock
            assert patient.poll() is None and holder.poll() is None
            gate.set()
            holder_out, holder_err = holder.communicate(timeout=300)
            patient_out, patient_err = patient.communicate(timeout=300)
        finally:
            gate.set()
            for process in (holder, patient):
                if process is not None and process.poll() is None:
                    process.kill()
    assert holder.returncode == 0, holder_out + holder_err
    assert patient.returncode == 0, patient_out + patient_err
    con = duckdb.connect(str(tmp_path / "data" / "warehouse-published.duckdb"), read_only=True)
    try:
        articles, distinct = con.execute(
            "SELECT count(*), count(DISTINCT canonical_url) FROM articles").fetchone()
        runs = con.execute("SELECT count(*) FROM crawl_runs WHERE status LIKE 'ok%'").fetchone()[0]
    finally:
        con.close()
    assert (articles, distinct, runs) == (2, 2, 2)


def test_publishing_after_a_writer_died_keeps_its_committed_rows(tmp_path):
    """A writer killed after committing leaves its rows in the write-ahead log; the copy must include them."""
    warehouse = tmp_path / "warehouse.duckdb"
    script = (
        "import duckdb, os, sys\n"
        "con = duckdb.connect(sys.argv[1])\n"
        "con.execute('CREATE TABLE t (n INTEGER)')\n"
        "con.execute('CHECKPOINT')\n"
        "con.execute('INSERT INTO t SELECT * FROM range(1000)')\n"
        "os._exit(0)  # no close, no checkpoint: the insert is only in the .wal file\n"
    )
    subprocess.run([sys.executable, "-c", script, str(warehouse)], check=True, timeout=60)
    assert wal_path_for(warehouse).exists()
    published = publish(warehouse, tmp_path / "warehouse-published.duckdb")
    assert not wal_path_for(warehouse).exists()
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 1000
    finally:
        con.close()
