"""What is kept of an article to find its near-copies later: a MinHash, its size and its figures.

A MinHash over 5-word shingles estimates how much text two articles share (Jaccard similarity). Two
things it cannot see decide many real cases, so they are kept beside it:

* the number of shingles, which turns the Jaccard estimate into containment (how much of the shorter
  text is in the longer): a copy cut short or carried with an added paragraph shares little of the
  longer text's shingles but almost all of its own;
* the article's figures (prices, counts, dates as digits), as a small set of hashes: detik's daily gold
  price and its template sale articles ("kulkas" one day, "mesin cuci" the next) share most sentences but
  not their numbers, while a copy, even re-dated, keeps nearly all of them;
* the content words of its lead (the first 40 words after the dateline): a follow-up opens with new
  news and then carries the earlier article as background, so it shares much text but not its lead,
  while a copy, a re-dated copy or a syndicated copy keeps the lead, at most reworded.

Everything fits in one blob for the warehouse (`to_bytes`/`from_bytes`); blobs of the earlier layout
(the MinHash alone) still load, with size and figures unknown. The figure and lead hashes are held packed
(sorted, distinct, as little-endian 64-bit integers in `bytes`): the loader keeps one fingerprint per
stored article in memory, and a set of Python integers would take ten times the room.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash

from ..normalise.dateline import split_dateline
from .hashing import words

__all__ = [
    "LEAD_WORDS",
    "MAX_NUMBERS",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "Fingerprint",
    "fingerprint",
    "from_bytes",
    "hashes",
    "to_bytes",
]

SHINGLE_WORDS = 5
NUM_PERM = 128
#: at most this many figure hashes are kept (the smallest, a bottom-k sample when an article has more)
MAX_NUMBERS = 48
_SEED = 20240904
#: datasketch's permutation scheme; stored signatures are only comparable within one scheme
_SCHEME = "affine32"
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
LEAD_WORDS = 40
# function words that say nothing about what a lead reports (compared leads use content words only)
_STOPWORDS = frozenset((
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "dalam", "akan",
    "tidak", "juga", "oleh", "karena", "sebagai", "atau", "telah", "sudah", "bisa", "ada", "para",
    "saat", "tersebut", "bahwa", "lebih", "menjadi", "hingga", "serta", "kata", "ia", "dia", "mereka",
    "kami", "kita", "the", "a", "an", "of", "to", "in", "and", "is", "for", "on", "that", "by", "with",
    "as", "at", "be", "was", "are", "it", "its"
))
_MAGIC = b"SFP2"
_MINHASH_BYTES = NUM_PERM * 8


@dataclass(frozen=True)
class Fingerprint:
    """A MinHash signature, the number of distinct shingles (0: unknown), the hashes of the figures and of
    the lead's content words (packed, see `hashes`; empty: unknown)."""

    minhash: MinHash
    size: int = 0
    numbers: bytes = b""
    lead: bytes = b""

    @property
    def hashvalues(self) -> np.ndarray:
        return self.minhash.hashvalues

    @property
    def figure_count(self) -> int:
        return len(self.numbers) // 8

    def jaccard(self, other: Fingerprint) -> float:
        return float(self.minhash.jaccard(other.minhash))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The seeded permutations, drawn once per process: drawing them is most of a new MinHash's cost."""
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def _minhash(hashvalues: np.ndarray | None = None) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashvalues=hashvalues,
                   permutations=_permutations())


def _update(signature: MinHash, hashed: list[int]) -> None:
    """Fold already-hashed shingles into `signature` (datasketch's update, minus its hashing)."""
    if not hashed:
        return
    hashfunc = signature.hashfunc
    try:
        signature.hashfunc = int  # the values are already datasketch's 32-bit SHA-1 hashes
        signature.update_batch(hashed)
    finally:
        signature.hashfunc = hashfunc


def _shingles(text: str) -> set[str]:
    tokens = words(text)
    size = min(SHINGLE_WORDS, max(1, len(tokens)))
    return {" ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))}


def _hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")


def hashes(packed: bytes) -> np.ndarray:
    """The sorted, distinct hashes of a packed field (`Fingerprint.numbers`, `Fingerprint.lead`)."""
    return np.frombuffer(packed, dtype="<u8")


def _packed(values: Iterable[int], limit: int | None = None) -> bytes:
    """Distinct hashes, sorted, at most `limit` of them (the smallest: a bottom-k sample), packed."""
    unique = np.unique(np.fromiter(values, dtype=np.uint64))
    return unique[:limit].astype("<u8").tobytes()


def _lead(text: str) -> bytes:
    opening = words(split_dateline(text[:2000].strip()).rest)[:LEAD_WORDS]
    return _packed(_hash(w) for w in opening if w not in _STOPWORDS and not w.isdigit())


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of an article's text (the same text always gives the same fingerprint)."""
    shingles = _shingles(text)
    signature = _minhash()
    # datasketch's own hash (the first four bytes of SHA-1, little-endian), computed here in one pass:
    # the same values, so stored signatures stay comparable, at a fraction of the per-item call cost.
    sha1 = hashlib.sha1
    hashed = [int.from_bytes(sha1(s.encode("utf-8")).digest()[:4], "little") for s in shingles]
    _update(signature, hashed)
    figures = _packed((_hash(t.replace(",", ".")) for t in _NUMBER_RE.findall(text)), MAX_NUMBERS)
    return Fingerprint(signature, size=len(shingles), numbers=figures, lead=_lead(text))


def to_bytes(value: Fingerprint) -> bytes:
    """The warehouse blob: the MinHash values, then a marker, the size, the figure and lead hashes."""
    head = np.asarray(value.minhash.hashvalues, dtype=np.uint64).tobytes()
    counts = struct.pack("<III", value.size, len(value.numbers) // 8, len(value.lead) // 8)
    return head + _MAGIC + counts + value.numbers + value.lead


def from_bytes(data: bytes) -> Fingerprint:
    """Read a blob of either layout; an unreadable one gives a fingerprint that matches nothing."""
    if len(data) < _MINHASH_BYTES:
        return _unreadable(data)
    values = np.frombuffer(data[:_MINHASH_BYTES], dtype=np.uint64).copy()
    try:
        minhash = _minhash(values)
    except ValueError:  # values no MinHash of this scheme can hold: the blob is damaged
        return _unreadable(data)
    tail = data[_MINHASH_BYTES:]
    if not tail.startswith(_MAGIC) or len(tail) < len(_MAGIC) + 12:
        return Fingerprint(minhash)
    size, count, lead_count = struct.unpack_from("<III", tail, len(_MAGIC))
    start = len(_MAGIC) + 12
    middle, end = start + 8 * count, start + 8 * (count + lead_count)
    if len(tail) < end:  # cut short: the MinHash and size stand, the hashes are unknown
        return Fingerprint(minhash, size=size)
    return Fingerprint(minhash, size=size, numbers=bytes(tail[start:middle]), lead=bytes(tail[middle:end]))


def _unreadable(data: bytes) -> Fingerprint:
    """A fingerprint for a damaged blob that matches no real text, nor another damaged blob.

    Its slots are drawn from a hash of the blob: the same bytes give the same fingerprint, but any two
    different blobs (or a blob and a text) agree on a slot only by chance (about one in four billion).
    """
    digest = hashlib.shake_128(b"sorot-unreadable-fingerprint:" + data).digest(NUM_PERM * 4)
    values = np.frombuffer(digest, dtype="<u4").astype(np.uint64)
    return Fingerprint(_minhash(values))
