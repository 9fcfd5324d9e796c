"""Whitespace, paragraphs and title suffixes."""

from __future__ import annotations

import pytest

from sorot.pipeline.normalise.text import (
    join_paragraphs,
    normalise_whitespace,
    split_paragraphs,
    strip_title_suffix,
)


def test_normalise_whitespace_folds_spaces_per_line() -> None:
    assert normalise_whitespace("  Satu\u00a0dua \t tiga  ") == "Satu dua tiga"
    assert normalise_whitespace("Satu\u202fdua\u2007tiga\u3000empat") == "Satu dua tiga empat"


def test_normalise_whitespace_removes_invisible_characters() -> None:
    # Zero-width space, joiner, BOM, left-to-right mark and soft hyphen split words for every tokenizer.
    assert normalise_whitespace("keke\u200brasan \ufeffter\u00adhadap \u200epemberian\u200d") == (
        "kekerasan terhadap pemberian"
    )


def test_normalise_whitespace_composes_to_nfc() -> None:
    decomposed = "Jose\u0301 Mourinho"
    assert normalise_whitespace(decomposed) == "Jos\u00e9 Mourinho"


def test_normalise_whitespace_keeps_lines_and_folds_blank_runs() -> None:
    text = "  Paragraf satu. \r\n\r\n\r\n\r\n Paragraf\u00a0 dua.\rBaris tiga\u2028baris empat\n\n"
    assert normalise_whitespace(text) == "Paragraf satu.\n\nParagraf dua.\nBaris tiga\nbaris empat"


def test_normalise_whitespace_of_blank_text_is_empty() -> None:
    assert normalise_whitespace(" \n\u00a0\n\u200b ") == ""


def test_split_paragraphs_on_blank_lines_or_single_newlines() -> None:
    text = "Satu.\n\nDua.\nTiga.\n \n\n  Empat\u00a0 lima.  \n"
    assert split_paragraphs(text) == ["Satu.", "Dua.", "Tiga.", "Empat lima."]
    assert split_paragraphs("") == []


def test_join_then_split_round_trips() -> None:
    paragraphs = ["Palangka Raya (ANTARA) -", "Pemerintah Kota terus berupaya.", "Dia mengatakan, Rabu."]
    joined = join_paragraphs(paragraphs)
    assert joined == "Palangka Raya (ANTARA) -\n\nPemerintah Kota terus berupaya.\n\nDia mengatakan, Rabu."
    assert split_paragraphs(joined) == paragraphs
    assert join_paragraphs(iter(paragraphs)) == joined


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Pemkot Palangka Raya susun rencana aksi - ANTARA News", "Pemkot Palangka Raya susun rencana aksi"),
        ("Pemkot susun rencana aksi - ANTARA News Kalimantan Tengah", "Pemkot susun rencana aksi"),
        ("Banjir rendam Sampit | Kompas.com", "Banjir rendam Sampit"),
        ("Polisi tangkap pelaku - detikNews", "Polisi tangkap pelaku"),
        ("Polisi tangkap pelaku - detikKalimantan", "Polisi tangkap pelaku"),
        ("Polisi tangkap pelaku- Tribunkalteng.com", "Polisi tangkap pelaku"),
        ("Polisi tangkap pelaku - Tribunkalteng.com", "Polisi tangkap pelaku"),
        ("Judul berita - detikNews | detik.com", "Judul berita"),
        ("Judul berita – Kalteng Pos", "Judul berita"),
        ("  Judul berita - ANTARA News  ", "Judul berita"),
    ],
)
def test_strip_known_title_suffixes(title: str, expected: str) -> None:
    assert strip_title_suffix(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Banjir di Palangka Raya - Warga mengungsi",  # a dash inside a real headline
        "Kerja sama Pemkot-Antara diperpanjang",
        "Persib - Persija berakhir imbang",
        "Judul berita - Situs Lain",  # unknown site names are left alone
        "ANTARA News",  # never strip a title down to nothing
    ],
)
def test_titles_without_known_suffix_are_unchanged(title: str) -> None:
    assert strip_title_suffix(title) == title


def test_given_suffixes_with_or_without_separator() -> None:
    assert (
        strip_title_suffix("Judul berita - Borneonews Palangka", [" - Borneonews Palangka"]) == "Judul berita"
    )
    assert strip_title_suffix("Judul berita | Situs Lain", ["Situs Lain"]) == "Judul berita"
    assert strip_title_suffix("Judul berita - Situs Lain", ("Situs Lain",)) == "Judul berita"
    # A given suffix is a site name after a separator, not any trailing text.
    assert strip_title_suffix("Judul berita Situs Lain", ["Situs Lain"]) == "Judul berita Situs Lain"
