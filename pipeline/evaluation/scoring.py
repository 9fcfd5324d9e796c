"""Word-level scores of an extracted body against ground truth, and the checks for titles and dates.

Words are `\\w+` tokens, lower-cased, compared as multisets (a word extracted twice counts twice), the
convention of the ScrapingHub benchmark's published word-level figures. Scores are per page; a run's
figure is the mean over pages, so a long article weighs as much as a short one.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

__all__ = ["WordScore", "mean_scores", "same_instant", "same_title", "word_score"]

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'"})
#: two timestamps name the same publication time when they are this close (pages print minutes only)
SAME_INSTANT_SECONDS = 60


@dataclass(frozen=True)
class WordScore:
    precision: float
    recall: float
    f1: float


def _words(text: str) -> Counter[str]:
    return Counter(_WORD_RE.findall(text.lower()))


def word_score(predicted: str | None, truth: str) -> WordScore:
    """Precision, recall and F1 of the predicted words against the true ones (an empty prediction is 0)."""
    got, want = _words(predicted or ""), _words(truth)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return WordScore(precision, recall, f1)


def mean_scores(scores: Iterable[WordScore]) -> WordScore:
    items = list(scores)
    if not items:
        return WordScore(0.0, 0.0, 0.0)
    return WordScore(statistics.fmean(s.precision for s in items), statistics.fmean(s.recall for s in items),
                     statistics.fmean(s.f1 for s in items))


def same_title(predicted: str | None, truth: str) -> bool:
    """Equal after folding case, quotes and whitespace."""
    if not predicted:
        return False
    fold = lambda value: " ".join(value.translate(_QUOTES).casefold().split())  # noqa: E731
    return fold(predicted) == fold(truth)


def same_instant(predicted: datetime | None, truth: datetime) -> bool:
    """The same moment (within a minute) printed with the same UTC offset."""
    if predicted is None or predicted.tzinfo is None:
        return False
    return (abs((predicted - truth).total_seconds()) < SAME_INSTANT_SECONDS
            and predicted.utcoffset() == truth.utcoffset())
