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

    def transform(self, documents: Iterable[str]) -> sp.csr_matrix:
        """Rows of l2-normalised sublinear TF-IDF, as scikit-learn computes them."""
        analyze, index = self.analyzer, self._index
        counts: list[int] = []
        indices: list[int] = []
        indptr = [0]
        for doc in documents:
            found = Counter(analyze(doc))
            for term in found.keys() & index.keys():
                indices.append(index[term])
                counts.append(found[term])
            indptr.append(len(indices))
        columns = np.asarray(indices, dtype=np.int32)
        data = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * self.idf[columns]
        bounds = np.asarray(indptr)
        rows = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(bounds) - 1))
        norms[norms == 0] = 1.0
        data /= norms[rows]
        matrix = sp.csr_matrix((data, columns, bounds), shape=(len(bounds) - 1, len(self.vocabulary)))
        matrix.sort_indices()
        return matrix

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


RULE_VIEW = ("tagged", "evidence", "family_tagged", "family_evidence", "confidence")


def rule_view(label: str, tagging: Tagging, signals: RuleSignals) -> list[float]:
    """The rules' opinion on one label, as the few numbers a per-label combiner weighs (``RULE_VIEW``)."""
    family = taxonomy.family_of(label) or label
    hits = {hit.label: hit.score for hit in tagging.labels}
    return [
        1.0 if label in hits else 0.0,
        min(signals.label_scores.get(label, 0.0), 3.0) / 3.0,
        1.0 if family in hits else 0.0,
        min(signals.label_scores.get(family, 0.0), 3.0) / 3.0,
        hits.get(label, 0.0),
    ]


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
