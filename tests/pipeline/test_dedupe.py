"""Near-duplicates and stories: fingerprints, the one-story rule, the index, and the labelled pairs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from sorot.pipeline.dedupe.fingerprint import NUM_PERM, Fingerprint, fingerprint, from_bytes, to_bytes
from sorot.pipeline.dedupe.hashing import content_hash, words
from sorot.pipeline.dedupe.similarity import DEFAULT_RULE, Similarity, compare
from sorot.pipeline.dedupe.stories import StoryIndex, minhash_of, signature_from_bytes, signature_to_bytes
from sorot.pipeline.dedupe.wire import wire_agency_for
from sorot.pipeline.evaluation.duplicates import (
    by_kind,
    evaluate_pairs,
    fingerprints,
    load_pairs,
    story_scores,
)
from sorot.pipeline.normalise.dateline import split_dateline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dedupe"


@pytest.fixture(scope="module")
def labelled() -> tuple[dict[str, str], list, dict[str, Fingerprint]]:
    texts, pairs = load_pairs(FIXTURES)
    return texts, pairs, fingerprints(texts)


@pytest.fixture(scope="module")
def article(labelled) -> str:
    texts, _, _ = labelled
    return max(texts.values(), key=len)


# ------------------------------------------------------------------ fingerprints
def test_fingerprint_is_deterministic_and_round_trips(article: str) -> None:
    first, second = fingerprint(article), fingerprint(article)
    assert np.array_equal(first.hashvalues, second.hashvalues)
    assert first.size > 0 and first.numbers and first.lead
    back = from_bytes(to_bytes(first))
    assert np.array_equal(back.hashvalues, first.hashvalues)
    assert (back.size, back.numbers, back.lead) == (first.size, first.numbers, first.lead)
    # the names the loader imports keep working
    assert np.array_equal(signature_from_bytes(signature_to_bytes(minhash_of(article))).hashvalues,
                          first.hashvalues)


def test_blobs_of_the_first_layout_still_load_and_compare(article: str) -> None:
    """The warehouse holds MinHash-only blobs written by the first version (plain datasketch, same seed)."""
    tokens = words(article)
    legacy = MinHash(num_perm=NUM_PERM, seed=20240904)
    legacy.update_batch([" ".join(tokens[i : i + 5]).encode() for i in range(len(tokens) - 4)])
    blob = np.asarray(legacy.hashvalues, dtype=np.uint64).tobytes()
    assert len(blob) == NUM_PERM * 8
    loaded = from_bytes(blob)
    assert loaded.size == 0 and not loaded.numbers and not loaded.lead  # unknown, not wrong
    assert loaded.jaccard(fingerprint(article)) == 1.0


@pytest.mark.parametrize("blob", [b"", b"\x00" * 17, b"\xff" * (NUM_PERM * 8 - 1), b"\xff" * (NUM_PERM * 8)])
def test_damaged_blobs_match_nothing(blob: bytes, article: str) -> None:
    damaged = from_bytes(blob)
    assert damaged.jaccard(fingerprint(article)) < 0.05
    assert damaged.jaccard(from_bytes(blob + b"x")) < 0.05, "two damaged blobs are not one story"


def test_a_truncated_tail_keeps_the_minhash(article: str) -> None:
    blob = to_bytes(fingerprint(article))
    cut = from_bytes(blob[: NUM_PERM * 8 + 10])
    assert cut.jaccard(fingerprint(article)) == 1.0


# ------------------------------------------------------------------ the rule
def test_figures_keep_template_articles_apart() -> None:
    """detik's daily gold price: the same sentences, other numbers: two stories."""
    template = ("Harga emas batangan Antam hari ini {d} Mei 2026 tercatat Rp {a} per gram, {m} dibanding kemarin "
                "yang berada di level Rp {b} per gram. Harga pembelian kembali ada di posisi Rp {c} per gram. "
                "Emas dijual dalam berbagai ukuran mulai dari 0,5 gram hingga 1.000 gram di butik Logam Mulia.")
    one = fingerprint(template.format(d=4, a="1.890.000", m="naik", b="1.885.000", c="1.742.000") * 3)
    two = fingerprint(template.format(d=5, a="1.902.000", m="naik", b="1.890.000", c="1.751.000") * 3)
    similarity = compare(one, two)
    assert similarity.jaccard > 0.3 and similarity.figures is not None and similarity.figures < 0.5
    assert not DEFAULT_RULE.same_story(similarity)


def test_rule_accepts_a_copy_cut_short_by_containment() -> None:
    assert DEFAULT_RULE.same_story(Similarity(jaccard=0.35, containment=0.95, figures=None, lead=0.9))
    assert not DEFAULT_RULE.same_story(Similarity(jaccard=0.35, containment=0.6, figures=None, lead=0.9))


def test_a_follow_up_with_a_new_lead_is_another_story() -> None:
    assert not DEFAULT_RULE.same_story(Similarity(jaccard=0.5, containment=0.7, figures=None, lead=0.2))
    assert DEFAULT_RULE.same_story(Similarity(jaccard=0.5, containment=0.7, figures=None, lead=0.8))


# ------------------------------------------------------------------ the index
def test_story_index_groups_copies_and_keeps_others_apart(labelled) -> None:
    texts, pairs, prints = labelled
    same = next(p for p in pairs if p.same and content_hash(texts[p.a]) != content_hash(texts[p.b]))
    other = next(p.a for p in pairs if p.kind == "unrelated" and p.a not in (same.a, same.b))
    index = StoryIndex()
    first = index.assign(same.a, prints[same.a])
    assert first.similar_to is None and first.story_id == same.a
    second = index.assign(same.b, prints[same.b])
    assert second.story_id == first.story_id and second.similar_to == same.a and second.similarity > 0
    third = index.assign(other, prints[other])
    assert third.story_id == other and third.similar_to is None
    assert len(index) == 3


def test_story_index_threshold_argument_of_the_first_version() -> None:
    assert StoryIndex(threshold=0.7).threshold == 0.7


# ------------------------------------------------------------------ the labelled pairs
def test_labelled_pairs_are_real_licensed_and_split(labelled) -> None:
    texts, pairs, _ = labelled
    rows = [json.loads(line) for line in (FIXTURES / "texts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(row["licence"] and row["dataset"] and row["url"] for row in rows)
    assert {p.split for p in pairs} == {"dev", "test"}
    assert sum(p.same for p in pairs) >= 150 and sum(not p.same for p in pairs) >= 150
    kinds = {p.kind for p in pairs}
    # syndicated copies, re-dated copies, light edits, and different articles on the same event
    assert {"syndicated", "redated", "light_edit", "truncated", "same_event", "template", "daily_update"} <= kinds
    assert all(p.a in texts and p.b in texts for p in pairs)


def test_near_duplicate_precision_and_recall_on_the_labelled_pairs(labelled) -> None:
    texts, pairs, prints = labelled
    scores = evaluate_pairs(pairs, prints, texts)
    assert scores.precision >= 0.98 and scores.recall >= 0.95, (scores.precision, scores.recall)
    test_only = evaluate_pairs([p for p in pairs if p.split == "test"], prints, texts)
    assert test_only.precision >= 0.98 and test_only.recall >= 0.95
    assert all(total for _, total in by_kind(pairs, scores).values())


def test_story_grouping_on_the_labelled_pairs(labelled) -> None:
    texts, pairs, prints = labelled
    scores = story_scores(pairs, prints, texts)
    assert scores.precision >= 0.97 and scores.recall >= 0.95, (scores.precision, scores.recall)


# ------------------------------------------------------------------ wire copies
@pytest.mark.parametrize(
    ("text", "credit", "own", "expected"),
    [
        ("Palangka Raya (ANTARA) - Banjir melanda kota.", None, False, "ANTARA"),
        ("TRIBUNKALTENG.COM - Palangka Raya (ANTARA) - Banjir melanda kota.", None, False, "ANTARA"),
        ("Banjir melanda kota sejak Senin.", "ANTARA", False, "ANTARA"),  # a closing "(Ant)" credit
        ("Banjir melanda kota sejak Senin.", None, False, None),
        ("Palangka Raya (ANTARA) - Banjir melanda kota.", None, True, None),  # ANTARA's own article
    ],
)
def test_wire_agency(text: str, credit: str | None, own: bool, expected: str | None) -> None:
    assert wire_agency_for(text, split_dateline(text), credit, own_agency=own) == expected


def test_a_forgotten_article_is_no_longer_matched(labelled) -> None:
    texts, pairs, prints = labelled
    same = next(p for p in pairs if p.same and content_hash(texts[p.a]) != content_hash(texts[p.b]))
    index = StoryIndex()
    index.assign(same.a, prints[same.a])
    index.forget(same.a)
    index.forget("never-indexed")
    assert len(index) == 0
    assert index.assign(same.b, prints[same.b]).similar_to is None
