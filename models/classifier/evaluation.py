"""Honest evaluation: cross-validated per-label precision, recall, F1 and support on the labelled data.

Everything a fold's model decides (vocabulary, weights, calibration, thresholds) is fitted on that fold's
training part only; the test part is seen once, for scoring. Folds keep near-duplicate articles together
(the same wire story carried twice would otherwise be in both parts and flatter the scores), and are
stratified by family so that each fold has violence and gender articles. Every label is reported, including
the ones that score badly or have few examples: a rare label's F1 is a fact about the data, not a detail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from sorot.models import taxonomy
from sorot.models.classifier.training import TrainConfig, train
from sorot.models.dataset import Example
from sorot.models.rules import RuleSignals, RuleTagger, Tagging

# Subtypes and flags with at least this many examples make up the headline micro-F1 (the bar).
MIN_SUPPORT_FOR_MICRO = 20
NEAR_DUPLICATE_JACCARD = 0.5


@dataclass(frozen=True)
class LabelScore:
    label: str
    support: int
    predicted: int
    tp: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Report:
    """Cross-validated figures for one system on one data set."""

    system: str
    examples: int
    folds: int
    labels: list[LabelScore]
    micro_subtypes: LabelScore  # violence and gender subtypes with enough support
    micro_flags: LabelScore  # victim flags with enough support
    stage_accuracy: float  # on articles whose gold has a family
    stage_macro_f1: float
    predictions: dict[str, tuple[tuple[str, ...], str]]
    training_only: int = 0  # written training articles added to every fold's training part, never scored

    def label(self, name: str) -> LabelScore:
        return next(score for score in self.labels if score.label == name)


def score(
    name: str, gold: Sequence[set[str]], predicted: Sequence[set[str]], labels: Sequence[str]
) -> LabelScore:
    """Micro-averaged scores of ``labels`` (one label: its own scores)."""
    tp = sum(len(g & p & set(labels)) for g, p in zip(gold, predicted, strict=True))
    support = sum(len(g & set(labels)) for g in gold)
    made = sum(len(p & set(labels)) for p in predicted)
    precision = tp / made if made else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LabelScore(name, support, made, tp, precision, recall, f1)


def near_duplicate_groups(
    examples: Sequence[Example], threshold: float = NEAR_DUPLICATE_JACCARD
) -> list[int]:
    """A group number per example: articles whose word 5-shingles overlap beyond ``threshold`` share one."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    signatures = []
    for i, example in enumerate(examples):
        words = f"{example.title} {example.text}".lower().split()
        shingles = {" ".join(words[j : j + 5]) for j in range(max(1, len(words) - 4))}
        signature = MinHash(num_perm=64, seed=1)
        signature.update_batch([s.encode("utf-8") for s in shingles])
        lsh.insert(str(i), signature)
        signatures.append(signature)
    parent = list(range(len(examples)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, signature in enumerate(signatures):
        for other in lsh.query(signature):
            a, b = find(i), find(int(other))
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(len(examples))]


def fold_assignment(examples: Sequence[Example], folds: int, seed: int) -> list[int]:
    """A fold number per example: grouped by near duplicates, stratified by family combination."""
    from sklearn.model_selection import StratifiedGroupKFold

    strata = [("kekerasan" in e.labels) * 1 + ("gender" in e.labels) * 2 for e in examples]
    groups = near_duplicate_groups(examples)
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    assignment = [0] * len(examples)
    for fold, (_train, test) in enumerate(splitter.split(np.zeros(len(examples)), strata, groups)):
        for i in test:
            assignment[i] = fold
    return assignment


Predictor = Callable[[Sequence[Example], Sequence[int], Sequence[int]], list[tuple[tuple[str, ...], str]]]


def cross_validate(
    examples: Sequence[Example],
    config: TrainConfig | None = None,
    *,
    folds: int = 5,
    system: str = "model",
    rules_only: bool = False,
    progress: Callable[[str], None] | None = None,
    training_only: Sequence[Example] = (),
) -> Report:
    """Out-of-fold predictions for every example, then per-label scores (see the module docstring).

    ``training_only`` examples (the written training articles of ``data/synthetic``) join every fold's
    training part and are never predicted or scored: the figures are on ``examples`` alone.
    """
    config = config or TrainConfig()
    tagger = RuleTagger()
    analysed: list[tuple[Tagging, RuleSignals]] = [tagger.analyse(e.title, e.text) for e in examples]
    extra_analysed = [tagger.analyse(e.title, e.text) for e in training_only]
    assignment = fold_assignment(examples, folds, config.seed)
    predictions: dict[str, tuple[tuple[str, ...], str]] = {}
    for fold in range(folds):
        train_rows = [i for i, f in enumerate(assignment) if f != fold]
        test_rows = [i for i, f in enumerate(assignment) if f == fold]
        if rules_only:
            for i in test_rows:
                tagging = analysed[i][0]
                predictions[examples[i].id] = (tuple(tagging.label_names()), tagging.tahap)
            continue
        model = train(
            [examples[i] for i in train_rows] + list(training_only),
            config,
            [analysed[i] for i in train_rows] + extra_analysed,
            tagger,
        )
        results = model.classify_many(
            [(examples[i].title, examples[i].text) for i in test_rows], [analysed[i] for i in test_rows]
        )
        for i, result in zip(test_rows, results, strict=True):
            predictions[examples[i].id] = (result.labels, result.tahap)
        if progress:
            progress(f"fold {fold + 1}/{folds} done")
    return replace(report_for(system, examples, predictions, folds), training_only=len(training_only))


def report_for(
    system: str, examples: Sequence[Example], predictions: dict[str, tuple[tuple[str, ...], str]], folds: int
) -> Report:
    gold = [set(e.labels) for e in examples]
    predicted = [set(predictions[e.id][0]) for e in examples]
    labels = [score(label, gold, predicted, [label]) for label in taxonomy.LABELS]
    frequent = [s.label for s in labels if s.support >= MIN_SUPPORT_FOR_MICRO]
    subtypes = [x for x in frequent if x in taxonomy.VIOLENCE_SUBTYPES or x in taxonomy.GENDER_SUBTYPES]
    flags = [x for x in frequent if x in taxonomy.VICTIM_FLAGS]
    micro_subtypes = score("micro:" + "+".join(subtypes), gold, predicted, subtypes)
    micro_flags = score("micro:" + "+".join(flags), gold, predicted, flags)
    with_family = [e for e in examples if set(e.labels) & set(taxonomy.FAMILIES)]
    correct = sum(predictions[e.id][1] == e.tahap for e in with_family)
    stage_f1 = []
    for stage in taxonomy.STAGES:
        gold_stage = [{stage} if e.tahap == stage else set() for e in with_family]
        predicted_stage = [{stage} if predictions[e.id][1] == stage else set() for e in with_family]
        if any(gold_stage):
            stage_f1.append(score(stage, gold_stage, predicted_stage, [stage]).f1)
    return Report(
        system=system,
        examples=len(examples),
        folds=folds,
        labels=labels,
        micro_subtypes=micro_subtypes,
        micro_flags=micro_flags,
        stage_accuracy=correct / len(with_family) if with_family else 0.0,
        stage_macro_f1=float(np.mean(stage_f1)) if stage_f1 else 0.0,
        predictions=predictions,
    )


# The systems compared before choosing the shipped one (see MODEL_CARD.md): every variant tried is listed,
# so that choosing among them by these figures is visible. ``TrainConfig()`` is the shipped system.
SHIPPED_SYSTEM = "words+chars300+rules-svm (C by inner CV, shipped)"
_WORDS_ONLY = {"char_ngrams": None}
_FIXED_C = {"c_grid": ()}
CANDIDATES: dict[str, TrainConfig | None] = {
    "rules-only": None,
    "words-logreg": TrainConfig(use_rules=False, learner="logreg", **_WORDS_ONLY, **_FIXED_C),
    "words+rules-logreg (C by inner CV)": TrainConfig(learner="logreg", **_WORDS_ONLY),
    "words+rules-cnb (alpha by inner CV)": TrainConfig(learner="cnb", c_grid=(1.0, 10.0, 100.0), **_WORDS_ONLY),
    "words+rules-svm (C 4)": TrainConfig(**_WORDS_ONLY, **_FIXED_C),
    "words+rules-svm (C by inner CV)": TrainConfig(**_WORDS_ONLY),
    "words+chars600+rules-svm (C 4)": TrainConfig(char_scope=600, **_FIXED_C),
    "words+chars600+rules-svm (C by inner CV)": TrainConfig(char_scope=600),
    "words+chars300/8k+rules-svm (C 4)": TrainConfig(char_max_features=8000, **_FIXED_C),
    "words+chars300/8k+rules-svm (C by inner CV)": TrainConfig(char_max_features=8000),
    SHIPPED_SYSTEM: TrainConfig(),
    "rules-combiner": TrainConfig(use_words=False),
}


def compare(
    examples: Sequence[Example],
    *,
    folds: int = 5,
    seed: int = 5,
    progress: Callable[[str], None] | None = None,
    training_only: Sequence[Example] = (),
) -> list[Report]:
    """Every candidate on the same folds, each trained with ``training_only`` too; with written training
    articles given, the shipped system is also scored without them, so their effect is visible."""
    reports = []
    runs: list[tuple[str, TrainConfig | None, Sequence[Example]]] = [
        (name, config, training_only) for name, config in CANDIDATES.items()
    ]
    if training_only:
        runs.append((SHIPPED_SYSTEM + " without written articles", CANDIDATES[SHIPPED_SYSTEM], ()))
    for name, config, extra in runs:
        if progress:
            progress(f"cross-validating {name}")
        if config is None:
            reports.append(
                cross_validate(examples, TrainConfig(seed=seed), folds=folds, system=name, rules_only=True)
            )
        else:
            reports.append(
                cross_validate(examples, replace(config, seed=seed), folds=folds, system=name, training_only=extra)
            )
    return reports
