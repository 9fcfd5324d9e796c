"""`sorot reprocess` rebuilds articles from the raw archive alone: no server runs, nothing is fetched."""

from __future__ import annotations

import subprocess
import sys

import duckdb

from sorot.warehouse.corrections import record_correction
from sorot.warehouse.publish import publish

SEED_URL = ("https://kalteng.antaranews.com/berita/834512/"
            "pemkot-palangka-raya-susun-rencana-aksi-pencegahan-kekerasan-terhadap-perempuan-dan-anak")


def _sorot(data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sorot.pipeline.cli", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=600)


def test_reprocess_restores_text_re_adds_lost_articles_and_keeps_corrections(tmp_path):
    assert _sorot(tmp_path, "demo").returncode == 0
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    total, = con.execute("SELECT count(*) FROM articles").fetchone()
    seed_id, original = con.execute("SELECT article_id, text FROM articles WHERE canonical_url = ?",
                                    [SEED_URL]).fetchone()
    con.execute("UPDATE articles SET text = 'rusak', extractor_version = 'old' WHERE article_id = ?", [seed_id])
    lost_id, = con.execute("SELECT article_id FROM articles WHERE source_id = 'detik' AND NOT is_wire_copy "
                           "ORDER BY article_id LIMIT 1").fetchone()
    for table in ("article_labels", "article_regions", "article_quotes"):
        con.execute(f"DELETE FROM {table} WHERE article_id = ?", [lost_id])
    con.execute("DELETE FROM articles WHERE article_id = ?", [lost_id])
    record_correction(con, seed_id, ["perkawinan_anak"], [], corrected_by="test")
    con.execute("CHECKPOINT")
    con.close()
    publish(tmp_path / "warehouse.duckdb", tmp_path / "warehouse-published.duckdb")

    result = _sorot(tmp_path, "reprocess")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 added" in result.stdout

    con = duckdb.connect(str(tmp_path / "warehouse-published.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == total
    text, version = con.execute("SELECT text, extractor_version FROM articles WHERE article_id = ?",
                                [seed_id]).fetchone()
    assert text == original and version != "old"
    assert con.execute("SELECT count(*) FROM articles WHERE article_id = ?", [lost_id]).fetchone()[0] == 1
    labels = {row[0] for row in con.execute("SELECT label FROM article_labels WHERE article_id = ?",
                                            [seed_id]).fetchall()}
    con.close()
    assert "perkawinan_anak" in labels and "kekerasan" in labels
