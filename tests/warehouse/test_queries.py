"""The weekly queries against a real DuckDB file built from the shipped migration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import duckdb
import pytest

from sorot.models.taxonomy import LABEL_NAMES_ID, STAGE_NAMES_ID
from sorot.warehouse.excerpts import PRIVACY_NOTICE, excerpt
from sorot.warehouse.queries import WIB, busiest_week, iso_week_bounds, week_of, weekly_summary

from . import ARTICLES, PRIVATE_DETAIL, TAGGER_VERSIONS, WEEK, build_sample_warehouse, create_warehouse, wib

# Independent of the code under test: the week written as literal WIB timestamps.
IN_W36 = ("published_at >= TIMESTAMPTZ '2024-09-02 00:00:00+07' "
          "AND published_at < TIMESTAMPTZ '2024-09-09 00:00:00+07'")


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    connection = build_sample_warehouse(tmp_path_factory.mktemp("warehouse") / "sorot.duckdb")
    yield connection
    connection.close()


def sql_count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchone()[0])


# -- weeks ------------------------------------------------------------------------------------------------

def test_iso_week_bounds_are_monday_to_monday_in_wib() -> None:
    start, end = iso_week_bounds("2024-W36")
    assert start == datetime(2024, 9, 2, tzinfo=WIB)
    assert end == datetime(2024, 9, 9, tzinfo=WIB)
    assert start.utcoffset() == timedelta(hours=7)
    assert start.isoformat() == "2024-09-02T00:00:00+07:00"


def test_iso_week_bounds_follow_iso_years() -> None:
    assert iso_week_bounds("2020-W53")[0] == datetime(2020, 12, 28, tzinfo=WIB)
    # ISO week 1 of 2025 starts in December 2024.
    assert iso_week_bounds("2025-W01")[0] == datetime(2024, 12, 30, tzinfo=WIB)


@pytest.mark.parametrize("bad", ["2024-36", "2024W36", "2024-w36", "2024-W6", " 2024-W36", "2024-W36 ", "", "W36",
                                 "2024-W00", "2024-W54", "2021-W53", "２０２４-W36"])
def test_iso_week_bounds_rejects_bad_strings(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid ISO week"):
        iso_week_bounds(bad)


def test_week_of_reads_the_moment_in_wib() -> None:
    # Monday 00:05 WIB is still Sunday in UTC (ISO week 35 there).
    assert week_of(wib(2024, 9, 2, 0, 5)) == "2024-W36"
    assert week_of(wib(2024, 9, 2, 0, 5).astimezone(UTC)) == "2024-W36"
    assert week_of(wib(2024, 9, 8, 23, 59)) == "2024-W36"
    assert week_of(wib(2024, 9, 9, 0, 0)) == "2024-W37"


def test_busiest_week_is_the_week_with_most_articles(con: duckdb.DuckDBPyConnection) -> None:
    expected = con.execute(
        "SELECT strftime(published_at AT TIME ZONE 'Asia/Jakarta', '%G-W%V') AS w, count(*) AS n FROM articles "
        "WHERE published_at IS NOT NULL GROUP BY w ORDER BY n DESC LIMIT 1"
    ).fetchone()[0]
    assert busiest_week(con) == expected == WEEK


def test_busiest_week_empty_and_tie(tmp_path) -> None:
    con = create_warehouse(tmp_path / "empty.duckdb")
    assert busiest_week(con) is None
    con.execute("INSERT INTO sources VALUES ('x', 'X', 'regional', NULL, NULL, 'WIB', 'id', false)")
    for article_id, published in [("t1", wib(2024, 1, 3, 9)), ("t2", wib(2024, 1, 10, 9)), ("t3", None)]:
        con.execute(
            "INSERT INTO articles (article_id, canonical_url, url, source_id, published_at, language, text, word_count,"
            " content_hash, story_id, is_wire_copy, tahap, tagger_version, extractor_version, parser_version, minhash,"
            " first_seen_at) VALUES (?, ?, ?, 'x', ?, 'id', 'teks', 1, ?, ?, false, 'lainnya', 't', 'e', 'p', ?, ?)",
            [article_id, f"https://x.example/{article_id}", f"https://x.example/{article_id}", published,
             article_id, article_id, b"\x00", wib(2024, 1, 11)],
        )
    # One article in W01, one in W02: equal, so the later week wins.
    assert busiest_week(con) == "2024-W02"
    con.close()


# -- the summary ------------------------------------------------------------------------------------------

def test_totals_equal_sql_counts(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    assert summary.week == WEEK
    assert (summary.start, summary.end) == iso_week_bounds(WEEK)
    assert summary.total_articles == sql_count(con, f"SELECT count(*) FROM articles WHERE {IN_W36}") == 7
    assert summary.stories == sql_count(con, f"SELECT count(DISTINCT story_id) FROM articles WHERE {IN_W36}") == 5
    assert summary.wire_copies == sql_count(
        con, f"SELECT count(*) FROM articles WHERE {IN_W36} AND is_wire_copy") == 2
    assert summary.current.exact_duplicates == sql_count(
        con, f"SELECT count(*) FROM articles WHERE {IN_W36} AND exact_duplicate_of IS NOT NULL") == 1
    assert summary.family_articles == sql_count(
        con,
        "SELECT count(DISTINCT a.article_id) FROM articles a JOIN article_labels l USING (article_id) "
        f"WHERE {IN_W36} AND l.label IN ('kekerasan', 'gender')",
    ) == 4
    assert summary.family_count("kekerasan") == 3
    assert summary.family_count("gender") == 2


def test_week_boundaries_use_wib_not_utc(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    listed = {item.article_id for group in summary.articles_by_label for item in group.articles}
    assert "a4" in listed  # Sunday 23:30 WIB, already Sunday 16:30 UTC: inside.
    assert "a7" not in listed  # Monday 00:10 WIB of the next week (Sunday in UTC): outside.
    by_story = {story.story_id: story for story in summary.top_stories}
    assert "s-cabai" in by_story  # Monday 00:05 WIB (Sunday in UTC) counts in this week.
    assert "s-kapuas" not in by_story
    assert weekly_summary(con, "2024-W37").total_articles == 1


def test_label_counts_cover_the_whole_taxonomy_families_first(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    labels = [row.label for row in summary.by_label]
    assert labels[:2] == ["kekerasan", "gender"]
    assert set(LABEL_NAMES_ID) <= set(labels)
    assert len(labels) == len(set(labels))
    expected = dict(con.execute(
        f"SELECT l.label, count(*) FROM articles a JOIN article_labels l USING (article_id) WHERE {IN_W36} "
        "GROUP BY l.label"
    ).fetchall())
    for row in summary.by_label:
        assert row.count == expected.get(row.label, 0), row.label
        assert row.share == pytest.approx(row.count / 7)
        assert row.name == LABEL_NAMES_ID.get(row.label, row.label)
    counts = {row.label: row.count for row in summary.by_label}
    assert counts["korban_anak"] == 3
    assert counts["femisida"] == 0


def test_outlets_include_silent_sources(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    rows = {row.name: row for row in summary.by_outlet}
    expected = dict(con.execute(
        f"SELECT s.name, count(*) FROM articles a JOIN sources s USING (source_id) WHERE {IN_W36} GROUP BY s.name"
    ).fetchall())
    assert {name: row.articles for name, row in rows.items() if row.articles} == expected
    assert rows["ANTARA Kalimantan Barat"].articles == 0
    assert summary.by_outlet[0].name == "ANTARA Kalimantan Tengah"
    assert (rows["ANTARA Kalimantan Tengah"].kekerasan, rows["ANTARA Kalimantan Tengah"].gender) == (2, 1)
    assert (rows["detikcom"].kekerasan, rows["detikcom"].gender) == (1, 1)
    assert summary.outlets_in_warehouse == 3
    assert summary.current.active_outlets == 2


def test_stages_and_datelines(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    stages = {row.stage: row.count for row in summary.by_stage}
    assert list(stages)[: len(STAGE_NAMES_ID)] == list(STAGE_NAMES_ID)
    assert stages == {**dict.fromkeys(STAGE_NAMES_ID, 0), **dict(con.execute(
        f"SELECT tahap, count(*) FROM articles WHERE {IN_W36} GROUP BY tahap").fetchall())}
    assert stages["proses_hukum"] == 2
    places = [(row.place, row.count) for row in summary.by_dateline]
    assert places == [("Palangka Raya", 5), ("Sampit", 1), (None, 1)]
    assert sum(count for _, count in places) == summary.total_articles


def test_top_stories_by_reach_then_articles(con: duckdb.DuckDBPyConnection) -> None:
    stories = weekly_summary(con, WEEK).top_stories
    # Two stories reach both outlets; the tie is broken by the earlier first publication.
    assert [story.story_id for story in stories] == ["s-cabai", "s-ayah-tiri", "s-sampit", "s-jembatan", "s-dp3a"]
    child_case = stories[1]
    assert child_case.reach == 2
    assert child_case.outlets == ("ANTARA Kalimantan Tengah", "detikcom")
    assert child_case.article_count == sql_count(
        con, f"SELECT count(*) FROM articles WHERE {IN_W36} AND story_id = 's-ayah-tiri'") == 2
    assert child_case.title == "Polisi tahan ayah tiri terduga pelaku pencabulan anak di Palangka Raya"
    assert child_case.first_published == wib(2024, 9, 4, 10, 15)
    assert child_case.first_published.utcoffset() == timedelta(hours=7)
    assert child_case.families == (LABEL_NAMES_ID["kekerasan"],)
    assert stories[4].families == (LABEL_NAMES_ID["kekerasan"], LABEL_NAMES_ID["gender"])


def test_previous_weeks_and_normalised_share(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK, previous_weeks=4)
    assert [t.week for t in summary.trend] == ["2024-W32", "2024-W33", "2024-W34", "2024-W35", "2024-W36"]
    assert [t.articles for t in summary.trend] == [1, 0, 1, 2, 7]
    empty = summary.previous[1]
    assert empty.share("kekerasan") == 0.0 and empty.family_share == 0.0
    last = summary.previous[-1]
    assert last.label_count("kekerasan") == 1
    assert last.share("kekerasan") == pytest.approx(0.5)
    assert summary.current.share("gender") == pytest.approx(2 / 7)
    assert weekly_summary(con, WEEK, previous_weeks=0).previous == ()
    with pytest.raises(ValueError):
        weekly_summary(con, WEEK, previous_weeks=-1)


def test_article_lists_mask_child_victim_details(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    groups = {group.label: group for group in summary.articles_by_label}
    assert set(groups) == {row.label for row in summary.by_label if row.count}
    assert [item.article_id for item in groups["korban_anak"].articles] == ["a1", "a2", "a4"]
    child_case = groups["korban_anak"].articles[0]
    assert "[sekolah disamarkan]" in child_case.excerpt and "[nama disamarkan] (41)" in child_case.excerpt
    assert child_case.excerpt.startswith("Palangka Raya (ANTARA) - Kepolisian Resor Kota Palangka Raya")
    assert PRIVACY_NOTICE not in {item.excerpt for item in groups["korban_anak"].articles}
    all_excerpts = " ".join(item.excerpt for group in groups.values() for item in group.articles)
    assert PRIVATE_DETAIL not in all_excerpts
    prevention = groups["perkawinan_anak"].articles[0]
    assert prevention.excerpt.startswith("Sampit - Dinas Pemberdayaan Perempuan")
    assert prevention.outlet == "detikcom"
    assert prevention.published == wib(2024, 9, 5, 9, 30)


def test_methods_facts(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    assert summary.tagger_versions == TAGGER_VERSIONS
    assert summary.undated_articles == 1
    assert weekly_summary(con, "2024-W33").tagger_versions == ()


def test_summary_for_an_unknown_week_is_empty_not_an_error(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, "2030-W01")
    assert summary.total_articles == 0
    assert summary.top_stories == () and summary.articles_by_label == ()
    assert all(row.count == 0 and row.share == 0.0 for row in summary.by_label)


# -- excerpts ---------------------------------------------------------------------------------------------

def test_excerpt_keeps_whole_sentences_within_the_limit() -> None:
    text = "Kalimat pertama cukup pendek.  Kalimat kedua\njuga pendek! Kalimat ketiga tidak akan muat di sini."
    assert excerpt(text, [], max_chars=60) == "Kalimat pertama cukup pendek. Kalimat kedua juga pendek!"
    assert excerpt(text, [], max_chars=1000) == " ".join(text.split())


def test_excerpt_cuts_a_long_first_sentence_at_a_word() -> None:
    text = "Sebuah kalimat yang sangat panjang sekali tanpa titik " * 10
    short = excerpt(text, ["gender"], max_chars=50)
    assert len(short) <= 50
    assert short.endswith("…")
    assert text.startswith(short[:-1])


@pytest.mark.parametrize("labels", [["korban_anak"], ["kekerasan", "kekerasan_seksual"], ("kekerasan_seksual",)])
def test_excerpt_of_protected_victims_is_masked(labels) -> None:
    text = ARTICLES[0]["text"]
    shown = excerpt(text, labels)
    assert PRIVATE_DETAIL not in shown and "AS (41)" not in shown
    assert "[sekolah disamarkan]" in shown


def test_excerpt_edge_cases() -> None:
    assert excerpt("", []) == ""
    with pytest.raises(ValueError):
        excerpt("teks", [], max_chars=0)


def test_labels_unknown_to_the_taxonomy_are_kept_last(tmp_path) -> None:
    con = build_sample_warehouse(tmp_path / "sorot.duckdb")
    con.execute("INSERT INTO article_labels VALUES ('a13', 'label_lama', 0.5, '[]', 'sorot-rules-0.0.1')")
    summary = weekly_summary(con, WEEK)
    con.close()
    last = summary.by_label[-1]
    assert (last.label, last.name, last.count, last.is_family) == ("label_lama", "label_lama", 1, False)
    assert "sorot-rules-0.0.1" in summary.tagger_versions
    assert [group.label for group in summary.articles_by_label][-1] == "label_lama"
