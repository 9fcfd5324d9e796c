"""Full-text search: Indonesian stemming, BM25 ranking, filters, incremental upkeep, published copy, CLI."""

from __future__ import annotations

import json
import shutil
from datetime import date

import duckdb
import pytest

from sorot.pipeline.cli import main
from sorot.warehouse.db import connect_reader, connect_writer, load_fts, migrate
from sorot.warehouse.publish import publish
from sorot.warehouse.search import FTS_SCHEMA, refresh_search_index, search, snippet
from sorot.warehouse.views import refresh_reader_tables
from tests.warehouse import PRIVATE_DETAIL, build_sample_warehouse, insert_article, wib

# a7's text says only "dianiaya"; these say "penganiayaan" once in a long text, and three times in a short one
EXTRA = [
    dict(article_id="b1", source_id="detik", story_id="s-b1", published_at=wib(2024, 9, 3, 9),
         title="Sidang kasus di Pengadilan Negeri Palangka Raya",
         url="https://news.detik.com/berita/d-1/sidang",
         dateline="Palangka Raya", tahap="proses_hukum",
         text=("Palangka Raya - Majelis hakim Pengadilan Negeri Palangka Raya menggelar sidang lanjutan "
               "perkara penganiayaan yang menjerat seorang pengusaha. "
               + "Sidang dihadiri keluarga terdakwa. " * 30),
         labels=["kekerasan", "kekerasan_fisik"]),
    dict(article_id="b2", source_id="antara-kalteng", story_id="s-b2", published_at=wib(2024, 8, 12, 10),
         title="Polisi usut penganiayaan pedagang pasar", url="https://kalteng.antaranews.com/berita/2/usut",
         dateline="Sampit", tahap="proses_hukum",
         text=("Sampit (ANTARA) - Polisi mengusut penganiayaan terhadap pedagang pasar. Pelaku penganiayaan "
               "ditangkap di rumahnya."),
         labels=["kekerasan", "kekerasan_fisik"]),
]
QUERIES = ("penganiayaan", "kekerasan anak", "harga cabai palangka raya", "perempuan", "sidang")


def _warehouse(path) -> duckdb.DuckDBPyConnection:
    """The sample warehouse at the current schema, with two more violence articles, search index built."""
    con = build_sample_warehouse(path)  # schema 1, as the report tests use it
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)")
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, '0001_initial.sql')")
    migrate(con)
    for row in EXTRA:
        insert_article(con, dict(row))
    refresh_reader_tables(con)
    return con


@pytest.fixture()
def indexed(tmp_path):
    con = _warehouse(tmp_path / "w.duckdb")
    yield con
    con.close()


def _bm25(con: duckdb.DuckDBPyConnection, query: str) -> dict[str, float]:
    """The extension's own scoring (match_bm25), to compare with the module's."""
    rows = con.execute(f"SELECT name, {FTS_SCHEMA}.match_bm25(name, ?) FROM {FTS_SCHEMA}.docs",
                       [query]).fetchall()
    return {name: score for name, score in rows if score is not None}


def test_penganiayaan_finds_an_article_that_only_says_dianiaya(indexed):
    hits = search(indexed, "penganiayaan")
    by_id = {hit.article_id: hit for hit in hits}
    words = indexed.execute("SELECT lower(text || title) FROM articles WHERE article_id = 'a7'").fetchone()[0]
    assert "penganiayaan" not in words
    assert by_id["a7"].matched_words == ("dianiaya",)
    assert "dianiaya" in by_id["a7"].snippet
    assert set(by_id) == {"a7", "b1", "b2"}


def test_results_are_ranked_by_bm25(indexed):
    hits = search(indexed, "penganiayaan")
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    # three mentions in a short article beat one in a long one
    assert [hit.article_id for hit in hits].index("b2") < [hit.article_id for hit in hits].index("b1")
    expected = _bm25(indexed, "penganiayaan")
    assert {hit.article_id: hit.score for hit in hits} == pytest.approx(expected)


def test_filters_by_label_and_publication_day_in_wib(indexed):
    violent = search(indexed, "penganiayaan", label="kekerasan_fisik")
    assert {hit.article_id for hit in violent} == {"a7", "b1", "b2"}
    assert search(indexed, "penganiayaan", label="gender") == []
    # a7 was published 2024-09-09 00:10 WIB (still 8 September in UTC)
    assert {h.article_id for h in search(indexed, "penganiayaan", since=date(2024, 9, 9))} == {"a7"}
    assert {h.article_id for h in search(indexed, "penganiayaan", until=date(2024, 9, 8))} == {"b1", "b2"}
    assert {h.article_id for h in search(indexed, "penganiayaan", since=date(2024, 9, 1),
                                         until=date(2024, 9, 8))} == {"b1"}


def test_match_all_needs_every_word(indexed):
    some = {hit.article_id for hit in search(indexed, "penganiayaan pedagang")}
    every = {hit.article_id for hit in search(indexed, "penganiayaan pedagang", match_all=True)}
    assert every == {"b2"} and {"a7", "b1", "b2"} <= some
    assert search(indexed, "penganiayaan zzzkatayangtidakada", match_all=True) == []
    assert search(indexed, "zzzkatayangtidakada") == []


def test_snippets_never_show_what_masking_hides(indexed):
    hits = search(indexed, "mencabuli ayah tiri")
    assert {"a1", "a2"} <= {hit.article_id for hit in hits}
    assert all(PRIVATE_DETAIL not in hit.snippet for hit in hits)


def _more_articles(count: int) -> list[dict]:
    return [dict(article_id=f"c{k}", source_id="detik", story_id=f"s-c{k}",
                 published_at=wib(2024, 9, 10, 8 + k), title=f"Warga dianiaya di desa {k}",
                 url=f"https://news.detik.com/berita/d-9{k}/warga", dateline="Kasongan", tahap="kejadian",
                 text=(f"Kasongan - Seorang warga dianiaya tetangganya. Penganiayaan dipicu sengketa lahan "
                       f"nomor {k}."),
                 labels=["kekerasan", "kekerasan_fisik"]) for k in range(count)]


def _scores_match_a_full_rebuild(con: duckdb.DuckDBPyConnection, tmp_path) -> None:
    appended = {query: _bm25(con, query) for query in QUERIES}
    ours = {query: {hit.article_id: hit.score for hit in search(con, query, limit=50)} for query in QUERIES}
    con.execute("CHECKPOINT")
    shutil.copyfile(tmp_path / "w.duckdb", tmp_path / "full.duckdb")
    full = duckdb.connect(str(tmp_path / "full.duckdb"))
    load_fts(full)
    assert refresh_search_index(full, full=True).mode == "full"
    rebuilt = {query: _bm25(full, query) for query in QUERIES}
    full.close()
    for query in QUERIES:
        assert appended[query] == pytest.approx(rebuilt[query])
        assert ours[query] == pytest.approx(rebuilt[query])


def test_an_appended_index_scores_like_a_full_rebuild(tmp_path, monkeypatch):
    con = _warehouse(tmp_path / "w.duckdb")
    monkeypatch.setattr("sorot.warehouse.search.APPEND_BATCH", 2)  # three new articles in two transactions
    for row in _more_articles(3):
        insert_article(con, row)
    refreshed = refresh_search_index(con)
    assert (refreshed.mode, refreshed.added, refreshed.documents) == ("incremental", 3, 18)
    _scores_match_a_full_rebuild(con, tmp_path)
    con.close()


def test_a_large_append_re_sorts_the_postings_by_term(tmp_path):
    con = _warehouse(tmp_path / "w.duckdb")
    for row in _more_articles(10):  # 10 of 25 articles appended: more than CLUSTER_SHARE
        insert_article(con, row)
    assert refresh_search_index(con).mode == "clustered"
    termids = [row[0] for row in con.execute(f"SELECT termid FROM {FTS_SCHEMA}.terms").fetchall()]
    assert termids == sorted(termids)
    _scores_match_a_full_rebuild(con, tmp_path)
    con.close()


def test_nothing_new_leaves_the_index_alone_and_a_changed_stoplist_rebuilds_it(indexed):
    assert refresh_search_index(indexed).mode == "unchanged"
    indexed.execute("INSERT INTO search_stopwords VALUES ('polisi')")
    assert refresh_search_index(indexed).mode == "full"
    assert "b2" not in {hit.article_id for hit in search(indexed, "polisi")}


def test_search_works_on_the_published_read_only_copy(tmp_path):
    con = _warehouse(tmp_path / "warehouse.duckdb")
    con.execute("CHECKPOINT")
    con.close()
    published = publish(tmp_path / "warehouse.duckdb", tmp_path / "warehouse-published.duckdb")
    reader = connect_reader(published, search=True)
    try:
        assert {hit.article_id for hit in search(reader, "penganiayaan")} == {"a7", "b1", "b2"}
    finally:
        reader.close()


def test_a_warehouse_without_an_index_says_how_to_build_one(tmp_path):
    con = connect_writer(tmp_path / "w.duckdb")
    with pytest.raises(LookupError, match="sorot warehouse refresh"):
        search(con, "penganiayaan")
    con.close()


def test_sorot_search_command(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    con = _warehouse(data / "warehouse.duckdb")
    con.close()
    publish(data / "warehouse.duckdb", data / "warehouse-published.duckdb")
    code = main(["--data-dir", str(data), "search", "penganiayaan", "--label", "kekerasan_fisik",
                 "--since", "2024-09-01", "--json"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [line["article_id"] for line in lines] == ["a7", "b1"]  # b2 was published in August
    assert next(line for line in lines if line["article_id"] == "a7")["matched_words"] == ["dianiaya"]

    assert main(["--data-dir", str(data), "search", "dianiaya"]) == 0
    text = capsys.readouterr().out
    assert "Pemuda di Kuala Kapuas tewas dianiaya usai pesta" in text and "matched: dianiaya" in text

    assert main(["--data-dir", str(data), "search", "penganiayaan", "--label", "kekerasan_fisk"]) == 1
    assert "unknown label 'kekerasan_fisk'" in capsys.readouterr().err


def test_stopwords_in_a_query_do_not_defeat_match_all(indexed):
    hits = search(indexed, "penganiayaan dan pedagang", match_all=True)
    assert [hit.article_id for hit in hits] == ["b2"]


def test_a_snippet_starts_near_the_match_and_stays_short():
    long_text = "Kalimat pembuka tentang cuaca hari ini. " + "Isi berita panjang. " * 30 + \
        "Seorang pria dianiaya di pasar. Kalimat penutup."
    piece = snippet(long_text, [], ["dianiaya"], max_chars=120)
    assert piece.startswith("…") and "dianiaya" in piece and len(piece) <= 120
    assert snippet("Pria dianiaya.", [], ["dianiaya"]) == "Pria dianiaya."
