"""Read ANTARA's byline footer and tidy person names from any outlet.

trafilatura leaks ANTARA's footer ("Pewarta: X Editor: Y COPYRIGHT © ANTARA 2024") into the text and
reports the author as "Pewarta X" or as the editor. The footer is also the only reliable place that tells
the reporter (pewarta) from the editor, so it is parsed rather than just stripped.

Footer variants seen on ANTARA pages:

* ``Pewarta: Rendhik Andika Editor: Ade P Marboen COPYRIGHT © ANTARA 2024``
* glued by the page's markup: ``Pewarta: Putu Indah SavitriEditor: Agus Salim Copyright © ANTARA 2026``
* a space before the colon: ``Pewarta : Rendhik Andika Editor : Ade P Marboen``
* an empty editor: ``Editor :\\xa0`` followed directly by ``COPYRIGHT``
* line breaks between the parts;
* the English site's ``Reporter: X Editor: Y Copyright © ANTARA 2026`` (also ``Translator:``).

An outlet's ParserSpec names its footer format (``footer_format="antara"``); `FOOTER_FORMATS` maps that
name to the function that splits such a footer off the end of an article, so shared extraction code never
asks which outlet it is reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "ANTARA_AI_NOTICE_RE",
    "ANTARA_FOOTER_RE",
    "FOOTER_FORMATS",
    "Byline",
    "clean_person_name",
    "parse_antara_footer",
    "split_antara_footer",
    "split_footer",
]

# Names never span lines, the gaps between the parts may. `\s` matches NBSP in str patterns, which is what
# the empty-editor variant carries. The copyright line may be missing when the footer ends the text.
ANTARA_FOOTER_RE: re.Pattern[str] = re.compile(
    r"(?:Pewarta|Reporter|Translator)\s*:[^\S\n]*(?P<author>[^\n]*?)"
    # ANTARA English: "Reporter: X, Translator: Y" (the translator is not the author)
    r"(?:[^\S\n]*,?\s*Translator\s*:[^\S\n]*(?P<translator>[^\n]*?))?"
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
    r"(?:(?:Pewarta|Reporter|Penulis|Wartawan|Kontributor|Editor|Redaktur|Penyunting|Fotografer|Oleh|By)\b"
    r"\s*[:.]?\s*)*"
    # "Kontributor Lhokseumawe, Masriadi": a contributor's town before the name
    r"(?:(?<=Kontributor )[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2},\s*)?",
    re.IGNORECASE,
)
# " - detikNews", " | Kompas.com", "/ANTARA", "(ANTARA)" after a name.
_TRAILING_OUTLET_RE = re.compile(
    r"(?:\s*[-–—|/,]\s*|\s+)(?:detik\w*|[\w-]+(?:\.[a-z]{2,}){1,2}|ANTARA(?:\s+News)?|\(ANTARA\))\s*$"
    # "Nama | CNN Indonesia", "Nama - Kompas TV": an outlet's name after a separator
    r"|\s*[-–—|/,]\s*(?:CNN\s+Indonesia|Kompas(?:\s*TV)?|Tribun\w*|Liputan6|Okezone|Republika|Tempo|VIVA|kumparan"
    r"|Suara|Merdeka|Media\s+Indonesia|PROKALTENG|Kalteng\s+Pos)\s*$",
    re.IGNORECASE,
)
_EDGE_PUNCTUATION = " \t\n\xa0,;:-–—|/"
# "Dewi Kania , Jurnalis": the role after the name
_TRAILING_ROLE_RE = re.compile(r"\s*,?\s*\b(?:Jurnalis|Wartawan|Reporter|Kontributor|Penulis)\s*$",
                               re.IGNORECASE)
# "Reporter: Budi | Editor: Ade": a second role after a separator ends the first name
_NEXT_ROLE_RE = re.compile(
    r"\s*[|/,;]\s*(?:Pewarta|Reporter|Penulis|Wartawan|Kontributor|Editor|Redaktur|Penyunting|Fotografer)\b.*$",
    re.IGNORECASE,
)


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


def split_antara_footer(text: str) -> tuple[str, Byline | None]:
    """Split ANTARA's byline footer off the end of `text`: (text before it, byline), or (text, None).

    Only a footer that closes the text counts (the AI notice may follow it): one quoted mid-article is
    text. The footer may be glued to the last sentence ("... kata dia.Pewarta: X Editor: Y").
    """
    matches = list(ANTARA_FOOTER_RE.finditer(text))
    if not matches:
        return text, None
    match = matches[-1]
    after = ANTARA_AI_NOTICE_RE.sub("", text[match.end():])
    if after.strip():
        return text, None
    byline = Byline(
        author=clean_person_name(match["author"] or ""),
        editor=clean_person_name(match["editor"] or ""),
        year=int(match["year"]) if match["year"] else None,
    )
    return text[: match.start()].rstrip(), byline


#: byline footer formats an outlet's ParserSpec may name, each splitting the footer off an article's end
FOOTER_FORMATS: dict[str, Callable[[str], tuple[str, Byline | None]]] = {"antara": split_antara_footer}


def split_footer(text: str, footer_format: str | None) -> tuple[str, Byline | None]:
    """Split the named footer format off the end of `text`; unknown or no format leaves it unchanged."""
    splitter = FOOTER_FORMATS.get(footer_format or "")
    return splitter(text) if splitter else (text, None)


def clean_person_name(name: str) -> str | None:
    """Strip role labels and outlet tags from a byline name; None when nothing of a name is left.

    "Pewarta: Rendhik Andika" -> "Rendhik Andika", "Oleh Budi" -> "Budi", "Tim - detikNews" -> "Tim".
    """
    cleaned = " ".join(name.split()).strip(_EDGE_PUNCTUATION)
    cleaned = _LEADING_LABEL_RE.sub("", cleaned).strip(_EDGE_PUNCTUATION)
    cleaned = _NEXT_ROLE_RE.sub("", cleaned)
    cleaned = _TRAILING_ROLE_RE.sub("", cleaned).strip(_EDGE_PUNCTUATION) or cleaned
    previous = None
    while cleaned != previous:
        previous = cleaned
        cleaned = _LEADING_LABEL_RE.sub("", cleaned).strip(_EDGE_PUNCTUATION)
        cleaned = _TRAILING_OUTLET_RE.sub("", cleaned).strip(_EDGE_PUNCTUATION)
    return cleaned or None
