"""Near-duplicate evaluation on the project's labelled pairs, and the search that chose the thresholds.

The pairs (`tests/fixtures/dedupe/pairs.jsonl`, texts in `texts.jsonl`) are real corpus articles: hand-
labelled real near-copies and neighbours, constructed copies (syndicated, re-dated, lightly edited, cut
short) and unrelated pairs; each belongs to a `dev` or `test` split by its group of articles. Two views
are scored:

* pairwise: the rule of `pipeline/dedupe/similarity.py` applied to each pair's fingerprints;
* stories: every text streamed through `StoryIndex` (the loader's path, where a story can also join two
  texts through a third), a pair counted as "same" when both land in one story.

`tune` searches the rule's thresholds on `dev`: the highest recall at a precision of at least 0.99,
ties broken by F1 and then by the middle of the plateau, so the chosen values are not perched on an edge.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..dedupe.fingerprint import Fingerprint, fingerprint
from ..dedupe.hashing import content_hash
from ..dedupe.similarity import DEFAULT_RULE, Similarity, StoryRule, compare
from ..dedupe.stories import StoryIndex
from .datasets import PROJECT_ROOT

__all__ = [
    "DEDUPE_FIXTURES", "LabelledPair", "PairScores", "by_kind", "evaluate_pairs", "fingerprints",
    "load_pairs",
    "story_scores", "tune",
]

DEDUPE_FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "dedupe"
SAME = "same_story"
TUNING_PRECISION = 0.99


@dataclass(frozen=True)
class LabelledPair:
    a: str
    b: str
    same: bool
    kind: str
    how: str
    split: str


@dataclass
class PairScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[tuple[LabelledPair, Similarity | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, pair: LabelledPair, predicted: bool, similarity: Similarity | None = None) -> None:
        if predicted and pair.same:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.errors.append((pair, similarity))
        elif pair.same:
            self.fn += 1
            self.errors.append((pair, similarity))
        else:
            self.tn += 1


def load_pairs(folder: Path = DEDUPE_FIXTURES) -> tuple[dict[str, str], list[LabelledPair]]:
    """The texts (id -> text) and the labelled pairs; FileNotFoundError names a missing file."""
    texts = {}
    for line in (folder / "texts.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    pairs = []
    for line in (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            pairs.append(LabelledPair(row["a"], row["b"], row["label"] == SAME, row["kind"], row["how"],
                                      row["split"]))
    return texts, pairs


def fingerprints(texts: dict[str, str]) -> dict[str, Fingerprint]:
    return {key: fingerprint(text) for key, text in texts.items()}


def evaluate_pairs(pairs: Iterable[LabelledPair], prints: dict[str, Fingerprint], texts: dict[str, str],
                   rule: StoryRule = DEFAULT_RULE) -> PairScores:
    """Pairwise decisions: an exact copy (same content hash) or the rule on the fingerprints."""
    scores = PairScores()
    for pair in pairs:
        if content_hash(texts[pair.a]) == content_hash(texts[pair.b]):
            scores.add(pair, True)
            continue
        similarity = compare(prints[pair.a], prints[pair.b], rule.min_figures)
        scores.add(pair, rule.same_story(similarity), similarity)
    return scores


def story_scores(pairs: Sequence[LabelledPair], prints: dict[str, Fingerprint], texts: dict[str, str],
                 rule: StoryRule = DEFAULT_RULE) -> PairScores:
    """Stream every text through StoryIndex (exact copies first, as the loader does) and score the pairs."""
    index = StoryIndex(rule=rule)
    by_hash: dict[str, str] = {}
    story: dict[str, str] = {}
    for key in sorted(prints):
        digest = content_hash(texts[key])
        if digest in by_hash:
            story[key] = story[by_hash[digest]]
            continue
        by_hash[digest] = key
        story[key] = index.assign(key, prints[key]).story_id
    scores = PairScores()
    for pair in pairs:
        scores.add(pair, story[pair.a] == story[pair.b])
    return scores


def by_kind(pairs: Iterable[LabelledPair], scores: PairScores) -> dict[str, tuple[int, int]]:
    """(right, total) per kind of pair."""
    wrong = Counter(pair.kind for pair, _ in scores.errors)
    total = Counter(pair.kind for pair in pairs)
    return {kind: (total[kind] - wrong[kind], total[kind]) for kind in sorted(total)}


_GRID = {
    "jaccard_high": [0.65, 0.7, 0.75, 0.8],
    "jaccard": [0.4, 0.45, 0.5, 0.55],
    "lead_agree": [0.4, 0.45, 0.5, 0.55, 0.6],
    "containment": [0.8, 0.85, 0.9],
    "min_jaccard_contained": [0.25, 0.3, 0.35],
    "figures_agree": [0.4, 0.5, 0.6],
}


def tune(pairs: Sequence[LabelledPair], prints: dict[str, Fingerprint], texts: dict[str, str]
         ) -> tuple[StoryRule, PairScores]:
    """The thresholds with the best recall at precision >= 0.99 on `pairs` (the dev split)."""
    similarities = [(pair, content_hash(texts[pair.a]) == content_hash(texts[pair.b]),
                     compare(prints[pair.a], prints[pair.b], DEFAULT_RULE.min_figures)) for pair in pairs]
    results = []
    names = list(_GRID)
    for values in itertools.product(*(_GRID[name] for name in names)):
        rule = replace(DEFAULT_RULE, **dict(zip(names, values, strict=True)))
        scores = PairScores()
        for pair, exact, similarity in similarities:
            scores.add(pair, exact or rule.same_story(similarity), similarity)
        results.append((rule, scores))
    feasible = [(r, s) for r, s in results if s.precision >= TUNING_PRECISION] or results
    best = max((s.recall, round(s.f1, 6)) for _, s in feasible)
    plateau = [(r, s) for r, s in feasible if (s.recall, round(s.f1, 6)) == best]
    # the middle of the plateau, value by value
    middle = {name: sorted(getattr(r, name) for r, _ in plateau)[len(plateau) // 2] for name in names}
    chosen = min(plateau, key=lambda item: sum(abs(getattr(item[0], n) - middle[n]) for n in names))
    return chosen
