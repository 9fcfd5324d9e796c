"""Victims' privacy: what identifies a child victim or a victim of sexual violence is masked in every excerpt.

The cases (tests/fixtures/masking/cases.jsonl, written for these tests) are realistic Indonesian news
paragraphs: initials with ages, pseudonyms that are common words, victims named in the headline, relatives,
schools, villages and addresses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sorot.warehouse.excerpts import PRIVACY_NOTICE, excerpt, masked_text
from sorot.warehouse.masking import MASK_NAME, MASK_PLACE, MASK_SCHOOL, is_sensitive, mask_victim_details

CASES = [json.loads(line) for line in
         (Path(__file__).parent.parent / "fixtures" / "masking" / "cases.jsonl").read_text(encoding="utf-8")
         .splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_identifying_details_are_masked_and_the_rest_is_kept(case: dict) -> None:
    shown = excerpt(case["text"], case["labels"], max_chars=5000, title=case["title"])
    assert shown != PRIVACY_NOTICE, "masking was complete, so the text is shown"
    for detail in case["hidden"]:
        assert detail not in shown, detail
    for kept in case["kept"]:
        assert kept in shown, kept


@pytest.mark.parametrize("case", [c for c in CASES if c["hidden"]], ids=lambda c: c["id"])
def test_short_excerpts_leak_nothing_either(case: dict) -> None:
    for limit in (40, 90, 160, 280):
        shown = excerpt(case["text"], case["labels"], max_chars=limit, title=case["title"])
        assert len(shown) <= limit or shown == PRIVACY_NOTICE
        for detail in case["hidden"]:
            assert detail not in shown, (limit, detail)
        assert "[nama disa…" not in shown and "[sekolah…" not in shown  # never a torn mask


def test_a_name_that_is_a_common_word_is_masked_only_as_a_name() -> None:
    case = next(c for c in CASES if c["id"] == "pseudonym-common-word")
    shown = masked_text(case["text"], case["labels"], title=case["title"])
    assert shown is not None
    assert "Bunga" not in shown and "karangan bunga" in shown
    assert shown.count(MASK_NAME) == 2


def test_a_victim_named_only_in_the_headline_is_masked_in_the_text() -> None:
    title = "Nasib Melati, Bocah yang Dianiaya Ibu Tirinya di Sampit"
    text = ("Sampit - Melati kini dirawat di rumah neneknya. Tetangga mendengar Melati menangis setiap "
            "malam. Dinas Sosial Kotawaringin Timur mendampingi korban.")
    shown = excerpt(text, ["kekerasan", "korban_anak", "kdrt"], title=title)
    assert "Melati" not in shown and shown.count(MASK_NAME) == 2
    assert "Dinas Sosial Kotawaringin Timur" in shown


def test_schools_villages_and_addresses_use_their_own_marks() -> None:
    result = mask_victim_details("Korban, siswi SMP Negeri 2 Kasongan, tinggal di Desa Hampangen RT 04.")
    assert MASK_SCHOOL in result.text and MASK_PLACE in result.text
    assert "Hampangen" not in result.text and "SMP Negeri 2" not in result.text and "RT 04" not in result.text


def test_a_type_of_school_alone_identifies_no_one() -> None:
    result = mask_victim_details("Seorang siswi Sekolah Dasar dan dua siswa SMP menjadi korban pencabulan.")
    assert MASK_SCHOOL not in result.text
    assert "Sekolah Dasar" in result.text and "SMP" in result.text


def test_when_masking_cannot_be_trusted_no_text_is_shown() -> None:
    # initials written in lower case escape the name patterns: the cue left behind triggers the fallback
    text = "Polisi menahan pria yang mencabuli siswi berinisial a.s. di Palangka Raya."
    assert excerpt(text, ["kekerasan_seksual"]) == PRIVACY_NOTICE
    assert masked_text(text, ["kekerasan_seksual"]) is None


def test_sensitivity_comes_from_labels_or_from_the_wording() -> None:
    assert is_sensitive("Harga cabai turun.", ["korban_anak"])
    assert is_sensitive("Seorang pria diduga mencabuli tetangganya.", [])
    assert is_sensitive("Pemkot gelar lomba.", [], title="Siswi SD jadi korban pemerkosaan")
    assert not is_sensitive("Gubernur meresmikan jembatan di Desa Tumbang Talaken.", ["gender"])


def test_articles_that_are_not_sensitive_are_left_alone() -> None:
    text = "Kasongan - Warga Desa Tumbang Talaken, Yohanes (60), menyambut jembatan baru."
    assert excerpt(text, []) == text
