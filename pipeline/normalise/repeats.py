"""Remove content that one article repeats inside itself.

Captured pages often carry the body twice (a lazy-loaded copy, a print view, an AMP block), sometimes with
the repetition starting mid-article and sometimes with a paragraph cut short ("... Kota Palangka"). Counting
and tagging such a page would double every keyword, so the repetition goes before anything else reads it.

What a reader wants decides the rules:

* a paragraph seen before (compared case- and whitespace-insensitively, with curly and straight quotes
  folded) is dropped wherever it recurs;
* a truncated copy (one paragraph a prefix, of at least 60 characters, of another) is the same paragraph:
  only one is kept, at the first position, and it is the longer, complete text;
* short repeated lines (under 25 characters, such as "***" separators or a one-word quote) are kept, unless
  they sit inside a repeated run, i.e. next to a removed paragraph and in the same position relative to it
  as in the earlier copy: a stray "***" is layout, a "***" inside a duplicated block is part of the copy;
* list rows are treated like short lines: a repeated line under 60 characters next to a short line that is
  not a repeat is a row of a list or table, where equal rows are real content (race results:
  "Dani Pedrosa (Repsol Honda) - finis 5" in two different races);
* a paragraph under 200 characters that occurs three times or more is part of the page's structure (an
  interview's recurring question, "Meal 1" in a meal plan), not a copy; longer ones are copies however
  often they recur (a page that carries its body three times);
* a copy may start inside a paragraph: when a later part of a paragraph, from a sentence start, begins
  like an earlier paragraph (60 characters or more), the paragraph is split there first, so the glued
  copy is found like any other; and a run of whole sentences repeated inside one paragraph is removed
  with `remove_repeated_sentences_block`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "LIST_ROW_MAX_CHARS",
    "MIN_BLOCK_REPEAT_CHARS",
    "MIN_PREFIX_CHARS",
    "MIN_REPEAT_CHARS",
    "STRUCTURAL_MAX_CHARS",
    "STRUCTURAL_REPEATS",
    "remove_repeated_paragraphs",
    "remove_repeated_sentences_block",
]

MIN_PREFIX_CHARS = 60
MIN_REPEAT_CHARS = 25
LIST_ROW_MAX_CHARS = 60
# Without paragraph breaks a repeated sentence is weak evidence (two people saying the same greeting, a
# slogan); a doubled body, the case this exists for, is always far longer.
MIN_BLOCK_REPEAT_CHARS = 60
#: a shorter paragraph seen this often is a recurring element of the page (a question, a row), not a copy
STRUCTURAL_REPEATS = 3
STRUCTURAL_MAX_CHARS = 200

_QUOTES = str.maketrans({**dict.fromkeys("“”„‟«»″〝〞＂", '"'), **dict.fromkeys("‘’‚‛′`´", "'")})
_TOKEN_RE = re.compile(r"\S+")
# Earlier sentence starts remembered per opening word pair: the first copy is among the first few, and the
# cap keeps degenerate input ("Ya. Ya. Ya. ...", thousands of "Dia mengatakan ...") from going quadratic.
_MAX_SOURCES = 16
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")


def _key(text: str) -> str:
    """The comparison form: NFC, casefolded, quotes folded, whitespace collapsed."""
    if not text.isascii():  # ASCII is already NFC and has no curly quotes: skip the two passes
        text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


@dataclass
class _Entry:
    """One distinct paragraph: its longest text so far, its first position and all its positions."""

    key: str
    text: str
    first: int
    positions: set[int] = field(default_factory=set)


def remove_repeated_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """Drop repeated and truncated-copy paragraphs, keeping the order of first appearance.

    Empty (whitespace-only) paragraphs are dropped too: they carry nothing for a reader.
    """
    paragraphs = _split_glued_copies(paragraphs)
    by_key: dict[str, _Entry] = {}
    by_head: dict[str, list[_Entry]] = {}
    entry_of: list[_Entry | None] = []  # per input position

    for position, text in enumerate(paragraphs):
        key = _key(text)
        if not key:
            entry_of.append(None)
            continue
        entry = by_key.get(key) or _prefix_match(key, text, by_head, by_key)
        if entry is None:
            entry = _Entry(key=key, text=text, first=position)
            by_key[key] = entry
            if len(_prefix_key(key)) >= MIN_PREFIX_CHARS:
                by_head.setdefault(_prefix_key(key)[:MIN_PREFIX_CHARS], []).append(entry)
        entry.positions.add(position)
        entry_of.append(entry)

    removed = _removed_positions(paragraphs, entry_of)
    result: list[str] = []
    for position, entry in enumerate(entry_of):
        if entry is None or position in removed:
            continue
        text = entry.text if entry.first == position else paragraphs[position]
        if len(text) > 2 * MIN_BLOCK_REPEAT_CHARS and _may_repeat_inside(text):
            text = remove_repeated_sentences_block(text)
        result.append(text)
    return result


# A sentence start inside a paragraph: after closing punctuation (and closing quotes), before a capital,
# a digit or an opening quote. Where a glued copy of an earlier paragraph would begin.
_SENTENCE_START_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*(?=[A-Z0-9\"“‘'])")


def _may_repeat_inside(text: str) -> bool:
    """A cheap test before the sentence-level search: does any opening of 40 characters recur?"""
    openings = [_key(text[m.end() : m.end() + 60])[:40] for m in _SENTENCE_START_RE.finditer(text)]
    openings.append(_key(text[:60])[:40])
    openings = [o for o in openings if len(o) == 40]
    return len(openings) != len(set(openings))


def _split_glued_copies(paragraphs: Sequence[str]) -> list[str]:
    """Split paragraphs where, from a sentence start inside them, the text begins an earlier paragraph."""
    heads: set[str] = set()
    result: list[str] = []
    for text in paragraphs:
        pieces = _split_at_heads(text, heads) if heads else [text]
        for piece in pieces:
            result.append(piece)
            head = _prefix_key(_key(piece))
            if len(head) >= MIN_PREFIX_CHARS:
                heads.add(head[:MIN_PREFIX_CHARS])
    return result


def _split_at_heads(text: str, heads: set[str]) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_START_RE.finditer(text):
        cut = match.end()
        if cut >= len(text) or cut - start < MIN_REPEAT_CHARS:
            continue
        head = _key(text[cut : cut + 3 * MIN_PREFIX_CHARS])[:MIN_PREFIX_CHARS]
        if len(head) == MIN_PREFIX_CHARS and head in heads:
            pieces.append(text[start:cut].strip())
            start = cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _prefix_key(key: str) -> str:
    """A key without a trailing ellipsis, so "... Kota Palangka..." still matches the full paragraph."""
    if key.endswith("..."):
        return key[:-3].rstrip()
    if key.endswith("…"):
        return key[:-1].rstrip()
    return key


def _prefix_match(
    key: str, text: str, by_head: dict[str, list[_Entry]], by_key: dict[str, _Entry]
) -> _Entry | None:
    """The earlier paragraph that `key` truncates or completes; completing one upgrades it to this text."""
    bare = _prefix_key(key)
    if len(bare) < MIN_PREFIX_CHARS:
        return None
    for entry in by_head.get(bare[:MIN_PREFIX_CHARS], ()):
        earlier = _prefix_key(entry.key)
        if earlier.startswith(bare):
            by_key[key] = entry
            return entry
        if bare.startswith(earlier):  # the earlier copy was the truncated one: keep the complete text
            entry.key, entry.text = key, text
            by_key[key] = entry
            return entry
    return None


def _removed_positions(paragraphs: Sequence[str], entry_of: list[_Entry | None]) -> set[int]:
    """Positions to drop: later occurrences of paragraphs, except short lines and list rows outside runs."""
    later = [p for p, entry in enumerate(entry_of)
             if entry is not None and entry.first != p and not _structural(entry)]
    repeated = set(later)
    removed: set[int] = set()
    short: list[int] = []
    for position in later:
        length = len(_key(paragraphs[position]))
        if length < MIN_REPEAT_CHARS or (
            length < LIST_ROW_MAX_CHARS and _is_list_row(position, paragraphs, entry_of, repeated)
        ):
            short.append(position)
        else:
            removed.add(position)

    # A short repeat joins the removal when an adjacent removed paragraph repeats its own neighbour:
    # run until nothing changes, so runs of several short lines are caught from either end.
    changed = True
    while changed:
        changed = False
        for position in short:
            if position not in removed and _inside_repeated_run(position, entry_of, removed):
                removed.add(position)
                changed = True
    return removed


def _structural(entry: _Entry) -> bool:
    return len(entry.positions) >= STRUCTURAL_REPEATS and len(entry.key) < STRUCTURAL_MAX_CHARS


def _is_list_row(
    position: int, paragraphs: Sequence[str], entry_of: list[_Entry | None], repeated: set[int]
) -> bool:
    """True when a neighbour is a short line that is not a repeat: `position` is in a list or table."""
    return any(
        0 <= n < len(paragraphs)
        and entry_of[n] is not None
        and n not in repeated
        and len(_key(paragraphs[n])) < LIST_ROW_MAX_CHARS
        for n in (position - 1, position + 1)
    )


def _inside_repeated_run(position: int, entry_of: list[_Entry | None], removed: set[int]) -> bool:
    entry = entry_of[position]
    assert entry is not None
    earlier = [p for p in entry.positions if p < position]
    for step in (-1, 1):
        neighbour = position + step
        if neighbour not in removed:
            continue
        neighbour_entry = entry_of[neighbour]
        if neighbour_entry is not None and any(p + step in neighbour_entry.positions for p in earlier):
            return True
    return False


def remove_repeated_sentences_block(text: str) -> str:
    """Remove repeated runs of sentences from text that has no paragraph breaks.

    Some sources lose the paragraph breaks, so a doubled body is one block whose second half repeats the
    first. Sentence splitting alone is not enough (a "Baca juga: ..." headline has no full stop, so the seam
    between the copies is not a sentence boundary), so a repeat is found as a run of words seen before and
    removed only when it covers whole sentences of the earlier copy: from a sentence start to a sentence end.
    A run that goes on to the end of the text is a truncated copy and is removed too, when it holds at least
    one whole sentence or is itself a sentence start of 60 characters or more. Runs shorter than 60
    characters are kept (see MIN_BLOCK_REPEAT_CHARS). Text with nothing repeated is returned unchanged.
    """
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    keys = [_key(text[start:end]) for start, end in tokens]
    count = len(keys)
    ends_sentence = [i == count - 1 or bool(_SENTENCE_END_RE.search(keys[i])) for i in range(count)]
    starts_sentence = [i == 0 or ends_sentence[i - 1] for i in range(count)]

    seen: dict[tuple[str, str], list[int]] = {}  # word pair -> positions where a sentence starts with it
    cuts: list[tuple[int, int]] = []  # token ranges [first, last) to drop
    i = 0
    while i < count:
        length = _removable_run(i, keys, seen, starts_sentence, ends_sentence)
        if length and tokens[i + length - 1][1] - tokens[i][0] >= MIN_BLOCK_REPEAT_CHARS:
            cuts.append((i, i + length))
            i += length
            continue
        if starts_sentence[i] and i + 1 < count:
            sources = seen.setdefault((keys[i], keys[i + 1]), [])
            if len(sources) < _MAX_SOURCES:
                sources.append(i)
        i += 1
    if not cuts:
        return text

    pieces: list[str] = []
    previous_end = 0
    for first, last in cuts:
        pieces.append(text[previous_end : tokens[first][0]].strip())
        previous_end = tokens[last - 1][1]
    pieces.append(text[previous_end:].strip())
    return " ".join(piece for piece in pieces if piece)


def _removable_run(
    i: int,
    keys: list[str],
    seen: dict[tuple[str, str], list[int]],
    starts_sentence: list[bool],
    ends_sentence: list[bool],
) -> int:
    """Length of the longest run from `i` that repeats whole earlier sentences (0 when there is none)."""
    count = len(keys)
    if i + 1 >= count:
        return 0
    best = 0
    for source in seen.get((keys[i], keys[i + 1]), ()):
        length = 0
        while i + length < count and source + length < i and keys[source + length] == keys[i + length]:
            length += 1
        if i + length == count - 1 and source + length < i and keys[source + length].startswith(keys[-1]):
            length += 1  # the text ends inside a word: "... Badan Pe" copies "... Badan Perencanaan"
        ends = [k for k in range(length) if ends_sentence[source + k]]
        kept = ends[-1] + 1 if ends else 0  # whole sentences only
        if i + length == count and (ends or (starts_sentence[i] and _chars(keys[i:]) >= MIN_PREFIX_CHARS)):
            kept = length  # the copy is cut off by the end of the text: its unfinished sentence goes too
        best = max(best, kept)
    return best


def _chars(keys: list[str]) -> int:
    return len(" ".join(keys))
