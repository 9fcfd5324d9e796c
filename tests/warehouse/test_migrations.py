"""Migrations from schema 1 on a populated warehouse, and the analysis views and daily totals they add."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from sorot.warehouse.corrections import record_correction
from sorot.warehouse.db import available_migrations, migrate, schema_version
from sorot.warehouse.views import refresh_daily_totals
from tests.warehouse import ARTICLES, build_sample_warehouse


def _schema_1_warehouse(path) -> duckdb.DuckDBPyConnection:
    """The sample warehouse as a schema-1 installation left it: its tables, its rows, version 1 recorded."""
    con = build_sample_warehouse(path)
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)")
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, '0001_initial.sql')")
    return con


@pytest.fixture()
def migrated(tmp_path):
    con = _schema_1_warehouse(tmp_path / "w.duckdb")
    migrate(con)
    con.executemany("INSERT INTO article_regions VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, NULL)", [
        ("a1", 0, "Kalimantan Tengah", "Palangka Raya", "dateline"),
        ("a2", 0, "Kalimantan Tengah", "Palangka Raya", "dateline"),
        ("a4", 0, "Kalimantan Tengah", "Palangka Raya", "dateline"),
        ("a4", 1, "Kalimantan Barat", "Kalimantan Barat", "text"),
    ])
    con.executemany("INSERT INTO article_quotes VALUES (?, ?, ?, ?, ?)", [
        ("a1", 0, "Budi Santoso", "Kapolresta", 2),
        ("a3", 0, None, "Kepala dinas", 1),
    ])
    refresh_daily_totals(con)
    yield con
    con.close()


def test_migration_files_are_numbered_once_from_one():
    versions = [version for version, _, _ in available_migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert len(versions) >= 6


def test_schema_1_with_data_migrates_to_the_latest_and_keeps_every_row(tmp_path):
    con = _schema_1_warehouse(tmp_path / "w.duckdb")
    before = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("articles", "article_labels", "stories", "sources")}
    applied = migrate(con)
    latest = available_migrations()[-1][0]
    assert applied == list(range(2, latest + 1))
    assert schema_version(con) == latest
    after = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in before}
    assert after == before
    assert migrate(con) == []  # a second run applies nothing
    con.close()


def test_v_articles_has_one_row_per_article_with_labels_scores_and_victims(migrated):
    rows = migrated.execute("SELECT count(*), count(DISTINCT article_id) FROM v_articles").fetchone()
    assert rows == (len(ARTICLES), len(ARTICLES))
    a1 = migrated.execute(
        "SELECT labels, label_scores['kdrt'], is_kekerasan, is_gender, victim_child, victim_protected, "
        "provinces, main_province, quoted_people, story_outlets, iso_week, corrected "
        "FROM v_articles WHERE article_id = 'a1'").fetchone()
    labels = ["kdrt", "kekerasan", "kekerasan_seksual", "korban_anak", "korban_perempuan"]
    assert a1 == (labels, 0.9, True, False, True, True, ["Kalimantan Tengah"], "Kalimantan Tengah", 1, 2,
                  "2024-W36", False)
    unlabelled = migrated.execute(
        "SELECT labels, is_kekerasan, provinces FROM v_articles WHERE article_id = 'a5'")
    assert unlabelled.fetchone() == ([], False, [])


def test_v_articles_shows_human_corrections(migrated):
    record_correction(migrated, "a7", add=["korban_perempuan"], corrected_by="test")
    labels, corrected = migrated.execute(
        "SELECT labels, corrected FROM v_articles WHERE article_id = 'a7'").fetchone()
    assert "korban_perempuan" in labels
    assert corrected is True


def test_iso_weeks_are_wib_weeks_whatever_the_session_zone(migrated):
    migrated.execute("SET TimeZone = 'UTC'")
    # 2024-09-09 00:10 WIB is still Sunday 8 September in UTC; it belongs to the week of Monday 9 September
    week, day = migrated.execute("SELECT iso_week, published_date FROM v_articles WHERE article_id = 'a7'"
                                 ).fetchone()
    assert (week, str(day)) == ("2024-W37", "2024-09-09")
    daily = migrated.execute("SELECT day FROM source_daily_totals WHERE source_id = 'detik' "
                             "AND day >= DATE '2024-09-08' ORDER BY day").fetchall()
    assert [str(row[0]) for row in daily] == ["2024-09-09"]


def test_daily_totals_add_up_to_the_dated_articles(migrated):
    per_source = dict(migrated.execute(
        "SELECT source_id, sum(articles) FROM source_daily_totals GROUP BY source_id").fetchall())
    stored = dict(migrated.execute(
        "SELECT source_id, count(*) FROM articles WHERE published_at IS NOT NULL GROUP BY source_id"
    ).fetchall())
    assert per_source == stored
    wire, duplicates = migrated.execute(
        "SELECT sum(wire_copies), sum(exact_duplicates) FROM source_daily_totals").fetchone()
    assert (wire, duplicates) == (2, 1)


def test_weekly_coverage_divides_by_all_the_outlets_articles_that_week(migrated):
    rows = migrated.execute(
        "SELECT region, articles, stories, outlet_articles, share FROM v_weekly_coverage "
        "WHERE iso_week = '2024-W36' AND source_id = 'detik' AND label = 'kekerasan'").fetchall()
    # detik published a2 (violence), a3 and a6 in 2024-W36 (a7 falls in W37, a12 is undated)
    assert rows == [("Kalimantan Tengah", 1, 1, 3, pytest.approx(1 / 3))]
    both = migrated.execute(
        "SELECT region, articles, outlet_articles FROM v_weekly_coverage WHERE iso_week = '2024-W36' "
        "AND source_id = 'antara-kalteng' AND label = 'gender' ORDER BY region").fetchall()
    # a4 is about two provinces: it counts once in each; the denominator is the outlet's whole week
    # (a1, a4, a5, a13)
    assert both == [("Kalimantan Barat", 1, 4), ("Kalimantan Tengah", 1, 4)]
    unplaced = migrated.execute(
        "SELECT region, articles FROM v_weekly_coverage WHERE iso_week = '2024-W36' AND source_id = 'detik' "
        "AND label = 'gender'").fetchall()
    assert unplaced == [(None, 1)]


def test_story_reach_counts_outlets_and_wire_copies(migrated):
    row = migrated.execute(
        "SELECT outlets, articles, wire_copies, from_wire_agency, first_source_id, outlet_names, "
        "spread_hours "
        "FROM v_story_reach WHERE story_id = 's-ayah-tiri'").fetchone()
    assert row == (2, 2, 1, True, "antara-kalteng", ["ANTARA Kalimantan Tengah", "detikcom"],
                   pytest.approx(3 + 47 / 60))
    assert migrated.execute("SELECT count(*) FROM v_story_reach").fetchone()[0] == \
        migrated.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]


def test_quoted_sources_carry_the_articles_context_and_protection_flag(migrated):
    rows = migrated.execute(
        "SELECT article_id, name, role, source_name, iso_week, victim_protected, is_kekerasan "
        "FROM v_quoted_sources ORDER BY article_id").fetchall()
    assert rows == [
        ("a1", "Budi Santoso", "Kapolresta", "ANTARA Kalimantan Tengah", "2024-W36", True, True),
        ("a3", None, "Kepala dinas", "detikcom", "2024-W36", False, False),
    ]


def test_docs_name_every_table_and_view_and_the_analysis_columns(migrated):
    docs = (Path(__file__).resolve().parents[2] / "docs" / "warehouse.md").read_text(encoding="utf-8")
    relations = [row[0] for row in migrated.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
    assert {"source_daily_totals", "v_weekly_coverage", "v_story_reach", "v_quoted_sources"} <= set(relations)
    assert [name for name in relations if f"`{name}`" not in docs] == []
    analysis = ("source_daily_totals", "search_index_log", "v_articles", "v_weekly_coverage", "v_story_reach")
    for relation in analysis:
        columns = [row[0] for row in migrated.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [relation]).fetchall()]
        assert [column for column in columns if column not in docs] == [], relation
