"""The single writer against real DuckDB files: migrations, de-duplication, stories, wire copies."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

from sorot.crawlers.sources import get_source
from sorot.pipeline.dedupe.hashing import content_hash
from sorot.pipeline.process import ProcessedArticle
from sorot.warehouse.db import (
    WarehouseBusyError,
    available_migrations,
    connect_writer,
    schema_version,
    writer_lock,
)
from sorot.warehouse.loader import STORY_WINDOW_DAYS, WarehouseLoader, article_id_for
from sorot.warehouse.publish import publish

BODY = (
    "Pemerintah Kota Palangka Raya menyusun rencana aksi pencegahan kekerasan terhadap perempuan dan anak "
    "bersama perangkat daerah, Forum Anak Daerah, mahasiswa dan awak media setempat.\n\n"
    "Kepala dinas mengatakan kegiatan ini bertujuan meningkatkan pemahaman tentang kekerasan terhadap "
    "perempuan dan anak serta mendorong partisipasi aktif masyarakat dalam pencegahannya di kota itu."
)
OTHER = (
    "Harga cabai rawit di pasar tradisional Kota Palangka Raya naik menjelang akhir pekan karena pasokan "
    "dari daerah penghasil berkurang akibat cuaca, kata pedagang yang ditemui di pasar besar pada Senin pagi."
)


def _article(url: str, outlet: str, text: str, *, wire: bool = False, title: str = "Judul") -> ProcessedArticle:
    return ProcessedArticle(
        url=url, canonical_url=url, outlet=outlet, outlet_name=outlet, title=title,
        published_at=datetime(2024, 9, 4, 8, 30, tzinfo=UTC), modified_at=None, published_text=None,
        author=None, editor=None, dateline="Palangka Raya", section=None, tags=[], text=text, language="id",
        is_wire_copy=wire, wire_agency="ANTARA" if wire else None, content_hash=content_hash(text), labels=[],
        tahap="lainnya", tagger_version="test", extractor_version="test", parser_version="test",
    )


@pytest.fixture()
def loader(tmp_path):
    con = connect_writer(tmp_path / "w.duckdb")
    loader = WarehouseLoader(con)
    loader.upsert_sources([get_source("antara-kalteng"), get_source("detik")])
    yield loader
    con.close()


def test_migrations_apply_every_shipped_version_once(tmp_path):
    path = tmp_path / "w.duckdb"
    shipped = [version for version, _, _ in available_migrations()]
    con = connect_writer(path)
    assert schema_version(con) == max(shipped)
    con.close()
    con = connect_writer(path)  # second open applies nothing and keeps the data
    assert sorted(v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()) == shipped
    con.close()


def test_a_canonical_url_is_stored_once(loader):
    url = "https://kalteng.antaranews.com/berita/1/a"
    first = loader.load([_article(url, "antara-kalteng", BODY)])
    second = loader.load([_article(url, "antara-kalteng", BODY)])
    assert (first.new_articles, second.new_articles, second.already_stored) == (1, 0, 1)
    assert loader.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_copies_join_one_story_and_the_non_agency_copy_is_a_wire_copy(loader):
    original = _article("https://kalteng.antaranews.com/berita/1/a", "antara-kalteng", BODY)
    exact = _article("https://news.detik.com/berita/d-9000001/a", "detik", BODY)
    edited = _article("https://news.detik.com/berita/d-9000002/b", "detik",
                      BODY.replace("bersama perangkat daerah, ", ""))
    unrelated = _article("https://news.detik.com/berita/d-9000003/c", "detik", OTHER)
    stats = loader.load([original, exact, edited, unrelated])
    assert (stats.exact_duplicates, stats.near_duplicates) == (1, 1)
    rows = dict(loader.con.execute("SELECT canonical_url, story_id FROM articles").fetchall())
    assert rows[exact.canonical_url] == rows[edited.canonical_url] == rows[original.canonical_url]
    assert rows[unrelated.canonical_url] != rows[original.canonical_url]
    reach = loader.con.execute("SELECT article_count, outlet_count FROM stories WHERE story_id = ?",
                               [rows[original.canonical_url]]).fetchone()
    assert reach == (3, 2)
    wire = dict(loader.con.execute("SELECT canonical_url, is_wire_copy FROM articles").fetchall())
    assert wire[exact.canonical_url] and wire[edited.canonical_url]
    assert not wire[original.canonical_url] and not wire[unrelated.canonical_url]
    duplicate_of = loader.con.execute("SELECT exact_duplicate_of FROM articles WHERE canonical_url = ?",
                                      [exact.canonical_url]).fetchone()[0]
    assert duplicate_of == article_id_for(original.canonical_url)


def test_later_loads_recount_the_stories_they_touch_and_keep_the_others(loader):
    copy = _article("https://news.detik.com/berita/d-9000001/a", "detik", BODY)
    unrelated = _article("https://news.detik.com/berita/d-9000003/c", "detik", OTHER)
    loader.load([copy, unrelated])  # the outlet's copy arrives before the agency's original
    assert not loader.con.execute("SELECT bool_or(is_wire_copy) FROM articles").fetchone()[0]
    original = _article("https://kalteng.antaranews.com/berita/1/a", "antara-kalteng", BODY)
    loader.load([original])
    story = _story_of(loader.con, copy.canonical_url)
    assert _story_of(loader.con, original.canonical_url) == story
    reach = loader.con.execute("SELECT article_count, outlet_count FROM stories WHERE story_id = ?",
                               [story]).fetchone()
    assert reach == (2, 2)
    wire = dict(loader.con.execute("SELECT canonical_url, is_wire_copy FROM articles").fetchall())
    assert wire == {copy.canonical_url: True, unrelated.canonical_url: False, original.canonical_url: False}
    stories = loader.con.execute("SELECT count(*), sum(article_count) FROM stories").fetchone()
    assert stories == (2, 3)


def _story_of(con: duckdb.DuckDBPyConnection, url: str) -> str:
    return con.execute("SELECT story_id FROM articles WHERE canonical_url = ?", [url]).fetchone()[0]


def test_a_near_copy_is_matched_within_the_story_window_by_a_new_writer(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect_writer(path)
    first = WarehouseLoader(con)
    first.upsert_sources([get_source("antara-kalteng"), get_source("detik")])
    original = _article("https://kalteng.antaranews.com/berita/1/a", "antara-kalteng", BODY)
    first.load([original])
    con.close()
    # a later process (the next crawl) starts with an empty index: the stored article's date brings it in
    con = connect_writer(path)
    later = WarehouseLoader(con)
    edited_text = BODY.replace("bersama perangkat daerah, ", "")
    near = replace(_article("https://news.detik.com/berita/d-1/b", "detik", edited_text),
                   published_at=original.published_at + timedelta(days=STORY_WINDOW_DAYS - 1))
    far = replace(_article("https://news.detik.com/berita/d-2/c", "detik", edited_text + " Tambahan."),
                  published_at=original.published_at + timedelta(days=3 * STORY_WINDOW_DAYS))
    stats = later.load([near])
    assert stats.near_duplicates == 1
    assert _story_of(con, near.canonical_url) == _story_of(con, original.canonical_url)
    stats = later.load([far])  # the window grows with the batch; the copy months later is still found
    assert stats.near_duplicates == 1
    assert _story_of(con, far.canonical_url) == _story_of(con, original.canonical_url)
    con.close()


def test_articles_far_apart_in_time_are_not_compared_but_exact_copies_are_found(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect_writer(path)
    WarehouseLoader(con).upsert_sources([get_source("antara-kalteng"), get_source("detik")])
    original = _article("https://kalteng.antaranews.com/berita/1/a", "antara-kalteng", BODY)
    WarehouseLoader(con).load([original])
    con.close()
    con = connect_writer(path)
    later = WarehouseLoader(con)
    years = timedelta(days=3 * 365)
    edited = replace(_article("https://news.detik.com/berita/d-1/b", "detik", BODY.replace("setempat", "kota")),
                     published_at=original.published_at + years)
    exact = replace(_article("https://news.detik.com/berita/d-2/c", "detik", BODY),
                    published_at=original.published_at + years)
    stats = later.load([edited, exact])
    assert (stats.near_duplicates, stats.exact_duplicates) == (0, 1)
    assert _story_of(con, edited.canonical_url) != _story_of(con, original.canonical_url)
    assert _story_of(con, exact.canonical_url) == _story_of(con, original.canonical_url)
    con.close()


def test_a_failed_batch_stores_nothing_of_it(loader):
    good = _article("https://kalteng.antaranews.com/berita/1/a", "antara-kalteng", BODY)
    loader.load([good])
    broken = _article("https://kalteng.antaranews.com/berita/2/b", "antara-kalteng", OTHER)
    broken.tahap = None  # violates NOT NULL
    with pytest.raises(duckdb.Error):
        loader.load([_article("https://kalteng.antaranews.com/berita/3/c", "antara-kalteng", OTHER + " x"), broken])
    assert loader.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "w.duckdb"
    with writer_lock(path), pytest.raises(WarehouseBusyError, match="another Sorot run"), writer_lock(path):
        pass


def test_published_copy_is_readable_while_the_writer_holds_the_warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect_writer(path)
    WarehouseLoader(con).upsert_sources([get_source("detik")])
    con.execute("CHECKPOINT")
    published = publish(path)
    reader = duckdb.connect(str(published), read_only=True)
    assert reader.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
    reader.close()
    con.close()
