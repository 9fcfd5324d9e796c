"""From weighted matches to decisions: when is a label the article's subject, and how sure is the tagger.

A label is tagged when its evidence adds up to ``LABEL_THRESHOLD``. Each match contributes
``rule weight x position factor`` (x a context factor for violence in an out-of-scope setting):

- in the title: ``TITLE_FACTOR`` 1.5, since a headline names the subject;
- in the lead (the first ``LEAD_CHARS`` characters of the text): 1.0, where Indonesian news states what
  happened, to whom;
- further down: 0.5, where background and passing mentions live.

So one strong cue (weight 1.0) in the title or lead tags a label; one strong cue deep in the body does not
(a passing mention). Evidence that is all (or nearly all: less than ``PROMINENT_MIN`` in title and lead) in the
body needs ``BODY_ONLY_THRESHOLD``: three different strong cues, the body of a story that is about the label
although its headline speaks of something else. Repeats of one rule add less and less
(``REPEAT_DECAY``: a word repeated ten times is still one idea, and captured pages often repeat their body).
Overlapping matches of one label count once (the strongest), so "kekerasan terhadap perempuan" is not also
counted as "kekerasan".

Victim flags need less (``FLAG_THRESHOLD``): once violence is the subject, one clear statement of who the
victim is anywhere in the article is enough.

The confidence reported with a hit is ``1 - 0.5 ** score``: 0.5 at the threshold, 0.75 at twice it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sorot.models.rules.engine import Match

TITLE_FACTOR = 1.5
LEAD_CHARS = 500
LEAD_FACTOR = 1.0
BODY_FACTOR = 0.5
REPEAT_DECAY = (1.0, 0.5, 0.25)

LABEL_THRESHOLD = 1.0
# Evidence that stays in the body must be plentiful: unless this much of it is in the title or lead ...
PROMINENT_MIN = 0.5
# ... the label needs this much in all.
BODY_ONLY_THRESHOLD = 1.5
FLAG_THRESHOLD = 0.5

# Violence evidence in an article whose title is about armed conflict, terrorism, group clashes or protests.
TITLE_CONTEXT_FACTOR = 0.25
# ... or whose text has at least this many such cues, or this many sport/fiction/animal cues (a match report,
# a film review).
TEXT_CONTEXT_MIN_CUES = 3
TEXT_SOFT_CONTEXT_MIN_CUES = 5
TEXT_CONTEXT_FACTOR = 0.5

# Stages weigh the title more: "Polisi tangkap ..." vs "Pria dianiaya ..." is the clearest stage signal.
STAGE_TITLE_FACTOR = 2.0
STAGE_LEAD_FACTOR = 1.5
STAGE_BODY_FACTOR = 1.0
STAGE_MIN = 1.0


def position_factor(
    match: Match, title: float = TITLE_FACTOR, lead: float = LEAD_FACTOR, body: float = BODY_FACTOR
) -> float:
    if match.field == "title":
        return title
    return lead if match.start < LEAD_CHARS else body


def stage_position_factor(match: Match) -> float:
    return position_factor(match, STAGE_TITLE_FACTOR, STAGE_LEAD_FACTOR, STAGE_BODY_FACTOR)


def score(contributions: Iterable[tuple[Match, float]]) -> float:
    """Sum of contributions after overlap resolution and per-rule decay (see the module docstring)."""
    kept: list[tuple[Match, float]] = []
    for match, value in sorted(contributions, key=lambda item: -item[1]):
        if any(other.field == match.field and other.start < match.end and match.start < other.end for other, _ in kept):
            continue
        kept.append((match, value))
    per_rule: dict[str, list[float]] = defaultdict(list)
    for match, value in kept:
        per_rule[match.rule.id].append(value)
    total = 0.0
    for values in per_rule.values():
        values.sort(reverse=True)
        total += sum(value * decay for value, decay in zip(values, REPEAT_DECAY, strict=False))
    return total


def is_subject(contributions: list[tuple[Match, float]], threshold: float = LABEL_THRESHOLD) -> tuple[bool, float]:
    """Whether the evidence makes the label the article's subject, and its score (see the module docstring)."""
    total = score(contributions)
    if total < threshold:
        return False, total
    prominent = score((m, v) for m, v in contributions if m.field == "title" or m.start < LEAD_CHARS)
    return (prominent >= PROMINENT_MIN or total >= BODY_ONLY_THRESHOLD), total


def confidence(value: float) -> float:
    return round(1.0 - 0.5**value, 3)
