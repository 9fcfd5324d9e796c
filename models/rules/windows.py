"""Where in a field a rule's regex must look: windows around its needle, as wide as a match can reach.

Every match of a rule contains one of its needles (``engine.needles_of``), and how far a match (with its
lookaheads) can extend from where it starts is bounded: by fixed characters, and for each unbounded run of
one character kind (``\\s+``, ``[a-z]+``) by the field's longest run of that kind. Scanning only the windows
of that width around the needle's occurrences, merged where they touch, gives exactly the matches of a scan
of the whole field, at a fraction of the cost (``tests/models/test_rules_windows.py`` checks the equality).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

try:  # The regex parser is CPython's own; without it every rule scans the whole field (same results).
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - other interpreters
    _sre_parser = None
    _sre_constants = None

_SPACE_RUN = re.compile(r"\s{2,}")


@dataclass(frozen=True)
class Reach:
    """An upper bound on how far a regex may read from where its match starts, for one field.

    Fixed characters plus, per unbounded run of one character class (``\\s+``, ``[a-z]+``), the longest run
    of that kind the field holds: ``fixed + token * T + nonspace * W + space * S``, where ``T`` is the
    field's longest ``[0-9a-z]`` run, ``W`` its longest run without whitespace, ``S`` its longest whitespace
    run. Lookaheads count with the width of what they read.
    """

    fixed: int = 0
    token: int = 0
    nonspace: int = 0
    space: int = 0

    def __add__(self, other: Reach) -> Reach:
        return Reach(
            self.fixed + other.fixed, self.token + other.token, self.nonspace + other.nonspace, self.space + other.space
        )

    def times(self, count: int) -> Reach:
        return Reach(self.fixed * count, self.token * count, self.nonspace * count, self.space * count)

    def widest(self, other: Reach) -> Reach:
        return Reach(
            max(self.fixed, other.fixed),
            max(self.token, other.token),
            max(self.nonspace, other.nonspace),
            max(self.space, other.space),
        )


_UNIT = {"token": Reach(token=1), "nonspace": Reach(nonspace=1), "space": Reach(space=1)}
_TOKEN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
# Characters str.isspace() (and so the regex \s and str.split) treats as whitespace lie below this.
_LAST_SPACE = 0x3000


def _char_kind(ch: str) -> str:
    if ch in _TOKEN_CHARS:
        return "token"
    return "space" if ch.isspace() else "nonspace"


def _run_kind(sub: Sequence[tuple[object, object]]) -> str | None:
    """The kind of characters one repeated single-character item matches, or None when it may mix
    whitespace with other characters (its runs are then bounded by nothing cheap to know)."""
    assert _sre_constants is not None
    c = _sre_constants
    if len(sub) != 1:
        return None
    op, av = sub[0]
    if op is c.LITERAL:
        return _char_kind(chr(av))  # type: ignore[arg-type]
    if op is not c.IN:
        return None
    kinds: set[str] = set()
    for member_op, member in av:  # type: ignore[attr-defined]
        if member_op is c.LITERAL:
            kinds.add(_char_kind(chr(member)))
        elif member_op is c.RANGE:
            low, high = member
            for code in range(low, min(high, _LAST_SPACE) + 1):
                kinds.add(_char_kind(chr(code)))
            if high > _LAST_SPACE:
                kinds.add("nonspace")
        elif member_op is c.CATEGORY and member is c.CATEGORY_SPACE:
            kinds.add("space")
        elif member_op is c.CATEGORY and member in (c.CATEGORY_DIGIT, c.CATEGORY_WORD, c.CATEGORY_NOT_SPACE):
            kinds.add("nonspace")
        else:
            return None
    if kinds == {"token"}:
        return "token"
    if "space" in kinds:
        return "space" if kinds == {"space"} else None
    return "nonspace"


def _reach_of(items: Sequence[tuple[object, object]]) -> Reach | None:
    """How far a parsed (sub)pattern may read from its start (see ``Reach``); None when unbounded."""
    assert _sre_constants is not None
    c = _sre_constants
    total = Reach()
    lookahead = Reach()
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            total += Reach(fixed=1)
        elif op is c.AT:
            continue
        elif op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = av  # type: ignore[misc]
            if direction == 1:  # a lookahead reads past the current position
                read = _reach_of(sub)
                if read is None:
                    return None
                lookahead = lookahead.widest(read)
        elif op is c.SUBPATTERN or op is c.ATOMIC_GROUP:
            inner = _reach_of(av[-1] if op is c.SUBPATTERN else av)  # type: ignore[index,arg-type]
            if inner is None:
                return None
            total += inner
        elif op is c.BRANCH:
            widest = Reach()
            for alternative in av[1]:  # type: ignore[index]
                inner = _reach_of(alternative)
                if inner is None:
                    return None
                widest = widest.widest(inner)
            total += widest
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _low, high, sub = av  # type: ignore[misc]
            if high < c.MAXREPEAT:
                inner = _reach_of(sub)
                if inner is None:
                    return None
                total += inner.times(high)
            else:
                kind = _run_kind(sub)
                if kind is None:
                    return None
                total += _UNIT[kind]
        else:  # back-references, conditionals: no bound worth deriving
            return None
    # A lookahead starts at or before the match's end, so it reads at most its own width past it.
    return total + lookahead


def reach_of(regex: str) -> Reach | None:
    """The ``Reach`` of a compiled rule's regex, or None when its matches can be of any length."""
    if _sre_parser is None:  # pragma: no cover - other interpreters
        return None
    return _reach_of(_sre_parser.parse(regex))


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of ``needle`` in ``text``."""
    found = []
    at = text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


class FieldIndex:
    """What the windowed scan needs to know about one lower-cased field, each found on first request:
    where each needle occurs (rules share needles) and the longest runs that bound a ``Reach``."""

    def __init__(self, lowered_subject: str, longest_token: int) -> None:
        self.subject = lowered_subject
        self._longest_token = longest_token
        self._found: dict[str, list[int]] = {}
        self._runs: tuple[int, int] | None = None

    def positions(self, needle: str) -> list[int]:
        found = self._found.get(needle)
        if found is None:
            found = self._found[needle] = occurrences(self.subject, needle)
        return found

    def distance(self, reach: Reach) -> int:
        """How far around an anchor the windows of a rule with this reach must extend in this field."""
        distance = reach.fixed + reach.token * self._longest_token + 1
        if reach.nonspace or reach.space:
            if self._runs is None:
                words = max(map(len, self.subject.split()), default=0)
                spaces = max(map(len, _SPACE_RUN.findall(self.subject)), default=1)
                self._runs = (words, spaces)
            words, spaces = self._runs
            distance += reach.nonspace * words + reach.space * spaces
        return distance


def scan_windows(
    anchors: Sequence[str], reach: Reach | None, index: FieldIndex
) -> list[tuple[int, int]] | None:
    """The merged windows of a field a rule must scan, or None to scan the whole field.

    A match contains an anchor, so it lies within ``distance`` of one of the anchor's occurrences: windows
    that wide around each occurrence, merged where they touch, hold every match of a whole-field scan, and
    inside a window the regex never reads up to its artificial end (lookbehinds already see the text before
    a window's start, as ``Pattern.finditer(text, pos)`` lets them). Same matches, in the same order.
    """
    if reach is None:
        return None
    length = len(index.subject)
    distance = index.distance(reach)
    if 2 * distance >= length:
        return None
    spans = sorted(
        (max(0, at - distance), min(length, at + len(anchor) + distance))
        for anchor in anchors
        for at in index.positions(anchor)
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
