"""The weekly HTML report and the digest .eml, rendered from a real DuckDB file."""

from __future__ import annotations

import email
import re
from datetime import date, datetime
from email import policy
from pathlib import Path

import duckdb
import lxml.html
import pytest

from sorot.models.taxonomy import LABEL_NAMES_ID
from sorot.warehouse.excerpts import PRIVACY_NOTICE
from sorot.warehouse.queries import WIB, weekly_summary
from sorot.warehouse.reports import (
    format_date_id,
    format_date_range_id,
    format_datetime_id,
    format_number_id,
    format_percent_id,
    safe_href,
)
from sorot.warehouse.reports.digest import build_digest, header_text, write_digest_eml
from sorot.warehouse.reports.weekly import render_weekly_report, write_weekly_report

from . import HOSTILE_URL, PRIVATE_DETAIL, SCRIPT_TITLE, TAGGER_VERSIONS, WEEK, build_sample_warehouse

IN_W36 = ("published_at >= TIMESTAMPTZ '2024-09-02 00:00:00+07' "
          "AND published_at < TIMESTAMPTZ '2024-09-09 00:00:00+07'")
SENDER = "Sorot <sorot@example.org>"
RECIPIENTS = ["redaksi@example.org", "Tim PPA <ppa@example.org>"]
REPORT_LINK = "https://sorot.example.org/laporan/2024-W36.html"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    connection = build_sample_warehouse(tmp_path_factory.mktemp("warehouse") / "sorot.duckdb")
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def report_html(con: duckdb.DuckDBPyConnection, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_weekly_report(con, WEEK, tmp_path_factory.mktemp("report") / "laporan" / f"{WEEK}.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def eml_bytes(con: duckdb.DuckDBPyConnection, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = write_digest_eml(con, WEEK, tmp_path_factory.mktemp("digest") / f"{WEEK}.eml", SENDER, RECIPIENTS,
                            REPORT_LINK)
    return path.read_bytes()


def sql_count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchone()[0])


def number(tree: lxml.html.HtmlElement, element_id: str) -> int:
    return int(tree.get_element_by_id(element_id).text_content().strip().replace(".", ""))


def headline_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The headline numbers straight from SQL, keyed by the element ids both outputs use."""
    family = ("SELECT count(DISTINCT a.article_id) FROM articles a JOIN article_labels l USING (article_id) "
              f"WHERE {IN_W36} AND l.label IN ")
    return {
        "jumlah-artikel": sql_count(con, f"SELECT count(*) FROM articles WHERE {IN_W36}"),
        "jumlah-cerita": sql_count(con, f"SELECT count(DISTINCT story_id) FROM articles WHERE {IN_W36}"),
        "jumlah-salinan": sql_count(con, f"SELECT count(*) FROM articles WHERE {IN_W36} AND is_wire_copy"),
        "jumlah-keluarga": sql_count(con, family + "('kekerasan', 'gender')"),
        "jumlah-kekerasan": sql_count(con, family + "('kekerasan')"),
        "jumlah-gender": sql_count(con, family + "('gender')"),
    }


# -- Indonesian formatting --------------------------------------------------------------------------------

def test_indonesian_dates_and_numbers() -> None:
    assert format_date_id(date(2024, 9, 4)) == "Rabu, 4 September 2024"
    assert format_date_id(datetime(2024, 9, 8, 17, 30, tzinfo=WIB).astimezone(WIB)) == "Minggu, 8 September 2024"
    # 18:30 UTC on Sunday is already Monday in WIB.
    utc_evening = datetime.fromisoformat("2024-09-08T18:30:00+00:00")
    assert format_date_id(utc_evening) == "Senin, 9 September 2024"
    assert format_datetime_id(utc_evening) == "Senin, 9 September 2024, 01.30 WIB"
    assert format_date_range_id(date(2024, 9, 2), date(2024, 9, 8)) == "2–8 September 2024"
    assert format_date_range_id(date(2024, 9, 30), date(2024, 10, 6)) == "30 September – 6 Oktober 2024"
    assert format_date_range_id(date(2024, 12, 30), date(2025, 1, 5)) == "30 Desember 2024 – 5 Januari 2025"
    assert format_number_id(1234567) == "1.234.567"
    assert format_percent_id(0.125) == "12,5%"
    assert format_percent_id(1.0) == "100,0%"


def test_safe_href_only_allows_http_and_https() -> None:
    assert safe_href("https://kalteng.antaranews.com/berita/1") == "https://kalteng.antaranews.com/berita/1"
    assert safe_href("HTTP://contoh.id/") == "HTTP://contoh.id/"
    for bad in [HOSTILE_URL, " javascript:alert(1)", "data:text/html,<b>x</b>", "//contoh.id", "", None]:
        assert safe_href(bad) is None


# -- the HTML report --------------------------------------------------------------------------------------

def test_report_numbers_equal_sql_counts(con: duckdb.DuckDBPyConnection, report_html: str) -> None:
    tree = lxml.html.fromstring(report_html)
    for element_id, expected in headline_counts(con).items():
        assert number(tree, element_id) == expected, element_id
    labels = dict(con.execute(
        f"SELECT l.label, count(*) FROM articles a JOIN article_labels l USING (article_id) WHERE {IN_W36} "
        "GROUP BY l.label").fetchall())
    rows = tree.xpath("//section[@id='per-label']//tr[@data-label]")
    assert [row.get("data-label") for row in rows][:2] == ["kekerasan", "gender"]
    for row in rows:
        assert int(row.xpath("./td[2]")[0].text_content()) == labels.get(row.get("data-label"), 0)
    outlets = dict(con.execute(
        f"SELECT s.name, count(*) FROM articles a JOIN sources s USING (source_id) WHERE {IN_W36} GROUP BY s.name"
    ).fetchall())
    for row in tree.xpath("//section[@id='per-media']//tr[@data-media]"):
        assert int(row.xpath("./td[2]")[0].text_content()) == outlets.get(row.get("data-media"), 0)
    stages = dict(con.execute(f"SELECT tahap, count(*) FROM articles WHERE {IN_W36} GROUP BY tahap").fetchall())
    for row in tree.xpath("//section[@id='per-tahap']//tr[@data-tahap]"):
        assert int(row.xpath("./td[2]")[0].text_content()) == stages.get(row.get("data-tahap"), 0)
    trend = {row.get("data-pekan"): int(row.xpath("./td[3]")[0].text_content())
             for row in tree.xpath("//table[@id='tren']//tr[@data-pekan]")}
    assert trend == {"2024-W32": 1, "2024-W33": 0, "2024-W34": 1, "2024-W35": 2, "2024-W36": 7}


def test_report_sections_and_top_story_reach(report_html: str) -> None:
    tree = lxml.html.fromstring(report_html)
    for section in ["ringkasan", "per-label", "per-media", "per-tahap", "per-wilayah", "cerita-teratas",
                    "daftar-artikel", "catatan-metode"]:
        assert tree.xpath(f"//section[@id='{section}']/h2"), section
    stories = tree.xpath("//section[@id='cerita-teratas']//li[@data-cerita]")
    assert [story.get("data-cerita") for story in stories][:2] == ["s-cabai", "s-ayah-tiri"]
    assert stories[1].xpath(".//strong[@class='jangkauan']")[0].text_content() == "2"
    assert "ANTARA Kalimantan Tengah, detikcom" in stories[1].text_content()
    wilayah = {row.get("data-wilayah"): row.xpath("./td")[0].text_content()
               for row in tree.xpath("//section[@id='per-wilayah']//tr[@data-wilayah]")}
    assert wilayah == {"Palangka Raya": "Palangka Raya", "Sampit": "Sampit", "": "(tanpa dateline)"}


def test_report_escapes_scraped_text(report_html: str) -> None:
    assert "<script" not in report_html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report_html
    tree = lxml.html.fromstring(report_html)
    assert SCRIPT_TITLE in tree.text_content()  # shown to the reader as text
    hrefs = tree.xpath("//@href")
    assert hrefs and all(href.startswith(("#", "https://", "http://")) for href in hrefs)
    assert not any("javascript" in href.lower() for href in hrefs)
    assert not tree.xpath("//script | //iframe | //object | //embed")
    # the only sources are the report's own charts, inlined
    assert all(src.startswith("data:image/png;base64,") for src in tree.xpath("//@src"))


def test_report_masks_child_victim_excerpts_and_keeps_headlines(con: duckdb.DuckDBPyConnection,
                                                                 report_html: str) -> None:
    assert PRIVATE_DETAIL not in report_html and "AS (41)" not in report_html
    tree = lxml.html.fromstring(report_html)
    excerpts = tree.xpath("//section[@id='daftar-artikel']//p[contains(@class, 'excerpt')]")
    private_listings = sql_count(
        con,
        "SELECT count(*) FROM articles a JOIN article_labels l USING (article_id) "
        f"WHERE {IN_W36} AND a.article_id IN (SELECT article_id FROM article_labels "
        "WHERE label IN ('korban_anak', 'kekerasan_seksual'))",
    )
    masked = [p for p in excerpts if "[sekolah disamarkan]" in p.text_content()]
    # the stepfather case (a1, and its copy a2) is listed under each of its labels, masked every time; a4
    # (DP3A statistics) is private too but names nobody, so nothing in it is masked
    child_case_listings = sql_count(con, "SELECT count(*) FROM article_labels WHERE article_id IN ('a1', 'a2')")
    assert len(masked) == child_case_listings and private_listings > child_case_listings
    assert not any(p.text_content() == PRIVACY_NOTICE for p in excerpts)
    assert any(p.text_content().startswith("Sampit - Dinas Pemberdayaan") for p in excerpts)
    # the outlet's headline is shown as published
    assert "Polisi tahan ayah tiri terduga pelaku pencabulan anak di Palangka Raya" in tree.text_content()


def test_report_is_self_contained_indonesian_and_mobile_ready(report_html: str) -> None:
    tree = lxml.html.fromstring(report_html)
    assert tree.get("lang") == "id"
    assert tree.xpath("//meta[@name='viewport']")[0].get("content").startswith("width=device-width")
    assert not tree.xpath("//link | //script")
    assert [img.get("src")[:22] for img in tree.xpath("//img")] == ["data:image/png;base64,"] * 3
    assert all(img.get("alt") for img in tree.xpath("//img"))
    assert "@import" not in report_html and "url(" not in report_html
    assert "@media" in report_html
    text = tree.text_content()
    assert "Sorot: liputan pekan 2024-W36 (2–8 September 2024)" in text
    assert "Senin, 2 September 2024 – Minggu, 8 September 2024" in text
    assert "Rabu, 4 September 2024, 10.15 WIB" in text
    method = tree.get_element_by_id("catatan-metode").text_content()
    for version in TAGGER_VERSIONS:
        assert version in method
    assert "otomatis" in method and "Cerita" in method and "Pangsa ternormalisasi" in method


def test_report_is_deterministic_and_independent_of_session_timezone(tmp_path: Path) -> None:
    con = build_sample_warehouse(tmp_path / "sorot.duckdb")
    first = write_weekly_report(con, WEEK, tmp_path / "a.html").read_bytes()
    second = write_weekly_report(con, WEEK, tmp_path / "b.html").read_bytes()
    con.execute("SET TimeZone = 'America/New_York'")
    third = render_weekly_report(weekly_summary(con, WEEK)).encode("utf-8")
    con.close()
    assert first == second == third


def test_report_rejects_a_bad_week(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="invalid ISO week"):
        write_weekly_report(con, "2024-36", tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


# -- the digest email -------------------------------------------------------------------------------------

def test_digest_parses_back_with_both_parts_and_the_same_numbers(con: duckdb.DuckDBPyConnection,
                                                                 eml_bytes: bytes) -> None:
    message = email.message_from_bytes(eml_bytes, policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/plain", "multipart/related"]
    related = list(message.iter_parts())[1]
    assert [part.get_content_type() for part in related.iter_parts()] == ["text/html", "image/png", "image/png"]
    assert message["Subject"] == "Sorot: liputan pekan 2024-W36 (2–8 September 2024)"
    assert message["From"].addresses[0].addr_spec == "sorot@example.org"
    assert [a.addr_spec for a in message["To"].addresses] == ["redaksi@example.org", "ppa@example.org"]
    assert message["Date"] == "Mon, 09 Sep 2024 07:00:00 +0700"
    assert re.fullmatch(r"<sorot-digest-2024-W36-[0-9a-f]{16}@sorot\.local>", message["Message-ID"])

    counts = headline_counts(con)
    text = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    assert f"- Artikel: {counts['jumlah-artikel']}\n" in text
    assert f"- Cerita: {counts['jumlah-cerita']}\n" in text
    assert f"- Salinan kantor berita: {counts['jumlah-salinan']}\n" in text
    either = f"{LABEL_NAMES_ID['kekerasan'].lower()} atau {LABEL_NAMES_ID['gender'].lower()}"
    assert f"- Artikel {either}: {counts['jumlah-keluarga']} (" in text
    assert f"  - {LABEL_NAMES_ID['kekerasan']}: {counts['jumlah-kekerasan']} (" in text
    assert f"  - {LABEL_NAMES_ID['gender']}: {counts['jumlah-gender']} (" in text
    assert f"Laporan lengkap: {REPORT_LINK}" in text
    assert "1. Harga cabai rawit di Palangka Raya turun" in text

    html = message.get_body(preferencelist=("html",)).get_content()
    tree = lxml.html.fromstring(html)
    for element_id, expected in counts.items():
        assert number(tree, element_id) == expected, element_id
    assert tree.xpath("//a/@href") == [REPORT_LINK]
    assert 'style="' in html  # CSS inlined for mail clients that drop <style>


def test_digest_html_escapes_and_headers_stay_clean(eml_bytes: bytes) -> None:
    message = email.message_from_bytes(eml_bytes, policy=policy.default)
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert PRIVATE_DETAIL.encode() not in eml_bytes
    # The plain-text part is text, not markup: the title is shown verbatim on one line.
    text = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    assert f"3. {SCRIPT_TITLE}\n" in text
    head = eml_bytes.split(b"\r\n\r\n", 1)[0]
    assert b"<script" not in head
    assert b"\n" not in eml_bytes.replace(b"\r\n", b"")  # CRLF line ends only (policy.SMTP)


def test_digest_is_deterministic(con: duckdb.DuckDBPyConnection, eml_bytes: bytes, tmp_path: Path) -> None:
    again = write_digest_eml(con, WEEK, tmp_path / "again.eml", SENDER, RECIPIENTS, REPORT_LINK).read_bytes()
    assert again == eml_bytes
    other = build_digest(weekly_summary(con, WEEK), sender=SENDER, recipients=["lain@example.org"],
                         report_link=None)
    first = email.message_from_bytes(eml_bytes, policy=policy.default)
    assert other["Message-ID"] != first["Message-ID"]
    assert "Laporan lengkap" not in other.get_body(preferencelist=("plain",)).get_content()


def test_digest_refuses_header_injection(con: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(con, WEEK)
    for sender, recipients in [("sorot@example.org\r\nBcc: x@evil.example", RECIPIENTS),
                               (SENDER, ["redaksi@example.org\nBcc: x@evil.example"]),
                               (SENDER, ["bukan alamat"]),
                               (SENDER, [])]:
        with pytest.raises(ValueError):
            build_digest(summary, sender=sender, recipients=recipients, report_link=None)
    assert header_text("Judul\r\nBcc: x@evil.example\tlain") == "Judul Bcc: x@evil.example lain"


def test_digest_never_links_an_unsafe_report_link(con: duckdb.DuckDBPyConnection) -> None:
    message = build_digest(weekly_summary(con, WEEK), sender=SENDER, recipients=RECIPIENTS,
                           report_link="javascript:alert(1)")
    tree = lxml.html.fromstring(message.get_body(preferencelist=("html",)).get_content())
    assert tree.xpath("//a") == []
