"""The labelled data: annotations, agreement, adjudication and the derived gold set."""

import json
from pathlib import Path

import pytest

from sorot.models import taxonomy
from sorot.models.annotation import (
    GUIDELINE,
    Annotation,
    agreement,
    build_gold,
    cohen_kappa,
    load_annotations,
    pairs,
    read_jsonl,
)

DATA = Path(__file__).parent.parent.parent / "models" / "data"


def test_cohen_kappa_known_values():
    assert cohen_kappa([1, 1, 0, 0], [1, 1, 0, 0]) == 1.0
    # observed 0.5, expected 0.5: no better than chance
    assert cohen_kappa([1, 0, 1, 0], [1, 1, 0, 0]) == 0.0
    # one category only: kappa is undefined, not 1
    assert cohen_kappa([0, 0, 0], [0, 0, 0]) is None


def test_agreement_counts_both_and_one_only():
    a = Annotation("x", ("kekerasan",), "kejadian", "annotator-1", GUIDELINE)
    b = Annotation("x", ("kekerasan", "kekerasan_fisik"), "kejadian", "annotator-2", GUIDELINE)
    c = Annotation("y", (), "lainnya", "annotator-1", GUIDELINE)
    d = Annotation("y", (), "lainnya", "annotator-2", GUIDELINE)
    results = {r.name: r for r in agreement([(a, b), (c, d)])}
    assert results["kekerasan"].both == 1 and results["kekerasan"].only_one == 0
    assert results["kekerasan_fisik"].only_one == 1 and results["kekerasan_fisik"].raw == 0.5
    assert results["tahap"].raw == 1.0
    assert list(results)[:-1] == list(taxonomy.LABELS)


def test_unsettled_disagreement_is_refused():
    a = Annotation("x", ("kekerasan",), "kejadian", "annotator-1", GUIDELINE)
    b = Annotation("x", (), "lainnya", "annotator-2", GUIDELINE)
    with pytest.raises(ValueError, match="no adjudication"):
        build_gold([a, b], [])
    settled = build_gold([a, b], [{"id": "x", "annotators": ["annotator-1", "annotator-2"], "labels": [],
                                    "tahap": "lainnya"}])
    assert settled[0]["labels"] == [] and settled[0]["resolution"] == "adjudicated"


def test_committed_gold_is_exactly_what_the_annotations_and_adjudication_give():
    sample = {row["id"]: row for row in read_jsonl(DATA / "annotation-sample.jsonl")}
    rebuilt = build_gold(load_annotations(), read_jsonl(DATA / "adjudication.jsonl"), sample)
    assert rebuilt == read_jsonl(DATA / "gold.jsonl")


def test_gold_set_size_double_annotation_and_texts():
    gold = read_jsonl(DATA / "gold.jsonl")
    texts = {row["id"]: row for row in read_jsonl(DATA / "articles.jsonl")}
    assert len(gold) >= 1200
    assert {row["id"] for row in gold} == set(texts)
    assert len(pairs(load_annotations())) >= 150
    for row in gold:
        assert row["labels"] == taxonomy.close_labels(row["labels"])
        assert row["tahap"] in taxonomy.STAGES
        assert row["guideline"] == GUIDELINE
    for row in texts.values():
        assert row["licence"] in {"CC BY-SA 4.0", "MIT", "CC BY 4.0"}
        assert row["url"] and row["dataset"] and row["body"]


def test_every_disagreement_has_a_recorded_reason():
    records = read_jsonl(DATA / "adjudication.jsonl")
    disagreements = [(a.id) for a, b in pairs(load_annotations()) if (a.labels, a.tahap) != (b.labels, b.tahap)]
    assert sorted(disagreements) == sorted(r["id"] for r in records)
    for record in records:
        assert record["reason"] and record["rule"] and record["adjudicator"]
        assert record["tahap"] in taxonomy.STAGES
        json.dumps(record)
