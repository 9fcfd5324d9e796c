"""Near-duplicate detection: articles whose text is mostly the same join one story.

MinHash over 5-word shingles estimates Jaccard similarity; an LSH index finds candidates without comparing
every pair. Measured on real Indonesian news (landscape notes): unrelated pairs share about 0 of their
5-word shingles, syndicated copies about 0.98, light edits about 0.75, so a 0.5 threshold separates them
with a wide margin. Issue-level evaluation on labelled pairs refines this choice.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from .hashing import words

SHINGLE_WORDS = 5
NUM_PERM = 128
SIMILARITY_THRESHOLD = 0.5
_SEED = 20240904
#: datasketch's permutation scheme; stored signatures are only comparable within one scheme
_SCHEME = "affine32"


def minhash_of(text: str) -> MinHash:
    tokens = words(text)
    size = min(SHINGLE_WORDS, max(1, len(tokens)))
    shingles = {" ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))}
    signature = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature


def signature_to_bytes(signature: MinHash) -> bytes:
    return np.asarray(signature.hashvalues, dtype=np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME,
                   hashvalues=np.frombuffer(data, dtype=np.uint64).copy())


@dataclass(frozen=True)
class StoryMatch:
    story_id: str
    similar_to: str | None
    similarity: float


class StoryIndex:
    """Assigns each article to the story of its most similar earlier article, or to a new story."""

    def __init__(self, threshold: float = SIMILARITY_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._stories: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, story_id: str, signature: MinHash) -> None:
        """Register an article already assigned to a story (loaded from the warehouse)."""
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, signature)
        self._signatures[article_id] = signature
        self._stories[article_id] = story_id

    def assign(self, article_id: str, signature: MinHash) -> StoryMatch:
        """Find the story for a new article and register it."""
        best_id, best_similarity = None, 0.0
        for candidate in self._lsh.query(signature):
            similarity = signature.jaccard(self._signatures[candidate])
            if similarity >= self.threshold and (similarity, candidate) > (best_similarity, best_id or ""):
                best_id, best_similarity = candidate, similarity
        story_id = self._stories[best_id] if best_id else article_id
        self.add(article_id, story_id, signature)
        return StoryMatch(story_id, best_id, best_similarity)
