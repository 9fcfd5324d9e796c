"""Split the dateline ("Palangka Raya (ANTARA) - ") off the start of an article.

The dateline is worth keeping apart for two reasons: its place is the story's location (useful for regional
filtering), and "(ANTARA)" in it marks wire copy, which other outlets keep when they carry ANTARA stories
(a reach signal: "carried by N outlets"). Left in the text it would also pollute the first sentence.

Forms handled, all anchored at the start of the text:

* ``Place (ANTARA) -`` / ``Place (ANTARA News) -`` / ``Place (Antara Kalteng) -``, also alone on the first
  line, and other outlets' parenthesised form (``JAKARTA (Pos Kota) -``);
* ``Place, Outlet --`` (``Jakarta, CNN Indonesia --``, ``JAKARTA, KOMPAS.com -``);
* ``Outlet, Place -`` (``REPUBLIKA.CO.ID, JAKARTA --``, ``TRIBUNNEWS.COM, JAKARTA -``);
* ``Outlet -`` with no place (``KOMPAS.com -``, ``VIVA.co.id -``);
* ``Place, domain -`` with the dash lost in copying (``JAKARTA, KOMPAS.com Menteri``), and
  ``domain, Place`` likewise (``Liputan6.com, Jakarta London Love Story ...``, one word of place);
* an all-caps place and a dash without spaces (``SPANYOL– Barcelona``);
* detik style ``Jakarta -``: a short capitalised place then a dash, then a capitalised sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ANTARA_AGENCY", "Dateline", "carries_antara_dateline", "split_dateline"]

ANTARA_AGENCY = "ANTARA"

# "(ANTARA)", "(ANTARA News)", "(Antara Kalteng)", "(AntaraKL)"; the region is capitalised, so "(antaranya)"
# in running text is not a dateline.
_ANTARA = r"(?i:antara)(?:\s*(?i:news))?(?:\s*[A-Z][A-Za-z]+){0,2}"
_ANTARA_RE = re.compile(rf"{_ANTARA}")
_DOMAIN = r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,}){1,2}"  # KOMPAS.com, VIVA.co.id, JUARA.NET
_OUTLET_NAMES = (
    r"CNN\s+Indonesia|detik\w*|Rimanews|Pos\s+Kota|kumparan|Tempo|Okezone|Liputan6|Tribun\w*|Republika|Kompas\w*"
)
_OUTLET = rf"(?:{_DOMAIN}|{_ANTARA}|(?i:{_OUTLET_NAMES}))"
_PLACE_WORD = r"[A-Z][\w'’./-]*"  # "Bangsa-Bangsa/PBB", "St. Louis"
_PLACE = rf"{_PLACE_WORD}(?:(?:\s+|\s*,\s*){_PLACE_WORD}){{0,5}}"
_SHORT_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}"
_CAPS_PLACE = r"[A-Z]{3,}[A-Z'’.-]*(?:\s+[A-Z]{2,}[A-Z'’.-]*){0,2}"
_DASH = r"(?:-{1,2}|[–—])"
_SENTENCE_AHEAD = r"(?=[A-Z0-9\"“‘'])"
_LEAD = r"^[^\S\n]*\n*[^\S\n]*"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "Palangka Raya (ANTARA) -", "Singkil, Aceh, (ANTARA News) -", "JAKARTA (Pos Kota) -"
    re.compile(rf"{_LEAD}(?P<place>{_PLACE})\s*,?\s*\(\s*(?P<outlet>{_OUTLET})\s*\)[^\S\n]*{_DASH}\s*"),
    # "Jakarta, CNN Indonesia --", "JAKARTA, KOMPAS.com -"
    re.compile(rf"{_LEAD}(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_OUTLET})[^\S\n]*{_DASH}\s*"),
    # "REPUBLIKA.CO.ID, JAKARTA --"
    re.compile(rf"{_LEAD}(?P<outlet>{_OUTLET})\s*,\s*(?P<place>{_PLACE})[^\S\n]*{_DASH}\s*"),
    # "KOMPAS.com -"
    re.compile(rf"{_LEAD}(?P<outlet>{_OUTLET})[^\S\n]*{_DASH}\s*"),
    # "JAKARTA, KOMPAS.com Menteri ...": the dash lost in copying; a domain name makes it unambiguous.
    re.compile(rf"{_LEAD}(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_DOMAIN})\s+{_SENTENCE_AHEAD}"),
    # "Liputan6.com, Jakarta London Love Story...": the dash lost after "domain, Place"; one word of place.
    re.compile(rf"{_LEAD}(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>{_PLACE_WORD})\s+{_SENTENCE_AHEAD}"),
    # "SPANYOL– Barcelona", "JAKARTA –Presiden": an all-caps place then a dash, spaces optional.
    re.compile(rf"{_LEAD}(?P<place>{_CAPS_PLACE})[^\S\n]*{_DASH}[^\S\n]*{_SENTENCE_AHEAD}"),
    # detik style "Jakarta - Presiden": spaces around the dash and a capitalised sentence after it. This
    # is a heuristic: a headline-like opening such as "Persib - Persija berakhir imbang" matches too.
    re.compile(rf"{_LEAD}(?P<place>{_SHORT_PLACE})[^\S\n]+{_DASH}\s+{_SENTENCE_AHEAD}"),
)
_WIRE_RE = re.compile(rf"\(\s*{_ANTARA}\s*\)\s*(?:{_DASH}|$)", re.MULTILINE)
_OUTLET_RE = re.compile(rf"{_OUTLET}")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_VOWEL_RE = re.compile(r"[AEIOU]")
_VOWELLED_ACRONYMS = frozenset({"DKI", "DIY", "RI", "AS", "PBB", "UEA", "OKU", "OKI"})
_WIRE_WINDOW = 300
_MIN_PLACE_CHARS = 3
_MAX_PLACE_CHARS = 60


@dataclass(frozen=True)
class Dateline:
    """The dateline's place and agency, and the article text after it."""

    place: str | None
    agency: str | None
    rest: str


def split_dateline(text: str) -> Dateline:
    """Split a leading dateline off `text`; without one, place and agency are None and rest is `text`.

    A carrying outlet may print its own name before the agency's dateline ("TRIBUNKALTENG.COM - Palangka
    Raya (ANTARA) - ..."): both are split off, the place and agency coming from the second.
    """
    first = _split_once(text)
    if first.place is None and first.rest is not text:
        inner = _split_once(first.rest)
        if inner.agency is not None:
            return inner
    return first


def _split_once(text: str) -> Dateline:
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        raw_place = match.groupdict().get("place")
        if (
            raw_place is not None
            and not _MIN_PLACE_CHARS <= len(" ".join(raw_place.split())) <= _MAX_PLACE_CHARS
        ):
            continue  # "H - 2 lebaran" or a run of capitalised words, not a place: try the next form
        place = _clean_place(raw_place)
        outlet = match.groupdict().get("outlet")
        agency = ANTARA_AGENCY if outlet and _ANTARA_RE.fullmatch(outlet) else None
        return Dateline(place=place, agency=agency, rest=text[match.end() :])
    return Dateline(place=None, agency=None, rest=text)


def carries_antara_dateline(text: str) -> bool:
    """True when an ANTARA dateline ("(ANTARA) -") appears in the first 300 characters.

    Looks beyond the very start because carrying outlets often put their own prefix before it.
    """
    return _WIRE_RE.search(text[:_WIRE_WINDOW]) is not None


def _clean_place(place: str | None) -> str | None:
    """Tidy a dateline place; None when it is an outlet name ("REPUBLIKA.CO.ID, REPUBLIKA.CO.ID --")."""
    if place is None:
        return None
    place = " ".join(place.split()).strip(" ,")
    if not place or _OUTLET_RE.fullmatch(place):
        return None
    if place.isupper():
        place = _title_case(place)
    return place


def _title_case(place: str) -> str:
    """Title-case an all-caps place ("KUALA KURUN, KALTENG" -> "Kuala Kurun, Kalteng"), keeping acronyms.

    An acronym is a word without vowels (NTT, NTB) or one of the few regional ones that have them (DKI).
    """
    return _LETTERS_RE.sub(lambda m: _title_word(m.group(0)), place)


def _title_word(word: str) -> str:
    if word in _VOWELLED_ACRONYMS or not _VOWEL_RE.search(word):
        return word
    return word.capitalize()
