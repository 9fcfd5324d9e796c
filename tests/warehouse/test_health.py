"""Source health on a real DuckDB file: a feed that stopped publishing, a template change, a failing feed."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from sorot.crawlers.sources import get_source
from sorot.pipeline.dedupe.hashing import content_hash
from sorot.pipeline.process import ProcessedArticle
from sorot.warehouse.db import connect_writer
from sorot.warehouse.health import compute_source_health, record_source_health
from sorot.warehouse.loader import WarehouseLoader
from sorot.warehouse.publish import publish

NOW = datetime.now(UTC)


def _article(n: int, outlet: str) -> ProcessedArticle:
    text = " ".join(f"kata{outlet}{n}x{k}" for k in range(40))
    url = f"https://{get_source(outlet).hosts[0]}/berita/{n}/x"
    return ProcessedArticle(
        url=url, canonical_url=url, outlet=outlet, outlet_name=outlet, title=f"Judul {n}", published_at=NOW,
        modified_at=None, published_text=None, author=None, editor=None, dateline=None, section=None, tags=[],
        text=text, language="id", is_wire_copy=False, wire_agency=None, content_hash=content_hash(text), labels=[],
        tahap="lainnya", tagger_version="t", extractor_version="t", parser_version="t")


def _event(con, source: str, kind: str, at: datetime, outcome: str | None = None, url: str = "u") -> None:
    con.execute("INSERT INTO fetched_pages VALUES ('r', ?, NULL, ?, ?, ?, 200, NULL, NULL, ?, NULL)",
                [url, source, at, kind, outcome or kind])


@pytest.fixture()
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect_writer(path)
    loader = WarehouseLoader(con)
    loader.upsert_sources([get_source(k) for k in ("antara-kalteng", "detik", "tribun-kalteng")])
    loader.load([_article(n, "antara-kalteng") for n in range(5)] + [_article(n, "detik") for n in range(5)]
                + [_article(n, "tribun-kalteng") for n in range(5)])
    later = datetime.now(UTC) + timedelta(days=25)
    for source in ("antara-kalteng", "detik", "tribun-kalteng"):
        _event(con, source, "feed_ok" if source != "tribun-kalteng" else "feed_error", later - timedelta(hours=2),
               url=f"https://{source}/rss")
    for day in (20, 19, 18):  # detik: pages processed fine three weeks ago...
        _event(con, "detik", "article", later - timedelta(days=day), "article")
    for hour in (1, 2, 3, 4):  # ...and failing now
        _event(con, "detik", "article", later - timedelta(hours=hour), "error")
    yield path, con, later
    con.close()


def test_stale_feed_template_change_and_failing_feed_are_told_apart(warehouse):
    _, con, later = warehouse
    health = {h.source_id: h for h in compute_source_health(con, later)}
    assert health["antara-kalteng"].status == "stale"
    assert "no new article for 25" in health["antara-kalteng"].note
    assert health["detik"].status == "extraction_failing"
    assert "template probably changed" in health["detik"].note
    assert health["tribun-kalteng"].status == "feed_failing"
    assert {h.status for h in compute_source_health(con, datetime.now(UTC) + timedelta(minutes=5))} == {"ok"}


def test_snapshots_are_kept_and_the_command_shows_them(warehouse, tmp_path):
    path, con, later = warehouse
    record_source_health(con, later)
    assert con.execute("SELECT count(*) FROM source_health").fetchone()[0] == 3
    con.execute("CHECKPOINT")
    published = publish(path, tmp_path / "warehouse-published.duckdb")
    result = subprocess.run([sys.executable, "-m", "sorot.pipeline.cli", "--data-dir", str(published.parent),
                             "sources", "status", "--as-of", later.isoformat()], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout
    assert "antara-kalteng" in lines and "stale" in lines
    assert "extraction_failing" in lines and "feed_failing" in lines
