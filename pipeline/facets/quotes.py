"""Who is quoted in an article: name and role, from Indonesian attribution patterns.

Regional offices want to know whether their head was quoted, and by which outlets. Indonesian news attributes
speech in a few fixed shapes, which cover most quotations:

- after the quote: ``"...," kata Kepala Dinas ... Kota Palangka Raya Muhammad Fitriyanto Laksono di ...``
  (kata, ujar, ungkap, jelas, ucap, tutur, terang, tegas, imbuh, papar, tambah, lanjut, sebut);
- before the verb: ``Kasat Reskrim Polres Metro Jakarta Pusat, AKBP Roby Heri Saputra, mengatakan ...``
  (mengatakan, menjelaskan, mengungkapkan, menegaskan, menuturkan, menyatakan, menyebutkan, menambahkan);
- ``Menurut X, ...``.

The words attributed are split into a **role** and a **name**: the name is the run of capitalised words at
the end that are not role, rank, institution or place words ("Kepala", "AKBP", "Dinas", "Kota", "Raya"...).
Pronouns ("kata dia", "ujarnya") are skipped, not guessed. A later short mention ("kata Fitriyanto") is
merged into the full one, so each person is listed once with the number of attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

AFTER_VERBS = r"kata|ujar|ungkap|jelas|ucap|tutur|terang|tegas|imbuh|papar|tambah|lanjut|sebut|katanya"
BEFORE_VERBS = (
    r"mengatakan|menjelaskan|mengungkapkan|menegaskan|menuturkan|menyatakan|menyebutkan|menambahkan|menerangkan"
    r"|berkata|mengakui|menyampaikan"
)
# Where an attribution after "kata X" ends: a place or time phrase, punctuation, or the day name.
_STOP = (
    r"(?=\s*[.;:\"“”\n]|\s*,\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|saat|ketika|usai|pada|di)\b"
    r"|\s+(?:di|saat|ketika|dalam|kepada|pada|usai|seusai|sesudah|setelah|melalui|dikutip|dilansir|seperti"
    r"|sebagaimana|yang|sambil|kemarin|ini|tadi|dengan|terkait|soal|mengenai|menjawab)\b|\s*$)"
)
_AFTER = re.compile(rf"(?:[\"”’,]\s*|\s)(?P<verb>{AFTER_VERBS})\s+(?P<who>[^\n\"“”]{{2,260}}?){_STOP}")
_BEFORE_VERB = re.compile(rf"\s*,?\s+(?P<verb>{BEFORE_VERBS})\b")
_CLAUSE_START = re.compile(r"[.!?\n\"“”]")
_MENURUT = re.compile(r"\b[Mm]enurut\s+(?P<who>[^,.\n\"“”]{2,200}),")

PRONOUNS = frozenset(
    {"dia", "ia", "nya", "mereka", "beliau", "saya", "kami", "kita", "aku", "anda", "pihaknya"}
)
_ROLE_LINES = (
    "kepala wakil ketua sekretaris bendahara direktur dirut direktorat kabid kasat kasubag kasubbag kasi",
    "kanit kapolres kapolsek kapolda kapolresta kapolri wakapolres kabag kadis kadin plt plh pj penjabat",
    "pelaksana tugas menteri wamen gubernur wagub bupati wabup wali walikota wawali camat lurah kades",
    "sekda asisten staf ahli juru bicara jubir humas koordinator anggota komisioner komisi ketum sekjen",
    "presiden wapres rektor dekan dosen guru kepsek pengacara kuasa hukum jaksa hakim panitera penyidik",
    "dokter psikolog pendamping pegiat aktivis pengamat peneliti manajer pimpinan pemimpin kapten",
    "komandan dan danramil dandim danrem pangdam akbp akp kompol kombes iptu ipda aiptu aipda bripka",
    "brigadir briptu bripda brigjen irjen komjen jenderal letkol kolonel mayor kapten serka sertu pratu",
    "ajun inspektur dinas badan biro bidang bagian seksi unit satuan satreskrim reskrim polres polresta",
    "polsek polda mabes polri kejaksaan kejari kejati pengadilan negeri kementerian kemen dprd dpr mpr",
    "pemerintah pemkot pemkab pemprov kota kabupaten kab provinsi kecamatan desa kelurahan raya utara",
    "selatan barat timur tengah pusat daerah nasional republik indonesia ri umum khusus lembaga yayasan",
    "organisasi forum asosiasi perhimpunan universitas sekolah rumah sakit rsud puskesmas kantor cabang",
    "wilayah regional divisi subdit ditreskrimum kepolisian kejaksaan tim satgas partai fraksi perusahaan",
    "pt ditreskrimsus metro jaya perlindungan pemberdayaan perempuan anak keluarga berencana penduduk",
    "pengendalian masyarakat pendidikan kesehatan sosial hukum hubungan uptd ppa p2tp2a dp3a kpai lpsk",
    "komnas",
)
ROLE_WORDS = frozenset(word for line in _ROLE_LINES for word in line.split())
# Words that follow names in attributions but are never names: days, months, generic actors.
_NOT_NAME_LINES = (
    "senin selasa rabu kamis jumat jum'at sabtu minggu januari februari maret april mei juni juli agustus",
    "september oktober november desember polisi warga korban pelaku tersangka saksi netizen warganet",
)
NOT_NAMES = frozenset(word for line in _NOT_NAME_LINES for word in line.split())
# Academic and professional titles after a name ("Muhammad Fadli, SpOG", "Andi, S.H., M.H.").
_DEGREE = re.compile(r"^(?:Sp[A-Z][\w.()-]*|[SMD]\.[A-Za-z.]+|SH|MH|MSi|MPd|SE|ST|MM|MA|PhD|Ph\.D\.?)$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.)$")


@dataclass
class Quoted:
    name: str | None
    role: str | None
    mentions: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "mentions": self.mentions}


@cache
def _place_words() -> frozenset[str]:
    """Words of official place names: "Palangka" in "... Kota Palangka Raya Muhammad ..." is not a name."""
    from sorot.pipeline.facets.regions import gazetteer

    words: set[str] = set()
    for places in gazetteer().by_key.values():
        for place in places:
            for word in re.sub(r"^(?:Kabupaten|Kota)(?:\s+Administrasi)?\s+", "", place.name).split():
                words.add(word.lower())
    return frozenset(words)


def split_role_name(words: str) -> tuple[str | None, str | None]:
    """(role, name) of an attribution, e.g. ("Kepala Dinas ... Kota Palangka Raya", "Muhammad ... Laksono")."""
    tokens = words.replace(",", " , ").split()
    while tokens and (tokens[-1] == "," or _DEGREE.match(tokens[-1].strip(","))):
        tokens.pop()
    stop = ROLE_WORDS | _place_words()
    name: list[str] = []
    for token in reversed(tokens):
        bare = token.strip(".").lower()
        if token == "," or not _NAME_TOKEN.match(token) or bare in ROLE_WORDS or bare in NOT_NAMES:
            break
        if bare in stop and name:
            break
        name.insert(0, token)
        if len(name) == 5:
            break
    role_tokens = tokens[: len(tokens) - len(name)]
    role = " ".join(role_tokens).replace(" , ", ", ").strip(" ,") or None
    full = " ".join(name) or None
    if full and role is None and full.lower().split()[0] in ROLE_WORDS:
        return full, None
    return role, full


def _candidate(words: str) -> Quoted | None:
    words = " ".join(words.split()).strip(" ,")
    if not words or words.split()[0].lower().strip(",") in PRONOUNS:
        return None
    role, name = split_role_name(words)
    if name is None and (role is None or not role[0].isupper()):
        return None
    return Quoted(name, role)


def _trailing_clause(text: str) -> str:
    """The capitalised phrase right before a verb ("..., kata ia. Kasat Reskrim X, AKBP Y" -> the latter)."""
    tokens = text.replace(",", " , ").split()
    kept: list[str] = []
    for token in reversed(tokens):
        if token == "," or token[0].isupper() or token.lower() in {"dan", "&", "dari"}:
            kept.insert(0, token)
        else:
            break
    while kept and (kept[0] == "," or kept[0].lower() in {"dan", "&", "dari"}):
        kept.pop(0)
    return " ".join(kept).replace(" , ", ", ")


def find_quoted(text: str) -> list[Quoted]:
    """Everyone quoted in ``text``, in order of first attribution; each person once."""
    found: list[tuple[int, Quoted]] = []
    for match in _AFTER.finditer(text):
        quoted = _candidate(match.group("who"))
        if quoted:
            found.append((match.start(), quoted))
    for match in _BEFORE_VERB.finditer(text):
        # the words before the verb, back to the start of the clause (a verb anchors the search: fast)
        window = text[max(0, match.start() - 260) : match.start()]
        starts = [m.end() for m in _CLAUSE_START.finditer(window)]
        quoted = _candidate(_trailing_clause(window[starts[-1] if starts else 0 :]))
        if quoted and quoted.name:
            found.append((match.start(), quoted))
    for match in _MENURUT.finditer(text):
        quoted = _candidate(match.group("who"))
        if quoted:
            found.append((match.start(), quoted))
    return _merge([q for _, q in sorted(found, key=lambda item: item[0])])


def _merge(quoted: list[Quoted]) -> list[Quoted]:
    """One entry per person: a name contained in a longer one ("Fitriyanto") joins it; roles keep the longest."""
    people: list[Quoted] = []
    for q in quoted:
        words = set((q.name or "").lower().split())
        same = None
        for person in people:
            other = set((person.name or "").lower().split())
            if q.name and person.name and (words <= other or other <= words):
                same = person
                break
            if not q.name and not person.name and q.role == person.role:
                same = person
                break
        if same is None:
            people.append(Quoted(q.name, q.role))
            continue
        same.mentions += 1
        if q.name and len(q.name) > len(same.name or ""):
            same.name = q.name
        if q.role and len(q.role) > len(same.role or ""):
            same.role = q.role
    return people
