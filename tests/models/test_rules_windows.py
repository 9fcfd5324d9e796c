"""The rules engine scans only windows around each rule's needles: it must find exactly what a whole-field
scan finds, on real articles and on text made to stress the window bounds (long words, long gaps)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorot.models.rules.engine import blank_noise, compile_rule, lowered
from sorot.models.rules.patterns import Rule
from sorot.models.rules.tagger import _compiled
from sorot.models.rules.windows import FieldIndex, Reach, reach_of, scan_windows

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "models" / "data" / "articles.jsonl"


def _tables():
    compiled = _compiled()
    return compiled, (compiled.labels, compiled.flags, compiled.stages, compiled.masks, compiled.context.table)


def _compare_every_rule(texts: list[str]) -> tuple[int, list[str]]:
    """Windowed against whole-field spans for every candidate rule; returns (windowed scans, mismatches)."""
    compiled, tables = _tables()
    windowed, mismatches = 0, []
    for text in texts:
        subject = lowered(blank_noise(text))
        present, longest_token = compiled.finder.scan([subject])
        index = FieldIndex(subject, longest_token)
        for table in tables:
            for rule in table.candidates(present):
                windows = scan_windows(rule.anchors, rule.reach, index)
                if windows is None:
                    continue
                windowed += 1
                whole = [m.span() for m in rule.regex.finditer(subject)]
                parts = [m.span() for start, end in windows for m in rule.regex.finditer(subject, start, end)]
                if parts != whole:
                    mismatches.append(f"{rule.rule.id}: {whole} != {parts}")
    return windowed, mismatches


def test_windows_find_exactly_the_whole_field_matches_on_labelled_articles():
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    texts = [field for row in rows[::3] for field in (row.get("title") or "", row["body"])]
    windowed, mismatches = _compare_every_rule(texts)
    assert windowed > 5_000  # the windows are really used, on most rule scans
    assert mismatches == []


_WORDS = [
    "dianiaya",
    "suami",
    "istri",
    "anak",
    "korban",
    "perempuan",
    "kekerasan",
    "tewas",
    "dibunuh",
    "oleh",
    "siswi",
    "berusia",
    "13",
    "tahun",
    "itu",
    "dicabuli",
    "ayah",
    "tiri",
    "pemerkosaan",
    "terhadap",
    "kdrt",
    "tppo",
    "sidang",
    "vonis",
    "bentrok",
    "pukul",
    "10.00",
    "(14)",
    "di",
    "desa",
    "tengah",
]
_GAPS = [" ", " ", " ", "  ", "\n\n", " \n ", "\t", ", ", "\u00a0", " " * 40, "\n" * 25]
_PADDING = "Berita daerah hari ini. " * 40  # long enough that windows, not whole fields, are scanned


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS), st.integers(0, 3)), max_size=60))
def test_windows_match_the_whole_field_on_stress_text(parts):
    """Long whitespace runs and glued long words widen what a match may span; the windows must follow."""
    text = "".join((word * 12 if repeat == 3 else word) + gap for word, gap, repeat in parts)
    _windowed, mismatches = _compare_every_rule([_PADDING + text + _PADDING])
    assert mismatches == []


@pytest.mark.parametrize(
    "phrase",
    [
        "kekerasan{gap}terhadap{gap}perempuan dan anak",  # gaps far wider than the pattern's fixed part
        "korban{gap}kekerasan seksual",
        "tewas{gap}dianiaya",
        "dianiaya{gap}oleh{gap}suaminya",
    ],
)
@pytest.mark.parametrize("gap", [" " * 150, "\n" * 90 + " " * 90, "\u00a0" * 120])
def test_windows_follow_long_gaps(phrase, gap):
    text = _PADDING + phrase.format(gap=gap) + ". " + _PADDING
    windowed, mismatches = _compare_every_rule([text])
    assert windowed >= 1 and mismatches == []


def test_windows_follow_long_words():
    long_word = "x" * 300
    text = (
        _PADDING
        + f"korban {long_word} dianiaya oleh {long_word}nya suami {long_word}. "
        + f"Ia memukul dan {long_word} seorang perempuan. "  # "dan [a-z]+" in the pattern: a run of letters
        + _PADDING
    )
    windowed, mismatches = _compare_every_rule([text])
    assert windowed >= 1 and mismatches == []


def test_reach_counts_runs_of_each_kind():
    regex = compile_rule(Rule("x/y", r"korban\s+[a-z]+\s+\d+", 1.0)).regex.pattern
    reach = reach_of(regex)
    # "korban" (6) + the -nya enclitic (3) + the closing lookahead (1); one run of each kind.
    assert reach == Reach(fixed=10, token=1, nonspace=1, space=2)
    assert reach_of(r"(?:a\s)+b") is None  # a repeated group of any length: no bound
    assert reach_of(r"a[\s,]+b") is None  # a run mixing spaces and other characters: no bound


def test_a_field_shorter_than_two_reaches_is_scanned_whole():
    rule = compile_rule(Rule("x/y", r"dianiaya\s+oleh", 1.0))
    short = lowered("Ia dianiaya oleh suaminya.")
    assert scan_windows(rule.anchors, rule.reach, FieldIndex(short, 9)) is None
    long_text = lowered("Berita lain. " * 40 + "Ia dianiaya oleh suaminya. " + "Penutup. " * 40)
    windows = scan_windows(rule.anchors, rule.reach, FieldIndex(long_text, 9))
    assert windows is not None and len(windows) == 1
    start, end = windows[0]
    assert start <= long_text.index("dianiaya") < long_text.index("oleh") + 4 <= end
    assert end - start < len(long_text) / 4
    assert [m.span() for m in rule.regex.finditer(long_text, start, end)] == [
        m.span() for m in re.finditer(r"dianiaya\s+oleh", long_text)
    ]
