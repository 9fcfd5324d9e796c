"""Build the bundled demo news network's data: `demo/data/articles.jsonl`.

A maintainer tool, run by hand when the selection changes; the product only reads the committed output.
It picks ANTARA (IndoSum), detik and CNN Indonesia (IndoSum) rows from the shared corpus with fixed seeds,
adds the project's seed article (an ANTARA Kalteng story as a reader captured it), and invents the few
things the replica needs that the corpus lacks (Kalteng-style ids, times of day, bylines, syndicated
copies). Everything invented is listed in `demo/data/ATTRIBUTION.md`.

The team's hand labels (`models/data/annotations/annotator-*.jsonl`, committed in this repository) decide
which CNN Indonesia and extra detik rows are on topic: the keyword screen alone flags too much (war
reports, video games) for an outlet where the demo needs genuinely on-topic stories.

The evaluation holdout (`holdout-ids.txt`) is read and asserted out of the output: the demo data must
never be selected from, or leak, articles kept for the classifier's independent evaluation.

Usage (from the repository root):
    python scripts/build_demo_data.py [ARTICLES_JSONL] [--holdout PATH] [--seed-capture PATH]
                                      [--annotations DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = REPO_ROOT / ".." / "shared" / "corpus" / "articles.jsonl"
DEFAULT_SEED_CAPTURE = REPO_ROOT / ".." / "shared" / "seeds" / "antara-kalteng-palangka-raya.txt"
DEFAULT_OUT = REPO_ROOT / "demo" / "data" / "articles.jsonl"
DEFAULT_ANNOTATIONS = REPO_ROOT / "models" / "data" / "annotations"

RANDOM_SEED = 20240904  # the seed article's publication date; any fixed value keeps the build reproducible
ANTARA_TARGET = 120  # ANTARA rows, seed excluded
DETIK_TARGET = 170  # detik rows, syndicated copies excluded
CNN_TARGET = 70  # CNN Indonesia rows, syndicated copies excluded
# CNN rows were added after the ANTARA and detik ones: their own generator keeps the older rows unchanged.
CNN_RANDOM_SEED = f"{RANDOM_SEED}:cnn-indonesia"
ON_TOPIC_LABELS = frozenset({"kekerasan", "gender"})  # the taxonomy's two top-level topics
WIB = timezone(timedelta(hours=7))

KALTENG_HOST = "kalteng.antaranews.com"
SYNDICATION_HOST = "news.detik.com"
CNN_HOST = "www.cnnindonesia.com"
SITE_ORDER = {"antara-kalteng": 0, "detik": 1, "cnn-indonesia": 2}  # row order in articles.jsonl

# --------------------------------------------------------------------------------------------------------
# The keyword screen. Topic terms count anywhere in an article; terms that only name people (women,
# children) count when they are in the headline or lead, because "anak" and "perempuan" occur in most
# long articles ("anak usaha", a passing mention) and would otherwise flag half the corpus.
# --------------------------------------------------------------------------------------------------------
TOPIC_TERMS: tuple[str, ...] = (
    "kekerasan", "penganiayaan", "dianiaya", "menganiaya", "aniaya", "penganiaya",
    "pembunuhan", "pembunuh", "dibunuh", "membunuh", "femisida",
    "pemerkosaan", "perkosaan", "diperkosa", "memperkosa", "rudapaksa", "disetubuhi", "persetubuhan",
    "pencabulan", "dicabuli", "mencabuli", "cabul", "asusila", "sodomi",
    "pelecehan seksual", "kekerasan seksual", "child grooming", "predator seks",
    "KDRT", "kekerasan dalam rumah tangga",
    "perdagangan orang", "perdagangan manusia", "TPPO", "human trafficking", "memperbudak", "perbudakan",
    "prostitusi anak", "eksploitasi anak", "pekerja anak", "penelantaran",
    "perundungan", "bullying", "dirundung", "dibully",
    "pengeroyokan", "dikeroyok", "mengeroyok", "keroyok", "tawuran", "penusukan", "air keras",
    "penyiksaan", "disiksa", "penculikan", "diculik",
    "gender", "kesetaraan gender", "KPAI", "Komnas Perempuan", "Komnas PA", "P2TP2A", "UPTD PPA",
    "perlindungan anak", "pemberdayaan perempuan", "keterwakilan perempuan", "perkawinan anak",
    "pernikahan dini", "layak anak",
)
PEOPLE_TERMS: tuple[str, ...] = (
    "perempuan", "wanita", "anak", "anak-anak", "siswi", "balita", "bocah", "istri", "gadis",
    "remaja putri", "ibu rumah tangga",
)
_CASE_SENSITIVE = {"KDRT", "TPPO", "KPAI", "P2TP2A"}
# "anak" in these phrases names no child (a subsidiary, a team's players, a river branch...).
_NOT_A_CHILD = re.compile(
    r"\banak\s+(?:usaha|perusahaan|buah|asuh|asuhnya|tangga|sungai|emas|didik|bangsa|muda)\b", re.I
)
LEAD_CHARS = 400


def _term_pattern(term: str) -> re.Pattern[str]:
    flags = 0 if term in _CASE_SENSITIVE else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", flags)


_TOPIC_PATTERNS = [(t, _term_pattern(t)) for t in TOPIC_TERMS]
_PEOPLE_PATTERNS = [(t, _term_pattern(t)) for t in PEOPLE_TERMS]


def screen_terms(title: str, body: str) -> list[str]:
    """Return the screen's terms found in an article (empty: the screen does not flag it).

    Shared with `tests/demo/test_demo_data.py`, which re-runs the screen on the committed rows.
    """
    text = f"{title}\n{body}"
    found = [t for t, p in _TOPIC_PATTERNS if p.search(text)]
    lead = _NOT_A_CHILD.sub(" ", f"{title}\n{body[:LEAD_CHARS]}")
    found += [t for t, p in _PEOPLE_PATTERNS if p.search(lead)]
    return found


# --------------------------------------------------------------------------------------------------------
# Invented replica metadata (documented in ATTRIBUTION.md). The names are fictional.
# --------------------------------------------------------------------------------------------------------
PEWARTA = (
    "Rendra Adi Saputra", "Nurul Hidayah Siregar", "Yohanes Kristian Lumban", "Sri Wahyuni Rahmawati",
    "Fajar Maulana Iskandar", "Dewi Anggraini Pohan",
)
EDITORS = ("Hendra Kusuma Wijaya", "Ratna Sari Dewanti", "Bambang Purnomo Adi", "Maria Theresia Simbolon")
SEED_AUTHOR, SEED_EDITOR = "Dewi Anggraini Pohan", "Hendra Kusuma Wijaya"

SEED_URL = (
    "https://kalteng.antaranews.com/berita/834512/"
    "pemkot-palangka-raya-susun-rencana-aksi-pencegahan-kekerasan-terhadap-perempuan-dan-anak"
)
SEED_TITLE = "Pemkot Palangka Raya susun rencana aksi pencegahan kekerasan terhadap perempuan dan anak"
SEED_PUBLISHED = datetime(2024, 9, 4, 15, 30, tzinfo=WIB)
SEED_TAGS = ["kekerasan perempuan dan anak", "Pemkot Palangka Raya", "rencana aksi"]
SEED_CAPTION = "Ilustrasi - Kampanye pencegahan kekerasan terhadap perempuan dan anak. ANTARA/Dokumentasi"

ANTARA_SECTIONS = {
    "tajuk utama": "Nasional", "hiburan": "Hiburan", "showbiz": "Hiburan", "olahraga": "Olahraga",
    "teknologi": "Tekno", "inspirasi": "Humaniora",
}
DETIK_CHANNELS = {
    "news.detik.com": "detikNews", "finance.detik.com": "detikFinance", "sport.detik.com": "detikSport",
    "inet.detik.com": "detikInet", "health.detik.com": "detikHealth",
}

# CNN Indonesia: sections are the first URL path segment; the real site's channel number follows the
# timestamp in article ids ("/nasional/20171020123456-20-249999/..."), used for invented copies' URLs.
CNN_SECTIONS = {
    "nasional": "Nasional", "internasional": "Internasional", "ekonomi": "Ekonomi", "olahraga": "Olahraga",
    "teknologi": "Teknologi", "hiburan": "Hiburan", "gaya-hidup": "Gaya Hidup", "politik": "Politik",
}
CNN_CHANNEL_IDS = {"nasional": 20, "internasional": 106}
# "/<section>/<14-digit timestamp>-<channel>-<id>/<slug>": the only form the replica re-hosts (two IndoSum
# rows nest a second section, one "CNN" row is a detik URL).
CNN_ARTICLE_PATH = re.compile(r"/(?P<section>[a-z-]+)/(?P<stamp>\d{14})-\d+-\d+/(?P<slug>[a-z0-9-]+)/?")
# Fictional bylines (ATTRIBUTION.md); "Tim CNN Indonesia" twice, so about a third of stories carry it.
CNN_AUTHORS = (
    "Tim CNN Indonesia", "Tim CNN Indonesia", "Anisa Putri Maharani", "Galih Prasetyo Nugroho",
    "Rizky Aditya Pane", "Theresia Wulan Sari",
)
CNN_CAPTION = "Ilustrasi. (CNN Indonesia/Dokumentasi)"

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
    "November", "Desember",
)

LICENCES = {
    "indosum": "CC BY-SA 4.0",
    "detik-may2026": "MIT",
    "sorot-seed": "Hak cipta ANTARA (catatan: LICENSES/SEED-ARTICLE-NOTE.md)",
}

# Syndicated copies on the detik replica: original id -> (headline or None to keep it, light edit or None).
# Ids are IndoSum ids, or "seed". Chosen by reading the selection: the seed and violence/gender stories,
# plus two unrelated ones (picked by the seeded generator below).
SYNDICATED_TOPICAL: tuple[tuple[str, str | None, str | None], ...] = (
    ("seed", "Pemkot Palangka Raya Susun Rencana Aksi Cegah Kekerasan pada Perempuan dan Anak", None),
    ("384a89cf81c2", "P2TP2A Sukabumi Telusuri Anak Korban Prostitusi Sesama Jenis", "drop_last"),
    ("1ed689511674", None, "reword"),
    ("3a00a5a78cf2", "Pertama Kali, Arab Saudi Izinkan Perempuan Masuk Stadion", None),
    ("71d6d1994222", None, "drop_middle"),
    ("ac47fd865c8f", "17 Negara Blokir Hak LGBT dalam Rencana Perkotaan PBB", None),
    ("b3e56b0fac65", None, None),
    ("30d64455c7c0", "Kunjungi Pengungsi Suriah, Angelina Jolie Kecam Pasukan Perdamaian", "reword"),
)
SYNDICATED_UNRELATED = 2

# Syndicated copies on the CNN replica: original id -> (headline, light edit, section). Only stories that
# detik also carries, so that each is reported by three outlets; never the seed, whose story the
# end-to-end test expects on exactly two outlets. Each copy gets an edit other than its detik twin's.
CNN_SYNDICATED: tuple[tuple[str, str, str, str], ...] = (
    ("1ed689511674", "Candi Borobudur bermandi cahaya oranye untuk kampanye antikekerasan", "drop_middle",
     "nasional"),
    ("3a00a5a78cf2", "Arab Saudi izinkan perempuan masuk stadion mulai tahun depan", "drop_last",
     "internasional"),
    ("384a89cf81c2", "P2TP2A Sukabumi cari anak korban prostitusi sejenis di Bogor", "reword", "nasional"),
)


# --------------------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------------------
def stable_int(*parts: str) -> int:
    """A deterministic integer from strings (Python's hash() is salted per process)."""
    return int(hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12], 16)


def short_id(url: str) -> str:
    """The corpus id convention: first 12 hex digits of the URL's sha1."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def date_text(dt: datetime) -> str:
    """ANTARA's visible date, e.g. 'Rabu, 4 September 2024 15:30 WIB'."""
    return f"{DAYS[dt.weekday()]}, {dt.day} {MONTHS[dt.month - 1]} {dt.year} {dt:%H:%M} WIB"


def cnn_date_text(dt: datetime) -> str:
    """CNN Indonesia's visible date, day first and numeric: 'Jumat, 20/10/2017 12:34 WIB'."""
    return f"{DAYS[dt.weekday()]}, {dt:%d/%m/%Y %H:%M} WIB"


def day_time(row_id: str, day: str) -> datetime:
    """An invented, deterministic time of day (06:00-21:59 WIB) for a corpus row that gives a date only."""
    minutes = 6 * 60 + stable_int(row_id, "time") % (16 * 60)
    return datetime.fromisoformat(day).replace(tzinfo=WIB) + timedelta(minutes=minutes)


def parse_detik_date(text: str) -> datetime:
    """Parse 'Kamis, 28 Mei 2026 19:18 WIB' (the only form in the detik set)."""
    m = re.fullmatch(r"\w+, (\d{1,2}) (\w+) (\d{4}) (\d{2}):(\d{2}) WIB", text.strip())
    if not m:
        raise ValueError(f"unexpected detik date: {text!r}")
    day, month, year, hour, minute = m.groups()
    number = next(i for i, name in enumerate(MONTHS, start=1) if name.startswith(month))  # "Apr", "Mei"
    return datetime(int(year), number, int(day), int(hour), int(minute), tzinfo=WIB)


_ABBREVIATIONS = {
    "dr", "drg", "prof", "ir", "h", "hj", "no", "jl", "st", "sdr", "bpk", "kol", "kombes", "brigjen", "mayjen",
    "letjen", "jend", "pol", "tbk", "pt", "cv", "dll", "dsb", "vs", "mr", "mrs", "ms", "a.n", "s.h", "m.h",
    "s.e", "m.kes", "spkk", "sp",
}
_BOUNDARY = re.compile(r"[.!?]+[\"”’']*\s+(?=[\"“‘']?[A-Z0-9])")


def split_sentences(text: str, *, respect_quotes: bool = True) -> list[str]:
    """Split Indonesian news prose into sentences.

    Quotes are respected so that a quoted statement of several sentences stays with its "kata X"
    attribution, which is how detik and ANTARA paragraph their stories.
    """
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start()]
        last_word = re.split(r"\s+", before.strip())[-1].lower() if before.strip() else ""
        last_word = last_word.strip("(\"“'")
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
            continue
        if respect_quotes:
            upto = text[: m.end()]
            if upto.count('"') % 2 or upto.count("“") > upto.count("”"):
                continue
        sentences.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def group_paragraphs(sentences: Sequence[str]) -> list[str]:
    """Group sentences into paragraphs of 2-4 sentences (shorter only at the very end)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        current.append(sentence)
        size = sum(len(s) for s in current)
        if len(current) >= 4 or (len(current) >= 2 and size >= 320) or (len(current) >= 3 and size >= 220):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        if paragraphs and len(current) == 1 and len(current[0]) < 160:
            paragraphs[-1] = f"{paragraphs[-1]} {current[0]}"
        else:
            paragraphs.append(" ".join(current))
    return paragraphs


def body_paragraphs(body: str) -> list[str]:
    """Paragraphs of a corpus body: its own line breaks where it has them, else 2-4 sentence groups."""
    blocks = [re.sub(r"[ \t]+", " ", b).strip() for b in re.split(r"\n+", body)]
    blocks = [b for b in blocks if b]
    paragraphs: list[str] = []
    for block in blocks:
        if len(block) <= 900:
            paragraphs.append(block)
            continue
        sentences = split_sentences(block)
        if max(len(s) for s in sentences) > 1200:  # an unbalanced quote swallowed the rest
            sentences = split_sentences(block, respect_quotes=False)
        paragraphs.extend(group_paragraphs(sentences))
    return paragraphs


_DATELINE = re.compile(
    r"^(?P<place>[^\n()]{1,80}?)\s*\((?:ANTARA\s*News|ANTARA\s*Bews|ANTARANews|AntaraKL|Antara)\)\s*[-–]\s*"
)


def normalise_dateline(paragraph: str) -> str:
    """'Jakarta (ANTARA News) - ...' -> 'Jakarta (ANTARA) - ...', today's form and the wire-copy signal."""
    return _DATELINE.sub(lambda m: f"{m.group('place').rstrip(' ,')} (ANTARA) - ", paragraph, count=1)


def clean_slug(raw: str) -> str:
    """URL-safe slug from an original URL's last segment (IndoSum slugs hold spaces and curly quotes)."""
    slug = unquote(raw).lower()
    slug = re.sub(r"[^a-z0-9-]+", "", slug.replace(" ", ""))
    return re.sub(r"-{2,}", "-", slug).strip("-")


def slugify(title: str) -> str:
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", title.lower())).strip("-")


_WORD = re.compile(r"[\w.,'’]+")


def _casing_table(text: str) -> dict[str, Counter[str]]:
    """How each word is spelled in running text, ignoring sentence starts (they are always capitalised)."""
    table: dict[str, Counter[str]] = {}
    for m in _WORD.finditer(text):
        form = m.group(0).strip(".,'’")
        if not form:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        sentence_start = m.start() == 0 or bool(re.search(r"(?:[.!?\"“]\s*|\n\s*|-\s)$", before))
        key = re.sub(r"\W", "", form.lower())
        if key:
            table.setdefault(key, Counter())[("^" if sentence_start else "") + form] += 1
    return table


def headline_from_slug(raw_slug: str, body: str) -> str:
    """Turn an ANTARA slug into an ANTARA-style sentence-case headline.

    The slug is all lower case; proper nouns and acronyms get their spelling back from the body
    ("dpr-uu-md3-sah" -> "DPR UU MD3 sah"), a double hyphen marks a colon.
    """
    table = _casing_table(body)
    parts = [p for p in re.split(r"--", unquote(raw_slug).split("?")[0]) if p.strip("- ")]
    out_parts = []
    for part in parts:
        words = []
        for token in re.split(r"[-\s]+", part.strip("- ")):
            if not token:
                continue
            lead = re.match(r"^[\"“‘']*", token).group(0)
            trail = re.search(r"[\"”’']*$", token).group(0)
            core = token[len(lead) : len(token) - len(trail)] if trail else token[len(lead) :]
            forms = table.get(re.sub(r"\W", "", core.lower()), Counter())
            inner = Counter({f: n for f, n in forms.items() if not f.startswith("^")})
            if inner:
                best = max(inner.items(), key=lambda kv: (kv[1], kv[0].islower()))[0]
            else:
                starts = [f[1:] for f in forms]
                best = next((f for f in starts if f.isupper() and len(f) > 1), core.lower())
            words.append(lead + best + trail)
        out_parts.append(" ".join(words))
    headline = ": ".join(out_parts)
    return headline[:1].upper() + headline[1:]


def title_tags(title: str, body: str, *, lower: bool = False, limit: int = 3) -> list[str]:
    """Tags from the headline's names, places and institutions, like the outlets' own tag lists.

    A headline word counts as a name when the body spells it capitalised mid-sentence (or it is an
    acronym); Title Case headlines (detik) carry no such signal on their own.
    """
    table = _casing_table(body)

    def is_name(word: str) -> bool:
        if len(word) > 1 and word.isupper():
            return True
        forms = table.get(re.sub(r"\W", "", word.lower()), Counter())
        inner = Counter({f: n for f, n in forms.items() if not f.startswith("^")})
        capital = sum(n for f, n in inner.items() if f[:1].isupper())
        return bool(inner) and capital * 2 > sum(inner.values())

    runs: list[list[str]] = []
    current: list[str] = []
    for word in title.replace(":", " : ").split():
        clean = word.strip(",:;\"“”'‘’()?!")
        if clean and is_name(clean):
            current.append(clean)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    tags: list[str] = []
    for run in runs:
        tag = " ".join(run)
        tag = tag.lower() if lower else tag
        if tag not in tags:
            tags.append(tag)
    if not tags:  # no names: fall back to the headline's longest non-verb words
        words = {w.strip(",:;\"“”'()?!") for w in title.split()}
        nouns = [w for w in words if w and not _VERB_LIKE.match(w)] or [w for w in words if w]
        tags = [w.lower() if lower else w for w in sorted(nouns, key=lambda w: (-len(w), w))[:2]]
    return tags[:limit]


_VERB_LIKE = re.compile(r"^(?:me|di|ber|ter|mem|men|meng|ke)\w+|\w+(?:kan|nya|lah)$", re.I)


_LATIN1_RUN = re.compile(r"[\u0080-\u00ff]+")
_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf]")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Latin-1 upstream ('Ã\u0089lysÃ©e' -> 'Élysée')."""

    def decode(m: re.Match[str]) -> str:
        try:
            return m.group(0).encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)

    text = text.replace("\u00e2\u0081\u00a0", "").replace("\u00e2\u0081 ", "")  # a mangled word joiner
    return _LATIN1_RUN.sub(decode, text)


def is_clean(row: dict) -> bool:
    """Whether a row's text is free of mojibake after repair (the few that are not stay out of the demo)."""
    return not _MOJIBAKE.search(repair_mojibake(f"{row.get('title') or ''} {row['body']}"))


def detik_headline(title: str) -> str:
    """Title Case as detik writes headlines, keeping acronyms and short function words."""
    small = {"di", "ke", "dari", "dan", "yang", "untuk", "pada", "dengan", "atau", "dalam", "oleh", "terhadap"}
    words = title.split()
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in small:
            out.append(word.lower())
        elif word.isupper() or any(c.isupper() for c in word[1:]):
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


# --------------------------------------------------------------------------------------------------------
# Row building
# --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paths:
    articles: Path
    holdout: Path
    seed_capture: Path
    annotations: Path
    out: Path


def read_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_holdout(path: Path) -> set[str]:
    ids = set(path.read_text(encoding="utf-8").split())
    if not ids:
        raise SystemExit(f"holdout list {path} is empty: refusing to build without it")
    return ids


def read_annotations(directory: Path) -> dict[str, set[str]]:
    """Article id -> every label any annotator gave it (an empty set: read, and found off topic)."""
    files = sorted(directory.glob("annotator-*.jsonl"))
    if not files:
        raise SystemExit(f"no annotator-*.jsonl files in {directory}: refusing to build without the labels")
    labels: dict[str, set[str]] = {}
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    labels.setdefault(record["id"], set()).update(record["labels"])
    return labels


def on_topic_ids(labels: dict[str, set[str]]) -> set[str]:
    """Ids that any annotator labelled with a top-level topic (`kekerasan` or `gender`).

    Any, not a majority: most rows have one annotator, and a story one annotator read as on topic is
    worth showing in the demo even where a second one disagreed.
    """
    return {i for i, found in labels.items() if found & ON_TOPIC_LABELS}


def select_labelled(rows: list[dict], labels: dict[str, set[str]], target: int,
                    rng: random.Random) -> tuple[list[dict], int]:
    """Every row annotators put on topic plus a seeded sample of rows they read as off topic, `target` in all.

    The sample is drawn from annotated rows only, so that every selected row carries a hand label and
    the demo's on-topic count never rests on the keyword screen.
    """
    on_topic = on_topic_ids(labels)
    rows = sorted(rows, key=lambda r: r["id"])
    hits = [r for r in rows if r["id"] in on_topic]
    rest = [r for r in rows if r["id"] in labels and r["id"] not in on_topic]
    sample = rng.sample(rest, max(0, target - len(hits)))
    return sorted(hits + sample, key=lambda r: r["id"]), len(hits)


def select(rows: list[dict], target: int, rng: random.Random) -> tuple[list[dict], int]:
    """Every screened row plus a seeded random sample of the others, up to `target` rows."""
    rows = sorted(rows, key=lambda r: r["id"])
    hits = [r for r in rows if screen_terms(r.get("title") or _slug_words(r["url"]), r["body"])]
    rest = [r for r in rows if r not in hits]
    if len(hits) > target:
        hits = sorted(rng.sample(hits, target), key=lambda r: r["id"])
    sample = rng.sample(rest, max(0, target - len(hits)))
    return sorted(hits + sample, key=lambda r: r["id"]), len(hits)


def _slug_words(url: str) -> str:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def antara_rows(selected: list[dict], rng: random.Random) -> list[dict]:
    """IndoSum ANTARA rows re-hosted on the Kalteng replica with Kalteng-style ids and invented bylines."""
    rows = []
    for src in selected:
        published = day_time(src["id"], src["date"])
        raw_slug = urlsplit(src["url"]).path.rstrip("/").rsplit("/", 1)[-1]
        paragraphs = body_paragraphs(src["body"])
        paragraphs[0] = normalise_dateline(paragraphs[0])
        title = headline_from_slug(raw_slug, src["body"])
        rows.append({
            "id": src["id"], "dataset": src["dataset"], "licence": LICENCES[src["dataset"]],
            "source_url": src["url"], "site": "antara-kalteng", "url": None, "title": title,
            "published": published.isoformat(), "date_text": date_text(published),
            "author": PEWARTA[stable_int(src["id"], "pewarta") % len(PEWARTA)],
            "editor": EDITORS[stable_int(src["id"], "editor") % len(EDITORS)],
            "footer_style": "standard",
            "section": ANTARA_SECTIONS.get(src["category"], "Nasional"), "tags": title_tags(title, src["body"]),
            "caption": "Ilustrasi. ANTARA/Dokumentasi", "paragraphs": paragraphs, "kind": "original",
            "syndicated_from": None, "_slug": clean_slug(raw_slug),
        })
    # A Kalteng-like id sequence, increasing with publication time and below the seed's 834512.
    rows.sort(key=lambda r: (r["published"], r["id"]))
    number = 830000
    for row in rows:
        number += rng.randint(3, 24)
        row["url"] = f"https://{KALTENG_HOST}/berita/{number}/{row.pop('_slug')}"
    if number >= 834400:
        raise SystemExit("the Kalteng id sequence ran into the seed's id range")
    # One empty editor and one glued footer, so the footer parser meets both real-world variants.
    by_id = sorted(rows, key=lambda r: r["id"])
    by_id[0]["editor"] = ""
    by_id[1]["footer_style"] = "glued"
    return rows


def seed_row(capture_path: Path) -> dict:
    """The project's seed article, its paragraphs exactly as the reader captured them (repeat included)."""
    text = capture_path.read_text(encoding="utf-8")
    paragraphs = [line.rstrip("\r") for line in text.split("\n") if line.strip()]
    return {
        "id": short_id(SEED_URL), "dataset": "sorot-seed", "licence": LICENCES["sorot-seed"],
        "source_url": SEED_URL, "site": "antara-kalteng", "url": SEED_URL, "title": SEED_TITLE,
        "published": SEED_PUBLISHED.isoformat(), "date_text": date_text(SEED_PUBLISHED),
        "author": SEED_AUTHOR, "editor": SEED_EDITOR, "footer_style": "standard", "section": "Kabar Daerah",
        "tags": SEED_TAGS, "caption": SEED_CAPTION, "paragraphs": paragraphs, "kind": "seed",
        "syndicated_from": None,
    }


def seed_article_text(paragraphs: list[str]) -> list[str]:
    """The seed's story once, without the capture's repeat and related-link lines, dateline joined."""
    story = []
    for p in paragraphs[1:]:
        if p in story:
            break
        story.append(p)
    story = [p for p in story if not p.startswith("Baca juga:")]
    return [f"{paragraphs[0]} {story[0]}", *story[1:]]


def detik_rows(selected: list[dict]) -> list[dict]:
    rows = []
    for src in selected:
        host = urlsplit(src["url"]).hostname or ""
        section_seg = urlsplit(src["url"]).path.strip("/").split("/")[0]
        section = "Berita" if section_seg.startswith("berita") else section_seg.replace("-", " ").title()
        body = repair_mojibake(src["body"]).strip()
        body = re.sub(r"\s*\([a-z]{2,4}/[a-z]{2,4}\)\s*$", "", body)  # the template adds editor initials
        published = parse_detik_date(src["date"])
        rows.append({
            "id": src["id"], "dataset": src["dataset"], "licence": LICENCES[src["dataset"]],
            "source_url": src["url"], "site": "detik", "url": src["url"].split("?")[0],
            "title": repair_mojibake(src["title"]),
            "published": published.isoformat(), "date_text": src["date"],
            "author": f"Tim {DETIK_CHANNELS.get(host, 'detikcom')}", "editor": None,
            "section": section, "tags": title_tags(src["title"], body, lower=True),
            "caption": "Ilustrasi (Foto: Dok. detikcom)", "paragraphs": body_paragraphs(body),
            "kind": "original", "syndicated_from": None,
        })
    return rows


def is_cnn_article_url(url: str) -> bool:
    """A CNN Indonesia article at the standard path, on www. or another cnnindonesia.com host."""
    parts = urlsplit(url)
    on_cnn = (parts.hostname or "").endswith("cnnindonesia.com")
    return on_cnn and bool(CNN_ARTICLE_PATH.fullmatch(parts.path))


def cnn_rows(selected: list[dict]) -> list[dict]:
    """IndoSum CNN Indonesia rows on the CNN replica, at their original path (https, no trailing slash)."""
    rows = []
    for src in selected:
        m = CNN_ARTICLE_PATH.fullmatch(urlsplit(src["url"]).path)
        if m is None:
            raise SystemExit(f"not a CNN Indonesia article URL: {src['url']}")
        published = day_time(src["id"], src["date"])
        title = headline_from_slug(m["slug"], src["body"])
        rows.append({
            "id": src["id"], "dataset": src["dataset"], "licence": LICENCES[src["dataset"]],
            "source_url": src["url"], "site": "cnn-indonesia",
            "url": f"https://{CNN_HOST}{m.group(0).rstrip('/')}", "title": title,
            "published": published.isoformat(), "date_text": cnn_date_text(published),
            "author": CNN_AUTHORS[stable_int(src["id"], "cnn-author") % len(CNN_AUTHORS)], "editor": None,
            "section": cnn_section(m["section"]), "tags": cnn_tags(title, src["body"]),
            "caption": CNN_CAPTION, "paragraphs": body_paragraphs(src["body"]), "kind": "original",
            "syndicated_from": None,
        })
    return rows


def cnn_tags(title: str, body: str) -> list[str]:
    """Lower-case headline names as tags, without one-letter leftovers ("semester I" gives no tag "i")."""
    tags = title_tags(title, body, lower=True)
    return [t for t in tags if len(t) > 1] or tags


def cnn_section(segment: str) -> str:
    """The section's display name; its slug is the URL segment, which the replica's feeds are named by."""
    name = CNN_SECTIONS.get(segment, segment.replace("-", " ").title())
    if slugify(name) != segment:
        raise SystemExit(f"CNN section {name!r} does not slugify back to {segment!r}")
    return name


def _reword(paragraphs: list[str]) -> list[str]:
    """Reword one attribution, the smallest edit a desk makes to a wire story."""
    swaps = ((" mengatakan ", " menyampaikan "), (" kata ", " ujar "), (" ujarnya", " katanya"),
             (" katanya", " ujarnya"), (" menjelaskan ", " memaparkan "))
    out = list(paragraphs)
    for i, p in enumerate(out[1:], start=1):
        for old, new in swaps:
            if old in p:
                out[i] = p.replace(old, new, 1)
                return out
    raise ValueError("no attribution verb to reword")


def copy_paragraphs(orig: dict, edit: str | None) -> list[str]:
    """The story of an ANTARA row as another outlet republishes it: dateline kept, one light edit."""
    paragraphs = list(orig["paragraphs"])
    if orig["kind"] == "seed":
        paragraphs = seed_article_text(paragraphs)
    paragraphs = [p for p in paragraphs if not re.match(r"^\(?Baca juga", p)]
    if edit == "drop_last":
        paragraphs = paragraphs[:-1]
    elif edit == "drop_middle":
        del paragraphs[len(paragraphs) // 2]
    elif edit == "reword":
        paragraphs = _reword(paragraphs)
    elif edit is not None:
        raise ValueError(f"unknown light edit {edit!r}")
    return paragraphs


def syndicated_rows(originals: dict[str, dict], unrelated: list[str]) -> list[dict]:
    """Copies of ANTARA stories republished on the detik replica, as regional and national outlets do."""
    plan = list(SYNDICATED_TOPICAL) + [(oid, None, None) for oid in unrelated]
    rows = []
    used_numbers: set[int] = set()
    for oid, headline, edit in plan:
        orig = originals[oid]
        paragraphs = copy_paragraphs(orig, edit)
        title = headline or detik_headline(orig["title"])
        delay = timedelta(minutes=60 + stable_int(orig["id"], "delay") % (7 * 60 + 1))  # 1 to 8 hours
        published = datetime.fromisoformat(orig["published"]) + delay
        number = 9000000 + stable_int(orig["id"], "detik") % 1000000
        while number in used_numbers:
            number += 1
        used_numbers.add(number)
        rows.append({
            "id": f"{orig['id']}-syn", "dataset": orig["dataset"], "licence": orig["licence"],
            "source_url": orig["source_url"], "site": "detik",
            "url": f"https://{SYNDICATION_HOST}/berita/d-{number}/{slugify(title)}", "title": title,
            "published": published.isoformat(), "date_text": date_text(published),
            "author": "Tim detikNews", "editor": None, "section": "Berita",
            "tags": title_tags(title, " ".join(paragraphs), lower=True), "caption": "Ilustrasi (Foto: ANTARA)",
            "paragraphs": paragraphs, "kind": "syndicated", "syndicated_from": orig["id"],
            "light_edit": edit,
        })
    return rows


def cnn_syndicated_rows(originals: dict[str, dict]) -> list[dict]:
    """Copies of ANTARA stories on the CNN replica, some hours after the original, with invented CNN ids.

    The id is `<original id>-cnn` (detik's copies use `-syn`); the URL has CNN's timestamp-channel-number
    form with numbers 9xxxxx, above anything CNN Indonesia had issued when IndoSum was collected.
    """
    rows = []
    used_numbers: set[int] = set()
    for oid, title, edit, segment in CNN_SYNDICATED:
        orig = originals[oid]
        paragraphs = copy_paragraphs(orig, edit)
        delay = timedelta(minutes=60 + stable_int(orig["id"], "cnn-delay") % (7 * 60 + 1))  # 1 to 8 hours
        published = datetime.fromisoformat(orig["published"]) + delay
        # the URL's timestamp is when the CMS created the story, a few minutes before publication
        created = published - timedelta(seconds=stable_int(orig["id"], "cnn-stamp") % 600)
        stamp = created.strftime("%Y%m%d%H%M%S")
        number = 900000 + stable_int(orig["id"], "cnn") % 100000
        while number in used_numbers:
            number += 1
        used_numbers.add(number)
        path = f"/{segment}/{stamp}-{CNN_CHANNEL_IDS[segment]}-{number}/{slugify(title)}"
        rows.append({
            "id": f"{orig['id']}-cnn", "dataset": orig["dataset"], "licence": orig["licence"],
            "source_url": orig["source_url"], "site": "cnn-indonesia", "url": f"https://{CNN_HOST}{path}",
            "title": title, "published": published.isoformat(), "date_text": cnn_date_text(published),
            "author": "Tim CNN Indonesia", "editor": None, "section": cnn_section(segment),
            "tags": cnn_tags(title, " ".join(paragraphs)), "caption": "Ilustrasi. (ANTARA FOTO)",
            "paragraphs": paragraphs, "kind": "syndicated", "syndicated_from": orig["id"], "light_edit": edit,
        })
    return rows


FIELD_ORDER = (
    "id", "dataset", "licence", "source_url", "site", "url", "title", "published", "date_text", "author",
    "editor", "footer_style", "section", "tags", "caption", "paragraphs", "kind", "syndicated_from",
    "light_edit",
)


def ordered(row: dict) -> dict:
    return {k: row[k] for k in FIELD_ORDER if k in row}


def build(paths: Paths) -> tuple[list[dict], dict[str, int]]:
    corpus = read_corpus(paths.articles)
    holdout = read_holdout(paths.holdout)
    labels = read_annotations(paths.annotations)
    on_topic = on_topic_ids(labels)
    rng = random.Random(RANDOM_SEED)

    antara_pool = [r for r in corpus if r["dataset"] == "indosum" and r["outlet"] == "antaranews"
                   and r["id"] not in holdout and is_clean(r)]
    detik_pool = [r for r in corpus if r["dataset"] == "detik-may2026" and r["id"] not in holdout and is_clean(r)]
    antara_selected, antara_hits = select(antara_pool, ANTARA_TARGET, rng)
    detik_selected, detik_hits = select(detik_pool, DETIK_TARGET, rng)

    # Annotated on-topic detik rows the keyword screen missed join the seeded selection (no rng draw).
    chosen = {r["id"] for r in detik_selected}
    detik_labelled = [r for r in detik_pool if r["id"] in on_topic and r["id"] not in chosen]
    detik_selected = sorted(detik_selected + detik_labelled, key=lambda r: r["id"])
    cnn_pool = [r for r in corpus if r["dataset"] == "indosum" and r["outlet"] == "cnn indonesia"
                and r["id"] not in holdout and is_clean(r) and is_cnn_article_url(r["url"])]
    cnn_selected, cnn_hits = select_labelled(cnn_pool, labels, CNN_TARGET, random.Random(CNN_RANDOM_SEED))

    antara = antara_rows(antara_selected, rng)
    seed = seed_row(paths.seed_capture)
    detik = detik_rows(detik_selected)
    cnn = cnn_rows(cnn_selected)

    originals = {r["id"]: r for r in antara}
    originals["seed"] = seed
    topical = {oid for oid, _, _ in SYNDICATED_TOPICAL}
    missing = topical - set(originals)
    if missing:
        raise SystemExit(f"syndication plan names rows not in the selection: {sorted(missing)}")
    others = sorted(r["id"] for r in antara
                    if r["id"] not in topical and not screen_terms(r["title"], " ".join(r["paragraphs"])))
    unrelated = rng.sample(others, SYNDICATED_UNRELATED)
    syndicated = syndicated_rows(originals, unrelated)
    on_detik = {r["syndicated_from"] for r in syndicated}
    if not {oid for oid, *_ in CNN_SYNDICATED} <= on_detik - {seed["id"]}:
        raise SystemExit("every CNN copy must be of a non-seed story that detik also carries (three outlets)")
    cnn_syndicated = cnn_syndicated_rows(originals)

    rows = [seed, *antara, *detik, *syndicated, *cnn, *cnn_syndicated]
    rows.sort(key=lambda r: (SITE_ORDER[r["site"]], r["kind"] == "syndicated", r["published"], r["id"]))

    # The guarantees the test suite cannot check without the holdout list.
    # (Explicit checks, not asserts: they must hold even under `python -O`.)
    leaked = {r["syndicated_from"] or r["id"] for r in rows} & holdout
    if leaked:
        raise SystemExit(f"holdout ids leaked into the demo data: {sorted(leaked)}")
    if len({r["id"] for r in rows}) != len(rows) or len({r["url"] for r in rows}) != len(rows):
        raise SystemExit("duplicate ids or replica URLs in the demo data")
    stats = {
        "antara": len(antara), "antara_screened": antara_hits, "detik": len(detik),
        "detik_screened": detik_hits, "detik_labelled": len(detik_labelled), "syndicated": len(syndicated),
        "cnn": len(cnn), "cnn_labelled": cnn_hits, "cnn_syndicated": len(cnn_syndicated), "total": len(rows),
        "flagged": sum(bool(screen_terms(r["title"], " ".join(r["paragraphs"]))) for r in rows),
        "labelled_on_topic": sum((r["syndicated_from"] or r["id"]) in on_topic for r in rows),
    }
    return [ordered(r) for r in rows], stats


def write_jsonl(rows: Iterable[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def parse_args(argv: Sequence[str] | None) -> Paths:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES,
                        help="the shared corpus (default: ../shared/corpus/articles.jsonl from the repo root)")
    parser.add_argument("--holdout", type=Path, default=None,
                        help="evaluation holdout ids (default: holdout-ids.txt next to ARTICLES)")
    parser.add_argument("--seed-capture", type=Path, default=DEFAULT_SEED_CAPTURE)
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS,
                        help="folder of the annotator-*.jsonl hand labels (default: models/data/annotations)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    holdout = args.holdout or args.articles.parent / "holdout-ids.txt"
    return Paths(args.articles, holdout, args.seed_capture, args.annotations, args.out)


def main(argv: Sequence[str] | None = None) -> int:
    paths = parse_args(argv)
    rows, stats = build(paths)
    write_jsonl(rows, paths.out)
    print(f"wrote {len(rows)} rows to {paths.out}: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
