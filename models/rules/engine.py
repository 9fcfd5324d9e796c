"""Compiles the pattern tables and finds their matches in one article, fast.

Running a few hundred regular expressions over every article costs about 15 ms in CPython (each pass scans
the whole text), far from the thousand articles per second the pipeline needs. Most rules cannot match most
articles, though, and that can be known cheaply: every pattern contains literal words (its *needles*: one of
``aniaya``/``pukul`` ... must be in the text). At compile time the engine derives each rule's needles from the
parsed regex; per article it tokenises the text once, looks every distinct token up in a memo of "which needles
does this token contain", and runs only the rules whose needles are all present. The regex stays the single
source of truth, so a rule can never be skipped on an article where it would have matched.

A rule that may match is then run only where it can match: every match contains one of the rule's needles,
and how far a match can reach is bounded by the field itself (its longest runs of letters and of spaces), so
the regex scans only windows around the needle's occurrences (``str.find`` is far cheaper than a regex pass
over the whole text). The windows are wide enough to give exactly the matches of a whole-text scan
(``windows.py``); a pattern whose matches can be of any length scans the whole field.

Patterns run on an ASCII-lower-cased copy of each field (same length, so offsets hold; about 40% faster than
IGNORECASE), and "Baca juga" lines are blanked with spaces rather than removed, for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from sorot.models.rules.patterns import NEGATION_AFTER, NEGATION_BEFORE, NOISE_LINE, Rule
from sorot.models.rules.windows import FieldIndex, Reach, reach_of, scan_windows

try:  # The regex parser is CPython's own; without it every rule simply runs (slower, same results).
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - other interpreters
    _sre_parser = None
    _sre_constants = None

FLAGS = re.IGNORECASE
# How far before/after a match the guards look (a few words).
GUARD_WINDOW = 60
# Shortest needle worth indexing ("uu", "%"-free acronyms); one-letter needles say nothing.
MIN_NEEDLE = 2

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TOKEN = re.compile(r"[0-9a-z]+")
_WORD_LIST = re.compile(r"[0-9a-z]+(?:\|[0-9a-z]+)*")
# Prefix of exact-token needles (see needles_of).
EXACT = "="
_NEEDLE_SEGMENT = re.compile(r"[0-9a-z]+")
_NOISE = re.compile(NOISE_LINE)
_NEGATION_BEFORE = re.compile(r"(?<!\w)(?:" + NEGATION_BEFORE + r")$", FLAGS)
_NEGATION_AFTER = re.compile(NEGATION_AFTER + r"(?!\w)", FLAGS)

Requirement = frozenset[str]


# ---------------------------------------------------------------------------------------------------------
# Needles: literal words every match of a pattern must contain
# ---------------------------------------------------------------------------------------------------------


def _selectivity(requirement: Requirement) -> tuple[int, int]:
    """Longer needles are rarer in text; fewer alternatives are rarer still."""
    return (min(len(needle) for needle in requirement), -len(requirement))


def _requirements(items: Iterable[tuple[object, object]]) -> list[Requirement]:
    """Sets of needles such that every match contains at least one needle of each set."""
    assert _sre_constants is not None
    c = _sre_constants
    found: list[Requirement] = []
    run: list[str] = []

    def flush() -> None:
        for segment in _NEEDLE_SEGMENT.findall("".join(run).lower()):
            if len(segment) >= MIN_NEEDLE:
                found.append(frozenset({segment}))
        run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        # The parser factors a common prefix out of alternatives ("ipg|idg" -> "i" + "pg|dg"): give it back
        # to each alternative, or short alternatives would yield no needle.
        prefix = [(c.LITERAL, ord(ch)) for ch in run]
        flush()
        if op is c.SUBPATTERN:
            found.extend(_requirements(av[-1]))  # type: ignore[index]
        elif op is c.ATOMIC_GROUP:
            found.extend(_requirements(av))  # type: ignore[arg-type]
        elif op is c.BRANCH:
            alternatives = [_requirements(prefix + list(alternative)) for alternative in av[1]]  # type: ignore[index]
            if alternatives and all(alternatives):
                best = [max(alternative, key=_selectivity) for alternative in alternatives]
                found.append(frozenset().union(*best))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:  # type: ignore[index]
            found.extend(_requirements(av[2]))  # type: ignore[index]
    flush()
    return found


def needles_of(pattern: str) -> tuple[Requirement, ...]:
    """The needle sets of a pattern, most selective first; empty when nothing can be derived.

    A pattern that is only a list of words ("pug|arg", "tppo") gets *exact* needles ("=pug"): short acronyms
    are substrings of many ordinary words ("arg" in "harga"), but as whole tokens they are rare.
    """
    if _WORD_LIST.fullmatch(pattern):
        return (frozenset(EXACT + word for word in pattern.split("|")),)
    if _sre_parser is None:  # pragma: no cover - other interpreters
        return ()
    requirements = set(_requirements(_sre_parser.parse(pattern, FLAGS)))
    return tuple(sorted(requirements, key=_selectivity, reverse=True))


def check_lowercase(pattern: str) -> None:
    """Patterns run on lower-cased text (faster than IGNORECASE), so their letters must be lower case."""
    letters = re.sub(r"\\.", "", pattern)
    if any(ch.isupper() for ch in letters):
        raise ValueError(f"pattern has upper-case letters (write it in lower case): {pattern!r}")


# ---------------------------------------------------------------------------------------------------------
# Compiled rules
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    regex: re.Pattern[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    requirements: tuple[Requirement, ...]
    # The literal strings whose occurrences anchor the windows a scan looks at (the most selective needle
    # set, exact-token marks removed), and how far around them to look; no reach: scan the whole field.
    anchors: tuple[str, ...] = ()
    reach: Reach | None = None

    def possible(self, present: frozenset[str] | set[str]) -> bool:
        """Whether the article holds the needles this rule needs."""
        return all(not requirement.isdisjoint(present) for requirement in self.requirements)


def compile_rule(rule: Rule) -> CompiledRule:
    """Compile one rule, adding the word boundaries every pattern gets (see patterns.py).

    The enclitic "-nya" may end any word ("mencabulinya", "dianiayanya", "kekerasannya"), so every pattern
    accepts it before its closing boundary. The pattern runs on lower-cased text; its guards run on the
    original text (case-insensitively, or case-sensitively inside ``(?-i:...)``).
    """
    check_lowercase(rule.pattern)
    regex = re.compile(r"(?<!\w)(?:" + rule.pattern + r")(?:nya)?(?!\w)")
    before = re.compile(r"(?<!\w)(?:" + rule.unless_before + r")\s*$", FLAGS) if rule.unless_before else None
    after = re.compile(r"(?:" + rule.unless_after + r")(?!\w)", FLAGS) if rule.unless_after else None
    requirements = needles_of(rule.pattern)
    anchors = tuple(sorted(needle.removeprefix(EXACT) for needle in requirements[0])) if requirements else ()
    reach = reach_of(regex.pattern) if anchors else None
    return CompiledRule(rule, regex, before, after, requirements, anchors, reach)


class RuleTable:
    """A group of compiled rules with an index from needle to the rules that need it."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        ids = [rule.id for rule in rules]
        duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
        if duplicates:
            raise ValueError(f"duplicate rule ids: {duplicates}")
        self.rules: tuple[CompiledRule, ...] = tuple(compile_rule(rule) for rule in rules)
        self.always: tuple[int, ...] = tuple(i for i, r in enumerate(self.rules) if not r.requirements)
        index: dict[str, list[int]] = {}
        for i, compiled in enumerate(self.rules):
            if compiled.requirements:
                for needle in compiled.requirements[0]:
                    index.setdefault(needle, []).append(i)
        self._index = {needle: tuple(positions) for needle, positions in index.items()}

    @property
    def needles(self) -> set[str]:
        return {needle for compiled in self.rules for req in compiled.requirements for needle in req}

    def candidates(self, present: frozenset[str]) -> list[CompiledRule]:
        """Rules that may match an article whose needles are ``present``, in table order."""
        chosen: set[int] = set(self.always)
        for needle in present:
            for i in self._index.get(needle, ()):
                if i not in chosen and self.rules[i].possible(present):
                    chosen.add(i)
        return [self.rules[i] for i in sorted(chosen)]


class NeedleFinder:
    """Which needles an article contains, through a memo of token -> needles (tokens repeat across news)."""

    def __init__(self, needles: Iterable[str], memo_limit: int = 300_000) -> None:
        needles = set(needles)
        self._exact = {needle[len(EXACT) :] for needle in needles if needle.startswith(EXACT)}
        grouped: dict[str, list[str]] = {}
        for needle in sorted(needles - {EXACT + word for word in self._exact}):
            grouped.setdefault(needle[:MIN_NEEDLE], []).append(needle)
        self._by_prefix = {prefix: tuple(group) for prefix, group in grouped.items()}
        self._memo: dict[str, tuple[str, ...]] = {}
        self._memo_limit = memo_limit

    def _needles_in_token(self, token: str) -> tuple[str, ...]:
        hits: list[str] = []
        by_prefix = self._by_prefix
        for i in range(len(token) - MIN_NEEDLE + 1):
            group = by_prefix.get(token[i : i + MIN_NEEDLE])
            if group:
                hits.extend(needle for needle in group if token.startswith(needle, i))
        if token in self._exact:
            hits.append(EXACT + token)
        if token.endswith("nya") and token[:-3] in self._exact:
            hits.append(EXACT + token[:-3])
        return tuple(hits)

    def find(self, lowered_texts: Iterable[str]) -> frozenset[str]:
        return self.scan(lowered_texts)[0]

    def scan(self, lowered_texts: Iterable[str]) -> tuple[frozenset[str], int]:
        """The needles present, and the longest ``[0-9a-z]`` run of the texts (it bounds a ``Reach``)."""
        memo = self._memo
        if len(memo) > self._memo_limit:
            memo.clear()
        present: set[str] = set()
        tokens: set[str] = set()
        for text in lowered_texts:
            tokens.update(_TOKEN.findall(text))
        for token in tokens:
            hits = memo.get(token)
            if hits is None:
                hits = memo[token] = self._needles_in_token(token)
            if hits:
                present.update(hits)
        return frozenset(present), max(map(len, tokens), default=0)


# ---------------------------------------------------------------------------------------------------------
# Matching one article
# ---------------------------------------------------------------------------------------------------------


def blank_noise(text: str) -> str:
    """Blank "Baca juga:" and credit lines with spaces, keeping every offset of the rest unchanged."""
    if not _NOISE.search(text):
        return text
    return _NOISE.sub(lambda m: " " * (m.end() - m.start()), text)


def lowered(text: str) -> str:
    """ASCII lower case: same length as the input, so token positions stay valid."""
    return text.translate(_ASCII_LOWER)


@dataclass(frozen=True)
class Match:
    """One accepted match of one rule in one field (``title`` or ``text``)."""

    rule: Rule
    field: str
    start: int
    end: int


_OPEN_QUOTES = "'\"‘“"
_CLOSE_QUOTES = "'\"’”"


def _negated(subject: str, start: int, end: int) -> bool:
    """Negated ("tidak ada kekerasan") or in scare quotes ("Real Madrid 'Dihajar' Barcelona")."""
    before = subject[max(0, start - 2) : start].rstrip()[-1:]
    after = subject[end : end + 2].lstrip()[:1]
    if before and after and before in _OPEN_QUOTES and after in _CLOSE_QUOTES:
        return True
    if _NEGATION_BEFORE.search(subject, max(0, start - GUARD_WINDOW), start):
        return True
    return _NEGATION_AFTER.match(subject, end, min(len(subject), end + GUARD_WINDOW)) is not None


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


MaskLookup = Callable[[str], Sequence[tuple[int, int]]]


def _raw_matches(compiled: CompiledRule, lowered_subject: str, index: FieldIndex | None) -> Iterator[re.Match[str]]:
    windows = scan_windows(compiled.anchors, compiled.reach, index) if index is not None else None
    if windows is None:
        yield from compiled.regex.finditer(lowered_subject)
        return
    for start, end in windows:
        yield from compiled.regex.finditer(lowered_subject, start, end)


def find_matches(
    compiled: CompiledRule,
    field: str,
    lowered_subject: str,
    subject: str,
    masks: MaskLookup | None = None,
    index: FieldIndex | None = None,
) -> Iterator[Match]:
    """Matches of one rule in one field that pass the rule's own guards and the shared negation guard.

    ``lowered_subject`` is ``lowered(subject)`` (same offsets); ``masks`` gives the spans of a named mask in
    this field (computed on demand, since few matches need them); ``index`` (the ``FieldIndex`` of the same
    field) lets the rule scan only the windows around its needles instead of the whole field.
    """
    rule = compiled.rule
    for found in _raw_matches(compiled, lowered_subject, index):
        start, end = found.span()
        if start == end:
            continue
        if compiled.before and compiled.before.search(subject, max(0, start - GUARD_WINDOW), start):
            continue
        if compiled.after and compiled.after.match(subject, end, min(len(subject), end + GUARD_WINDOW)):
            continue
        if rule.negatable and _negated(subject, start, end):
            continue
        if rule.outside and masks is not None and any(_inside(masks(name), start, end) for name in rule.outside):
            continue
        yield Match(rule, field, start, end)
