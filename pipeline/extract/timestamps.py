"""Decide which of the dates a page carries is its publication (and modification) time.

A page offers two kinds of evidence: what it prints for readers near the headline ("Kamis, 05/11/2015
10:08 WIB") and what it declares to machines (meta tags, JSON-LD). Machines get seconds and offsets, but
outlets fill them carelessly: detik's 2015 pages label WIB wall-clock time as UTC ("2015-11-05 T10:08:58Z"),
and a photo page may declare a time half an hour away from the one it prints. So the printed time wins,
and a declared time is used to add precision when both name the same minute, or alone when nothing is
printed. Candidates that cannot be dates (31 Februari, 1970, next year) are passed over and reported.

The choice is returned as the raw text of the winning candidate, so the stored `published_text` is what the
page said, and the pipeline's one date parser reads it with the outlet's home zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice

from lxml import html

from ..normalise.dates import implausible_date_reason, parse_feed_date, parse_indonesian_datetime

__all__ = ["DateChoice", "choose_dates", "printed_dates_near"]

_HAS_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
# matched against lower-cased text: a case-insensitive alternation is several times slower in `re`
_DATE_CLASS_RE = re.compile(r"date|time|tanggal|tgl|publish|schedule|waktu|posted|jam|calendar")
_MAX_PRINTED_CHARS = 160
_SAME_MINUTE = timedelta(minutes=2)
_NEAR_TITLE_ELEMENTS = 60  # how far (in document order) from the headline a printed date may stand
_MAX_DATE_ELEMENTS = 16  # a date line is a few elements at most; bigger ones are containers
_SCOPE_LEVELS = 4  # how far above the headline its container is looked for


@dataclass
class DateChoice:
    published_text: str | None = None
    modified_text: str | None = None
    warnings: list[str] = field(default_factory=list)


def _parse(value: str, zone: str) -> datetime | None:
    return parse_indonesian_datetime(value, default_zone=zone) or parse_feed_date(value, default_zone=zone)


def _usable(values: Iterable[str], zone: str, warnings: list[str], what: str
            ) -> list[tuple[str, datetime]]:
    usable = []
    for value in values:
        parsed = _parse(value, zone)
        if parsed is None:
            continue
        reason = implausible_date_reason(parsed)
        if reason:
            warnings.append(f"{what} date candidate rejected ({reason}): {value!r}")
            continue
        usable.append((value, parsed))
    return usable


def choose_dates(printed: list[str], declared: list[str], printed_modified: list[str],
                 declared_modified: list[str], zone: str) -> DateChoice:
    """Pick the publication and modification texts from printed and declared candidates (best first)."""
    choice = DateChoice()
    printed_ok = _usable(printed, zone, choice.warnings, "printed publication")
    declared_ok = _usable(declared, zone, choice.warnings, "declared publication")
    published = _pick(printed_ok, declared_ok)
    if published is not None:
        choice.published_text = published[0]
    else:
        # Nothing usable: hand on the first raw candidate so the pipeline reports it as unreadable/rejected.
        choice.published_text = next(iter([*printed, *declared]), None)

    modified_ok = _usable([*printed_modified, *declared_modified], zone, choice.warnings, "modification")
    for text, value in modified_ok:
        if published is not None and value < published[1] - _SAME_MINUTE:
            choice.warnings.append(f"modification date rejected (before publication): {text!r}")
            continue
        choice.modified_text = text
        break
    return choice


def _pick(printed: list[tuple[str, datetime]], declared: list[tuple[str, datetime]]
          ) -> tuple[str, datetime] | None:
    if printed:
        text, value = printed[0]
        has_time = bool(_HAS_TIME_RE.search(text))
        for declared_text, declared_value in declared:
            if has_time and abs(declared_value - value) < _SAME_MINUTE:
                return declared_text, declared_value  # the same minute, with seconds
            if not has_time and declared_value.astimezone(value.tzinfo).date() == value.date():
                return declared_text, declared_value  # the printed day, with a time
        return text, value
    return declared[0] if declared else None


def printed_dates_near(tree: html.HtmlElement, anchor: html.HtmlElement | None, *, whole_page: bool = True
                       ) -> list[str]:
    """Printed date texts (with a time of day) near the headline `anchor`, nearest first.

    Looks at elements whose class or id speaks of dates and at <time> elements, then at any short text
    right after the headline (okezone prints "Penulis | Jum'at, 17 Februari 2017 - 13:30 wib" in a bare
    <span>). Listings of other stories also print dates, so distance from the headline decides: the
    the deepest shared ancestor, then the fewest siblings apart.
    """
    found = []
    scopes = _scopes(tree, anchor)
    if not whole_page:
        # The page declares its dates: a printed one is only looked for beside the headline, as a check,
        # not in the whole page (the headline's container is the whole page when it sits near the root).
        scopes = [scope for scope in scopes[:1] if scope is not tree]
    for scope in scopes:
        # matched in Python: XPath's string functions (translate, contains) are several times slower; the
        # attribute values come back as plain strings, so only the few date-like ones cost an element object
        previous = None
        for node in scope.xpath(".//time | .//@class | .//@id"):
            if isinstance(node, str):
                if not _DATE_CLASS_RE.search(node.lower()):
                    continue
                element = node.getparent()
            else:
                element = node
            if element is None or element is previous:
                continue
            previous = element
            text = _short_text(element)
            if text and _HAS_TIME_RE.search(text) and parse_indonesian_datetime(text) is not None:
                found.append((element, text))
        if found:
            break
    anchor_path = _path(anchor) if anchor is not None else []
    candidates = [(_distance(_path(element), anchor_path), text) for element, text in found]
    if anchor is not None:
        for steps, element in enumerate(_following(anchor), start=1):
            if steps > _NEAR_TITLE_ELEMENTS:
                break
            text = _short_text(element)
            if text and _HAS_TIME_RE.search(text) and parse_indonesian_datetime(text) is not None:
                candidates.append(((_FAR, steps), text))  # after the marked ones
                break
    candidates.sort(key=lambda item: item[0])
    seen: list[str] = []
    for _, text in candidates:
        if text not in seen:
            seen.append(text)
    return seen


_FAR = 10**6


def _scopes(tree: html.HtmlElement, anchor: html.HtmlElement | None) -> list[html.HtmlElement]:
    """Where to look, nearest first: the headline's container a few levels up, then the whole page.

    The article's date is printed next to its headline; looking there first is also far cheaper than
    walking a page of several thousand elements.
    """
    if anchor is None:
        return [tree]
    scopes = []
    element = anchor
    for _ in range(_SCOPE_LEVELS):
        parent = element.getparent()
        if parent is None:
            break
        element = parent
    if element is not tree:
        scopes.append(element)
    scopes.append(tree)
    return scopes


def _path(element: html.HtmlElement) -> list[int]:
    """The element's position from the root: the index of each ancestor among its siblings."""
    path = []
    while True:
        parent = element.getparent()
        if parent is None:
            break
        path.append(parent.index(element))
        element = parent
    path.reverse()
    return path


def _distance(path: list[int], anchor: list[int]) -> tuple[int, int]:
    """Closeness in the tree: a deeper shared ancestor first, then fewer siblings apart below it."""
    shared = 0
    while shared < min(len(path), len(anchor)) and path[shared] == anchor[shared]:
        shared += 1
    mine = path[shared] if shared < len(path) else -1
    theirs = anchor[shared] if shared < len(anchor) else -1
    apart = abs(mine - theirs)
    return (-shared, apart)


def _short_text(element: html.HtmlElement) -> str | None:
    """The element's text when it is short (a date line), without building the text of big containers."""
    if not isinstance(element.tag, str) or sum(1 for _ in islice(element.iter(), _MAX_DATE_ELEMENTS)) >= (
            _MAX_DATE_ELEMENTS):
        return None
    text = " ".join(element.text_content().split())
    return text if 0 < len(text) <= _MAX_PRINTED_CHARS else None


def _following(anchor: html.HtmlElement) -> Iterable[html.HtmlElement]:
    for element in anchor.itersiblings():
        yield element
        yield from element.iterdescendants()
    parent = anchor.getparent()
    if parent is not None:
        for element in parent.itersiblings():
            yield element
            yield from element.iterdescendants()
