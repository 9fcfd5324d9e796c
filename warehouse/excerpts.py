"""Short excerpts of article text for reports and digests, with the victims'-privacy default.

Anything Sorot republishes must not undo an outlet's care for victims (Pedoman Pemberitaan Ramah Anak 2019,
KEJ Pasal 5): children and victims of sexual crimes are never to be identifiable. Until proper masking of
names, schools and villages exists, the safe default is to show no text at all for such articles.
"""

from __future__ import annotations

import re
from collections.abc import Collection

PRIVATE_LABELS = frozenset({"korban_anak", "kekerasan_seksual"})
"""Labels whose articles never get a text excerpt (child victims, victims of sexual violence)."""

PRIVACY_NOTICE = (
    "Cuplikan tidak ditampilkan untuk melindungi identitas korban (Pedoman Pemberitaan Ramah Anak)."
)
"""Shown instead of the excerpt; fixed text so that nothing from the article leaks through."""

ELLIPSIS = "…"

# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets) before whitespace.
# Abbreviations such as "Kab." may split a sentence early; that only makes an excerpt shorter.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")


def is_private(labels: Collection[str]) -> bool:
    """True when the article's labels say its text may identify a protected victim."""
    return not PRIVATE_LABELS.isdisjoint(labels)


def excerpt(text: str, labels: Collection[str], max_chars: int = 280) -> str:
    """The article's first whole sentences that fit in ``max_chars``, or the privacy notice.

    Whole sentences read better in a clipping than a hard cut; when even the first sentence is too long it
    is cut at a word boundary and ends with an ellipsis, so the result never exceeds ``max_chars``.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    if is_private(labels):
        return PRIVACY_NOTICE
    flat = _WHITESPACE.sub(" ", text or "").strip()
    if len(flat) <= max_chars:
        return flat
    picked = ""
    for sentence in _split_sentences(flat):
        candidate = f"{picked} {sentence}" if picked else sentence
        if len(candidate) > max_chars:
            break
        picked = candidate
    return picked or _cut_at_word(flat, max_chars)


def _split_sentences(text: str) -> list[str]:
    """Split on sentence ends, keeping the closing punctuation with its sentence."""
    pieces = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start:match.end()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _cut_at_word(text: str, max_chars: int) -> str:
    """Cut before ``max_chars`` at the last space, leaving room for the ellipsis."""
    room = max_chars - len(ELLIPSIS)
    if room <= 0:
        return ELLIPSIS[:max_chars]
    head = text[:room]
    space = head.rfind(" ")
    if space > room // 2:
        head = head[:space]
    return head.rstrip(" ,;:-–—") + ELLIPSIS
