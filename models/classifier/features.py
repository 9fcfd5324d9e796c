"""Features of an article for the topic model: TF-IDF word n-grams, and the rules' view of each label.

Two views of one article, combined per label by the model (``model.py``):

- **Words**: TF-IDF over word unigrams and bigrams of title and text, lower-cased, with *no* stopword list
  (the common Indonesian lists drop "terhadap", "bawah", "ibu", "kasus": exactly the cues of "kekerasan
  terhadap perempuan" or "anak di bawah umur"). Tokens start with a letter, so numbers and dates do not
  become vocabulary.
- **Rules**: what the explainable tagger saw (``RuleTagger.analyse``): per label its decision, confidence and
  raw weighted evidence (also below threshold, after the context guards for armed conflict, sport, negation,
  "mantan"...), the same for the label's family, and per stage its weighted cues. A handful of numbers per
  label, so that 1,400 examples suffice to learn how far to trust them; the rules carry the Indonesian
  morphology and context that so few examples cannot teach.

The vectoriser's state is plain data (vocabulary in column order, idf weights, parameters), so a model
saves as JSON and transforms without scikit-learn's pickles; ``transform`` here reproduces scikit-learn's
``TfidfVectorizer(sublinear_tf=True, norm="l2")`` exactly (a test checks it).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from sorot.models import taxonomy
from sorot.models.rules import RuleSignals, RuleTagger, Tagging
from sorot.models.rules.engine import blank_noise

TOKEN_PATTERN = r"(?u)\b[^\W\d_][\w-]*\b"
WORD_PARAMS: dict[str, Any] = {
    "lowercase": True,
    "token_pattern": TOKEN_PATTERN,
    "ngram_range": (1, 2),
    "stop_words": None,
}


def document(title: str, text: str, scope: int = 0) -> str:
    """The string the word features see: title then text, "Baca juga" and credit lines blanked.

    With ``scope`` > 0, only the title and the first ``scope`` characters of the text (the lead, where
    Indonesian news states what happened, to whom): the view of the character n-grams.
    """
    body = blank_noise(text or "")
    if scope:
        body = body[:scope]
    return f"{blank_noise(title or '')}\n{body}"


CHAR_PARAMS: dict[str, Any] = {"lowercase": True, "analyzer": "char_wb"}


@dataclass
class WordVectorizer:
    """TF-IDF over word n-grams (or, with ``kind="char_wb"``, character n-grams inside word boundaries,
    which see Indonesian morphology: dianiaya / penganiayaan / menganiaya share "aniaya"), fitted with
    scikit-learn, applied from plain data. ``scope`` > 0 limits the view to the title and lead
    (``document``)."""

    vocabulary: list[str]
    idf: np.ndarray
    ngram_max: int = 2
    kind: str = "word"
    ngram_min: int = 1
    scope: int = 0
    _index: dict[str, int] = field(default_factory=dict, repr=False)
    _analyzer: Any = field(default=None, repr=False)
    # char_wb n-grams depend on the word alone: each word's in-vocabulary columns (repeated as often as the
    # n-gram occurs in it), computed once per process
    _memo: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {term: i for i, term in enumerate(self.vocabulary)}
        self.idf = np.asarray(self.idf, dtype=np.float64)

    @classmethod
    def fit(
        cls,
        documents: Sequence[str],
        *,
        max_features: int,
        min_df: int = 2,
        max_df: float = 0.5,
        ngram_max: int = 2,
        kind: str = "word",
        ngram_min: int = 1,
        scope: int = 0,
    ) -> WordVectorizer:
        from sklearn.feature_extraction.text import TfidfVectorizer

        base = WORD_PARAMS if kind == "word" else CHAR_PARAMS
        params = {**base, "ngram_range": (ngram_min, ngram_max)}
        fitted = TfidfVectorizer(
            **params,
            min_df=min_df,
            max_df=max_df,
            max_features=max_features,
            sublinear_tf=True,
            dtype=np.float64,
        ).fit(documents)
        vocabulary = [""] * len(fitted.vocabulary_)
        for term, index in fitted.vocabulary_.items():
            vocabulary[index] = term
        return cls(vocabulary, fitted.idf_, ngram_max, kind, ngram_min, scope)

    @property
    def analyzer(self) -> Any:
        if self._analyzer is None:
            from sklearn.feature_extraction.text import CountVectorizer

            base = WORD_PARAMS if self.kind == "word" else CHAR_PARAMS
            self._analyzer = CountVectorizer(
                **{**base, "ngram_range": (self.ngram_min, self.ngram_max)}
            ).build_analyzer()
        return self._analyzer

    def document(self, title: str, text: str) -> str:
        return document(title, text, self.scope)

    def documents(self, blanked: Sequence[tuple[str, str]]) -> Iterable[str]:
        """``document`` of (title, text) pairs whose noise lines are already blanked (``blank_noise``)."""
        scope = self.scope
        return (f"{title}\n{text[:scope] if scope else text}" for title, text in blanked)

    def transform(self, documents: Iterable[str]) -> sp.csr_matrix:
        """Rows of l2-normalised sublinear TF-IDF, as scikit-learn computes them."""
        if self.kind == "char_wb":
            columns, counts, bounds = self._char_counts(documents)
        else:
            columns, counts, bounds = self._word_counts(documents)
        data = (1.0 + np.log(counts)) * self.idf[columns]
        rows = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(bounds) - 1))
        norms[norms == 0] = 1.0
        data /= norms[rows]
        matrix = sp.csr_matrix((data, columns, bounds), shape=(len(bounds) - 1, len(self.vocabulary)))
        matrix.sort_indices()
        return matrix

    def _word_analyzer(self) -> Any:
        """scikit-learn's word analyzer (lower case, ``TOKEN_PATTERN``, n-grams joined by a space) for
        unigrams and bigrams, with the bigrams joined in C rather than in a Python loop: same terms, faster."""
        if self.ngram_min != 1 or self.ngram_max > 2:
            return self.analyzer
        tokens_of = re.compile(TOKEN_PATTERN).findall
        if self.ngram_max == 1:
            return lambda doc: tokens_of(doc.lower())

        def analyze(doc: str) -> list[str]:
            tokens = tokens_of(doc.lower())
            return tokens + list(map(" ".join, itertools.pairwise(tokens)))

        return analyze

    def _word_counts(self, documents: Iterable[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Columns, counts and row bounds of the documents' in-vocabulary terms: every term of a batch is
        looked up in one pass (``map``) and counted with one ``np.unique``, with no Python loop per term."""
        analyze, index = self._word_analyzer(), self._index
        terms: list[str] = []
        lengths: list[int] = []
        for doc in documents:
            found = analyze(doc)
            terms.extend(found)
            lengths.append(len(found))
        looked_up = np.fromiter(map(index.get, terms, itertools.repeat(-1)), dtype=np.int64, count=len(terms))
        return self._counted(looked_up, lengths)

    def _counted(self, columns: np.ndarray, lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(columns, counts, row bounds) from the columns of each row's terms, in row order (-1: unknown)."""
        width = len(self.vocabulary)
        rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        known = columns >= 0
        keys, counts = np.unique(rows[known] * width + columns[known], return_counts=True)
        bounds = np.searchsorted(keys // width, np.arange(len(lengths) + 1))
        return (keys % width).astype(np.int32), counts.astype(np.float64), bounds

    def _char_counts(self, documents: Iterable[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Columns, counts and row bounds of the documents' char_wb n-grams, as scikit-learn counts them
        (lower case, split on white space, each word padded with one space). A word's n-grams depend on the
        word alone, and the words of news repeat, so each word's in-vocabulary columns are cut once per
        process (``_memo``) and a batch is counted with one ``np.unique``."""
        memo, index, analyze = self._memo, self._index, self.analyzer
        if len(memo) > 500_000:
            memo.clear()
        found: list[int] = []
        lengths: list[int] = []
        for doc in documents:
            before = len(found)
            for word, times in Counter(doc.lower().split()).items():
                columns = memo.get(word)
                if columns is None:
                    columns = tuple(index[g] for g in analyze(word) if g in index)
                    memo[word] = columns
                found.extend(columns * times if times > 1 else columns)
            lengths.append(len(found) - before)
        return self._counted(np.asarray(found, dtype=np.int64), lengths)

    def to_data(self) -> dict[str, Any]:
        return {
            "vocabulary": self.vocabulary,
            "idf": self.idf.tolist(),
            "ngram_max": self.ngram_max,
            "kind": self.kind,
            "ngram_min": self.ngram_min,
            "scope": self.scope,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> WordVectorizer:
        return cls(
            list(data["vocabulary"]),
            np.asarray(data["idf"], dtype=np.float64),
            int(data["ngram_max"]),
            str(data.get("kind", "word")),
            int(data.get("ngram_min", 1)),
            int(data.get("scope", 0)),
        )


RULE_VIEW = ("tagged", "evidence", "family_tagged", "family_evidence", "confidence", "subtype_evidence")
_SUBTYPES = {"kekerasan": taxonomy.VIOLENCE_SUBTYPES, "gender": taxonomy.GENDER_SUBTYPES}


def rule_view(label: str, tagging: Tagging, signals: RuleSignals) -> list[float]:
    """The rules' opinion on one label, as the few numbers a per-label combiner weighs (``RULE_VIEW``).

    ``subtype_evidence`` is the strongest raw evidence of any subtype of the label's family, tagged or not:
    a subtype implies its family (taxonomy), so a family head should hear of "dianiaya" found below the
    subtype's threshold as much as of the family's own words.
    """
    return article_rule_views([label], tagging, signals)[0]


def article_rule_views(labels: Sequence[str], tagging: Tagging, signals: RuleSignals) -> list[list[float]]:
    """``rule_view`` of several labels of one article (what it has in common computed once)."""
    if not tagging.labels and not signals.label_scores:  # most news: the rules saw nothing at all
        return [[0.0] * len(RULE_VIEW) for _ in labels]
    hits = {hit.label: hit.score for hit in tagging.labels}
    scores = signals.label_scores
    strongest = {
        family: min(max((scores.get(s, 0.0) for s in subtypes), default=0.0), 3.0) / 3.0
        for family, subtypes in _SUBTYPES.items()
    }
    views = []
    for label in labels:
        family = taxonomy.family_of(label) or label
        views.append(
            [
                1.0 if label in hits else 0.0,
                min(scores.get(label, 0.0), 3.0) / 3.0,
                1.0 if family in hits else 0.0,
                min(scores.get(family, 0.0), 3.0) / 3.0,
                hits.get(label, 0.0),
                strongest.get(family, 0.0),
            ]
        )
    return views


def rule_views(label: str, analysed: Sequence[tuple[Tagging, RuleSignals]]) -> np.ndarray:
    return np.array([rule_view(label, tagging, signals) for tagging, signals in analysed]).reshape(
        -1, len(RULE_VIEW)
    )


def stage_view(tagging: Tagging, signals: RuleSignals) -> list[float]:
    """The rules' stage cues (scaled) and their chosen stage (one-hot): the stage head's input."""
    cues = [min(signals.stage_scores.get(stage, 0.0), 6.0) / 6.0 for stage in taxonomy.STAGES]
    return cues + [1.0 if tagging.tahap == stage else 0.0 for stage in taxonomy.STAGES]


def stage_views(analysed: Sequence[tuple[Tagging, RuleSignals]]) -> np.ndarray:
    return np.array([stage_view(tagging, signals) for tagging, signals in analysed]).reshape(
        -1, 2 * len(taxonomy.STAGES)
    )


def analyse_all(tagger: RuleTagger, items: Iterable[tuple[str, str]]) -> list[tuple[Tagging, RuleSignals]]:
    return [tagger.analyse(title, text) for title, text in items]
