"""The trained topic model: features, training, artefact, evidence, corrections, the shipped model."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from sorot.models import taxonomy
from sorot.models.classifier import SHIPPED, TopicModel, load, load_tagger, save
from sorot.models.classifier.artefact import to_json
from sorot.models.classifier.evaluation import cross_validate
from sorot.models.classifier.features import CHAR_PARAMS, WORD_PARAMS, WordVectorizer, document
from sorot.models.classifier.training import TrainConfig, best_threshold, train
from sorot.models.dataset import (
    CORRECTION_WEIGHT,
    correction_example,
    load_examples,
    load_synthetic,
    with_corrections,
)
from sorot.models.rules import RuleTagger

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_TITLE = "Pemkot Palangka Raya susun rencana aksi pencegahan kekerasan terhadap perempuan dan anak"
SEED_TEXT = (FIXTURES / "seed-antara-kalteng-capture.txt").read_text(encoding="utf-8")
CONFIG = TrainConfig(max_features=3000, inner_folds=3)


@pytest.fixture(scope="module")
def examples():
    """A small, fixed training set: every labelled article and the first 200 unlabelled ones."""
    everything = load_examples()
    labelled = [e for e in everything if e.labels]
    unlabelled = [e for e in everything if not e.labels][:200]
    return sorted(labelled + unlabelled, key=lambda e: e.id)


@pytest.fixture(scope="module")
def model(examples):
    return train(examples, CONFIG)


def test_word_features_equal_scikit_learn(examples):
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [document(e.title, e.text) for e in examples[:150]] + ["", "zzz"]
    ours = WordVectorizer.fit(docs, max_features=2000)
    theirs = TfidfVectorizer(**WORD_PARAMS, min_df=2, max_df=0.5, max_features=2000, sublinear_tf=True).fit(docs)
    assert np.abs(ours.transform(docs).toarray() - theirs.transform(docs).toarray()).max() < 1e-12


def test_char_features_equal_scikit_learn(examples):
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [document(e.title, e.text, 300) for e in examples[:150]] + ["", "zzz", "A  b\tc\nDIANIAYA dianiaya"]
    ours = WordVectorizer.fit(docs, max_features=2000, kind="char_wb", ngram_min=3, ngram_max=5, scope=300)
    theirs = TfidfVectorizer(
        **CHAR_PARAMS, ngram_range=(3, 5), min_df=2, max_df=0.5, max_features=2000, sublinear_tf=True
    ).fit(docs)
    for _ in range(2):  # the second time from the per-word memo
        assert np.abs(ours.transform(docs).toarray() - theirs.transform(docs).toarray()).max() < 1e-12


def test_a_model_with_character_ngrams_saves_loads_and_answers_the_same(tmp_path, examples):
    from dataclasses import replace

    with_chars = train(examples, replace(CONFIG, char_ngrams=(3, 5), char_scope=300, char_max_features=2000))
    assert with_chars.chars is not None and with_chars.n_word_features > len(with_chars.words.vocabulary)
    loaded = load(save(with_chars, tmp_path / "chars.json"))
    items = [(e.title, e.text) for e in examples[:40]] + [(SEED_TITLE, SEED_TEXT)]
    assert loaded.version == with_chars.version
    assert [(c.labels, c.scores, c.tahap) for c in loaded.classify_many(items)] == [
        (c.labels, c.scores, c.tahap) for c in with_chars.classify_many(items)
    ]


def test_stopwords_that_carry_the_cues_are_kept(examples):
    # the shipped vocabulary size: no stopword list drops the words of "kekerasan terhadap perempuan" or
    # "anak di bawah umur"
    words = WordVectorizer.fit([document(e.title, e.text) for e in examples],
                               max_features=TrainConfig().max_features)
    for term in ("terhadap", "bawah", "ibu", "kekerasan terhadap", "di bawah"):
        assert term in words.vocabulary


def test_best_threshold_separates_and_prefers_the_middle():
    probabilities = np.array([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    y = np.array([0, 0, 0, 1, 1, 1])
    threshold = best_threshold(probabilities, y)
    assert 0.3 < threshold <= 0.7
    assert abs(threshold - 0.5) < 0.06


def test_same_data_and_seed_give_the_same_model(examples, model):
    again = train(examples, CONFIG)
    assert again.version == model.version
    assert json.dumps(to_json(again), sort_keys=True) == json.dumps(to_json(model), sort_keys=True)


def test_saved_model_loads_and_answers_the_same(tmp_path, examples, model):
    path = save(model, tmp_path / "m.json")
    loaded = load(path)
    items = [(e.title, e.text) for e in examples[:40]] + [(SEED_TITLE, SEED_TEXT)]
    assert [(c.labels, c.scores, c.tahap) for c in loaded.classify_many(items)] == [
        (c.labels, c.scores, c.tahap) for c in model.classify_many(items)
    ]


def test_output_follows_the_taxonomy(examples, model):
    for result in model.classify_many([(e.title, e.text) for e in examples[:120]]):
        assert list(result.labels) == taxonomy.close_labels(result.labels)
        assert set(result.scores) == set(taxonomy.LABELS)
        assert all(0.0 <= p <= 1.0 for p in result.scores.values())
        assert result.tahap in taxonomy.STAGES
        if not set(result.labels) & set(taxonomy.FAMILIES):
            assert result.tahap == "lainnya"
        assert set(result.victims) <= set(taxonomy.VICTIM_FLAGS)
        assert not result.victims or "kekerasan" in result.labels


def test_seed_article(model):
    result = model.classify(SEED_TITLE, SEED_TEXT)
    assert {"kekerasan", "gender"} <= set(result.labels)
    assert "kekerasan_fisik" not in result.labels
    assert result.tahap in ("kebijakan", "pencegahan")


def test_evidence_spans_point_at_the_text_that_triggered_them(examples, model):
    checked = 0
    for example in [e for e in examples if e.labels][:60]:
        result = model.classify(example.title, example.text)
        fields = {"title": example.title, "text": example.text}
        for label in result.labels:
            for evidence in result.evidence[label]:
                assert fields[evidence.field][evidence.start : evidence.end] == evidence.text
                assert evidence.rule.split("/")[0] in (*taxonomy.LABELS, "model")
                checked += 1
    assert checked > 100


def test_rule_evidence_is_the_matched_phrase(model):
    result = model.classify("Pria dianiaya tetangga", "Seorang pria dianiaya tetangganya hingga luka lebam.")
    assert "kekerasan_fisik" in result.labels
    spans = {(e.field, e.text, e.rule) for e in result.evidence["kekerasan_fisik"]}
    assert ("title", "dianiaya", "kekerasan_fisik/penganiayaan") in spans
    assert ("text", "dianiaya", "kekerasan_fisik/penganiayaan") in spans


def test_model_term_evidence_points_at_words_in_the_text(model):
    title, text = "Warga dikeroyok", "Seorang warga dikeroyok massa. Korban mengalami luka dan dibawa ke rumah sakit."
    matrix = model.word_matrix([(title, text)])
    found = model._term_evidence("kekerasan", matrix[0], title, text)
    assert found
    for evidence in found:
        assert {"title": title, "text": text}[evidence.field][evidence.start : evidence.end] == evidence.text
        assert evidence.rule == "model/kekerasan"


def test_a_correction_changes_the_next_trained_model_on_that_article(examples, model):
    # a violence article the model tags: a person says it is not about violence at all
    target = next(e for e in examples if "kekerasan" in e.labels and "kekerasan" in model.classify(e.title,
                                                                                                    e.text).labels)
    correction = correction_example("wh-" + target.id, target.title, target.text, [], "lainnya")
    assert correction.weight == CORRECTION_WEIGHT
    corrected = with_corrections(examples, [correction])
    assert len(corrected) == len(examples)  # same words: the gold row is replaced, not duplicated
    next_model = train(corrected, CONFIG)
    assert next_model.version != model.version
    assert next_model.classify(target.title, target.text).labels == ()
    assert next_model.classify(target.title, target.text).tahap == "lainnya"
    # and a label added by a person to an untagged article
    plain = next(e for e in examples if not e.labels)
    added = correction_example(plain.id, plain.title, plain.text, ["kekerasan_psikis"])
    after = train(with_corrections(examples, [added]), CONFIG).classify(plain.title, plain.text)
    assert {"kekerasan", "kekerasan_psikis"} <= set(after.labels)
    assert "kekerasan_psikis" not in model.classify(plain.title, plain.text).labels


def test_corrections_are_added_when_the_article_is_new(examples):
    new = correction_example("warehouse-article", "Judul", "Teks artikel baru.", ["gender"])
    merged = with_corrections(examples, [new])
    assert len(merged) == len(examples) + 1
    assert next(e for e in merged if e.id == "warehouse-article").origin == "correction"


def test_shipped_model_loads_and_speaks_the_taggers_interface():
    shipped = load(SHIPPED)
    assert isinstance(shipped, TopicModel)
    assert shipped.version.startswith("topic-v1-")
    assert shipped.info["training"]["examples"] >= 1200
    tagging = shipped.tag(SEED_TITLE, SEED_TEXT)
    assert tagging.tagger_version == shipped.version
    assert {"kekerasan", "gender"} <= set(tagging.label_names())


def test_a_broken_model_file_falls_back_to_the_rules(tmp_path, monkeypatch):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    messages = []
    monkeypatch.setattr("sorot.models.classifier.SHIPPED", tmp_path / "missing.json")
    tagger = load_tagger([broken], on_fallback=messages.append)
    assert isinstance(tagger, RuleTagger)
    assert messages and "broken.json" in messages[0]


# ---------------------------------------------------------------------------------------------------------
# Written training articles (models/data/synthetic): training only, never scored
# ---------------------------------------------------------------------------------------------------------


def test_written_training_articles_load_and_follow_the_taxonomy(examples):
    written = load_synthetic()
    assert len(written) >= 400
    assert {e.origin for e in written} == {"synthetic"} and {e.dataset for e in written} == {"synthetic"}
    ids = [e.id for e in written]
    assert len(ids) == len(set(ids)) and not set(ids) & {e.id for e in load_examples()}
    for e in written:
        assert e.title and len(e.text) > 300
        assert list(e.labels) == taxonomy.close_labels(e.labels), e.id  # subtypes bring their family
        assert e.tahap in taxonomy.STAGES
    counts = {family: sum(family in e.labels for e in written) for family in taxonomy.FAMILIES}
    assert counts["kekerasan"] >= 100 and counts["gender"] >= 100
    assert sum(not e.labels for e in written) >= 100  # out-of-scope look-alikes and ordinary news too


def test_a_bad_written_article_is_reported_by_file_and_line(tmp_path):
    (tmp_path / "synthetic").mkdir()
    good = {"id": "w-1", "title": "Judul", "body": "Teks.", "labels": ["gender"], "tahap": "lainnya"}
    bad = dict(good, id="w-2", labels=["kekerasan_ekonomi"])
    lines = [json.dumps(good), json.dumps(bad)]
    (tmp_path / "synthetic" / "part-x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"part-x.jsonl line 2: unknown labels \['kekerasan_ekonomi'\]"):
        load_synthetic(tmp_path)


def test_cross_validation_trains_on_written_articles_but_scores_only_labelled_ones(examples):
    small = examples[::3]
    written = load_synthetic()[:60]
    report = cross_validate(small, CONFIG, folds=2, training_only=written)
    assert set(report.predictions) == {e.id for e in small}
    assert report.examples == len(small) and report.training_only == len(written)


def test_written_articles_teach_the_model_what_the_labelled_set_lacks(examples):
    """Held-out written gender articles score higher for `gender` once the other written ones are learned."""
    written = load_synthetic()
    gender = [e for e in written if "gender" in e.labels]
    held_out, learned = gender[-10:], [e for e in written if e not in gender[-10:]]
    without = train(examples, CONFIG)
    with_written = train(list(examples) + learned, CONFIG)
    assert with_written.info["training"]["examples"] == len(examples) + len(learned)
    assert with_written.info["training"]["written"] == len(learned)

    def mean_score(model):
        return np.mean([model.classify(e.title, e.text).scores["gender"] for e in held_out])

    assert mean_score(with_written) > mean_score(without) + 0.1


def test_the_second_reading_of_a_written_article_decides_its_labels(tmp_path):
    (tmp_path / "synthetic").mkdir()
    article = {
        "id": "w-1",
        "title": "Polisi tangkap pelaku",
        "body": "Korban didampingi UPTD PPA.",
        "labels": ["kekerasan", "gender", "layanan_ppa"],
        "tahap": "proses_hukum",
    }
    (tmp_path / "synthetic" / "part-x.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    assert load_synthetic(tmp_path)[0].labels == ("kekerasan", "gender", "layanan_ppa")
    review = {"id": "w-1", "labels": ["kekerasan"], "tahap": "proses_hukum", "changed": True, "rule": "A1"}
    (tmp_path / "synthetic" / "review-x.jsonl").write_text(json.dumps(review) + "\n", encoding="utf-8")
    assert load_synthetic(tmp_path)[0].labels == ("kekerasan",)


_WEEKDAYS = "Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu"
_NAMED_CHILD_OR_VICTIM = re.compile(
    r"\b(?:[Kk]orban|[Ss]iswi|[Bb]ocah|[Bb]alita)(?: [a-z]+){0,3},? (?!berinisial)[A-Z][a-z]{2,}(?: [A-Z][a-z]+)? "
    r"\(\d{1,2}\)"
)
_NAMED_PARENT = re.compile(
    r"\b(?:[Ii]bu|[Aa]yah|[Oo]rang tua|[Kk]akak|[Pp]aman|[Nn]enek) (?:korban|[A-Z]{1,3}|siswi|bocah|balita)"
    rf"(?: tersebut| itu)?,? (?!(?:{_WEEKDAYS})\b)[A-Z][a-z]{{2,}}"
)


def test_written_articles_name_no_child_or_sexual_violence_victim_nor_their_parents():
    """The project's own texts keep the rule its outputs keep: such victims by initials only (a parent's
    name identifies a child as surely as the child's)."""
    named = [
        f"{e.id}: {match.group(0)}"
        for e in load_synthetic()
        if {"korban_anak", "kekerasan_seksual"} & set(e.labels)
        for pattern in (_NAMED_CHILD_OR_VICTIM, _NAMED_PARENT)
        for match in pattern.finditer(f"{e.title}\n{e.text}")
    ]
    assert named == []
