"""Clean extracted paragraphs: the outlet's declared rules, then the trade's common boilerplate.

Order matters. Inline patterns go first (they may empty a paragraph), then the outlet's byline footer is
split off and read (it is the only reliable source of who wrote and who edited the story), then whole
paragraphs are dropped (related links, adverts, captions), then the page furniture above the text (the
headline and breadcrumbs a generic extractor keeps) and below it (initials, copyright, other stories) is
peeled off, and finally the outlet's prefix and suffix patterns trim the first and last paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sorot.crawlers.sources import ParserSpec

from ..normalise.bylines import Byline, clean_person_name, split_footer
from .boilerplate import (
    DROP_PARAGRAPH_RES,
    GLUED_INITIALS_RE,
    LEADING_RES,
    TRAILER_RES,
    agency_credit,
    is_caption,
)

__all__ = ["CleanedText", "clean_paragraphs"]

_LABELLED_NAME_RE = re.compile(
    r"^\W*(?P<role>Editor|Pewarta|Penulis|Reporter|Redaktur|Penyunting|Fotografer|Kontributor)\W*\s*:\s*"
    r"(?P<name>[^|:]{2,80}?)\W*$",
    re.IGNORECASE,
)
_EDITOR_ROLES = frozenset({"editor", "redaktur", "penyunting"})
# a reporter's name closing the text in capitals: two to four words
_SIGNATURE_RE = re.compile(r"^[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3}$")
# A trailer is short: a long closing paragraph that happens to start like one is text.
_MAX_TRAILER_CHARS = 600
# Above the text, the headline may come back with a label ("In Picture: <headline>").
_MAX_HEADLINE_EXTRA_CHARS = 40
_MAX_LEADING_SCAN = 6


@dataclass
class CleanedText:
    """The article's paragraphs, the byline read from a footer, and an agency named by a closing credit."""

    paragraphs: list[str]
    #: read from the outlet's byline footer: authoritative
    byline: Byline | None = None
    #: read from byline lines peeled off the end ("Editor: X", a signature in capitals): fills gaps only
    closing_byline: Byline | None = None
    wire_agency: str | None = None
    removed: list[str] = field(default_factory=list)


def clean_paragraphs(paragraphs: list[str], spec: ParserSpec | None, title: str | None = None) -> CleanedText:
    """Apply the outlet's rules (when `spec` is given) and the common ones, in reading order."""
    kept = [" ".join(p.split()) for p in paragraphs]
    removed: list[str] = []
    if spec is not None:
        for rule in spec.drop_inline_res:
            kept = [" ".join(rule.sub(" ", p).split()) for p in kept]
    kept = [p for p in kept if p]

    byline = None
    if spec is not None and spec.footer_format and kept:
        text, byline = split_footer("\n".join(kept), spec.footer_format)
        kept = [p for p in text.split("\n") if p.strip()]

    drop_rules = (*DROP_PARAGRAPH_RES, *(spec.drop_paragraph_res if spec is not None else ()))
    result = []
    for paragraph in kept:
        dropped = is_caption(paragraph) or any(rule.search(paragraph) for rule in drop_rules)
        (removed if dropped else result).append(paragraph)

    result = _without_leading_furniture(result, title, removed)
    trailers: list[str] = []
    result, wire_agency = _without_trailers(result, trailers)
    removed.extend(trailers)
    if result:
        result[-1] = GLUED_INITIALS_RE.sub("", result[-1]).rstrip()
    if spec is not None and result:
        for rule in spec.strip_prefix_res:
            result[0] = rule.sub("", result[0], count=1).strip()
        for rule in spec.strip_suffix_res:
            result[-1] = rule.sub("", result[-1], count=1).strip()
    return CleanedText([p for p in result if p], byline=byline, closing_byline=_closing_byline(trailers),
                       wire_agency=wire_agency, removed=removed)


def _closing_byline(trailers: list[str]) -> Byline | None:
    """Who wrote and who edited, from the byline lines removed at the end ("Editor: X", "DINI TEJA")."""
    author = editor = None
    for line in trailers:
        match = _LABELLED_NAME_RE.match(line)
        if match:
            name = clean_person_name(match["name"])
            if match["role"].casefold() in _EDITOR_ROLES:
                editor = editor or name
            else:
                author = author or name
        elif _SIGNATURE_RE.match(line):
            author = author or line.title()
    return Byline(author=author, editor=editor, year=None) if author or editor else None


def _without_leading_furniture(paragraphs: list[str], title: str | None, removed: list[str]) -> list[str]:
    """Drop the headline, labels and breadcrumbs that stand above the first paragraph of text."""
    folded_title = " ".join(title.casefold().split()) if title else None
    start = 0
    while start < min(len(paragraphs), _MAX_LEADING_SCAN):
        paragraph = paragraphs[start]
        folded = paragraph.casefold()
        is_headline = bool(folded_title) and folded_title in folded and (
            len(folded) <= len(folded_title) + _MAX_HEADLINE_EXTRA_CHARS)
        if not is_headline and not any(rule.search(paragraph) for rule in LEADING_RES):
            break
        start += 1
    if start == len(paragraphs):  # nothing but furniture: leave it for the caller to refuse
        return paragraphs
    removed.extend(paragraphs[:start])
    return paragraphs[start:]


def _without_trailers(paragraphs: list[str], removed: list[str]) -> tuple[list[str], str | None]:
    """Peel closing lines (initials, copyright, credits, other stories) off the end; note an agency credit."""
    result = list(paragraphs)
    wire_agency = None
    while len(result) > 1:
        last = result[-1]
        agency = agency_credit(last)
        is_trailer = len(last) <= _MAX_TRAILER_CHARS and any(r.search(last) for r in TRAILER_RES)
        if agency is None and not is_trailer:
            break
        wire_agency = wire_agency or agency
        removed.append(result.pop())
    return result, wire_agency
