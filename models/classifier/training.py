"""Training the topic model: reproducible (same examples and seed give the same model, byte for byte).

Per label with at least ``min_positives`` examples, a linear word model (a linear SVM by default; logistic
regression as the compared alternative) is fitted on TF-IDF words, and a logistic combiner on its
*cross-validated* decisions beside the rules' view of the label (stacking: the combiner never sees a word
decision made on its own training article). The combiner's probability is therefore calibrated for unseen
articles, and the decision threshold is chosen on its cross-validated probabilities: nothing outside the
training set tunes anything. Rarer labels keep the rules' decision: a threshold chosen on two examples would
be noise, and the rules for them were written from the taxonomy.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from sorot.models import taxonomy
from sorot.models.classifier.features import WordVectorizer, document, rule_views, stage_views
from sorot.models.classifier.model import LabelHead, StageHead, TopicModel
from sorot.models.dataset import Example, data_digest, fingerprint
from sorot.models.rules import RuleSignals, RuleTagger, Tagging
from sorot.models.rules.patterns import RULES_VERSION

MODEL_NAME = "topic"


@dataclass(frozen=True)
class TrainConfig:
    """Everything that shapes a model besides its data (saved in the artefact)."""

    seed: int = 5
    inner_folds: int = 5
    use_words: bool = True
    use_rules: bool = True
    max_features: int = 12000
    ngram_max: int = 2
    learner: str = "svm"  # or "logreg"; the SVM won the comparison (MODEL_CARD.md)
    c: float = 4.0
    class_weight: str | None = "balanced"
    min_positives: int = 8
    stage_c: float = 2.0


def train(
    examples: Sequence[Example],
    config: TrainConfig | None = None,
    analysed: Sequence[tuple[Tagging, RuleSignals]] | None = None,
    tagger: RuleTagger | None = None,
) -> TopicModel:
    """Fit a model on ``examples`` (``analysed`` may pass their rule results, computed once, for speed)."""
    config = config or TrainConfig()
    if not examples:
        raise ValueError("no examples to train on")
    tagger = tagger or RuleTagger()
    items = [(e.title, e.text) for e in examples]
    if analysed is None:
        analysed = [tagger.analyse(title, text) for title, text in items]
    words = None
    if config.use_words:
        words = WordVectorizer.fit(
            [document(title, text) for title, text in items],
            max_features=config.max_features,
            ngram_max=config.ngram_max,
            min_df=2 if len(items) >= 50 else 1,
        )
    model = TopicModel(version="", words=words, use_rules=config.use_rules, heads={}, stage=None)
    model._tagger = tagger
    matrix = model.word_matrix(items)
    weights = np.array([e.weight for e in examples])

    for label in taxonomy.LABELS:
        y = np.array([label in e.labels for e in examples], dtype=int)
        positives = int(y.sum())
        if positives < config.min_positives or positives > len(y) - config.min_positives:
            model.heads[label] = LabelHead("rules", positives=positives)
            continue
        views = rule_views(label, analysed) if config.use_rules else np.zeros((len(y), 0))
        model.heads[label] = _fit_head(matrix if words else None, views, y, weights, config)
        model.heads[label].positives = positives
    model.stage = _fit_stage(analysed, examples, weights, config)
    model.memory = {
        fingerprint(e.title, e.text): (e.labels, e.tahap) for e in examples if e.origin == "correction"
    }
    model.info = {
        "name": MODEL_NAME,
        "taxonomy_version": taxonomy.TAXONOMY_VERSION,
        "rules_version": RULES_VERSION,
        "config": asdict(config),
        "training": {
            "examples": len(examples),
            "corrections": sum(e.origin == "correction" for e in examples),
            "data_sha256": data_digest(examples),
            "label_counts": {label: sum(label in e.labels for e in examples) for label in taxonomy.LABELS},
        },
    }
    model.version = model_version(model)
    return model


def model_version(model: TopicModel) -> str:
    """A version that names the model's content: same data, config and code version give the same string."""
    payload = json.dumps(
        {
            "info": model.info,
            "heads": {
                k: [v.kind, v.threshold, _digest(v.coef), _digest(v.combiner)] for k, v in model.heads.items()
            },
            "vocabulary": model.words.vocabulary if model.words else None,
            "memory": sorted(model.memory.items()),
        },
        sort_keys=True,
    )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:10]
    return f"{MODEL_NAME}-v{taxonomy.TAXONOMY_VERSION}-{digest}"


def _digest(array: np.ndarray | None) -> str | None:
    return None if array is None else hashlib.sha256(np.asarray(array, dtype="<f8").tobytes()).hexdigest()


def _learner(config: TrainConfig):
    if config.learner == "svm":
        from sklearn.svm import LinearSVC

        return LinearSVC(C=config.c / 10, class_weight=config.class_weight, random_state=config.seed)
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=config.c,
        solver="liblinear",
        class_weight=config.class_weight,
        random_state=config.seed,
        max_iter=1000,
    )


def _fit_head(
    matrix, views: np.ndarray, y: np.ndarray, weights: np.ndarray, config: TrainConfig
) -> LabelHead:
    """A stacked head: word model, combiner on cross-validated word decisions + rule view, CV threshold."""
    from sklearn.model_selection import StratifiedKFold

    folds = max(2, min(config.inner_folds, int(y.sum()), int(len(y) - y.sum())))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=config.seed)
    splits = list(splitter.split(np.zeros(len(y)), y))
    coef, intercept, inputs = None, 0.0, views
    if matrix is not None:
        oof = np.zeros(len(y))
        for train_rows, test_rows in splits:
            learner = _learner(config).fit(
                matrix[train_rows], y[train_rows], sample_weight=weights[train_rows]
            )
            oof[test_rows] = learner.decision_function(matrix[test_rows])
        learner = _learner(config).fit(matrix, y, sample_weight=weights)
        # rounded to float32 now, as the artefact stores it, so a saved model decides like the trained one
        coef = np.asarray(learner.coef_, dtype=np.float32).astype(np.float64).ravel()
        intercept = float(np.ravel(learner.intercept_)[0])
        inputs = np.column_stack([oof, views])
    calibrated = np.zeros(len(y))
    for train_rows, test_rows in splits:
        combiner = _combiner().fit(inputs[train_rows], y[train_rows], sample_weight=weights[train_rows])
        calibrated[test_rows] = combiner.predict_proba(inputs[test_rows])[:, 1]
    combiner = _combiner().fit(inputs, y, sample_weight=weights)
    packed = (
        np.concatenate([combiner.coef_.ravel(), combiner.intercept_]).astype(np.float32).astype(np.float64)
    )
    return LabelHead("stacked", best_threshold(calibrated, y), coef, intercept, packed)


def _combiner():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)


def best_threshold(probabilities: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the best F1 on a grid; among equally good ones, the middle (a stable choice)."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = []
    for threshold in grid:
        predicted = probabilities >= threshold
        tp = int(np.sum(predicted & (y == 1)))
        fp = int(np.sum(predicted & (y == 0)))
        fn = int(np.sum(~predicted & (y == 1)))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    best = max(scores)
    candidates = [float(t) for t, s in zip(grid, scores, strict=True) if s >= best - 1e-9]
    return candidates[len(candidates) // 2]


def _fit_stage(
    analysed: Sequence[tuple[Tagging, RuleSignals]],
    examples: Sequence[Example],
    weights: np.ndarray,
    config: TrainConfig,
) -> StageHead | None:
    """A multinomial head over the rules' stage cues, for articles with a family (others are `lainnya`)."""
    from sklearn.linear_model import LogisticRegression

    rows = [i for i, e in enumerate(examples) if set(e.labels) & set(taxonomy.FAMILIES)]
    stages = [examples[i].tahap for i in rows]
    if len(set(stages)) < 2:
        return None
    views = stage_views([analysed[i] for i in rows])
    learner = LogisticRegression(C=config.stage_c, max_iter=2000)
    learner.fit(views, stages, sample_weight=weights[rows])
    coef = np.asarray(learner.coef_, dtype=np.float32).astype(np.float64)
    intercept = np.asarray(learner.intercept_, dtype=np.float32).astype(np.float64)
    if len(learner.classes_) == 2:  # scikit-learn keeps one row for two classes: the second class's side
        coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
    classes = [stage for stage in taxonomy.STAGES if stage in set(stages)]
    order = [list(learner.classes_).index(stage) for stage in classes]
    return StageHead(classes, coef[order], intercept[order])
