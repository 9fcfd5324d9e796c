"""Masking what identifies a protected victim in text that Sorot republishes (excerpts, snippets, quotes).

The Press Council's child-friendly reporting guideline (Pedoman Pemberitaan Ramah Anak, 2019) and KEJ Pasal 5
say that child victims, child perpetrators and victims of sexual crimes are never identified: not by name or
initials with age, nor by school, village, address or a family relation that points to them. Outlets mostly
comply, but not always, and an excerpt cut from their text must not undo the care they did take. Sorot keeps
headlines as published (they are the outlet's words, shown as a citation) but masks its own excerpts.

The rules are deliberately conservative: in a sensitive article every person given an age, every person
introduced by a victim or kinship cue, every school or village *name* and every street address is masked, and
names learned from the headline or from one mention are masked wherever they recur in the text
(case-sensitive, so a name that is also a common word, such as "Bunga" or "Indah", is masked but the word
"bunga" is not).
Over-masking costs a reader a detail; under-masking harms a child, so ``residual_risk`` flags text in which a
cue survived masking and the caller then shows no text at all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

MASK_NAME = "[nama disamarkan]"
MASK_SCHOOL = "[sekolah disamarkan]"
MASK_PLACE = "[alamat disamarkan]"
MASK_RELATION = "[hubungan keluarga disamarkan]"
MASKS = (MASK_NAME, MASK_SCHOOL, MASK_PLACE, MASK_RELATION)

PRIVATE_LABELS = frozenset({"korban_anak", "kekerasan_seksual"})
"""Tagger labels that make an article sensitive whatever its wording."""

# -- vocabulary ---------------------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}]?[{_LOWER}'’]+)?"
"""One capitalised word: 'Bunga', "Ma'ruf", 'Al-Ikhlas'."""
_INITIALS = rf"(?:[{_UPPER}]\.\s?){{1,4}}|[{_UPPER}]{{1,4}}(?![{_LOWER}{_UPPER}])"
"""Initials as outlets write them: 'AS', 'M.R.', 'R. A.'."""
_AGE_PAREN = r"\(\s*\d{1,2}(?:\s*(?:tahun|thn|th)\.?)?\s*\)"
_AGE_PHRASE = r"(?:\(\s*\d{1,2}(?:\s*(?:tahun|thn|th)\.?)?\s*\)|,\s*\d{1,2}\s+tahun\b)"


def _wordset(words: str) -> frozenset[str]:
    """A set from a block of words separated by spaces and line breaks (long lists stay readable)."""
    return frozenset(words.split())


# Capitalised words that open a sentence or a title after a cue but are never a person's name.
NOT_NAMES = _wordset("""
Ada Adapun Agar Akan Akibat Akhirnya Aksi Anak Atas Atau Ayah Bahkan Balita Bapak Bayi Berdasarkan Bersama
Bocah Bukan Dalam Dan Dari Demikian Dengan Di Dia Diduga Dinas Disebutkan Hal Hari Hingga Ia Ibu Ini Itu Jadi
Jika Juga Kami Kamis Kapolres Kapolresta Kapolsek Karena Kasat Kasus Ke Keluarga Kemudian Kepada Kepala Kini
Korban Lalu Maka Mereka Minggu Namun Nona Oleh Pada Para Pelaku Peristiwa Polisi Rabu Sabtu Saat Sang Saya
Sebelum Sebelumnya Sedangkan Sejak Sekolah Selasa Selain Sementara Senin Seorang Serta Setelah Siswa Siswi
Tersangka Tim Untuk Warga Yang Jumat Pasal Ayat Nomor Tahun Bab Kota Kabupaten Kecamatan Provinsi Polres
Polresta Polsek Polda Unit Satreskrim Reskrim Pengadilan Negeri Kejaksaan Jaksa Hakim Majelis Tuan Nyonya
Dilaporkan Ditangkap Dicabuli Diperkosa Dianiaya Disetubuhi Tewas Meninggal Ditemukan Jadi Menjadi Usai
""")
NOT_INITIALS = _wordset("""
UU KUHP KUHAP PPA DP3A UPTD RT RW SD SMP SMA SMK MI MTS MA TK PAUD SLB DPRD DPR TNI POLRI LPSK KPAI WIB WITA
WIT PN PT MK MA SAPA TPKS TPPO KDRT PKDRT ITE UPT BAP OTT RS RSUD ODGJ PSK LSM
""")

_KIN = (r"(?:ayah|bapak|ibu|ibunda|ayahanda|kakak|adik|abang|paman|bibi|tante|om|kakek|nenek|suami|istri|"
        r"orang\s?tua|keluarga|sepupu|keponakan|wali|pacar|kekasih|tetangga|teman)")
_KIN_STATUS = r"(?:\s+(?:kandung|tiri|angkat|sepupu|sambung))?"
_CHILD = (r"(?:korban|siswi|siswa|pelajar|murid|bocah|balita|bayi|anak|gadis|remaja(?:\s+putri)?|santri|"
          r"santriwati|pelajar\s+putri|anak\s+(?:perempuan|laki-laki)|perempuan|wanita|adik|cucu)")
_SCHOOL_TYPE = (r"(?:SDN|SDIT|SD|SMPN|SMPIT|SMP|SMAN|SMA|SMKN|SMK|MIN|MI|MTsN|MTs|MAN|MA|TK|PAUD|SLB|"
                r"Sekolah\s+Dasar|Sekolah\s+Menengah\s+(?:Pertama|Atas|Kejuruan)|Madrasah\s+\w+)")
_ROLE = (r"(?:kepala\s+desa|kades|lurah|camat|ketua\s+RT|ketua\s+RW|"
         r"anggota\s+(?:DPRD|DPR|dewan|polisi|Polri|TNI)|oknum|pejabat|pengusaha|tokoh|ustaz|ustadz|pendeta|guru|kepala\s+sekolah|bupati|wali\s+kota|"
         r"gubernur|kapolsek|kapolres|perangkat\s+desa|sekdes|pemilik)")

_NAME = rf"(?:{_WORD})(?:\s+(?:{_WORD})){{0,2}}"
_PERSON = rf"(?:{_NAME}|{_INITIALS})"

# A victim, child or kin introduced by a cue, then its name: "korban, Bunga (12)", "siswi berinisial DA (14)",
# "bocah bernama Intan", "ayah korban, Joko Susilo", "ibu tirinya berinisial SW".
_CUED = re.compile(
    rf"\b(?i:{_CHILD}(?:\s+(?:kelas\s+\w+|berusia\s+\d{{1,2}}\s+tahun|usia\s+\d{{1,2}}\s+tahun|{_SCHOOL_TYPE}|"
    rf"yang\s+masih\s+\w+|di\s+bawah\s+umur|malang|tersebut|perempuan|laki-laki)){{0,3}}"
    rf"|{_KIN}{_KIN_STATUS}(?:nya|\s+(?:korban|pelaku|tersangka)))"
    rf"\s*,?\s*(?i:(?:yang\s+)?(?:bernama|berinisial|inisial|yakni|yaitu|alias)\s*)?(?P<person>{_PERSON})\b",
)
# "Bunga (12)", "AS (41)", "Intan, 7 tahun,": anybody given an age in a sensitive article is a party to it.
_AGED = re.compile(rf"(?<![\w\[])(?P<person>{_PERSON})\s*(?:\(\s*bukan\s+nama\s+sebenarnya\s*\)\s*,?\s*)?"
                   rf"{_AGE_PHRASE}")
# "Melati (bukan nama sebenarnya)": outlets' pseudonyms are masked too, they are still handles on a child.
_PSEUDONYM = re.compile(rf"(?P<person>{_PERSON})\s*\(\s*bukan\s+nama\s+(?:sebenarnya|asli)\s*\)")
# "Joko Susilo, ayah korban," and "Intan, bocah yang ...": the name comes first.
_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w\[])(?P<person>{_PERSON})\s*(?:{_AGE_PHRASE}\s*)?,\s*(?i:{_KIN}{_KIN_STATUS}\s+(?:korban|pelaku)|"
    rf"{_KIN}{_KIN_STATUS}nya|(?:seorang\s+)?(?:bocah|balita|siswi|siswa|santri|santriwati|gadis|pelajar)\b|"
    rf"korban\s+(?:yang|dalam|pencabulan|pemerkosaan|rudapaksa|persetubuhan|kekerasan|penganiayaan)\b)",
)
# "anak seorang anggota DPRD Kotim", "putri Kepala Desa Tumbang Talaken": a relation that points at a known
# person identifies the child through them.
_RELATION = re.compile(
    rf"\b(?i:(?:anak|putri|putra|cucu|keponakan|adik|kakak|istri)"
    rf"(?:\s+(?:kandung|sulung|bungsu|tiri|angkat|perempuan|laki-laki|kedua|ketiga|pertama))?"
    rf"(?:\s+(?:dari|seorang|salah\s+seorang))*)\s+(?:(?i:{_ROLE})(?:\s+(?:{_WORD}|[{_UPPER}0-9]{{2,}}))*"
    rf"|(?:H\.|Hj\.|Haji|Bapak|Pak|Ibu|Bu)\s+{_NAME})",
)
_SCHOOL = re.compile(
    rf"\b(?:{_SCHOOL_TYPE}(?:\s+(?:Negeri|Swasta|Islam|Islam\s+Terpadu|IT|Katolik|Kristen|Terpadu|N|Muhammadiyah))*"
    rf"(?:\s*\d{{1,3}})(?:\s+(?:{_WORD}|[{_UPPER}]{{2,}}))*"
    rf"|{_SCHOOL_TYPE}(?:\s+(?:Negeri|Swasta|Islam|Terpadu|IT|Katolik|Kristen|Muhammadiyah))*(?:\s+(?:{_WORD}|[{_UPPER}]{{2,}}))+"
    rf"|(?i:pondok\s+pesantren|ponpes|pesantren|madrasah|sekolah|yayasan|asrama|panti\s+asuhan)\s+(?:{_WORD}|[{_UPPER}]{{2,}})"
    rf"(?:\s+(?:{_WORD}|[{_UPPER}]{{2,}}|\d{{1,3}}))*)",
)
_SCHOOL_CASELESS_HEAD = re.compile(
    r"\b(?:pondok\s+pesantren|ponpes|pesantren|madrasah|sekolah|yayasan|asrama|panti\s+asuhan)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    rf"\b(?:[Dd]esa|[Kk]elurahan|Kel\.|[Dd]usun|Dsn\.|[Kk]ampung|[Jj]alan|Jl\.|Jln\.|[Gg]ang|Gg\.|[Kk]ompleks|"
    rf"[Kk]omplek|[Pp]erumahan|Perum)\s+(?P<place>(?:{_WORD}|[{_UPPER}]{{2,}})(?:\s+(?:{_WORD}|[{_UPPER}]{{1,4}}|"
    rf"(?:Km|KM|No\.?)\s*\d+(?:[.,]\d+)?|\d{{1,4}}))*)"
    rf"|\bRT\.?\s*\d{{1,3}}(?:\s*/\s*RW\.?\s*\d{{1,3}}|\s+RW\.?\s*\d{{1,3}})?|\bRW\.?\s*\d{{1,3}}",
)

# Words that make an article sensitive even when the tagger missed it (a cheap, independent second check).
_SENSITIVE_CUES = re.compile(
    r"\b(?:(?:di|men|ter)?cabul(?:i|an)?|pencabulan|(?:di|mem)perkosa|pemerkosaan|perkosaan|(?:di)?rudapaksa|"
    r"persetubuhan|(?:di|me)nyetubuhi|disetubuhi|asusila|pelecehan\s+seksual|kekerasan\s+seksual|(?:di)?sodomi|"
    r"eksploitasi\s+seksual|prostitusi\s+anak|grooming|sekstorsi|KBGO|"
    r"korban\s+(?:anak|bocah|balita|bayi|siswi|siswa|pelajar|santri|santriwati|di\s+bawah\s+umur)|"
    r"(?:anak|bocah|siswi|siswa|balita|gadis)\s+(?:berusia\s+\d{1,2}\s+tahun\s+)?(?:menjadi\s+)?korban|"
    r"anak\s+di\s+bawah\s+umur|bawah\s+umur)\b",
    re.IGNORECASE,
)
_GENERIC_SCHOOL_WORDS = _wordset("""
Dasar Menengah Pertama Atas Kejuruan Negeri Swasta Luar Biasa Islam Terpadu Katolik Kristen Tinggi Umum IT N
""")
_AGE_NUMBER = re.compile(r"\d{1,2}")

# Left behind after masking, any of these means the masking missed something: show nothing instead.
_RESIDUAL = (
    re.compile(rf"\b(?:bernama|berinisial|inisial)\s*,?\s*(?!\[)(?:{_PERSON}|[a-z]{{1,4}}\b)", re.IGNORECASE),
    re.compile(r"(?<![\]\s])\s*\(\s*bukan\s+nama\s+(?:sebenarnya|asli)\s*\)", re.IGNORECASE),
)


@dataclass(frozen=True)
class MaskResult:
    """Masked text and what the masking knew; ``names`` stays inside Sorot (never rendered)."""

    text: str
    replacements: int
    names: frozenset[str]
    residual_risk: bool


def is_sensitive(text: str | None, labels: Collection[str] = (), title: str | None = None) -> bool:
    """True when the article may concern a child victim or a victim of sexual violence.

    The tagger's labels decide first; the cue words are a second, independent check so that a tagger miss
    does not publish a victim's details.
    """
    if not PRIVATE_LABELS.isdisjoint(labels):
        return True
    return any(_SENSITIVE_CUES.search(part or "") for part in (title, text))


def mask_victim_details(text: str, *, title: str | None = None) -> MaskResult:
    """Mask names, initials with ages, schools, villages, addresses and identifying relations in ``text``.

    Names found in the headline (which stays as published) are learned and masked in the text as well.
    """
    names = _learn_names(text, title)
    places: set[str] = set()
    spans: list[tuple[int, int, str]] = []

    for match in _RELATION.finditer(text):
        spans.append((match.start(), match.end(), MASK_RELATION))
    for match in _SCHOOL.finditer(text):
        if _school_like(match.group(0)):
            spans.append((match.start(), match.end(), MASK_SCHOOL))
    for match in _PLACE.finditer(text):
        spans.append((match.start(), match.end(), MASK_PLACE))
        if match.group("place"):
            places.add(match.group("place"))
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(_exact(name), text):
            spans.append((match.start(), match.end(), MASK_NAME))
    for place in sorted(places, key=len, reverse=True):
        for match in re.finditer(_exact(place), text):
            spans.append((match.start(), match.end(), MASK_PLACE))

    masked, count = _apply(text, spans)
    return MaskResult(masked, count, frozenset(names), _has_residual_risk(masked))


def mask_if_sensitive(text: str, labels: Collection[str] = (), *, title: str | None = None) -> MaskResult:
    """Mask only sensitive articles: a bridge opening in 'Desa Tumbang' keeps its village."""
    if not is_sensitive(text, labels, title):
        return MaskResult(text, 0, frozenset(), False)
    return mask_victim_details(text, title=title)


# -- internals ---------------------------------------------------------------------------------------------

def _learn_names(text: str, title: str | None) -> set[str]:
    """Every person name or initials introduced by a cue, with an age, or as a pseudonym."""
    names: set[str] = set()
    for source, title_case in ((text, False), (title or "", _is_title_case(title or ""))):
        for pattern in (_CUED, _AGED, _PSEUDONYM, _NAME_THEN_ROLE):
            for match in pattern.finditer(source):
                names.update(_person_names(match.group("person"), title_case))
    return names


def _person_names(person: str, title_case: bool) -> Iterable[str]:
    """The full name and its parts, dropping words that cannot be names.

    Only one word is taken from a Title Case headline, where every word is capitalised and a name's end cannot
    be seen.
    """
    words = person.split()
    if words and all(re.fullmatch(_INITIALS, word) for word in words):
        initials = person.strip()
        if initials.replace(".", "").replace(" ", "") in NOT_INITIALS:
            return []
        return [initials]
    kept: list[str] = []
    for word in words:
        if word in NOT_NAMES or word.upper() in NOT_INITIALS:
            break
        kept.append(word)
        if title_case:
            break
    if not kept:
        return []
    parts = [word for word in kept if len(word) >= 3]
    return {" ".join(kept), *parts}


def _is_title_case(title: str) -> bool:
    words = [word for word in title.split() if word[:1].isalpha()]
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def _school_like(found: str) -> bool:
    """A school match must name a school (a number or a name), not only its type ('siswi SMP', 'Sekolah
    Dasar', 'SMA Negeri')."""
    head = _SCHOOL_CASELESS_HEAD.match(found)
    rest = found[head.end():] if head else re.sub(rf"^{_SCHOOL_TYPE}", "", found)
    return any(word not in _GENERIC_SCHOOL_WORDS for word in rest.split())


def _exact(name: str) -> str:
    """A case-sensitive whole-word pattern for a learned name, tolerant of spacing inside initials."""
    escaped = r"\s*".join(re.escape(part) for part in name.split())
    return rf"(?<![\w\[]){escaped}(?![\w\]])"


def _apply(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, int]:
    """Replace spans, earliest first; a span overlapping a kept one is merged into it (never half-masked)."""
    merged: list[tuple[int, int, str]] = []
    for start, end, mask in sorted(spans, key=lambda span: (span[0], -span[1])):
        if merged and start < merged[-1][1]:
            first, last, kept_mask = merged[-1]
            merged[-1] = (first, max(last, end), kept_mask)
            continue
        merged.append((start, end, mask))
    pieces: list[str] = []
    cursor = 0
    for start, end, mask in merged:
        pieces.extend((text[cursor:start], mask))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), len(merged)


def _has_residual_risk(masked: str) -> bool:
    """A cue for a name still followed by something other than a mask, or a person still given an age."""
    if any(pattern.search(masked) for pattern in _RESIDUAL):
        return True
    for match in _AGED.finditer(masked):
        person = match.group("person")
        if _person_names(person, False):
            return True
    return False
