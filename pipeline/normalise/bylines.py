"""Read ANTARA's byline footer and tidy person names from any outlet.

trafilatura leaks ANTARA's footer ("Pewarta: X Editor: Y COPYRIGHT © ANTARA 2024") into the text and
reports the author as "Pewarta X" or as the editor. The footer is also the only reliable place that tells
the reporter (pewarta) from the editor, so it is parsed rather than just stripped.

Footer variants seen on ANTARA pages:

* ``Pewarta: Rendhik Andika Editor: Ade P Marboen COPYRIGHT © ANTARA 2024``
* glued by the page's markup: ``Pewarta: Putu Indah SavitriEditor: Agus Salim Copyright © ANTARA 2026``
* a space before the colon: ``Pewarta : Rendhik Andika Editor : Ade P Marboen``
* an empty editor: ``Editor :\\xa0`` followed directly by ``COPYRIGHT``
* line breaks between the parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ANTARA_AI_NOTICE_RE",
    "ANTARA_FOOTER_RE",
    "Byline",
    "clean_person_name",
    "parse_antara_footer",
]

# Names never span lines, the gaps between the parts may. `\s` matches NBSP in str patterns, which is what
# the empty-editor variant carries. The copyright line may be missing when the footer ends the text.
ANTARA_FOOTER_RE: re.Pattern[str] = re.compile(
    r"Pewarta\s*:[^\S\n]*(?P<author>[^\n]*?)"
    r"(?:\s*Editor\s*:[^\S\n]*(?P<editor>[^\n]*?))?"
    r"(?:\s*COPYRIGHT\s*(?:©|\(c\)|&copy;)?\s*ANTARA(?:\s+News)?(?:[^\S\n]*(?P<year>\d{4}))?|\s*\Z)",
    re.IGNORECASE,
)

ANTARA_AI_NOTICE_RE: re.Pattern[str] = re.compile(
    r"Dilarang\s+keras\s+mengambil\s+konten\s*,?\s+melakukan\s+crawling\s+atau\s+pengindeksan\s+otomatis"
    r"\s+untuk\s+AI\b[^.\n]*\.?",
    re.IGNORECASE,
)

_LEADING_LABEL_RE = re.compile(
    r"^(?:Laporan\s+(?:Wartawan|Reporter|Kontributor)(?:\s+[\w-]+(?:\.[a-z]{2,}){1,2})?\s*,?\s*)?"
    r"(?:(?:Pewarta|Reporter|Penulis|Wartawan|Kontributor|Editor|Redaktur|Penyunting|Oleh|By)\b\s*[:.]?\s*)*",
    re.IGNORECASE,
)
# " - detikNews", " | Kompas.com", "/ANTARA", "(ANTARA)" after a name.
_TRAILING_OUTLET_RE = re.compile(
    r"(?:\s*[-–—|/,]\s*|\s+)(?:detik\w*|[\w-]+(?:\.[a-z]{2,}){1,2}|ANTARA(?:\s+News)?|\(ANTARA\))\s*$",
    re.IGNORECASE,
)
_EDGE_PUNCTUATION = " \t\n\xa0,;:-–—|/"


@dataclass(frozen=True)
class Byline:
    """Who wrote and who edited a story, and the copyright year ANTARA printed."""

    author: str | None
    editor: str | None
    year: int | None


def parse_antara_footer(text: str) -> Byline | None:
    """Parse the last ANTARA footer in `text`; None when there is none. Empty names become None."""
    matches = list(ANTARA_FOOTER_RE.finditer(text))
    if not matches:
        return None
    match = matches[-1]  # the footer closes the article; an earlier hit would be quoted text
    return Byline(
        author=clean_person_name(match["author"] or ""),
        editor=clean_person_name(match["editor"] or ""),
        year=int(match["year"]) if match["year"] else None,
    )


def clean_person_name(name: str) -> str | None:
    """Strip role labels and outlet tags from a byline name; None when nothing of a name is left.

    "Pewarta: Rendhik Andika" -> "Rendhik Andika", "Oleh Budi" -> "Budi", "Tim - detikNews" -> "Tim".
    """
    cleaned = " ".join(name.split()).strip(_EDGE_PUNCTUATION)
    previous = None
    while cleaned != previous:
        previous = cleaned
        cleaned = _LEADING_LABEL_RE.sub("", cleaned).strip(_EDGE_PUNCTUATION)
        cleaned = _TRAILING_OUTLET_RE.sub("", cleaned).strip(_EDGE_PUNCTUATION)
    return cleaned or None
