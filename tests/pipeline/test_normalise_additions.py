"""Normalisation cases met on real pages while building the extraction ground truth."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from sorot.pipeline.normalise.bylines import Byline, clean_person_name, split_footer
from sorot.pipeline.normalise.dateline import split_dateline
from sorot.pipeline.normalise.dates import parse_indonesian_datetime
from sorot.pipeline.normalise.language import detect_language
from sorot.pipeline.normalise.repeats import remove_repeated_paragraphs
from sorot.pipeline.normalise.text import strip_title_suffix

WIB = timezone(timedelta(hours=7))
LONG_A = "Pemerintah Kota Palangka Raya terus berupaya memperkuat perlindungan terhadap perempuan dan anak."
LONG_B = "Wali Kota mengatakan program itu melibatkan seluruh kelurahan di kota tersebut mulai tahun depan."
LONG_C = "Kalimat lain yang berbeda sama sekali dan cukup panjang untuk dihitung sebagai paragraf sendiri."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selasa, 23 Februari 2016 at 17:15", datetime(2016, 2, 23, 17, 15, tzinfo=WIB)),  # republika
        ("2015-11-05 T10:08:58Z", datetime(2015, 11, 5, 10, 8, 58, tzinfo=UTC)),  # detik 2015 meta
        ("Jum'at, 17 Feb 2017 | 13.30 WIB", datetime(2017, 2, 17, 13, 30, tzinfo=WIB)),  # okezone
        ("Jumat, 17 Februari 2017 13:30 wib", datetime(2017, 2, 17, 13, 30, tzinfo=WIB)),
    ],
)
def test_page_date_forms(text: str, expected: datetime) -> None:
    assert parse_indonesian_datetime(text, default_zone="WIB") == expected


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        # the dash lost after "domain, Place": one word of place, then the sentence
        ("Liputan6.com, Jakarta London Love Story kembali tayang.", "Jakarta", "London Love Story kembali tayang."),
        ("JAKARTA, KOMPAS.TV - Presiden berkata.", "Jakarta", "Presiden berkata."),
        ("TRIBUNKALTENG.COM, PALANGKA RAYA - Banjir melanda.", "Palangka Raya", "Banjir melanda."),
    ],
)
def test_dateline_forms(text: str, place: str, rest: str) -> None:
    dateline = split_dateline(text)
    assert (dateline.place, dateline.rest) == (place, rest)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Banjir rendam Sampit - Kompas.com Regional", "Banjir rendam Sampit"),
        ("Banjir rendam Sampit | ihram.co.id", "Banjir rendam Sampit"),
        ("Banjir - Halaman all - Kompas.com", "Banjir"),  # a split article's whole page
        ("Banjir Sampit Halaman 2 - Tribunkalteng.com", "Banjir Sampit"),
        ("Halaman 2", "Halaman 2"),  # never down to nothing
    ],
)
def test_title_suffixes(title: str, expected: str) -> None:
    assert strip_title_suffix(title) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Fotografer: Hafidz Mubarak A", "Hafidz Mubarak A"),
        ("Kontributor Lhokseumawe, Masriadi", "Masriadi"),
        ("Safir Makki | CNN Indonesia", "Safir Makki"),
        ("Laporan Wartawan Tribunkalteng.com, Fathurahman", "Fathurahman"),
        ("Reporter: Budi | Editor: Ade", "Budi"),
        ("Budi Santoso/Editor: Ade", "Budi Santoso"),
    ],
)
def test_person_names(raw: str, expected: str) -> None:
    assert clean_person_name(raw) == expected


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("Banjir melanda kota.Reporter: Budi SantosoTranslator: Ani Lestari\nCOPYRIGHT © ANTARA 2024",
         Byline("Budi Santoso", None, 2024)),
        ("Floods hit the city.Reporter: Budi Santoso, Translator: Ani Lestari\nEditor: Rahmad Nasution\n"
         "COPYRIGHT © ANTARA 2024", Byline("Budi Santoso", "Rahmad Nasution", 2024)),
        ("Banjir melanda kota.Pewarta: Budi SantosoEditor:\xa0\nCOPYRIGHT © ANTARA 2024",
         Byline("Budi Santoso", None, 2024)),
    ],
)
def test_antara_footer_variants(text: str, byline: Byline) -> None:
    rest, found = split_footer(text, "antara")
    assert found == byline
    assert rest.endswith("kota.") or rest.endswith("city.")


def test_unknown_footer_format_leaves_text_alone() -> None:
    assert split_footer("Teks.\nPewarta: Budi", "tidak-ada") == ("Teks.\nPewarta: Budi", None)


def test_a_short_paragraph_recurring_three_times_is_structure_not_a_copy() -> None:
    question = "Apa yang Anda lakukan saat banjir datang?"
    paragraphs = [question, LONG_A, question, LONG_B, question, LONG_C]
    assert remove_repeated_paragraphs(paragraphs) == paragraphs


def test_a_long_paragraph_recurring_three_times_is_a_copy() -> None:
    long = f"{LONG_A} {LONG_B} {LONG_C}"  # over 200 characters: a copy however often it recurs
    other = "Banjir juga merendam sebagian jalan utama, sehingga arus lalu lintas sempat dialihkan."
    assert remove_repeated_paragraphs([long, other, long, long]) == [long, other]


def test_a_copy_glued_to_the_end_of_a_paragraph_is_cut_off() -> None:
    assert remove_repeated_paragraphs([LONG_A, f"{LONG_B} {LONG_A}", LONG_C]) == [LONG_A, LONG_B, LONG_C]


def test_a_body_repeated_inside_one_paragraph_is_kept_once() -> None:
    block = f"{LONG_A} {LONG_B} {LONG_C} {LONG_A} {LONG_B}"
    assert remove_repeated_paragraphs([block]) == [f"{LONG_A} {LONG_B} {LONG_C}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # long enough for the function-word shortcut, and clearly one language
        (" ".join([LONG_A, LONG_B, LONG_C]) * 2, "id"),
        ("The provincial government said on Wednesday that it was going to build a new shelter for the "
         "women and children who have been displaced by the floods, and that it has asked the central "
         "government for the funds that are needed to pay for it in the coming year.", "en"),
        # Javanese uses none of the Indonesian function words the shortcut counts: the model decides
        ("Aku arep lunga menyang pasar karo ibuku amarga ing omah ora ana panganan sing isa dimasak. "
         "Bapakku lagi lara lan adhiku isih cilik, mula aku kudu tuku beras, endhog, lan sayuran kanggo "
         "sarapan lan mangan awan. Sawise kuwi aku bali menyang omah numpak sepedha.", "other"),
    ],
)
def test_language_of_long_openings(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_a_carrier_prefix_before_the_agency_dateline_is_split_off_with_it() -> None:
    dateline = split_dateline("TRIBUNKALTENG.COM - Palangka Raya (ANTARA) - Banjir melanda kota.")
    assert (dateline.place, dateline.agency, dateline.rest) == ("Palangka Raya", "ANTARA", "Banjir melanda kota.")
    # an outlet prefix before a headline-like opening stays a prefix only
    assert split_dateline("KOMPAS.com - Persib - Persija berakhir imbang.").rest == "Persib - Persija berakhir imbang."


def test_a_role_after_the_name_is_removed() -> None:
    assert clean_person_name("Dewi Kania , Jurnalis") == "Dewi Kania"
    assert clean_person_name("Jurnalis") == "Jurnalis"  # never down to nothing
