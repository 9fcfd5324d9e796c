"""Datelines at the start of articles: place, wire agency and the text after them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sorot.pipeline.normalise.dateline import Dateline, carries_antara_dateline, split_dateline

CAPTURE = Path(__file__).parent.parent / "fixtures" / "seed-antara-kalteng-capture.txt"


@pytest.mark.parametrize(
    ("text", "place", "agency", "rest"),
    [
        ("Palangka Raya (ANTARA) - Pemerintah Kota", "Palangka Raya", "ANTARA", "Pemerintah Kota"),
        ("Palangka Raya (ANTARA) -\nPemerintah Kota", "Palangka Raya", "ANTARA", "Pemerintah Kota"),
        ("Palangka Raya (ANTARA) -\n\nPemerintah Kota", "Palangka Raya", "ANTARA", "Pemerintah Kota"),
        (
            "Kuala Kurun, Kalteng (ANTARA) - Bupati Gunung Mas",
            "Kuala Kurun, Kalteng",
            "ANTARA",
            "Bupati Gunung Mas",
        ),
        ("Palangka Raya (Antara Kalteng) - Apa itu", "Palangka Raya", "ANTARA", "Apa itu"),
        ("Wamena (ANTARA News) - Pemerintah Kabupaten", "Wamena", "ANTARA", "Pemerintah Kabupaten"),
        ("Sampit (ANTARA) – Warga", "Sampit", "ANTARA", "Warga"),
        ("KUPANG, NTT (ANTARA) - Gubernur", "Kupang, NTT", "ANTARA", "Gubernur"),
        ("Jakarta, CNN Indonesia -- Pelatih fisik", "Jakarta", None, "Pelatih fisik"),
        ("JAKARTA, KOMPAS.com - BlackBerry mengalami", "Jakarta", None, "BlackBerry mengalami"),
        ("KOMPAS.com - Microsoft baru saja", None, None, "Microsoft baru saja"),
        ("VIVA.co.id - Persaingan vendor", None, None, "Persaingan vendor"),
        ("Merdeka.com - Geladang Arsenal", None, None, "Geladang Arsenal"),
        ("REPUBLIKA.CO.ID, MANADO -- Telkomsel akan", "Manado", None, "Telkomsel akan"),
        ("REPUBLIKA.CO.ID,LONDON -- Hasil imbang", "London", None, "Hasil imbang"),
        ("TRIBUNNEWS.COM, JAKARTA - PT Gajah Tunggal", "Jakarta", None, "PT Gajah Tunggal"),
        ("GOLD COAST, JUARA.net - Pebulu tangkis", "Gold Coast", None, "Pebulu tangkis"),
        ("LE MANS, JUARA.net - Pebalap Marc VDS", "Le Mans", None, "Pebalap Marc VDS"),
        ("JAKARTA, DKI (Pos Kota) - Gubernur", "Jakarta, DKI", None, "Gubernur"),
        ("JAKARTA (Pos Kota) –Presiden Joko Widodo", "Jakarta", None, "Presiden Joko Widodo"),
        ("Jakarta - Presiden Joko Widodo meresmikan", "Jakarta", None, "Presiden Joko Widodo meresmikan"),
        ("Palangka Raya - Wali Kota", "Palangka Raya", None, "Wali Kota"),
        ("Singkil, Aceh, (ANTARA News) - Kawasan Danau", "Singkil, Aceh", "ANTARA", "Kawasan Danau"),
        ("Kuala Lumpur, (AntaraKL) - Kelompok band", "Kuala Lumpur", "ANTARA", "Kelompok band"),
        (
            "Perserikatan Bangsa-Bangsa/PBB, New York (ANTARA) - Utusan",
            "Perserikatan Bangsa-Bangsa/PBB, New York",
            "ANTARA",
            "Utusan",
        ),
        ("JAKARTA, KOMPAS.com Menteri Keuangan", "Jakarta", None, "Menteri Keuangan"),  # dash lost
        ("SPANYOL– Perdana Menteri Spanyol", "Spanyol", None, "Perdana Menteri Spanyol"),
        ("JAKARTA –Setelah diultimatum", "Jakarta", None, "Setelah diultimatum"),
    ],
)
def test_splits_datelines(text: str, place: str | None, agency: str | None, rest: str) -> None:
    assert split_dateline(text) == Dateline(place=place, agency=agency, rest=rest)


@pytest.mark.parametrize(
    "text",
    [
        "Pemerintah Kota Palangka Raya, Kalimantan Tengah terus berupaya memperkuat perlindungan.",
        "Ketua MPR Zulkifli Hasan menyesalkan kisruh transportasi - online dan tradisional.",
        "MENJADI seorang anggota polisi dituntut bisa melakukan apa saja.",
        "Warga Sampit-Palangka Raya mengeluhkan jalan rusak.",
        "H - 2 lebaran, Stasiun Pasar Senen semakin dipadati pemudik.",
        "Jakarta, Kompas Gramedia menyatakan siap.",  # an outlet-like word without a dash is not a dateline
        "Kata dia (antaranya) - tidak jelas.",
        "",
    ],
)
def test_text_without_dateline_is_unchanged(text: str) -> None:
    assert split_dateline(text) == Dateline(place=None, agency=None, rest=text)


def test_seed_capture_dateline_alone_on_its_first_line() -> None:
    capture = CAPTURE.read_text(encoding="utf-8")
    dateline = split_dateline(capture)
    assert dateline.place == "Palangka Raya"
    assert dateline.agency == "ANTARA"
    assert dateline.rest.startswith(
        "Pemerintah Kota Palangka Raya, Kalimantan Tengah (Kalteng) terus berupaya"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Palangka Raya (ANTARA) - Pemerintah Kota", True),
        ("Palangka Raya (ANTARA) -\nPemerintah Kota", True),
        ("Palangka Raya (Antara Kalteng) - Apa itu", True),
        ("Jakarta (ANTARA News) - Presiden", True),
        # A carrying outlet puts its own prefix first: still wire copy.
        ("Liputan6.com, Jakarta - Sampit (ANTARA) - Pemerintah Kabupaten Kotawaringin Timur", True),
        ("Jakarta, CNN Indonesia -- Pelatih fisik", False),
        ("Kata dia, kerja sama (antara lain) - dengan swasta - terus berjalan.", False),
        ("Menurut laporan ANTARA, banjir melanda Sampit.", False),
        ("x" * 320 + " Jakarta (ANTARA) - Presiden", False),  # beyond the first 300 characters
        ("", False),
    ],
)
def test_carries_antara_dateline(text: str, expected: bool) -> None:
    assert carries_antara_dateline(text) is expected
