"""A small published warehouse for the dashboard tests, built in well under a second.

The articles are written for these tests (project licence, Apache-2.0): invented Indonesian news sentences,
no real person. They cover what the dashboard must handle: labelled and unlabelled articles in two weeks, two
provinces, a wire copy in a story carried by two outlets, a sensitive article about a child victim (its text
must be masked) and an article whose title and text hold HTML and script (they must render inertly).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from sorot.warehouse.db import connect_writer
from sorot.warehouse.publish import publish
from sorot.warehouse.views import refresh_reader_tables

WEEK = "2024-W36"
WEEK_START = datetime(2024, 9, 2, 3, 0, tzinfo=UTC)  # Monday 10:00 WIB
SOURCES = [
    ("antara-kalteng", "ANTARA Kalimantan Tengah", "wire", "Kalimantan Tengah", True),
    ("borneo-news", "Borneo News", "regional", "Kalimantan Tengah", False),
    ("kabar-jabar", "Kabar Jabar", "regional", "Jawa Barat", False),
]
XSS_TITLE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">Judul berbahaya"
XSS_TEXT = ("Paragraf pertama <b>tebal</b> <script>window.__pwned = 3</script> dan "
            "<a href=\"javascript:alert(1)\">tautan</a> di Palangka Raya.")


@dataclass
class Article:
    article_id: str
    title: str
    text: str
    source_id: str
    published_at: datetime
    labels: dict[str, list[dict]] = field(default_factory=dict)
    provinces: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str | None]] = field(default_factory=list)
    story_id: str | None = None
    is_wire_copy: bool = False
    tahap: str = "lainnya"
    url: str | None = None


def _evidence(text: str, words: str) -> list[dict]:
    start = text.index(words)
    return [{"field": "text", "start": start, "end": start + len(words), "text": words, "rule": "test"}]


def default_articles() -> list[Article]:
    violence = ("Seorang pria di Palangka Raya dianiaya tetangganya pada Senin malam. Polisi menahan pelaku "
                "penganiayaan itu.\n\nKapolresta Budi Santoso mengatakan kasus penganiayaan ditangani serius.")
    child = ("Korban, Melati (9), dicabuli pria berinisial AS (41) di Desa Sukamaju. Polisi menahan pelaku.\n\n"
             "Ayah korban, Joko Susilo, melapor ke polisi.")
    gender = "Pemerintah Jawa Barat meluncurkan program kesetaraan gender bagi perempuan pelaku usaha di Bandung."
    articles = [
        Article("a-violence-1", "Pria dianiaya tetangga di Palangka Raya", violence, "borneo-news", WEEK_START,
                {"kekerasan": _evidence(violence, "dianiaya"), "kekerasan_fisik": _evidence(violence, "penganiayaan")},
                ["Kalimantan Tengah"], [("Budi Santoso", "Kapolresta")], story_id="story-1", tahap="kejadian"),
        Article("a-violence-wire", "Pria dianiaya tetangga di Palangka Raya (ANTARA)", violence, "antara-kalteng",
                WEEK_START + timedelta(hours=1), {"kekerasan": [], "kekerasan_fisik": []}, ["Kalimantan Tengah"],
                story_id="story-1", is_wire_copy=True, tahap="kejadian"),
        Article("a-child", "Bocah dicabuli tetangga", child, "borneo-news", WEEK_START + timedelta(days=1),
                {"kekerasan": [], "kekerasan_seksual": _evidence(child, "dicabuli"), "korban_anak": []},
                ["Kalimantan Tengah"], [("Joko Susilo", "ayah korban"), ("Melati", None)], tahap="kejadian"),
        Article("a-gender", "Program kesetaraan gender di Bandung", gender, "kabar-jabar",
                WEEK_START + timedelta(days=2), {"gender": [], "kesetaraan_gender": _evidence(gender, "kesetaraan")},
                ["Jawa Barat"], tahap="kebijakan"),
        Article("a-xss", XSS_TITLE, XSS_TEXT, "kabar-jabar", WEEK_START + timedelta(days=3),
                {"kekerasan": []}, ["Jawa Barat"], tahap="kejadian", url="javascript:alert(document.cookie)"),
        Article("a-plain", "Harga cabai naik di pasar Bandung", "Harga cabai di pasar Bandung naik dua kali lipat.",
                "kabar-jabar", WEEK_START + timedelta(days=4), provinces=["Jawa Barat"]),
        Article("a-older", "Kekerasan terhadap perempuan pekan lalu", "Seorang istri dianiaya suaminya di Sampit.",
                "borneo-news", WEEK_START - timedelta(days=7), {"kekerasan": [], "kdrt": []},
                ["Kalimantan Tengah"], tahap="proses_hukum"),
    ]
    return articles


def insert_articles(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> None:
    """Insert articles with their labels, regions, quotes and stories, as the loader would have stored them."""
    for a in articles:
        url = a.url or f"https://{a.source_id}.example/{a.article_id}"
        con.execute(
            "INSERT INTO articles (article_id, canonical_url, url, source_id, title, published_at, language, text, "
            "word_count, content_hash, story_id, is_wire_copy, wire_agency, tahap, tagger_version, "
            "extractor_version, parser_version, minhash, first_seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'id', ?, ?, ?, ?, ?, ?, ?, 'test-1', 'test', 'test', ?, ?)",
            [a.article_id, f"https://{a.source_id}.example/{a.article_id}", url, a.source_id, a.title,
             a.published_at, a.text, len(a.text.split()), hashlib.sha1(a.text.encode()).hexdigest(),
             a.story_id or f"story-{a.article_id}", a.is_wire_copy, "ANTARA" if a.is_wire_copy else None, a.tahap,
             b"\x00" * 16, a.published_at],
        )
        for label, evidence in a.labels.items():
            con.execute("INSERT INTO article_labels VALUES (?, ?, 0.9, ?, 'test-1')",
                        [a.article_id, label, json.dumps(evidence)])
        for position, province in enumerate(a.provinces):
            con.execute("INSERT INTO article_regions VALUES (?, ?, ?, NULL, NULL, NULL, ?, 'text', NULL)",
                        [a.article_id, position, province, province])
        for position, (name, role) in enumerate(a.quotes):
            con.execute("INSERT INTO article_quotes VALUES (?, ?, ?, ?, 1)", [a.article_id, position, name, role])
    con.execute("DELETE FROM stories")
    con.execute(
        "INSERT INTO stories SELECT story_id, min(article_id), min(title), min(published_at), count(*), "
        "count(DISTINCT source_id) FROM articles GROUP BY story_id")


def build_warehouse(data_dir: Path, articles: list[Article] | None = None) -> Path:
    """Write ``warehouse.duckdb`` in ``data_dir`` with the articles, refresh it and publish it; returns the copy."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / "warehouse.duckdb"
    con = connect_writer(db_path)
    try:
        con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, NULL, 'WIB', 'id', ?)",
                        [(s[0], s[1], s[2], s[3], s[4]) for s in SOURCES])
        insert_articles(con, articles if articles is not None else default_articles())
        refresh_reader_tables(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return publish(db_path)


def load_more(data_dir: Path, articles: list[Article], staff_db: Path | None = None) -> Path:
    """What the ingest job does: open the writer, load, merge staff actions, refresh, publish."""
    from sorot.dashboard.merge import apply_staff_actions

    db_path = data_dir / "warehouse.duckdb"
    con = connect_writer(db_path)
    try:
        if articles:
            insert_articles(con, articles)
        if staff_db is not None:
            apply_staff_actions(con, staff_db)
        refresh_reader_tables(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return publish(db_path)
