"""A small, realistic warehouse for the report tests, built from the shipped migration.

The articles are fictional (written for these tests, Apache-2.0 like the project) but shaped like the
pipeline's output: an ANTARA regional bureau and a national outlet that carries one of its stories as a
wire copy, an exact duplicate, a child-victim case whose text names a school (which must never be shown),
a hostile title and URL, articles on both sides of the WIB week boundary that fall on the other side in
UTC, an undated article, and a silent outlet. Week 2024-W36 (2–8 September 2024 WIB) is the busiest.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

WIB_OFFSET = timezone(timedelta(hours=7))
WEEK = "2024-W36"
SCRIPT_TITLE = "<script>alert(1)</script> Sosialisasi Pencegahan Perkawinan Anak di Sampit"
HOSTILE_URL = "javascript:alert(document.cookie)"
PRIVATE_DETAIL = "SD Negeri 7 Menteng"
"""A detail that identifies a child victim; it is in the stored text and must appear in no output."""
TAGGER_VERSIONS = ("sorot-rules-0.1.0", "sorot-rules-0.2.0")


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=WIB_OFFSET)


SOURCES = [
    ("antara-kalteng", "ANTARA Kalimantan Tengah", "wire", "Kalimantan Tengah",
     "https://kalteng.antaranews.com/", "WIB", "id", True),
    ("detik", "detikcom", "national", None, "https://www.detik.com/", "WIB", "id", False),
    ("antara-kalbar", "ANTARA Kalimantan Barat", "wire", "Kalimantan Barat",
     "https://kalbar.antaranews.com/", "WIB", "id", True),
]

_CHILD_CASE_TEXT = (
    "Palangka Raya (ANTARA) - Kepolisian Resor Kota Palangka Raya menahan seorang pria berinisial AS (41) "
    "yang diduga mencabuli anak tirinya. Korban, siswi kelas lima " + PRIVATE_DETAIL + ", melapor bersama "
    "ibunya pada Senin. Kapolresta mengatakan tersangka dijerat Undang-Undang Perlindungan Anak dengan ancaman "
    "hukuman 15 tahun penjara."
)
_CHILI_TEXT = (
    "Palangka Raya (ANTARA) - Harga cabai rawit di Pasar Besar Palangka Raya turun menjadi Rp40 ribu per "
    "kilogram. Pedagang menyebut pasokan dari Jawa kembali lancar."
)
_VIOLENCE = ["kekerasan", "kekerasan_seksual", "kdrt", "korban_anak", "korban_perempuan"]

ARTICLES: list[dict[str, Any]] = [
    dict(article_id="a1", source_id="antara-kalteng", story_id="s-ayah-tiri", published_at=wib(2024, 9, 4, 10, 15),
         title="Polisi tahan ayah tiri terduga pelaku pencabulan anak di Palangka Raya",
         url="https://kalteng.antaranews.com/berita/700001/polisi-tahan-ayah-tiri",
         dateline="Palangka Raya", tahap="proses_hukum", text=_CHILD_CASE_TEXT, labels=_VIOLENCE),
    dict(article_id="a2", source_id="detik", story_id="s-ayah-tiri", published_at=wib(2024, 9, 4, 14, 2),
         title="Ayah Tiri di Palangka Raya Ditahan karena Cabuli Anak",
         url="https://news.detik.com/berita/d-7500001/ayah-tiri-ditahan",
         dateline="Palangka Raya", tahap="proses_hukum", is_wire_copy=True, wire_agency="ANTARA",
         text=_CHILD_CASE_TEXT.replace("(ANTARA) -", "-"), labels=_VIOLENCE),
    dict(article_id="a3", source_id="detik", story_id="s-sampit", published_at=wib(2024, 9, 5, 9, 30),
         title=SCRIPT_TITLE, url=HOSTILE_URL, canonical_url="https://news.detik.com/berita/d-7500002/sosialisasi",
         dateline="Sampit", tahap="pencegahan",
         text=("Sampit - Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kotawaringin Timur menggelar "
               "sosialisasi pencegahan perkawinan anak di 17 kecamatan. Kepala dinas menyebut permohonan "
               "dispensasi nikah masih tinggi. Kegiatan ini menyasar pelajar SMA dan orang tua."),
         labels=["gender", "perkawinan_anak", "perlindungan_anak"]),
    dict(article_id="a4", source_id="antara-kalteng", story_id="s-dp3a", published_at=wib(2024, 9, 8, 23, 30),
         title="DP3A Kalteng catat 214 kasus kekerasan terhadap perempuan dan anak",
         url="https://kalteng.antaranews.com/berita/700002/dp3a-kalteng-catat-214-kasus",
         dateline="Palangka Raya", tahap="data",
         text=("Palangka Raya (ANTARA) - Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kalimantan Tengah "
               "mencatat 214 kasus kekerasan terhadap perempuan dan anak sepanjang 2024. UPTD PPA mendampingi "
               "seluruh korban."),
         labels=["kekerasan", "korban_perempuan", "korban_anak", "gender", "layanan_ppa"]),
    dict(article_id="a5", source_id="antara-kalteng", story_id="s-cabai", published_at=wib(2024, 9, 2, 0, 5),
         title="Harga cabai rawit di Palangka Raya turun",
         url="https://kalteng.antaranews.com/berita/700003/harga-cabai-rawit-turun",
         dateline="Palangka Raya", tahap="lainnya", text=_CHILI_TEXT, content_hash="hash-cabai", labels=[]),
    dict(article_id="a6", source_id="detik", story_id="s-cabai", published_at=wib(2024, 9, 2, 9, 0),
         title="Harga Cabai Rawit di Palangka Raya Turun",
         url="https://www.detik.com/kalimantan/berita/d-7500003/harga-cabai-rawit-turun",
         dateline="Palangka Raya", tahap="lainnya", text=_CHILI_TEXT, content_hash="hash-cabai",
         exact_duplicate_of="a5", is_wire_copy=True, wire_agency="ANTARA", labels=[]),
    dict(article_id="a13", source_id="antara-kalteng", story_id="s-jembatan", published_at=wib(2024, 9, 6, 15, 45),
         title="Gubernur resmikan jembatan di Kasongan",
         url="https://kalteng.antaranews.com/berita/700004/gubernur-resmikan-jembatan",
         dateline=None, tahap="lainnya", tagger_version=TAGGER_VERSIONS[0],
         text="Gubernur Kalimantan Tengah meresmikan jembatan penghubung dua desa di Kasongan.", labels=[]),
    # The Monday after the week, 00:10 WIB (still Sunday in UTC): belongs to 2024-W37, not W36.
    dict(article_id="a7", source_id="detik", story_id="s-kapuas", published_at=wib(2024, 9, 9, 0, 10),
         title="Pemuda di Kuala Kapuas tewas dianiaya usai pesta",
         url="https://news.detik.com/berita/d-7500004/pemuda-tewas-dianiaya",
         dateline="Kuala Kapuas", tahap="kejadian",
         text="Kuala Kapuas - Seorang pemuda tewas dianiaya usai pesta di Kuala Kapuas.",
         labels=["kekerasan", "kekerasan_fisik"]),
    dict(article_id="a8", source_id="antara-kalteng", story_id="s-pulang-pisau", published_at=wib(2024, 8, 27, 11),
         title="Warga Pulang Pisau dikeroyok saat melerai perkelahian",
         url="https://kalteng.antaranews.com/berita/699001/warga-dikeroyok",
         dateline="Pulang Pisau", tahap="kejadian",
         text="Pulang Pisau (ANTARA) - Seorang warga dikeroyok saat melerai perkelahian.",
         labels=["kekerasan", "kekerasan_fisik"]),
    dict(article_id="a9", source_id="antara-kalbar", story_id="s-kuliner", published_at=wib(2024, 8, 28, 19),
         title="Pontianak gelar festival kuliner khatulistiwa",
         url="https://kalbar.antaranews.com/berita/699002/festival-kuliner",
         dateline="Pontianak", tahap="lainnya",
         text="Pontianak (ANTARA) - Pemerintah Kota Pontianak menggelar festival kuliner.", labels=[]),
    dict(article_id="a10", source_id="detik", story_id="s-umkm", published_at=wib(2024, 8, 20, 8),
         title="Ratusan perempuan pelaku UMKM ikut pelatihan pemasaran digital",
         url="https://www.detik.com/kalimantan/berita/d-7400001/pelatihan-umkm-perempuan",
         dateline="Palangka Raya", tahap="lainnya",
         text="Palangka Raya - Ratusan perempuan pelaku UMKM mengikuti pelatihan pemasaran digital.",
         labels=["gender", "pemberdayaan_perempuan"]),
    dict(article_id="a11", source_id="antara-kalteng", story_id="s-kla", published_at=wib(2024, 8, 6, 13),
         title="Pemprov Kalteng raih penghargaan Kabupaten Layak Anak",
         url="https://kalteng.antaranews.com/berita/698001/penghargaan-kla",
         dateline="Palangka Raya", tahap="kebijakan",
         text="Palangka Raya (ANTARA) - Pemerintah Provinsi Kalimantan Tengah meraih penghargaan KLA.",
         labels=["gender", "perlindungan_anak", "kebijakan_ppa"]),
    # No publication time: first seen during the week, but placed in no week.
    dict(article_id="a12", source_id="detik", story_id="s-tanpa-tanggal", published_at=None,
         first_seen_at=wib(2024, 9, 4, 12),
         title="Berita tanpa tanggal terbit", url="https://www.detik.com/kalimantan/berita/d-7500005/tanpa-tanggal",
         dateline=None, tahap="lainnya", text="Isi berita tanpa tanggal terbit.", labels=[]),
]


def migration_sql() -> str:
    """The schema contract exactly as shipped in the package."""
    return (resources.files("sorot.warehouse") / "migrations" / "0001_initial.sql").read_text(encoding="utf-8")


def create_warehouse(db_path: Path) -> duckdb.DuckDBPyConnection:
    """An empty warehouse file with the shipped schema."""
    con = duckdb.connect(str(db_path))
    con.execute(migration_sql())
    return con


def insert_article(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> None:
    """Insert one article and its labels, filling the columns the reports do not read with plausible values."""
    article = {
        "canonical_url": row["url"], "modified_at": None, "published_text": None, "author": None, "editor": None,
        "section": "berita", "tags": [], "language": "id", "content_hash": f"hash-{row['article_id']}",
        "exact_duplicate_of": None, "similar_to": None, "similarity": None, "is_wire_copy": False,
        "wire_agency": None, "tagger_version": TAGGER_VERSIONS[1], "extractor_version": "trafilatura-2.3.1",
        "parser_version": "antara-2024", "minhash": b"\x00" * 8, "run_id": "run-1", "warnings": [],
        **row,
    }
    article["word_count"] = len(article["text"].split())
    if "first_seen_at" not in article:
        article["first_seen_at"] = article["published_at"] + timedelta(minutes=30)
    labels = article.pop("labels")
    columns = list(article)
    placeholders = ", ".join("?" for _ in columns)
    con.execute(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({placeholders})", list(article.values()))
    for label in labels:
        con.execute(
            "INSERT INTO article_labels VALUES (?, ?, ?, ?, ?)",
            [article["article_id"], label, 0.9, "[]", article["tagger_version"]],
        )


def refresh_stories(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the stories table the way the warehouse writer does (first article's title and time)."""
    con.execute("DELETE FROM stories")
    con.execute(
        "INSERT INTO stories "
        "SELECT story_id, arg_min(article_id, coalesce(published_at, first_seen_at)), "
        "       arg_min(title, coalesce(published_at, first_seen_at)), min(published_at), "
        "       count(*), count(DISTINCT source_id) "
        "FROM articles GROUP BY story_id"
    )


def build_sample_warehouse(db_path: Path) -> duckdb.DuckDBPyConnection:
    """The sample warehouse described in this module's docstring, open read-write."""
    con = create_warehouse(db_path)
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)", SOURCES)
    for row in ARTICLES:
        insert_article(con, row)
    refresh_stories(con)
    return con
