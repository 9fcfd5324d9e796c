"""Short excerpts of article text for reports, digests and dashboards, with victims' details masked.

Anything Sorot republishes must not undo an outlet's care for victims (Pedoman Pemberitaan Ramah Anak 2019,
KEJ Pasal 5): children and victims of sexual crimes are never to be identifiable. Every excerpt therefore
passes through ``sorot.warehouse.masking``: in a sensitive article (by its labels or by its wording) names,
initials with ages, schools, villages, addresses and identifying relations are masked before the text is cut.
When a cue survives the masking, the safe fallback is the fixed notice: no text at all rather than a leak.
Headlines are the outlet's own words and are shown as published; only Sorot's excerpt is masked.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from sorot.warehouse.masking import MASKS, PRIVATE_LABELS, mask_if_sensitive

__all__ = ["ELLIPSIS", "PRIVACY_NOTICE", "PRIVATE_LABELS", "excerpt", "is_private", "masked_text"]

PRIVACY_NOTICE = (
    "Cuplikan tidak ditampilkan untuk melindungi identitas korban (Pedoman Pemberitaan Ramah Anak)."
)
"""Shown instead of the excerpt when masking could not be trusted; fixed text so nothing leaks through."""

ELLIPSIS = "…"

# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets) before whitespace.
# Abbreviations such as "Kab." may split a sentence early; that only makes an excerpt shorter.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")


def is_private(labels: Collection[str]) -> bool:
    """True when the article's labels say its text may identify a protected victim."""
    return not PRIVATE_LABELS.isdisjoint(labels)


def masked_text(text: str | None, labels: Collection[str], *, title: str | None = None) -> str | None:
    """The whole text with victims' details masked, or None when masking left a risk (show nothing then).

    Other text-derived outputs (who was quoted) read this, so that they cannot hold what excerpts hide.
    """
    result = mask_if_sensitive(text or "", labels, title=title)
    return None if result.residual_risk else result.text


def excerpt(text: str | None, labels: Collection[str], max_chars: int = 280, *,
            title: str | None = None) -> str:
    """The article's first whole sentences that fit in ``max_chars``, masked, or the privacy notice.

    Masking runs on the whole text before cutting, so that a name introduced late ("korban, Bunga (12)") is
    also masked where it appears early. Whole sentences read better in a clipping than a hard cut; when even
    the first sentence is too long it is cut at a word boundary and ends with an ellipsis, so the result never
    exceeds ``max_chars``.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    return excerpt_of_masked(masked_text(text, labels, title=title), max_chars)


def excerpt_of_masked(masked: str | None, max_chars: int = 280) -> str:
    """``excerpt`` of a text ``masked_text`` already masked (None: the privacy notice).

    The weekly summary masks each labelled article once and reuses the result for its excerpt and for the
    quoted speakers: masking is the costly part at a million articles.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    if masked is None:
        return PRIVACY_NOTICE
    flat = _WHITESPACE.sub(" ", masked).strip()
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
    head = _without_torn_mask(head)
    return head.rstrip(" ,;:-–—") + ELLIPSIS


def _without_torn_mask(head: str) -> str:
    """Drop a mask cut in half ('[nama disa…'): a torn mask reads like a glitch, not like a mask."""
    opening = head.rfind("[")
    if opening != -1 and "]" not in head[opening:] and any(mask.startswith(head[opening:]) for mask in MASKS):
        return head[:opening]
    return head
