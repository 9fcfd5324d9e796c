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
    learner: str = "svm"  # or "logreg" or "cnb" (complement naive Bayes); compared in MODEL_CARD.md
    c: float = 4.0
    # Per-label choice of ``c`` among these by inner cross-validation (the F1 of the stacked head at its
    # best threshold, on the training data only); empty: ``c`` as given.
    c_grid: tuple[float, ...] = (1.0, 4.0, 16.0)
    # Character n-grams (char_wb, this range) of the title and the first ``char_scope`` characters of the
    # text, beside the words; None: words only. They see Indonesian affixes (dianiaya / penganiayaan /
    # menganiaya share "aniaya") where the words see three unrelated terms.
    char_ngrams: tuple[int, int] | None = (3, 5)
    char_scope: int = 300
    char_max_features: int = 20000
    class_weight: str | None = "balanced"
    min_positives: int = 8
    stage_c: float = 2.0
    # Written training articles (``models/data/synthetic``) teach the word models; with this on, they do
    # not count towards ``min_positives`` and thresholds and C are chosen on the real articles' scores only
    # (written articles are cleaner than real news, so a threshold fitted on them would sit too high).
    real_thresholds: bool = True


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
    chars = None
    if config.use_words and config.char_ngrams:
        chars = WordVectorizer.fit(
            [document(title, text, config.char_scope) for title, text in items],
            max_features=config.char_max_features,
            ngram_min=config.char_ngrams[0],
            ngram_max=config.char_ngrams[1],
            kind="char_wb",
            scope=config.char_scope,
            min_df=2 if len(items) >= 50 else 1,
        )
    model = TopicModel(
        version="", words=words, use_rules=config.use_rules, heads={}, stage=None, chars=chars
    )
    model._tagger = tagger
    matrix = model.word_matrix(items)
    weights = np.array([e.weight for e in examples])
    real = np.array([not (config.real_thresholds and e.origin == "synthetic") for e in examples])

    for label in taxonomy.LABELS:
        y = np.array([label in e.labels for e in examples], dtype=int)
        positives = int(y.sum())
        real_positives = int(y[real].sum())
        if real_positives < config.min_positives or positives > len(y) - config.min_positives:
            model.heads[label] = LabelHead("rules", positives=positives)
            continue
        views = rule_views(label, analysed) if config.use_rules else np.zeros((len(y), 0))
        model.heads[label] = _fit_head(matrix if model.vectorizers else None, views, y, weights, config, real)
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
            "written": sum(e.origin == "synthetic" for e in examples),
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
            **({"chars": model.chars.vocabulary} if model.chars else {}),
            "memory": sorted(model.memory.items()),
        },
        sort_keys=True,
    )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:10]
    return f"{MODEL_NAME}-v{taxonomy.TAXONOMY_VERSION}-{digest}"


def _digest(array: np.ndarray | None) -> str | None:
    return None if array is None else hashlib.sha256(np.asarray(array, dtype="<f8").tobytes()).hexdigest()


class _ComplementNB:
    """Complement naive Bayes as a linear scorer (``coef_``, ``intercept_``, ``decision_function``)."""

    def __init__(self, alpha: float) -> None:
        self.alpha = alpha

    def fit(self, matrix, y, sample_weight=None) -> _ComplementNB:
        from sklearn.naive_bayes import ComplementNB

        fitted = ComplementNB(alpha=self.alpha).fit(matrix, y, sample_weight=sample_weight)
        # ComplementNB scores a class by its complement's (negated) log probabilities: the difference of
        # the two rows is a linear decision, positive for the label
        log_prob = fitted.feature_log_prob_
        self.coef_ = (log_prob[1] - log_prob[0]).reshape(1, -1)
        self.intercept_ = np.zeros(1)
        return self

    def decision_function(self, matrix) -> np.ndarray:
        return np.asarray(matrix @ self.coef_.ravel()).ravel() + self.intercept_[0]


def _learner(config: TrainConfig, c: float | None = None):
    c = config.c if c is None else c
    if config.learner == "svm":
        from sklearn.svm import LinearSVC

        return LinearSVC(C=c / 10, class_weight=config.class_weight, random_state=config.seed)
    if config.learner == "cnb":
        return _ComplementNB(alpha=1.0 / c)
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=c,
        solver="liblinear",
        class_weight=config.class_weight,
        random_state=config.seed,
        max_iter=1000,
    )


def _fit_head(
    matrix,
    views: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    config: TrainConfig,
    scored: np.ndarray | None = None,
) -> LabelHead:
    """A stacked head: word model, combiner on cross-validated word decisions + rule view, CV threshold.

    With ``config.c_grid``, each candidate ``c`` is scored by the F1 (at its best threshold) of the stacked
    head's cross-validated probabilities on these training examples, and the best is kept (the smallest on
    ties): the choice never sees an article outside ``y``. ``scored`` marks the examples whose
    cross-validated probabilities choose the threshold and ``c`` (all by default).
    """
    if scored is None:
        scored = np.ones(len(y), dtype=bool)
    from sklearn.model_selection import StratifiedKFold

    folds = max(2, min(config.inner_folds, int(y.sum()), int(len(y) - y.sum())))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=config.seed)
    splits = list(splitter.split(np.zeros(len(y)), y))
    if matrix is None:
        calibrated = _calibrated(views, y, weights, splits)
        combiner = _combiner().fit(views, y, sample_weight=weights)
        return LabelHead("stacked", best_threshold(calibrated[scored], y[scored]), None, 0.0, _packed(combiner))
    best = None
    for c in config.c_grid or (config.c,):
        oof = np.zeros(len(y))
        for train_rows, test_rows in splits:
            learner = _learner(config, c).fit(matrix[train_rows], y[train_rows], sample_weight=weights[train_rows])
            oof[test_rows] = learner.decision_function(matrix[test_rows])
        inputs = np.column_stack([oof, views])
        calibrated = _calibrated(inputs, y, weights, splits)
        threshold = best_threshold(calibrated[scored], y[scored])
        quality = _f1(calibrated[scored] >= threshold, y[scored])
        if best is None or quality > best[0] + 1e-9:
            best = (quality, c, inputs, threshold)
    _quality, c, inputs, threshold = best
    learner = _learner(config, c).fit(matrix, y, sample_weight=weights)
    # rounded to float32 now, as the artefact stores it, so a saved model decides like the trained one; and
    # first to 1e-7, below which liblinear leaves run-to-run noise (1e-17) on weights that are really zero,
    # so that the same data and seed give the same file byte for byte
    coef = np.asarray(np.round(learner.coef_, 7) + 0.0, dtype=np.float32).astype(np.float64).ravel()  # no -0.0
    intercept = round(float(np.ravel(learner.intercept_)[0]), 9)
    combiner = _combiner().fit(inputs, y, sample_weight=weights)
    return LabelHead("stacked", threshold, coef, intercept, _packed(combiner))


def _calibrated(inputs: np.ndarray, y: np.ndarray, weights: np.ndarray, splits) -> np.ndarray:
    """The combiner's cross-validated probabilities on the training examples."""
    calibrated = np.zeros(len(y))
    for train_rows, test_rows in splits:
        combiner = _combiner().fit(inputs[train_rows], y[train_rows], sample_weight=weights[train_rows])
        calibrated[test_rows] = combiner.predict_proba(inputs[test_rows])[:, 1]
    return calibrated


def _packed(combiner) -> np.ndarray:
    return np.concatenate([combiner.coef_.ravel(), combiner.intercept_]).astype(np.float32).astype(np.float64)


def _f1(predicted: np.ndarray, y: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, predicted.astype(int), zero_division=0))


def _combiner():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)


def best_threshold(probabilities: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the best F1 on a grid; among equally good ones, the middle (a stable choice)."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = [_f1(probabilities >= threshold, y) for threshold in grid]
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
