"""Whether two fingerprints are one story: the decision rule and its thresholds, in one place.

The thresholds were chosen on the `dev` half of the project's labelled pairs
(`tests/fixtures/dedupe/pairs.jsonl`, see `sorot evaluate duplicates --tune`) and checked on the `test`
half. The rule, in words:

* a near-verbatim copy (Jaccard at least `verbatim`) is one story;
* otherwise two texts whose figures disagree are not: template articles about different items, two days
  of a price report (both print at least `min_figures` numbers and share less than `figures_agree`);
* most of the text shared (Jaccard at least `jaccard_high`) is one story even under a rewritten lead: an
  outlet republishing its own article with a new headline and opening;
* much text shared (Jaccard at least `jaccard`) is one story when the leads agree (at least `lead_agree`
  of their content words): a follow-up opening with new news and carrying the earlier story is not;
* a shorter text mostly inside a longer one (containment at least `containment`, Jaccard at least
  `min_jaccard_contained`, so not one item of a compilation) is one story when the leads agree: a copy
  cut short, or carried with a paragraph added.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .fingerprint import Fingerprint, hashes

__all__ = ["DEFAULT_RULE", "Similarity", "StoryRule", "compare"]


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float | None
    figures: float | None
    lead: float | None = None


@dataclass(frozen=True)
class StoryRule:
    """Thresholds of the one-story decision (see the module docstring)."""

    verbatim: float = 0.9
    jaccard_high: float = 0.65
    jaccard: float = 0.4
    lead_agree: float = 0.6
    containment: float = 0.85
    min_jaccard_contained: float = 0.3
    figures_agree: float = 0.5
    min_figures: int = 3

    def same_story(self, similarity: Similarity) -> bool:
        if similarity.jaccard >= self.verbatim:
            return True
        if similarity.figures is not None and similarity.figures < self.figures_agree:
            return False
        if similarity.jaccard >= self.jaccard_high:
            return True
        if similarity.lead is not None and similarity.lead < self.lead_agree:
            return False
        if similarity.jaccard >= self.jaccard:
            return True
        return (similarity.containment is not None and similarity.containment >= self.containment
                and similarity.jaccard >= self.min_jaccard_contained)


DEFAULT_RULE = StoryRule()


def compare(a: Fingerprint, b: Fingerprint, min_figures: int = DEFAULT_RULE.min_figures) -> Similarity:
    """Estimated Jaccard, containment (None when a size is unknown), figure and lead agreement (None:
    unknown)."""
    jaccard = a.jaccard(b)
    containment = None
    if a.size and b.size:
        # |A∩B| = J·(|A|+|B|)/(1+J): the shared shingles, as a share of the shorter text's
        shared = jaccard * (a.size + b.size) / (1.0 + jaccard)
        containment = min(1.0, shared / min(a.size, b.size))
    figures = None
    if a.figure_count >= min_figures and b.figure_count >= min_figures:
        figures = _overlap(a.numbers, b.numbers)
    lead = _overlap(a.lead, b.lead) if a.lead and b.lead else None
    return Similarity(jaccard, containment, figures, lead)


def _overlap(x: bytes, y: bytes) -> float:
    """Jaccard similarity of two packed sets of hashes."""
    first, second = hashes(x), hashes(y)
    shared = len(np.intersect1d(first, second, assume_unique=True))
    return shared / (len(first) + len(second) - shared)
