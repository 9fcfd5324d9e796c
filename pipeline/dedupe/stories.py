"""Near-duplicate detection: articles that are versions of one piece of writing join one story.

An LSH index over MinHash signatures finds candidate earlier articles without comparing every pair; each
candidate is then judged with the full rule of `similarity` (Jaccard, containment, figures). The index
retrieves at a lower Jaccard than the rule accepts, so copies cut short (low Jaccard, high containment)
are still found.

The loader stores each article's fingerprint (`signature_to_bytes`) and rebuilds the index from the
warehouse at start (`signature_from_bytes`, then `StoryIndex.add`); a new article is placed with
`StoryIndex.assign`. These names are kept from the first version of this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from datasketch import MinHashLSH

from .fingerprint import NUM_PERM, SHINGLE_WORDS, Fingerprint, fingerprint, from_bytes, to_bytes
from .similarity import DEFAULT_RULE, Similarity, StoryRule, compare

__all__ = [
    "CANDIDATE_THRESHOLD",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "SIMILARITY_THRESHOLD",
    "StoryIndex",
    "StoryMatch",
    "minhash_of",
    "signature_from_bytes",
    "signature_to_bytes",
]

#: Jaccard above which LSH must return a candidate: below the rule's lowest accepted Jaccard
CANDIDATE_THRESHOLD = 0.25
#: the Jaccard at which texts of unknown size are one story (kept for callers of the first version)
SIMILARITY_THRESHOLD = DEFAULT_RULE.jaccard


def minhash_of(text: str) -> Fingerprint:
    """The article's fingerprint (a MinHash with its size and figures)."""
    return fingerprint(text)


def signature_to_bytes(signature: Fingerprint) -> bytes:
    return to_bytes(signature)


def signature_from_bytes(data: bytes) -> Fingerprint:
    return from_bytes(data)


@dataclass(frozen=True)
class StoryMatch:
    story_id: str
    similar_to: str | None
    similarity: float


class StoryIndex:
    """Assigns each article to the story of its most similar earlier article, or to a new story."""

    def __init__(self, threshold: float | None = None, rule: StoryRule = DEFAULT_RULE) -> None:
        # `threshold` (first version): the Jaccard that makes one story
        self.rule = rule if threshold is None else StoryRule(**{**rule.__dict__, "jaccard": threshold})
        self.threshold = self.rule.jaccard
        self._lsh = MinHashLSH(threshold=min(CANDIDATE_THRESHOLD, self.rule.min_jaccard_contained),
                               num_perm=NUM_PERM)
        self._signatures: dict[str, Fingerprint] = {}
        self._stories: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, story_id: str, signature: Fingerprint) -> None:
        """Register an article already assigned to a story (loaded from the warehouse)."""
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, signature.minhash)
        self._signatures[article_id] = signature
        self._stories[article_id] = story_id

    def forget(self, article_id: str) -> None:
        """Drop an article from the index (its story stays as it is in the warehouse).

        Each indexed article costs about 12 KB of memory (the LSH bands most of it), so a loader that
        keeps years of articles may index only a recent window: copies appear within days.
        """
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)
            self._stories.pop(article_id, None)

    def match(self, signature: Fingerprint) -> tuple[str | None, Similarity | None]:
        """The most similar registered article that the rule puts in one story with `signature`."""
        best_id, best = None, None
        for candidate in self._lsh.query(signature.minhash):
            similarity = compare(signature, self._signatures[candidate], self.rule.min_figures)
            if not self.rule.same_story(similarity):
                continue
            if best is None or (similarity.jaccard, candidate) > (best.jaccard, best_id or ""):
                best_id, best = candidate, similarity
        return best_id, best

    def assign(self, article_id: str, signature: Fingerprint) -> StoryMatch:
        """Find the story for a new article and register it."""
        best_id, best = self.match(signature)
        story_id = self._stories[best_id] if best_id else article_id
        self.add(article_id, story_id, signature)
        return StoryMatch(story_id, best_id, best.jaccard if best is not None else 0.0)
