"""Whitespace, paragraph and title clean-up shared by every later stage.

Extracted article text arrives with the web's typographic debris: non-breaking spaces between words,
zero-width characters inside words (they break keyword rules and hashes silently), CRLF line ends and
site names glued onto titles. Everything downstream (dedupe hashes, the rule tagger, reports) assumes the
clean form produced here, so these functions are deliberately small and deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "KNOWN_TITLE_SITES",
    "join_paragraphs",
    "normalise_whitespace",
    "split_paragraphs",
    "strip_title_suffix",
]

# Invisible characters that carry no meaning in Indonesian/English news text but split words for any
# tokenizer: zero-width space/non-joiner/joiner, word joiner, BOM, LRM/RLM marks, soft hyphen.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u00ad]")
# Every horizontal space-like character (NBSP, narrow NBSP, figure space, ideographic space, tabs...).
_HSPACE_RE = re.compile(r"[^\S\n]+")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|[\u2028\u2029\x0b\x0c\x85]")
_BLANK_RUN_RE = re.compile(r"\n{3,}")
_PARAGRAPH_SPLIT_RE = re.compile(r"\n+")

# Site names that outlets append to <title>/og:title. Matched only after a separator, at the very end.
KNOWN_TITLE_SITES: tuple[str, ...] = (
    r"ANTARA News(?: [A-Z][A-Za-z]+){0,3}",  # "ANTARA News", "ANTARA News Kalimantan Tengah"
    r"Kompas\.(?:com|id|tv)(?: [A-Z][a-z]+)?",  # "Kompas.com Regional"
    r"detik(?:com|\.com|[A-Z][A-Za-z]+)",  # detikNews, detikKalimantan, detikcom
    r"Tribun[A-Za-z]*\.com",  # Tribunnews.com, Tribunkalteng.com
    r"Tempo(?:\.co)?",
    r"Liputan6(?:\.com)?",
    r"Okezone(?:\.com)?",
    r"Republika(?:\.co\.id| Online)?",
    r"VIVA(?:\.co\.id)?",
    r"CNN Indonesia",
    r"kumparan(?:\.com)?",
    r"Suara\.com",
    r"Merdeka\.com",
    r"JPNN(?:\.com)?",
    r"Media Indonesia",
    r"PROKALTENG(?:\.CO)?",
    r"Kalteng Pos",
    r"Borneonews(?:\.co\.id)?",
    # any bare domain name after a separator is a site name, never the end of a headline ("| ihram.co.id")
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z]{2,3}){1,2}",
)
# A dash or bar with a space on at least one side: "Pemkot-Antara" is a word,
# "Judul- Tribunkalteng.com" ends in a suffix.
_SEPARATOR = r"(?:\s+[-–—|]\s*|[-–—|]\s+)"


def normalise_whitespace(text: str) -> str:
    """Return `text` in NFC with invisible characters removed and spaces folded, line by line.

    Line structure is kept because paragraph breaks carry meaning; more than one blank line is folded to one
    since extra blank lines never do. Each line is stripped, so a single paragraph comes back trimmed.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _LINE_BREAK_RE.sub("\n", text)
    lines = [_HSPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(lines)).strip("\n")


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines or single newlines; extractors are inconsistent about which one they emit."""
    return [p for p in _PARAGRAPH_SPLIT_RE.split(normalise_whitespace(text)) if p]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Join with one blank line: the storage form that `split_paragraphs` reads back unchanged."""
    return "\n\n".join(paragraphs)


_KNOWN_SUFFIX_RE = re.compile(
    rf"{_SEPARATOR}(?:{'|'.join(f'(?:{site})' for site in KNOWN_TITLE_SITES)})\s*$", re.IGNORECASE
)

# The pager's label that split-article pages add to their title: "Judul - Halaman all", "Judul Halaman 2".
_PAGE_SUFFIX_RE = re.compile(rf"(?:{_SEPARATOR}|\s+)Halaman\s+(?:all|semua|\d{{1,2}})\s*$", re.IGNORECASE)


def strip_title_suffix(title: str, suffixes: Iterable[str] = ()) -> str:
    """Remove trailing site names (" - ANTARA News", " | Kompas.com"...) so titles compare across outlets.

    Only known site names and the given `suffixes` are removed: a generic "anything after the last dash"
    rule would cut real headlines such as "Banjir di Palangka Raya - Warga mengungsi". A given suffix may be
    written with or without its separator (" - Borneonews" or "Borneonews"); any separator then matches.
    Suffixes are removed repeatedly ("Judul - detikNews | detik.com"), but never down to an empty title.
    """
    patterns = [_KNOWN_SUFFIX_RE, _PAGE_SUFFIX_RE]
    for suffix in suffixes:
        name = suffix.strip().lstrip("-–—|").strip()
        if name:
            patterns.append(re.compile(rf"{_SEPARATOR}{re.escape(name)}\s*$", re.IGNORECASE))
    current = title.strip()
    changed = True
    while changed:
        changed = False
        for pattern in patterns:
            shorter = pattern.sub("", current).rstrip()
            if shorter != current and shorter:
                current = shorter
                changed = True
    return current
