"""`sorot evaluate extraction` and `sorot evaluate duplicates` run on what the project commits.

Without the shared reference folder the extraction evaluation still runs on the committed replica pages
and says plainly what it left out; the duplicates evaluation needs only the committed labelled pairs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sorot.pipeline.cli import main


def test_evaluate_extraction_on_the_committed_pages_without_shared(tmp_path: Path, capsys) -> None:
    code = main(["evaluate", "extraction", "--shared", str(tmp_path / "absent"), "--json"])
    assert code == 0
    captured = capsys.readouterr()
    assert "scrapinghub" in captured.err and "not found" in captured.err
    assert "26 real Indonesian pages" in captured.err
    figures = json.loads(captured.out)
    assert set(figures) == {"indonesian"}
    indonesian = figures["indonesian"]
    assert indonesian["pages"] == 32 and len(indonesian["missing"]) == 1
    assert indonesian["sorot"]["f1"] >= 0.97
    assert indonesian["sorot"]["f1"] > indonesian["bare_trafilatura"]["f1"], "bare is scored in the same run"
    rates = indonesian["rates"]
    for field in ("sorot_title", "sorot_date", "sorot_day", "sorot_dateline", "sorot_language", "sorot_wire"):
        assert rates[field]["right"] == rates[field]["judged"] > 0, field


def test_evaluate_extraction_report_names_the_data(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", "extraction", "--shared", str(tmp_path), "--dataset", "indonesian"]) == 0
    out = capsys.readouterr().out
    assert "Sorot" in out and "bare trafilatura" in out
    assert "indonesian" in out and "pages: 32" in out


def test_evaluate_extraction_with_nothing_to_evaluate_fails(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", "extraction", "--shared", str(tmp_path), "--dataset", "scrapinghub"]) != 0
    assert "no pages to evaluate" in capsys.readouterr().err


def test_evaluate_duplicates_prints_precision_and_recall(capsys) -> None:
    assert main(["evaluate", "duplicates", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    pairwise = figures["pairwise"]["all"]
    assert pairwise["precision"] >= 0.98 and pairwise["recall"] >= 0.95
    assert figures["pairs"] == 435
    assert set(figures["pairwise"]) == {"dev", "test", "all"} and "all" in figures["stories"]


def test_evaluate_duplicates_text_report(capsys) -> None:
    assert main(["evaluate", "duplicates"]) == 0
    out = capsys.readouterr().out
    for word in ("precision", "recall", "dev", "test", "story grouping", "right per kind"):
        assert word in out


def test_evaluate_duplicates_missing_pairs_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", "duplicates", "--pairs", str(tmp_path)]) != 0
    assert "labelled pairs are missing" in capsys.readouterr().out


@pytest.mark.parametrize("what", ["extraction", "duplicates"])
def test_evaluate_help(what: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["evaluate", what, "--help"])
    assert exit_info.value.code == 0
    assert "--json" in capsys.readouterr().out
