"""The article text as the dashboard shows it: masked when sensitive, evidence highlighted, always escaped.

Masking runs on the whole text first (``sorot.warehouse.excerpts.masked_text``), exactly as for report
excerpts, so the dashboard never shows what a report hides; if masking leaves a risk, no text is shown and
the original link tells the story. Highlights are placed on the masked text: the tagger's offsets when the
text is unchanged, else the evidence words found again. Every piece of scraped text is escaped by
``markupsafe``; only the ``<mark>`` and ``<p>`` tags are Sorot's own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from sorot.warehouse.excerpts import PRIVACY_NOTICE, masked_text
from sorot.warehouse.masking import is_sensitive


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class RenderedText:
    html: Markup
    masked: bool
    withheld: bool
    """True when no text is shown at all (masking could not be trusted)."""


def render_text(text: str, title: str | None, labels: Collection[str],
                evidence: Sequence[tuple[str, dict]]) -> RenderedText:
    """Paragraphs of masked, escaped text with ``<mark>`` around each label's evidence in the body."""
    shown = masked_text(text, labels, title=title)
    if shown is None:
        return RenderedText(Markup("<p class=\"notice\">{}</p>").format(PRIVACY_NOTICE), True, True)
    sensitive = is_sensitive(text, labels, title)
    spans = _spans(shown, text, evidence)
    return RenderedText(_paragraphs(shown, spans), sensitive and shown != text, False)


def _spans(shown: str, original: str, evidence: Sequence[tuple[str, dict]]) -> list[Highlight]:
    found: list[Highlight] = []
    for label, item in evidence:
        if item.get("field", "text") != "text":
            continue
        start, end, words = item.get("start"), item.get("end"), str(item.get("text") or "")
        if shown == original and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(shown) \
                and shown[start:end].lower() == words.lower():
            found.append(Highlight(start, end, label))
        elif words.strip():
            for match in re.finditer(re.escape(words), shown, re.IGNORECASE):
                found.append(Highlight(match.start(), match.end(), label))
    kept: list[Highlight] = []
    for span in sorted(found, key=lambda h: (h.start, -h.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _paragraphs(text: str, spans: list[Highlight]) -> Markup:
    pieces: list[Markup] = []
    cursor = 0
    for span in spans:
        pieces.append(escape(text[cursor:span.start]))
        pieces.append(Markup('<mark data-label="{}" title="{}">{}</mark>').format(
            span.label, span.label, text[span.start:span.end]))
        cursor = span.end
    pieces.append(escape(text[cursor:]))
    joined = Markup("").join(pieces)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", str(joined)) if p.strip()]
    return Markup("").join(Markup("<p>") + Markup(p) + Markup("</p>") for p in paragraphs)


def masked_quotes(text: str, title: str | None, labels: Collection[str],
                  quotes: Sequence[tuple[str | None, str | None, int]]) -> list[tuple[str, str | None, int]]:
    """Quoted people; in a sensitive article a name the masked text no longer holds is shown masked too."""
    if not is_sensitive(text, labels, title):
        return [(name or "-", role, mentions) for name, role, mentions in quotes]
    shown = masked_text(text, labels, title=title) or ""
    result = []
    for name, role, mentions in quotes:
        visible = name if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", shown) else "[nama disamarkan]"
        result.append((visible, role, mentions))
    return result
