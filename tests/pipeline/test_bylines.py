"""ANTARA's byline footer, its AI notice, and person names from any outlet."""

from __future__ import annotations

import pytest

from sorot.pipeline.normalise.bylines import (
    ANTARA_AI_NOTICE_RE,
    ANTARA_FOOTER_RE,
    Byline,
    clean_person_name,
    parse_antara_footer,
)

AI_NOTICE = (
    "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI "
    "di situs web ini tanpa izin tertulis dari Kantor Berita ANTARA."
)


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        (
            "Pewarta: Rendhik Andika Editor: Ade P Marboen COPYRIGHT © ANTARA 2024",
            Byline(author="Rendhik Andika", editor="Ade P Marboen", year=2024),
        ),
        (  # glued by the page's markup
            "Pewarta: Putu Indah SavitriEditor: Agus Salim Copyright © ANTARA 2026",
            Byline(author="Putu Indah Savitri", editor="Agus Salim", year=2026),
        ),
        (  # space before the colons
            "Pewarta : Muhammad Arif Hidayat Editor : Ronny COPYRIGHT © ANTARA 2025",
            Byline(author="Muhammad Arif Hidayat", editor="Ronny", year=2025),
        ),
        (  # empty editor, a non-breaking space and then the copyright
            "Pewarta : Jaya W Editor :\xa0COPYRIGHT © ANTARA 2024",
            Byline(author="Jaya W", editor=None, year=2024),
        ),
        (  # line breaks between the parts
            "Pewarta: Rendhik Andika\nEditor: Ade P Marboen\nCOPYRIGHT © ANTARA 2024",
            Byline(author="Rendhik Andika", editor="Ade P Marboen", year=2024),
        ),
        (
            "Pewarta : Jaya W\nEditor :\xa0\nCOPYRIGHT © ANTARA 2024",
            Byline(author="Jaya W", editor=None, year=2024),
        ),
        (
            "Pewarta: \xa0Editor: \xa0COPYRIGHT © ANTARA 2024",
            Byline(author=None, editor=None, year=2024),
        ),
        (  # glued to the last sentence of the article
            "kata dia.Pewarta: Rendhik AndikaEditor: Ade P MarboenCOPYRIGHT © ANTARA 2024",
            Byline(author="Rendhik Andika", editor="Ade P Marboen", year=2024),
        ),
        (  # the copyright line lost by the extractor, footer at the very end
            "Pewarta: Rendhik Andika\nEditor: Ade P Marboen",
            Byline(author="Rendhik Andika", editor="Ade P Marboen", year=None),
        ),
    ],
)
def test_parses_footer_variants(footer: str, expected: Byline) -> None:
    assert parse_antara_footer(footer) == expected


def test_footer_inside_an_article_is_found_and_can_be_stripped() -> None:
    body = "Palangka Raya (ANTARA) - Pemerintah Kota terus berupaya.\n\nDia mengatakan hal itu, Rabu."
    footer = "Pewarta: Rendhik Andika\nEditor: Ade P Marboen\nCOPYRIGHT © ANTARA 2024"
    page = f"{body}\n\n{footer}\n\n{AI_NOTICE}"
    assert parse_antara_footer(page) == Byline(author="Rendhik Andika", editor="Ade P Marboen", year=2024)
    stripped = ANTARA_AI_NOTICE_RE.sub("", ANTARA_FOOTER_RE.sub("", page)).strip()
    assert stripped == body


def test_footer_regex_matches_the_whole_footer() -> None:
    footer = "Pewarta: Putu Indah SavitriEditor: Agus Salim Copyright © ANTARA 2026"
    match = ANTARA_FOOTER_RE.search(f"Teks berita.\n{footer}")
    assert match is not None
    assert match.group(0) == footer


@pytest.mark.parametrize(
    "text",
    [
        "Teks berita tanpa footer.",
        "Pewarta: X\nEditor: Y\n\nBaca juga: Berita lain di Palangka Raya",  # not a footer: text follows
        "",
    ],
)
def test_no_footer_gives_none(text: str) -> None:
    assert parse_antara_footer(text) is None


def test_ai_notice_regex_matches_the_whole_sentence() -> None:
    text = f"Isi berita.\n{AI_NOTICE}\nPaling populer"
    match = ANTARA_AI_NOTICE_RE.search(text)
    assert match is not None
    assert match.group(0) == AI_NOTICE
    assert ANTARA_AI_NOTICE_RE.sub("", text) == "Isi berita.\n\nPaling populer"


def test_ai_notice_regex_tolerates_line_wrapping() -> None:
    wrapped = AI_NOTICE.replace(" crawling ", "\ncrawling ").replace("untuk AI", "untuk  AI")
    assert ANTARA_AI_NOTICE_RE.fullmatch(wrapped) is not None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pewarta Rendhik Andika", "Rendhik Andika"),
        ("Pewarta: Rendhik Andika", "Rendhik Andika"),
        ("Oleh: Budi Santoso", "Budi Santoso"),
        ("Oleh Budi Santoso", "Budi Santoso"),
        ("Reporter: Ani Lestari", "Ani Lestari"),
        ("Tim - detikNews", "Tim"),
        ("Ani Lestari - detikKalimantan", "Ani Lestari"),
        ("Budi Santoso | Kompas.com", "Budi Santoso"),
        ("Laporan Wartawan Tribunnews.com, M Zulfikar", "M Zulfikar"),
        ("  Ade P\xa0Marboen \n", "Ade P Marboen"),
        ("Ade P Marboen", "Ade P Marboen"),
        ("Byron Bay", "Byron Bay"),  # a name that merely starts like a label is kept
        ("Pewarta", None),
        ("Editor:", None),
        ("", None),
        ("   ", None),
    ],
)
def test_clean_person_name(raw: str, expected: str | None) -> None:
    assert clean_person_name(raw) == expected
