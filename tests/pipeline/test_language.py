"""Language of short news paragraphs: Indonesian (Malay folded in), English or other."""

from __future__ import annotations

import pytest

from sorot.pipeline.normalise.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "Polisi menangkap pelaku penganiayaan anak di Palangka Raya, Rabu.",
        "Pemerintah Kota Palangka Raya terus berupaya memperkuat perlindungan terhadap perempuan dan anak.",
        "Banjir merendam ratusan rumah warga di Kabupaten Katingan sejak Senin malam.",
        "Kapolres mengatakan korban kekerasan dalam rumah tangga sudah mendapat pendampingan psikolog.",
        "POLISI TANGKAP PELAKU KEKERASAN TERHADAP ANAK DI SAMPIT",
        "Gempa melanda kawasan Lampung Selatan pada sekitar pukul 04.28 WIB, Selasa (25/4).",
    ],
)
def test_indonesian_paragraphs(text: str) -> None:
    assert detect_language(text) == "id"


def test_malay_counts_as_indonesian() -> None:
    malay = "Kerajaan Malaysia akan melaksanakan dasar baharu bagi membantu golongan wanita di luar bandar."
    assert detect_language(malay) == "id"


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a man suspected of abusing a child in Palangka Raya on Wednesday.",
        "The provincial government of Central Kalimantan will build a new shelter for women.",
        "Floods have inundated hundreds of homes in Katingan district since Monday night, officials said.",
    ],
)
def test_english_paragraphs(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "La police a arrêté mercredi un homme soupçonné d'avoir maltraité un enfant.",
        "Die Polizei hat am Mittwoch einen Mann festgenommen, der ein Kind misshandelt haben soll.",
        "警方周三逮捕了一名涉嫌虐待儿童的男子。",
    ],
)
def test_other_languages(text: str) -> None:
    assert detect_language(text) == "other"


@pytest.mark.parametrize("text", ["", "   ", "Oke", "Selamat pagi", "12345 678 90", "***", "WIB"])
def test_empty_or_very_short_text_is_other(text: str) -> None:
    assert detect_language(text) == "other"


def test_long_articles_are_classified_from_their_opening() -> None:
    paragraph = "Pemerintah Kota Palangka Raya terus berupaya memperkuat perlindungan perempuan dan anak. "
    assert detect_language(paragraph * 500) == "id"
