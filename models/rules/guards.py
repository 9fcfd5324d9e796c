"""Out-of-scope context guards for violence evidence (taxonomy: armed conflict, terrorism, clashes between
groups, police against protesters, animals, fiction and sport are not `kekerasan`).

A context cue guards violence evidence in the same sentence ("hard" kinds) or within a few words (the others,
whose words also appear in real cases: "aktris sinetron" can be beaten by her husband). A hard cue in the
title, or several in the text, also make the whole article's violence evidence count for less
(``scoring.TITLE_CONTEXT_FACTOR``), because the rest of such a story ("korban tewas", "dianiaya") is about the
same conflict even where its sentence does not say so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sorot.models.rules import scoring
from sorot.models.rules.engine import FLAGS, GUARD_WINDOW, RuleTable, find_matches
from sorot.models.rules.patterns import CONTEXT_CUES, PAST_RECORD_BEFORE, ContextCue, Rule
from sorot.models.rules.windows import FieldIndex

_SENTENCE_ENDS = (".", "!", "?", "\n")
_PAST_RECORD = re.compile(r"(?<!\w)(?:" + PAST_RECORD_BEFORE + r")$", FLAGS)
PAST_RECORD_ID = "konteks/catatan_lalu"


@dataclass(frozen=True)
class _CueHit:
    cue: ContextCue
    start: int
    end: int


def _sentence_bounds(subject: str, start: int, end: int) -> tuple[int, int]:
    left = max(subject.rfind(mark, 0, start) for mark in _SENTENCE_ENDS) + 1
    right_candidates = [pos for pos in (subject.find(mark, end) for mark in _SENTENCE_ENDS) if pos != -1]
    right = min(right_candidates) if right_candidates else len(subject)
    return left, right


class ArticleContext:
    """The context cues found in one article, and the questions the tagger asks about them."""

    def __init__(self, hits: Mapping[str, list[_CueHit]], subjects: Mapping[str, str]) -> None:
        self._hits = hits
        self._subjects = subjects

    def blocking_cue(self, field: str, start: int, end: int) -> str | None:
        """The id of a cue that puts the match at ``start:end`` out of scope, if any."""
        if _PAST_RECORD.search(self._subjects[field], max(0, start - GUARD_WINDOW), start):
            return PAST_RECORD_ID
        hits = self._hits.get(field)
        if not hits:
            return None
        sentence: tuple[int, int] | None = None
        for hit in hits:
            if hit.cue.scope == "sentence":
                if sentence is None:
                    sentence = _sentence_bounds(self._subjects[field], start, end)
                if sentence[0] <= hit.start and hit.end <= sentence[1]:
                    return hit.cue.id
            else:
                window = int(hit.cue.scope)
                if hit.start < end + window and start - window < hit.end:
                    return hit.cue.id
        return None

    @property
    def factor(self) -> float:
        """Scale for all violence evidence of the article (1.0 when its setting is ordinary)."""
        if any(hit.cue.hard for hit in self._hits.get("title", ())):
            return scoring.TITLE_CONTEXT_FACTOR
        text_hits = self._hits.get("text", ())
        hard = sum(hit.cue.hard for hit in text_hits)
        if hard >= scoring.TEXT_CONTEXT_MIN_CUES or len(text_hits) - hard >= scoring.TEXT_SOFT_CONTEXT_MIN_CUES:
            return scoring.TEXT_CONTEXT_FACTOR
        return 1.0


class ContextGuard:
    """Finds context cues (compiled once) in articles."""

    def __init__(self, cues: tuple[ContextCue, ...] = CONTEXT_CUES) -> None:
        self._cues = {cue.id: cue for cue in cues}
        self.table = RuleTable([Rule(cue.id, cue.pattern, 0.0, negatable=False) for cue in cues])

    def scan(
        self,
        present: frozenset[str],
        subjects: Mapping[str, str],
        lowered: Mapping[str, str],
        indexes: Mapping[str, FieldIndex] | None = None,
    ) -> ArticleContext:
        """Find the cues of an article (``lowered`` holds the lower-cased ``subjects``, same offsets;
        ``indexes``, when given, let each cue scan only around its needles)."""
        hits: dict[str, list[_CueHit]] = {}
        for compiled in self.table.candidates(present):
            cue = self._cues[compiled.rule.id]
            for field, subject in subjects.items():
                index = indexes.get(field) if indexes else None
                for match in find_matches(compiled, field, lowered[field], subject, index=index):
                    hits.setdefault(field, []).append(_CueHit(cue, match.start, match.end))
        return ArticleContext(hits, subjects)
