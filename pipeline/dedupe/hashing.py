"""Content fingerprints that ignore what does not change an article: case, spacing, punctuation."""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-case word tokens; the unit both the exact hash and the shingles are built on."""
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    """SHA-1 of the article's words: two copies differing only in spacing or punctuation share it."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()
