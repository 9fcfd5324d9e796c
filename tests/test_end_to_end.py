"""`sorot demo` end to end: the replica served over HTTP, crawled by the real spiders, into DuckDB files."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pytest

DEMO_DATA = Path(__file__).resolve().parents[1] / "demo" / "data" / "articles.jsonl"
SEED_URL = ("https://kalteng.antaranews.com/berita/834512/"
            "pemkot-palangka-raya-susun-rencana-aksi-pencegahan-kekerasan-terhadap-perempuan-dan-anak")
CAPTURE = Path(__file__).parent / "fixtures" / "seed-antara-kalteng-capture.txt"


def _sorot(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sorot.pipeline.cli", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=600)


def _rows() -> list[dict]:
    return [json.loads(line) for line in DEMO_DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def demo_runs(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo")
    first = _sorot(data_dir, "demo")
    assert first.returncode == 0, first.stdout + first.stderr
    reports = {p.name: p.read_bytes() for p in (data_dir / "reports").iterdir()}
    con = duckdb.connect(str(data_dir / "warehouse-published.duckdb"), read_only=True)
    count_after_first = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    second = _sorot(data_dir, "demo")
    assert second.returncode == 0, second.stdout + second.stderr
    return data_dir, first, second, reports, count_after_first


@pytest.fixture(scope="module")
def db(demo_runs):
    data_dir = demo_runs[0]
    con = duckdb.connect(str(data_dir / "warehouse-published.duckdb"), read_only=True)
    yield con
    con.close()


def test_every_replica_article_landed_once(demo_runs, db):
    _, _, _, _, count_after_first = demo_runs
    rows = _rows()
    assert count_after_first == len(rows)
    assert db.execute("SELECT count(DISTINCT canonical_url) FROM articles").fetchone()[0] == len(rows)
    per_source = dict(db.execute("SELECT source_id, count(*) FROM articles GROUP BY source_id").fetchall())
    per_site = Counter(r["site"] for r in rows)
    assert set(per_site) == {"antara-kalteng", "detik", "cnn-indonesia"}
    for site, count in per_site.items():  # the replica's site names are the registry's source keys
        assert per_source.get(site) == count, site
    assert sum(per_source.values()) == len(rows)


def test_seed_article_is_clean_with_its_metadata(db):
    text, author, editor, dateline, published = db.execute(
        "SELECT text, author, editor, dateline, strftime(published_at AT TIME ZONE 'Asia/Jakarta', '%Y-%m-%d %H:%M') "
        "FROM articles WHERE canonical_url = ?", [SEED_URL]).fetchone()
    paragraphs = text.split("\n\n")
    capture = [line.strip() for line in CAPTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = []
    for line in capture[1:]:  # the first line is the dateline, kept apart
        if not line.startswith("Baca juga") and line not in expected:
            expected.append(line)
    assert paragraphs == expected
    assert "Baca juga" not in text and "Pewarta" not in text and "Dilarang keras" not in text
    assert author and editor is not None
    assert dateline == "Palangka Raya"
    assert published == "2024-09-04 15:30"


def test_seed_article_is_tagged_violence_and_gender_with_evidence(db):
    labels = dict(db.execute(
        "SELECT label, evidence FROM article_labels JOIN articles USING (article_id) WHERE canonical_url = ?",
        [SEED_URL]).fetchall())
    assert {"kekerasan", "gender"} <= set(labels)
    text = db.execute("SELECT text FROM articles WHERE canonical_url = ?", [SEED_URL]).fetchone()[0]
    for span in json.loads(labels["kekerasan"]):
        if span["field"] == "text":
            assert text[span["start"]:span["end"]] == span["text"]


def test_syndicated_copies_share_the_story_of_their_original_and_count_as_reach(db):
    rows = _rows()
    by_id = {r["id"]: r for r in rows}
    syndicated = [r for r in rows if r["kind"] == "syndicated"]
    assert syndicated
    story_of = dict(db.execute("SELECT url, story_id FROM articles").fetchall())
    for row in syndicated:
        original = by_id[row["syndicated_from"]]
        assert story_of[row["url"]] == story_of[original["url"]], row["url"]
    seed_story = story_of[SEED_URL]
    outlets, = db.execute("SELECT outlet_count FROM stories WHERE story_id = ?", [seed_story]).fetchone()
    assert outlets == 2
    copies = db.execute("SELECT count(*) FROM articles WHERE story_id = ? AND source_id = 'detik' AND is_wire_copy",
                        [seed_story]).fetchone()[0]
    assert copies >= 1


def test_second_run_adds_nothing_and_reproduces_report_and_digest(demo_runs, db):
    data_dir, _, second, reports, count_after_first = demo_runs
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == count_after_first
    assert "0 new" in second.stdout
    again = {p.name: p.read_bytes() for p in (data_dir / "reports").iterdir()}
    assert again == reports
    assert any(name.endswith(".html") for name in reports) and any(name.endswith(".eml") for name in reports)


def test_demo_prints_progress_and_the_paths(demo_runs):
    _, first, _, _, _ = demo_runs
    assert "[crawl]" in first.stdout and "[process]" in first.stdout
    for name in ("warehouse.duckdb", "warehouse-published.duckdb", ".html", ".eml"):
        assert name in first.stdout


def test_a_port_in_use_ends_with_a_clear_message_and_keeps_the_data(demo_runs):
    data_dir, _, _, _, count_after_first = demo_runs
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _sorot(data_dir, "demo", "--port", str(port))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert str(port) in result.stderr
    con = duckdb.connect(str(data_dir / "warehouse-published.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == count_after_first
    con.close()
