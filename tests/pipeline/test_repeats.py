"""Content an article repeats inside itself, removed the way a reader would want."""

from __future__ import annotations

from pathlib import Path

from sorot.pipeline.normalise.repeats import remove_repeated_paragraphs, remove_repeated_sentences_block

CAPTURE = Path(__file__).parent.parent / "fixtures" / "seed-antara-kalteng-capture.txt"

LONG_A = "Pemerintah Kota Palangka Raya terus berupaya memperkuat perlindungan terhadap perempuan dan anak."
LONG_B = "Kegiatan itu menghadirkan narasumber dari Badan Perencanaan Pembangunan Daerah Kota Palangka Raya."
LONG_C = "Dia mengatakan kegiatan ini sehubungan dengan advokasi dan pendampingan perangkat daerah pada 2024."


def capture_lines() -> list[str]:
    return [line.strip() for line in CAPTURE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_capture_keeps_every_paragraph_exactly_once_in_first_appearance_order() -> None:
    lines = capture_lines()
    result = remove_repeated_paragraphs(lines)

    first_appearance: list[str] = []
    for line in lines:
        if line not in first_appearance:
            first_appearance.append(line)
    assert result == first_appearance
    assert len(result) == len(set(result))
    # The capture really is doubled: the second copy starts again at the quote in paragraph 3.
    assert len(lines) > len(result) == 17
    assert result[0] == "Palangka Raya (ANTARA) -"
    assert result[-1].startswith("Baca juga: Tepis isu gas elpiji langka")


def test_seed_capture_truncated_paragraph_appears_once() -> None:
    result = remove_repeated_paragraphs(capture_lines())
    truncated = [p for p in result if p.endswith("(Bappedalitbang) Kota Palangka")]
    assert len(truncated) == 1
    assert result.index(truncated[0]) == 3


def test_repeated_paragraph_with_other_case_spacing_and_quotes_is_removed() -> None:
    quote = "“Kami akan terus mendampingi korban kekerasan,” kata Fitriyanto di Palangka Raya."
    variant = '"kami akan  terus mendampingi korban kekerasan," kata Fitriyanto di Palangka Raya.'
    assert remove_repeated_paragraphs([LONG_A, quote, LONG_B, variant]) == [LONG_A, quote, LONG_B]


def test_repetition_may_start_anywhere() -> None:
    assert remove_repeated_paragraphs([LONG_A, LONG_B, LONG_C, LONG_B, LONG_C]) == [LONG_A, LONG_B, LONG_C]


def test_truncated_later_copy_is_dropped() -> None:
    truncated = LONG_B[:70]
    assert remove_repeated_paragraphs([LONG_A, LONG_B, LONG_C, truncated]) == [LONG_A, LONG_B, LONG_C]


def test_truncated_copy_with_ellipsis_is_dropped() -> None:
    truncated = LONG_B[:70] + "..."
    assert remove_repeated_paragraphs([LONG_B, truncated]) == [LONG_B]


def test_truncated_first_copy_is_replaced_by_the_complete_one_at_its_position() -> None:
    truncated = LONG_B[:70]
    result = remove_repeated_paragraphs([LONG_A, truncated, LONG_C, LONG_B])
    assert result == [LONG_A, LONG_B, LONG_C]


def test_short_prefixes_are_not_treated_as_truncated_copies() -> None:
    # Two different paragraphs sharing a short opening (under 60 characters) are both kept.
    opening = "Kapolres Palangka Raya mengatakan"
    first = f"{opening} pelaku sudah ditahan sejak Senin malam."
    assert remove_repeated_paragraphs([opening, first]) == [opening, first]


def test_short_repeated_lines_outside_a_run_are_kept() -> None:
    paragraphs = [LONG_A, "***", LONG_B, "***", LONG_C, "“Tidak,” katanya.", "“Tidak,” katanya."]
    assert remove_repeated_paragraphs(paragraphs) == paragraphs


def test_short_lines_inside_a_repeated_run_are_removed() -> None:
    paragraphs = [LONG_A, LONG_B, "Foto: Humas", LONG_C, "***", LONG_B, "Foto: Humas", LONG_C]
    assert remove_repeated_paragraphs(paragraphs) == [LONG_A, LONG_B, "Foto: Humas", LONG_C, "***"]


def test_short_line_next_to_a_repeat_but_out_of_place_is_kept() -> None:
    # The second "***" follows the repeated LONG_B, but in the first copy no "***" follows LONG_B.
    paragraphs = [LONG_A, "***", LONG_B, LONG_C, LONG_B, "***"]
    assert remove_repeated_paragraphs(paragraphs) == [LONG_A, "***", LONG_B, LONG_C, "***"]


def test_repeated_medium_length_paragraph_between_long_ones_is_removed() -> None:
    repeated = "Baca juga: Banjir rendam Sampit"
    assert remove_repeated_paragraphs([LONG_A, repeated, LONG_B, repeated, LONG_C]) == [
        LONG_A,
        repeated,
        LONG_B,
        LONG_C,
    ]


def test_equal_rows_of_a_list_are_kept() -> None:
    paragraphs = [
        "Berikut hasil para pebalap Honda di dua seri awal MotoGP musim ini yang digelar di luar Eropa.",
        "Qatar",
        "Marc Marquez (Repsol Honda) - finis 4",
        "Dani Pedrosa (Repsol Honda) - finis 5",
        "Argentina",
        "Marc Marquez (Repsol Honda) - retired",
        "Dani Pedrosa (Repsol Honda) - finis 5",
        "Cal Crutchlow (LCR Honda) - finis 3",
        "Amerika Serikat",
        "Cal Crutchlow (LCR Honda) - finis 3",  # the last row, before a long paragraph
        "Posisi para pebalap Honda di klasemen sementara menjelang seri keempat MotoGP musim ini.",
    ]
    assert remove_repeated_paragraphs(paragraphs) == paragraphs


def test_runs_of_several_short_lines_inside_a_repeat_are_removed() -> None:
    block = [LONG_A, "***", "Foto: Humas", LONG_B]
    assert remove_repeated_paragraphs(block + block) == block


def test_empty_paragraphs_are_dropped_and_input_without_repeats_is_kept() -> None:
    assert remove_repeated_paragraphs([LONG_A, "", "   ", LONG_B]) == [LONG_A, LONG_B]
    assert remove_repeated_paragraphs([]) == []


def test_block_whose_second_half_repeats_the_first() -> None:
    lines = capture_lines()
    block = " ".join(lines)
    expected = " ".join(remove_repeated_paragraphs(lines))
    assert remove_repeated_sentences_block(block) == expected


def test_block_with_a_repeated_middle_run() -> None:
    text = f"{LONG_A} {LONG_B} {LONG_C} {LONG_B} Penutup berita ini singkat saja."
    assert (
        remove_repeated_sentences_block(text)
        == f"{LONG_A} {LONG_B} {LONG_C} Penutup berita ini singkat saja."
    )


def test_block_with_a_truncated_repeat_at_the_end() -> None:
    text = f"{LONG_A} {LONG_B} {LONG_C} {LONG_A} {LONG_B[:50]}"
    assert remove_repeated_sentences_block(text) == f"{LONG_A} {LONG_B} {LONG_C}"


def test_block_keeps_repeated_phrases_inside_different_sentences() -> None:
    office = "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak"
    text = (
        f"Kepala {office} hadir di acara itu. Kegiatan dipusatkan di aula {office} Kota Palangka Raya. "
        f"Sejak itu {office}"
    )
    assert remove_repeated_sentences_block(text) == text


def test_block_keeps_short_repeated_sentences_and_unrepeated_text() -> None:
    text = f"{LONG_A} Tidak ada. {LONG_B} Tidak ada. {LONG_C}"
    assert remove_repeated_sentences_block(text) == text
    # Two people can say the same short sentence: without paragraph breaks it is not taken for a copy.
    greeting = '"Selamat ulang tahun Kota Palangka Raya yang ke-67."'
    text = f"{LONG_A} {greeting} kata Wali Kota. {LONG_B} {greeting} kata Ketua DPRD. {LONG_C}"
    assert remove_repeated_sentences_block(text) == text
    assert remove_repeated_sentences_block("") == ""
