"""Exports: Parquet partitioned by month and CSV, source metadata in every row, date filters in WIB."""

from __future__ import annotations

import csv
import json
from datetime import date

import duckdb
import pytest

from sorot.pipeline.cli import main
from sorot.warehouse.db import connect_reader, migrate
from sorot.warehouse.export import COLUMNS, export_articles
from sorot.warehouse.publish import publish
from sorot.warehouse.views import refresh_daily_totals
from tests.warehouse import ARTICLES, build_sample_warehouse


@pytest.fixture()
def published(tmp_path):
    """The sample warehouse at the current schema, published, opened read-only as researchers do."""
    data = tmp_path / "data"
    data.mkdir()
    con = build_sample_warehouse(data / "warehouse.duckdb")
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)")
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, '0001_initial.sql')")
    migrate(con)
    con.execute("INSERT INTO article_regions VALUES ('a4', 0, 'Kalimantan Tengah', NULL, NULL, NULL, "
                "'Palangka Raya', 'dateline', NULL), ('a4', 1, 'Kalimantan Barat', NULL, NULL, NULL, "
                "'Kalimantan Barat', 'text', NULL)")
    refresh_daily_totals(con)
    con.close()
    path = publish(data / "warehouse.duckdb", data / "warehouse-published.duckdb")
    reader = connect_reader(path)
    yield reader
    reader.close()


def _read_parquet(directory) -> list[dict]:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Asia/Jakarta'")
    relation = con.sql(f"SELECT * FROM read_parquet('{directory}/articles/*/*.parquet', "
                       "hive_partitioning = true) ORDER BY article_id")
    names = relation.columns
    rows = [dict(zip(names, row, strict=True)) for row in relation.fetchall()]
    con.close()
    return rows


def test_parquet_one_month_partitioned_with_source_metadata_in_every_row(published, tmp_path):
    out = tmp_path / "september"
    result = export_articles(published, out, fmt="parquet", since=date(2024, 9, 1), until=date(2024, 9, 30))
    assert (out / "articles" / "month=2024-09").is_dir()
    assert [p.parent.name for p in out.glob("articles/*/*.parquet")] == ["month=2024-09"]
    rows = _read_parquet(out)
    september = sorted(a["article_id"] for a in ARTICLES
                       if a["published_at"] is not None and a["published_at"].month == 9)
    assert [row["article_id"] for row in rows] == september
    assert september == sorted(["a1", "a2", "a3", "a4", "a5", "a6", "a13", "a7"])
    assert result.articles == len(september) and result.months == {"2024-09": len(september)}
    assert all(row["source_name"] and row["outlet_type"] and row["source_homepage"] for row in rows)
    a4 = next(row for row in rows if row["article_id"] == "a4")
    assert a4["source_name"] == "ANTARA Kalimantan Tengah" and a4["source_region"] == "Kalimantan Tengah"
    assert a4["source_is_wire_agency"] is True
    assert a4["labels"] == ["gender", "kekerasan", "korban_anak", "korban_perempuan", "layanan_ppa"]
    assert a4["provinces"] == ["Kalimantan Barat", "Kalimantan Tengah"]
    assert a4["text"].startswith("Palangka Raya (ANTARA)")
    assert set(rows[0]) == set(COLUMNS)


def test_the_last_day_is_included_and_the_boundary_is_in_wib(published, tmp_path):
    # a7: Monday 2024-09-09 00:10 WIB, which is still Sunday in UTC
    rows = _read_parquet(export_articles(published, tmp_path / "a", since=date(2024, 9, 9)).out_dir)
    assert [row["article_id"] for row in rows] == ["a7"]
    rows = _read_parquet(export_articles(published, tmp_path / "b", since=date(2024, 9, 2),
                                         until=date(2024, 9, 8)).out_dir)
    assert "a7" not in {row["article_id"] for row in rows} and "a5" in {row["article_id"] for row in rows}


def test_everything_without_dates_keeps_undated_articles_apart(published, tmp_path):
    result = export_articles(published, tmp_path / "all")
    assert result.articles == len(ARTICLES)
    assert result.months["undated"] == 1 and result.months["2024-08"] == 4
    assert (tmp_path / "all" / "articles" / "month=undated").is_dir()


def test_csv_is_one_file_with_joined_lists_and_wib_times(published, tmp_path):
    out = tmp_path / "csv"
    export_articles(published, out, fmt="csv", since=date(2024, 9, 1), until=date(2024, 9, 8),
                    include_text=False)
    with open(out / "articles.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert "text" not in rows[0]
    assert len(rows) == 7
    a1 = next(row for row in rows if row["article_id"] == "a1")
    assert a1["labels"] == "kdrt;kekerasan;kekerasan_seksual;korban_anak;korban_perempuan"
    assert a1["published_at"] == "2024-09-04T10:15:00+07:00"
    assert json.loads(a1["label_scores"])["kdrt"] == 0.9
    assert a1["source_name"] == "ANTARA Kalimantan Tengah" and a1["victim_protected"] == "true"
    with open(out / "sources.csv", newline="", encoding="utf-8") as handle:
        sources = {row["source_id"] for row in csv.DictReader(handle)}
    assert sources == {"antara-kalteng", "detik", "antara-kalbar"}


def test_manifest_records_filters_counts_and_columns(published, tmp_path):
    out = tmp_path / "m"
    export_articles(published, out, fmt="parquet", since=date(2024, 8, 1), until=date(2024, 8, 31))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["filters"]["since"] == "2024-08-01" and manifest["filters"]["until"] == "2024-08-31"
    assert manifest["articles"] == 4 and manifest["articles_per_month"] == {"2024-08": 4}
    assert manifest["schema_version"] >= 6
    assert manifest["columns"]["source_name"] and "sources.parquet" in manifest["files"]


def test_refuses_to_mix_with_an_older_export(published, tmp_path):
    out = tmp_path / "used"
    out.mkdir()
    (out / "old.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        export_articles(published, out)
    with pytest.raises(ValueError, match="before"):
        export_articles(published, tmp_path / "x", since=date(2024, 9, 2), until=date(2024, 9, 1))


def test_sorot_export_command(published, tmp_path, capsys):
    data = tmp_path / "data"
    out = tmp_path / "export"
    code = main(["--data-dir", str(data), "export", "--format", "csv", "--since", "2024-09-01", "--until",
                 "2024-09-30", "--out", str(out)])
    assert code == 0
    assert "exported 8 article(s) as csv" in capsys.readouterr().out
    with open(out / "articles.csv", newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 8
