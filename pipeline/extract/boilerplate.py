"""Boilerplate every Indonesian news page may carry, whichever outlet prints it.

Outlet-specific clean-up is declared with the outlet (ParserSpec in `crawlers/sources/`); what is here is
the common vocabulary of the trade: "Baca juga" links, advert markers, photo captions, editors' initials,
copyright and byline lines, agency credits, the headline and date repeated above the text, the list of
other stories below it. None of it is article text, so the rules are safe on unknown outlets too, and on
English pages most of them simply never match.
"""

from __future__ import annotations

import re

from ..normalise.bylines import ANTARA_AI_NOTICE_RE

__all__ = [
    "AGENCY_CREDIT_RE",
    "DROP_PARAGRAPH_RES",
    "GLUED_INITIALS_RE",
    "LEADING_RES",
    "TRAILER_RES",
    "WIRE_AGENCY",
    "agency_credit",
    "is_caption",
]

WIRE_AGENCY = "ANTARA"

_DAYS = (r"(?:Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad"
         r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
# "Selasa, 23 Februari 2016", "Kamis, 05/11/2015", "Jumat , 17 February 2017"
_DATE = rf"(?:{_DAYS}\s*,?\s*)?\d{{1,2}}(?:\s+[A-Za-z]+\.?,?\s+|\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*)\d{{4}}"
_TIME = r"(?:\s*[,|-]?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:WIB|WITA|WIT))?)"

#: paragraphs that are never article text, wherever they stand
DROP_PARAGRAPH_RES: tuple[re.Pattern[str], ...] = (
    # "Baca juga: ...", "Baca Juga", "(Baca juga: ...)", "Lihat juga: ...", "Simak juga video ..."
    re.compile(r"^\W{0,3}(?:Baca|Lihat|Simak|Tonton)\s+(?:juga|pula)\b", re.IGNORECASE),
    re.compile(r"^\s*ADVERTISEMENT\s*$", re.IGNORECASE),
    re.compile(r"^\s*SCROLL\s+TO\s+CONTINUE\s+WITH\s+CONTENT\s*$", re.IGNORECASE),
    re.compile(r"^\s*\[\s*Gambas\s*:[^\]]*\]\s*$", re.IGNORECASE),
    re.compile(rf"^\s*{ANTARA_AI_NOTICE_RE.pattern}\s*$", re.IGNORECASE),
    # a related-stories heading standing alone
    re.compile(r"^\s*(?:Jangan\s+Lewatkan|Berita\s+Terkait|Artikel\s+Terkait|Berita\s+Lainnya|Foto\s+Terkait)\W*$",
               re.IGNORECASE),
    re.compile(r"^\s*(?:Load\s+More|Read\s+More|Selengkapnya|Lihat\s+Selengkapnya|Tampilkan\s+Lebih\s+Banyak)\W*$",
               re.IGNORECASE),
    # a printed date standing alone: the page's date line, not text
    re.compile(rf"^\W*{_DATE}{_TIME}?\W*$", re.IGNORECASE),
    # punctuation alone: list bullets, separators
    re.compile(r"^[\W_]+$"),
)

#: lines that close an article page without being part of it; removed from the end, one after another
TRAILER_RES: tuple[re.Pattern[str], ...] = (
    # editors' initials: "(rdp/imk)", "(kpl/pur/tch)", "(Cas/Isk)", "(FHM)", "(ptr)"
    re.compile(r"^\(\s*[A-Za-z]{2,5}(?:\s*/\s*[A-Za-z]{2,5})*\s*\)\.?$"),
    # copyright lines: "COPYRIGHT © ANTARA 2016", "© 2007 - 2015 okezone.com, All Rights Reserved"
    re.compile(r"^\s*(?:copyright\b|©|\(c\)\s|hak\s+cipta\b)", re.IGNORECASE),
    re.compile(r"all\s+rights\s+reserved\W*$", re.IGNORECASE),
    # byline and desk lines: "Editor: Ade Marboen", "Pewarta: ...", "| Redaktur | : ..."
    re.compile(r"^\W*(?:Editor|Pewarta|Penulis|Reporter|Redaktur|Penyunting|Fotografer|Kontributor|Translator)"
               r"\W*\s*:", re.IGNORECASE),
    # comment-section disclaimers, subscription prompts and "more stories" headings
    re.compile(r"^\s*Disclaimer\s*:", re.IGNORECASE),
    re.compile(r"^\s*(?:Ikuti|Simak)\s+(?:berita|update|informasi)\b.{0,200}$", re.IGNORECASE),
    re.compile(r"^\s*(?:Simak|Baca|Lihat)\b.{0,60}\b(?:Lainnya|Terpopuler|Terkini)\W*$", re.IGNORECASE),
    re.compile(r"^\s*More\s+Stories\W*$", re.IGNORECASE),
    # a reporter's name closing the text in capitals ("DINI TEJA"), or a label in capitals ("FOTO TERKAIT:")
    re.compile(r"^[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}\s*:?$"),
    # counters and share buttons: "0", "17 Shares"
    re.compile(r"^[\d\W]*(?:SHARE|Shares?|Komentar|Comments?)?\W*$", re.IGNORECASE),
    # a row of a table printed after the text (exchange rates, a credits box): "| USD | 13396.00 |"
    re.compile(r"^\|.*\|$"),
    # an item of a list of other stories: a date, maybe a time, then a headline without a full stop
    re.compile(rf"^\W*{_DATE}{_TIME}?\s+\S.{{0,160}}[^.]$", re.IGNORECASE),
)

#: lines above the text that repeat the page's furniture: breadcrumbs, section names
LEADING_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?:[^.!?]{0,40}\s)?[>»›](?:\s[^.!?]{0,40})?$"),  # "Home >", "Berita » Nasional"
    re.compile(r"^[A-Za-z]+(?:\s[A-Za-z]+)?$"),  # one or two bare words: "Berita", "News"
)

#: the trailer glued to the last sentence: "... kata dia. (rdp/imk)"
GLUED_INITIALS_RE = re.compile(r"\s*\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+\s*\)\s*$")

#: a closing credit naming the news agency a story came from: "ANTARA", "(Antara)", "(Ant)", "Sumber: Antara"
AGENCY_CREDIT_RE = re.compile(
    r"^\W{0,2}(?:Sumber\s*:\s*)?(?:ANTARA(?:\s*News)?|Antara|Ant|ant)\W{0,3}$"
    r"|^\s*Artikel\s+ini\s+(?:telah\s+tayang|sudah\s+tayang|tayang)\s+di\s+\S*antara\S*",
)

# A photo caption: a short paragraph ending in its credit ("... Joey Alexander. Foto: Grammy",
# "(ANTARA FOTO/Makna Zaezar)", "Dian Sastro saat masih 13 tahun © instagram.com/therealdisastr").
_CAPTION_CREDIT_RE = re.compile(
    # the credit may abbreviate ("Dok. BPBD", "Ist. Humas Pemkot") but holds no new sentence
    r"(?:\(|\b)(?:Foto|FOTO|Photo|Image|Dok\.?|Dokumentasi|Ilustrasi)\s*[:/]\s*"
    r"(?:[^.!?]|\.(?!\s+[A-Z][a-z]+\s+[a-z])){1,80}\)?\.?$"
    r"|\s©\s*[\w./@-]+\s*$"
)
_CAPTION_MAX_WORDS = 40


def agency_credit(paragraph: str) -> str | None:
    """The agency a closing credit line names ("ANTARA"), or None when the line is something else."""
    return WIRE_AGENCY if AGENCY_CREDIT_RE.search(paragraph.strip()) else None


def is_caption(paragraph: str) -> bool:
    """A short paragraph that ends in a photo credit is a caption, not text."""
    return len(paragraph.split()) <= _CAPTION_MAX_WORDS and _CAPTION_CREDIT_RE.search(paragraph) is not None
