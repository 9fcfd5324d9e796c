"""A realistic synthetic warehouse at scale (default: 1 million articles, 40 outlets, 2 years) for benchmarks.

Real crawls of that size do not exist on a development machine, and the queries researchers and the weekly
report run must be measured at the size a deployment reaches. The warehouse is built with the shipped
migrations and filled in bulk with set-based SQL (minutes, not the hours the article-by-article loader would
take), then given its stories, source health, daily totals and search index exactly as after a real load,
and published.

What makes it realistic:
- text: Indonesian news paragraphs recombined from the bundled demo articles (openly licensed, see
  ``demo/data/ATTRIBUTION.md``; the seed article, which is not openly licensed, is left out), about 320 words
  an article; articles about violence or gender draw from the demo articles the rules tagger puts in that
  family, so searching "penganiayaan" finds articles labelled as violence;
- labels and stages: the joint distribution of ``LABEL_MIX``, weighted to the whole reference corpus (see
  there), so about 2.9% of articles carry a label, as in real general news;
- outlets: 8 ANTARA regional bureaus (wire agency), 6 national and 26 regional outlets with unequal volumes;
  three regional feeds go silent for two to six weeks (their articles go to a national outlet meanwhile, and
  their feeds answer empty), as real feeds do;
- syndication: 12% of articles are other outlets' copies of a story, three quarters of them ANTARA's, some
  stories carried by a dozen outlets; most copies are exact, the rest lightly edited;
- regions and quoted people: mostly the outlet's home province, dateline first; officials quoted in
  labelled articles and in some others (copies keep their story's facets);
- crawl records: a crawl run every 6 hours, a fetch-log row per article, failed fetches and feed events.
MinHash signatures are random values in the real layout (computing real ones would take longer than the
rest), so the writer's de-duplication runs against a million stored signatures as it would in production.
Article texts repeat paragraphs from a pool of about 3,400, so common words are more frequent than in real
news (searches on them read more postings) and the vocabulary is smaller.
Everything derives from ``seed``: the same arguments give the same warehouse.
Generation keeps DuckDB under MEMORY_LIMIT (it spills to ``<file>.tmp`` beyond it).
"""

from __future__ import annotations

import itertools
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb

from sorot.warehouse.db import connect_writer
from sorot.warehouse.health import record_source_health
from sorot.warehouse.loader import WarehouseLoader
from sorot.warehouse.publish import publish, published_path_for
from sorot.warehouse.search import refresh_search_index
from sorot.warehouse.views import refresh_reader_tables

# Label sets with their stage, per million articles. Derived once from the project's hand labels
# (models/data/gold.jsonl, taxonomy v1 + addendum 1): the annotation sample over-represents articles with
# violence or gender terms, so each sampling stratum's label rates were weighted by that stratum's share of
# the reference corpus (6,371 articles once the 280 evaluation-holdout ids are removed: 187 with strong terms,
# 419 with repeated mentions of women, children or victims, 1,431 hard negatives, 4,334 others). The rest of
# the million (97.1%) carries no label and the stage `lainnya`.
LABEL_MIX: tuple[tuple[int, str, str], ...] = (
    (6056, "proses_hukum", "kekerasan kekerasan_fisik"),
    (3720, "kejadian", "kekerasan kekerasan_fisik"),
    (1814, "kejadian", "kekerasan kekerasan_psikis"),
    (1099, "kejadian", "kekerasan kekerasan_seksual korban_perempuan"),
    (987, "layanan_korban", "kekerasan kekerasan_fisik"),
    (628, "kejadian", "kekerasan kekerasan_fisik korban_perempuan"),
    (628, "kejadian", "kekerasan kekerasan_seksual korban_anak korban_perempuan"),
    (494, "kejadian", "kekerasan kekerasan_fisik kekerasan_psikis korban_perempuan"),
    (494, "kejadian", "kekerasan perdagangan_orang"),
    (494, "proses_hukum", "kekerasan perdagangan_orang"),
    (471, "kejadian", "femisida kdrt kekerasan kekerasan_fisik korban_perempuan"),
    (471, "pencegahan", "kekerasan kekerasan_seksual korban_anak korban_perempuan"),
    (471, "proses_hukum",
     "femisida kekerasan kekerasan_fisik kekerasan_seksual korban_anak korban_perempuan"),
    (471, "proses_hukum", "kekerasan kekerasan_fisik korban_anak"),
    (471, "proses_hukum", "kekerasan kekerasan_seksual korban_perempuan"),
    (314, "kejadian", "gender kesetaraan_gender"),
    (314, "kejadian", "kekerasan kekerasan_fisik korban_anak"),
    (314, "lainnya", "gender kesetaraan_gender"),
    (314, "pencegahan", "gender perlindungan_anak"),
    (314, "proses_hukum", "kekerasan kekerasan_seksual korban_perempuan perdagangan_orang"),
    (314, "kejadian", "kdrt kekerasan kekerasan_fisik korban_anak"),
    (314, "proses_hukum", "kdrt kekerasan kekerasan_fisik korban_anak"),
    (157, "data", "gender perlindungan_anak"),
    (157, "kebijakan", "gender kepemimpinan_perempuan"),
    (157, "kebijakan", "gender kesetaraan_gender"),
    (157, "kejadian", "kdrt kekerasan kekerasan_fisik korban_anak korban_perempuan"),
    (157, "kejadian", "kekerasan korban_anak korban_perempuan penelantaran"),
    (157, "lainnya", "gender kepemimpinan_perempuan"),
    (157, "lainnya", "gender pemberdayaan_perempuan"),
    (157, "layanan_korban", "gender kekerasan kekerasan_psikis korban_anak layanan_ppa"),
    (157, "layanan_korban",
     "gender kekerasan kekerasan_seksual korban_anak korban_perempuan perdagangan_orang perkawinan_anak"),
    (157, "pencegahan", "gender kebijakan_ppa kekerasan kekerasan_seksual korban_anak perlindungan_anak"),
    (157, "proses_hukum", "kekerasan kekerasan_psikis"),
    (157, "proses_hukum", "kekerasan kekerasan_seksual korban_anak"),
    (157, "proses_hukum", "kekerasan kekerasan_seksual korban_anak korban_perempuan perdagangan_orang"),
    (157, "proses_hukum", "kekerasan korban_perempuan perdagangan_orang"),
    (157, "data", "kekerasan kekerasan_fisik"),
    (157, "data", "kekerasan kekerasan_fisik korban_anak"),
    (157, "kebijakan", "kekerasan kekerasan_fisik"),
    (157, "kebijakan", "kekerasan perundungan"),
    (157, "kejadian", "eksploitasi kdrt kekerasan kekerasan_fisik korban_anak korban_perempuan"),
    (157, "kejadian", "femisida kekerasan kekerasan_fisik kekerasan_seksual korban_perempuan"),
    (157, "kejadian", "femisida kekerasan kekerasan_fisik korban_perempuan"),
    (157, "kejadian", "gender kdrt kekerasan kekerasan_psikis korban_anak penelantaran perlindungan_anak"),
    (157, "kejadian", "gender kekerasan kekerasan_seksual kesetaraan_gender korban_perempuan"),
    (157, "kejadian", "kekerasan kekerasan_fisik kekerasan_psikis"),
    (157, "kejadian", "kekerasan kekerasan_fisik korban_anak korban_perempuan"),
    (157, "kejadian", "kekerasan kekerasan_fisik korban_anak perundungan"),
    (157, "kejadian", "kekerasan kekerasan_seksual korban_anak"),
    (157, "layanan_korban", "gender kekerasan kekerasan_seksual korban_anak layanan_ppa"),
    (157, "pencegahan", "gender"),
    (157, "pencegahan", "gender kekerasan kekerasan_seksual kesetaraan_gender korban_perempuan"),
    (157, "pencegahan", "gender kekerasan kesetaraan_gender korban_anak korban_perempuan"),
    (157, "pencegahan", "gender kesetaraan_gender"),
    (157, "pencegahan", "gender perkawinan_anak"),
    (157, "pencegahan", "kekerasan kekerasan_fisik"),
    (157, "proses_hukum",
     "eksploitasi kdrt kekerasan kekerasan_fisik kekerasan_psikis korban_perempuan perdagangan_orang"),
    (157, "proses_hukum",
     "femisida gender kekerasan kekerasan_fisik kekerasan_seksual korban_anak korban_perempuan "
     "perlindungan_anak"),
    (157, "proses_hukum", "femisida kekerasan kekerasan_fisik korban_perempuan"),
    (157, "proses_hukum", "gender kekerasan korban_anak perlindungan_anak perundungan"),
    (157, "proses_hukum", "gender kesetaraan_gender"),
    (157, "proses_hukum", "gender perlindungan_anak"),
    (157, "proses_hukum", "kdrt kekerasan kekerasan_fisik korban_perempuan"),
    (157, "proses_hukum", "kekerasan kekerasan_fisik kekerasan_psikis"),
    (157, "proses_hukum", "kekerasan kekerasan_fisik kekerasan_seksual korban_perempuan"),
    (157, "proses_hukum", "kekerasan kekerasan_fisik korban_anak korban_perempuan"),
    (157, "proses_hukum", "kekerasan kekerasan_fisik korban_anak korban_perempuan perdagangan_orang"),
    (157, "proses_hukum", "kekerasan kekerasan_fisik korban_perempuan"),
    (157, "proses_hukum", "kekerasan kekerasan_psikis korban_perempuan"),
    (157, "proses_hukum", "kekerasan kekerasan_seksual"),
    (157, "proses_hukum", "kekerasan kekerasan_seksual korban_anak korban_perempuan"),
    (157, "proses_hukum", "kekerasan kekerasan_seksual korban_anak perdagangan_orang"),
    (157, "proses_hukum", "kekerasan korban_anak perundungan"),
)
PER = 1_000_000

PROVINCES = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Bengkulu",
    "Sumatera Selatan", "Kepulauan Bangka Belitung", "Lampung", "Banten", "Daerah Khusus Ibukota Jakarta",
    "Jawa Barat", "Jawa Tengah", "Daerah Istimewa Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat",
    "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur",
    "Kalimantan Utara", "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat",
    "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku", "Maluku Utara", "Papua", "Papua Barat",
    "Papua Barat Daya", "Papua Tengah", "Papua Pegunungan", "Papua Selatan",
)
"""The 38 provinces, named as the region facets name them (Kemendagri's list)."""
WIRE_PROVINCES = ("Kalimantan Tengah", "Kalimantan Barat", "Kalimantan Selatan", "Kalimantan Timur",
                  "Jawa Timur", "Sulawesi Selatan", "Sumatera Utara", "Papua")
NATIONAL_OUTLETS = 6
COPY_SHARE = 0.12
WIRE_COPY_SHARE = 0.75
EXACT_COPY_SHARE = 0.7
SILENT_FEEDS = ((0.27, 21), (0.55, 14), (0.80, 42))
"""(when, as a fraction of the period; for how many days) three regional feeds go silent."""
TAGGER_VERSION = "synthetic-1"
RUN_HOURS = 6
MINHASH_BYTES = 1024
"""128 little-endian uint64 MinHash values below 2**32 (datasketch's affine32 scheme): 4 random bytes, then 4
zero bytes, each; the real blob adds a short tail (sizes and figure hashes) that readers treat as optional."""
CHUNK_DAYS = 30
MEMORY_LIMIT = "4GB"
"""DuckDB spills to a temporary directory beyond this, so generation leaves room for everything else."""


@dataclass(frozen=True)
class SyntheticSpec:
    articles: int = 1_000_000
    outlets: int = 40
    days: int = 730
    start: date = date(2024, 6, 3)
    """A Monday, so the period starts on an ISO week."""
    seed: int = 6


@dataclass(frozen=True)
class SyntheticSummary:
    path: Path
    published: Path | None
    articles: int
    stories: int
    labelled: int
    seconds: float
    steps: dict[str, float]
    """Seconds per step (bulk insert, stories, daily totals, search index...), for the benchmark notes."""


@dataclass(frozen=True)
class Outlet:
    source_id: str
    name: str
    outlet_type: str
    region: str | None
    host: str
    weight: float
    silent_from: int | None = None
    silent_days: int = 0

    @property
    def is_wire(self) -> bool:
        return self.outlet_type == "wire"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def synthetic_outlets(count: int, days: int, seed: int) -> list[Outlet]:
    """ANTARA bureaus, national outlets, then regional ones; unequal volumes like a real source list."""
    if count < 10:
        raise ValueError(f"a synthetic warehouse needs at least 10 outlets, got {count}")
    rng = random.Random(seed)
    wire = [Outlet(f"syn-antara-{_slug(p)}", f"ANTARA {p} (sintetis)", "wire", p,
                   f"{_slug(p)}.antara-sintetis.example", 1.6) for p in WIRE_PROVINCES[: max(2, count // 5)]]
    national = [Outlet(f"syn-nasional-{k + 1}", f"Kabar Nasional {k + 1} (sintetis)", "national", None,
                       f"nasional{k + 1}.sintetis.example", 5.0) for k in range(NATIONAL_OUTLETS)]
    regional_count = count - len(wire) - len(national)
    provinces = ["Kalimantan Tengah", "Kalimantan Tengah", *PROVINCES]
    regional = []
    for k in range(regional_count):
        province = provinces[k % len(provinces)]
        regional.append(Outlet(f"syn-warta-{k + 1:02d}", f"Warta {province} {k + 1} (sintetis)", "regional",
                               province, f"warta{k + 1:02d}.sintetis.example",
                               round(rng.uniform(0.3, 2.0), 2)))
    for (when, length), index in zip(SILENT_FEEDS, (1, 5, 9), strict=True):
        if index < len(regional):
            regional[index] = replace(regional[index], silent_from=int(days * when), silent_days=length)
    return wire + national + regional


@cache
def _templates() -> tuple[tuple[tuple, ...], tuple[tuple, ...]]:
    """(family, k, title, lead paragraph index, dateline, section) and (family, p, text, words) rows.

    The family of a template is what the rules tagger finds in the demo article, so violence text goes with
    violence labels. Cached: the bundled articles do not change while a process runs.
    """
    from sorot.models.rules import RuleTagger

    tagger = RuleTagger()
    rows = []
    source = resources.files("sorot.demo") / "data" / "articles.jsonl"
    for line in source.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("dataset") == "sorot-seed" or record.get("syndicated_from"):
            continue  # the seed article is not openly licensed; syndicated rows repeat another's words
        if not record.get("paragraphs"):
            continue
        labels = tagger.tag(record.get("title") or "", "\n\n".join(record["paragraphs"])).label_names()
        family = "kekerasan" if "kekerasan" in labels else "gender" if "gender" in labels else "lainnya"
        rows.append((family, record))
    templates, paragraphs = [], []
    counters: dict[str, tuple[int, int]] = {}
    for family, record in sorted(rows, key=lambda item: (item[0], item[1]["id"])):
        articles, paras = counters.get(family, (0, 0))
        lead = record["paragraphs"][0]
        dateline = re.match(r"^([A-Z][\w .,'-]{1,40}?)(?: \(ANTARA\))? ?(?:-|–|,)", lead)
        place = dateline.group(1).split(",")[0].strip() if dateline else None
        title = record.get("title") or lead[:80]
        templates.append((family, articles, title, paras, place, record.get("section")))
        for paragraph in record["paragraphs"]:
            paragraphs.append((family, paras, paragraph, len(paragraph.split())))
            paras += 1
        counters[family] = (articles + 1, paras)
    return tuple(templates), tuple(paragraphs)


def generate_synthetic_warehouse(path: Path, spec: SyntheticSpec = SyntheticSpec(), *,
                                 publish_copy: bool = True,
                                 on_progress: Callable[[str], None] = print) -> SyntheticSummary:
    """Write a new synthetic warehouse at ``path`` (which must not exist) and publish it beside it."""
    if path.exists():
        raise FileExistsError(f"{path} exists; the generator only writes a new warehouse")
    if spec.articles < 100 or spec.days < 14:
        raise ValueError("a synthetic warehouse needs at least 100 articles over at least 14 days")
    started = time.monotonic()
    steps: dict[str, float] = {}
    outlets = synthetic_outlets(spec.outlets, spec.days, spec.seed)
    templates, paragraphs = _templates()
    families = Counter(row[0] for row in templates)
    on_progress(f"[synthetic] {len(templates)} demo articles as templates: "
                + ", ".join(f"{family} {n}" for family, n in sorted(families.items())))
    con = connect_writer(path)
    try:
        con.execute("SET TimeZone = 'UTC'")
        con.execute("SET enable_progress_bar = false")
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute(f"CREATE TEMP MACRO rnd(i, salt) AS (hash(i, salt, {int(spec.seed)}) % 1000003)::DOUBLE "
                    "/ 1000003")
        _reference_tables(con, outlets, templates, paragraphs)
        step = time.monotonic()
        _bulk_articles(con, spec, on_progress)
        steps["articles"] = time.monotonic() - step
        step = time.monotonic()
        _facets(con)
        steps["facets"] = time.monotonic() - step
        step = time.monotonic()
        _crawl_records(con, spec, outlets)
        steps["crawl records"] = time.monotonic() - step
        con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [(o.source_id, o.name, o.outlet_type, o.region, f"https://{o.host}/", "WIB", "id",
                          o.is_wire) for o in outlets])
        step = time.monotonic()
        WarehouseLoader(con).refresh_stories()
        steps["stories"] = time.monotonic() - step
        end = datetime.combine(spec.start, datetime.min.time(), UTC) + timedelta(days=spec.days)
        step = time.monotonic()
        record_source_health(con, end)
        steps["source health"] = time.monotonic() - step
        on_progress("[synthetic] daily totals and the full-text index")
        refreshed = refresh_reader_tables(con)
        steps["daily totals"] = refreshed.daily_seconds
        steps["search index (append)"] = refreshed.search.seconds
        _drop_reference_tables(con)
        step = time.monotonic()
        con.execute("CHECKPOINT")
        steps["checkpoint"] = time.monotonic() - step
        articles, stories, labelled = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories), "
            "(SELECT count(DISTINCT article_id) FROM article_labels)").fetchone()
    finally:
        con.close()
    published = None
    if publish_copy:
        step = time.monotonic()
        published = publish(path, published_path_for(path))
        steps["publish"] = time.monotonic() - step
    seconds = time.monotonic() - started
    on_progress(f"[synthetic] {articles} articles, {stories} stories, {labelled} labelled, "
                f"in {seconds:.0f} s")
    return SyntheticSummary(path, published, int(articles), int(stories), int(labelled), seconds, steps)


def _reference_tables(con: duckdb.DuckDBPyConnection, outlets: list[Outlet], templates: Sequence[tuple],
                      paragraphs: Sequence[tuple]) -> None:
    """Small temporary tables the bulk SQL draws from: outlets with weight ranges, label mix, templates."""
    total = sum(o.weight for o in outlets)
    carriers = [o for o in outlets if not o.is_wire]
    carrier_total = sum(o.weight for o in carriers)
    fallback = next(i for i, o in enumerate(outlets) if o.outlet_type == "national")
    rows, low, carrier_low = [], 0.0, 0.0
    for index, o in enumerate(outlets):
        high = low + o.weight / total
        carrier_high = carrier_low + (o.weight / carrier_total if not o.is_wire else 0.0)
        # another carrier, for a copy that would otherwise land on its own head's outlet
        next_carrier = carriers[(carriers.index(o) + 1) % len(carriers)] if not o.is_wire else None
        alternate = outlets.index(next_carrier) if next_carrier else fallback
        rows.append((index, o.source_id, o.host, o.region, o.is_wire, low, high, carrier_low, carrier_high,
                     o.silent_from if o.silent_from is not None else -1,
                     (o.silent_from or 0) + o.silent_days - 1 if o.silent_from is not None else -2,
                     fallback, alternate))
        low, carrier_low = high, carrier_high
    con.execute("CREATE TEMP TABLE syn_outlets (o INTEGER, source_id VARCHAR, host VARCHAR, region VARCHAR, "
                "is_wire BOOLEAN, "
                "lo DOUBLE, hi DOUBLE, carrier_lo DOUBLE, carrier_hi DOUBLE, silent_from INTEGER, "
                "silent_to INTEGER, fallback INTEGER, alternate INTEGER)")
    con.executemany("INSERT INTO syn_outlets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("UPDATE syn_outlets SET hi = 1.0 WHERE o = (SELECT max(o) FROM syn_outlets)")
    con.execute("UPDATE syn_outlets SET carrier_hi = 1.0 WHERE o = (SELECT max(o) FROM syn_outlets "
                "WHERE NOT is_wire)")

    mix, low = [], 0.0
    for m, (weight, tahap, labels) in enumerate(LABEL_MIX):
        names = labels.split()
        family = "kekerasan" if "kekerasan" in names else "gender"
        mix.append((m, low, low + weight / PER, names, tahap, family))
        low += weight / PER
    mix.append((len(mix), low, 1.0, [], "lainnya", "lainnya"))
    con.execute("CREATE TEMP TABLE syn_mix (m INTEGER, lo DOUBLE, hi DOUBLE, labels VARCHAR[], "
                "tahap VARCHAR, family VARCHAR)")
    con.executemany("INSERT INTO syn_mix VALUES (?, ?, ?, ?, ?, ?)", mix)
    con.execute("CREATE TEMP TABLE syn_templates (family VARCHAR, k INTEGER, title VARCHAR, lead INTEGER, "
                "dateline VARCHAR, section VARCHAR)")
    _insert_columns(con, "syn_templates", templates)
    con.execute("CREATE TEMP TABLE syn_paragraphs (family VARCHAR, p INTEGER, text VARCHAR, words INTEGER)")
    _insert_columns(con, "syn_paragraphs", paragraphs)
    con.execute("CREATE TEMP TABLE syn_pools AS SELECT t.family, t.templates, p.paragraphs FROM "
                "(SELECT family, count(*) AS templates FROM syn_templates GROUP BY family) t JOIN "
                "(SELECT family, count(*) AS paragraphs FROM syn_paragraphs GROUP BY family) p "
                "USING (family)")


def _insert_columns(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple]) -> None:
    """Many rows in one statement (one list parameter per column): executemany binds row by row."""
    columns = list(zip(*rows, strict=True))
    unnested = ", ".join(f"unnest(?) AS c{i}" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} SELECT {unnested}", [list(column) for column in columns])


def _bulk_articles(con: duckdb.DuckDBPyConnection, spec: SyntheticSpec,
                   on_progress: Callable[[str], None]) -> None:
    """Originals, then copies of them, then their texts, then one ordered insert into ``articles``."""
    originals = round(spec.articles * (1 - COPY_SHARE))
    copies = spec.articles - originals
    start = datetime.combine(spec.start, datetime.min.time(), UTC) - timedelta(hours=7)  # midnight WIB
    step_us = spec.days * 86_400_000_000 / originals
    on_progress(f"[synthetic] {originals} original articles and {copies} copies over {spec.days} days")
    con.execute(
        "CREATE TEMP TABLE syn_orig AS "
        "WITH b AS (SELECT i, "
        "                  ?::TIMESTAMPTZ + to_microseconds(CAST((i + rnd(i, 1)) * ? AS BIGINT)) "
        "                      AS published_at, "
        "                  rnd(i, 2) AS u_outlet, rnd(i, 3) AS u_mix, rnd(i, 4) AS u_template "
        "           FROM range(?) r(i)) "
        "SELECT b.i AS n, b.published_at, "
        "       CASE WHEN date_diff('day', ?::TIMESTAMPTZ, b.published_at) "
        "                 BETWEEN o.silent_from AND o.silent_to THEN o.fallback ELSE o.o END AS o, "
        "       m.m, m.family, "
        "       CAST(floor(b.u_template * p.templates) AS INTEGER) AS template "
        "FROM b JOIN syn_outlets o ON b.u_outlet >= o.lo AND b.u_outlet < o.hi "
        "JOIN syn_mix m ON b.u_mix >= m.lo AND b.u_mix < m.hi "
        "JOIN syn_pools p ON p.family = m.family",
        [start, step_us, originals, start],
    )
    con.execute("CREATE TEMP TABLE syn_wire_orig AS SELECT row_number() OVER (ORDER BY n) - 1 AS k, n "
                "FROM syn_orig JOIN syn_outlets USING (o) WHERE is_wire")
    wire_originals = int(con.execute("SELECT count(*) FROM syn_wire_orig").fetchone()[0]) or 1
    # a copy's head: mostly an ANTARA story (30% of those among every 50th, so that some stories travel
    # far), else any original; published 10 minutes to 36 hours later by another, non-agency outlet
    con.execute(
        "CREATE TEMP TABLE syn_copy AS "
        "WITH c AS (SELECT c, rnd(c, 11) AS u_source, rnd(c, 12) AS u_head, rnd(c, 13) AS u_viral, "
        "                  rnd(c, 14) AS u_outlet, rnd(c, 15) AS u_delay, rnd(c, 16) AS u_exact "
        "           FROM range(?) r(c)), "
        "h AS (SELECT c.*, "
        "             CASE WHEN c.u_source < ? THEN w.n ELSE CAST(floor(c.u_head * ?) AS BIGINT) END AS head "
        "      FROM c LEFT JOIN syn_wire_orig w ON w.k = CASE WHEN c.u_viral < 0.3 "
        "           THEN CAST(floor(c.u_head * ? / 50) AS BIGINT) * 50 "
        "           ELSE CAST(floor(c.u_head * ?) AS BIGINT) END) "
        "SELECT ? + h.c AS n, h.head, "
        "       ho.published_at + to_minutes(CAST(10 + h.u_delay * h.u_delay * 2150 AS BIGINT)) "
        "           AS published_at, "
        "       CASE WHEN co.o = ho.o THEN co.alternate ELSE co.o END AS o, ho.m, ho.family, ho.template, "
        "       h.u_exact < ? AS exact, 0.55 + 0.4 * rnd(h.c, 17) AS similarity "
        "FROM h JOIN syn_orig ho ON ho.n = h.head "
        "JOIN syn_outlets co "
        "  ON h.u_outlet >= co.carrier_lo AND h.u_outlet < co.carrier_hi AND NOT co.is_wire",
        [copies, WIRE_COPY_SHARE, originals, wire_originals, wire_originals, originals, EXACT_COPY_SHARE],
    )
    con.execute(
        "CREATE TEMP TABLE syn_all AS "
        "SELECT n, NULL::BIGINT AS head, published_at, o, m, family, template, NULL::BOOLEAN AS exact, "
        "       NULL::DOUBLE AS similarity, n AS text_seed FROM syn_orig "
        "UNION ALL "
        "SELECT n, head, published_at, o, m, family, template, exact, similarity, head FROM syn_copy"
    )
    con.execute(
        "CREATE TEMP TABLE syn_ids AS "
        "SELECT a.n, 'https://' || o.host || '/berita/' || (100000 + a.n)::VARCHAR || '/' || "
        "       left(trim(regexp_replace(lower(t.title), '[^a-z0-9]+', '-', 'g'), '-'), 80) AS url "
        "FROM syn_all a JOIN syn_outlets o ON o.o = a.o "
        "JOIN syn_templates t ON t.family = a.family AND t.k = a.template"
    )
    con.execute("ALTER TABLE syn_ids ADD COLUMN article_id VARCHAR")
    con.execute("UPDATE syn_ids SET article_id = substr(sha1(url), 1, 16)")
    on_progress("[synthetic] composing texts and inserting articles in the order a crawler stored them")
    # month by month, so that memory stays bounded; the first week alone, because like a real warehouse
    # the first load builds the search index and every later load appends to it
    bounds = [start, start + timedelta(days=7)]
    while bounds[-1] < start + timedelta(days=spec.days + 2):
        bounds.append(bounds[-1] + timedelta(days=CHUNK_DAYS))
    bounds[-1] = datetime.max.replace(tzinfo=UTC)
    for index, (low, high) in enumerate(itertools.pairwise(bounds)):
        con.execute(_INSERT_ARTICLES, [low, high, TAGGER_VERSION, MINHASH_BYTES // 32, RUN_HOURS])
        if index == 0:
            refresh_search_index(con, full=True)
    con.execute(
        "INSERT INTO article_labels "
        "SELECT i.article_id, l.label, round(0.55 + 0.45 * rnd(a.n, hash(l.label)), 3), '[]', ? "
        "FROM syn_all a JOIN syn_ids i ON i.n = a.n "
        "JOIN (SELECT m, unnest(labels) AS label FROM syn_mix) l ON l.m = a.m "
        "ORDER BY i.article_id, l.label",
        [TAGGER_VERSION],
    )


QUOTED_FIRST_NAMES = ("Agus", "Budi", "Dewi", "Siti", "Rahmat", "Yuliana", "Hendra", "Nur", "Fitri", "Andi",
                      "Rina", "Slamet", "Wahyu", "Maria", "Yohanes", "Made", "Abdul", "Ratna", "Teguh", "Sri")
QUOTED_LAST_NAMES = ("Santoso", "Wijaya", "Lestari", "Hidayat", "Saputra", "Rahman", "Siregar", "Pratama",
                     "Kurniawan", "Susanti", "Harahap", "Manurung", "Setiawan", "Nugroho", "Pakpahan")
QUOTED_ROLES = ("Kapolres", "Kasat Reskrim", "Kepala DP3A", "Bupati", "Wali Kota", "Gubernur", "Ketua DPRD",
                "Kepala Dinas Sosial", "Ketua KPAI", "Kepala UPTD PPA", "Kepala Dinas Kesehatan", "Camat",
                "pengamat", "warga")


def _facets(con: duckdb.DuckDBPyConnection) -> None:
    """Regions (mostly the outlet's home province, dateline first) and quoted people; copies keep their
    head's, as the facet extractor would find the same in the same words."""
    con.execute(
        "INSERT INTO article_regions "
        "WITH base AS (SELECT a.n, a.text_seed, coalesce(ha.o, a.o) AS o FROM syn_all a "
        "              LEFT JOIN syn_all ha ON ha.n = a.head), "
        "placed AS (SELECT b.n, r.position, "
        "                  CASE WHEN r.position = 0 AND o.region IS NOT NULL AND rnd(b.text_seed, 51) < 0.8 "
        "                       THEN o.region "
        "                       ELSE (?::VARCHAR[])[1 + CAST(floor(rnd(b.text_seed, 52 + r.position) * ?) "
        "                                                    AS INTEGER)] "
        "                  END AS province "
        "           FROM base b JOIN syn_outlets o ON o.o = b.o CROSS JOIN range(2) r(position) "
        "           WHERE (r.position = 0 AND rnd(b.text_seed, 50) >= 0.1) "
        "              OR (r.position = 1 AND rnd(b.text_seed, 53) < 0.35)) "
        "SELECT i.article_id, p.position, p.province, NULL, NULL, NULL, p.province, "
        "       CASE WHEN p.position = 0 THEN 'dateline' ELSE 'text' END, NULL "
        "FROM placed p JOIN syn_ids i ON i.n = p.n ORDER BY i.article_id, p.position",
        [list(PROVINCES), len(PROVINCES)],
    )
    con.execute(
        "INSERT INTO article_quotes "
        "WITH counted AS (SELECT a.n, a.text_seed, "
        "                 CASE WHEN m.family <> 'lainnya' "
        "                      THEN 1 + CAST(floor(rnd(a.text_seed, 60) * 3) AS INTEGER) "
        "                      WHEN rnd(a.text_seed, 61) < 0.4 "
        "                      THEN 1 + CAST(floor(rnd(a.text_seed, 62) * 2) AS INTEGER) "
        "                      ELSE 0 END AS quotes "
        "                 FROM syn_all a JOIN syn_mix m ON m.m = a.m) "
        "SELECT i.article_id, q.position, "
        "       (?::VARCHAR[])[1 + CAST(floor(rnd(c.text_seed, 70 + q.position) * ?) AS INTEGER)] || ' ' || "
        "       (?::VARCHAR[])[1 + CAST(floor(rnd(c.text_seed, 80 + q.position) * ?) AS INTEGER)], "
        "       (?::VARCHAR[])[1 + CAST(floor(rnd(c.text_seed, 90 + q.position) * ?) AS INTEGER)], "
        "       1 + CAST(floor(rnd(c.text_seed, 95 + q.position) * 3) AS INTEGER) "
        "FROM counted c CROSS JOIN range(3) q(position) JOIN syn_ids i ON i.n = c.n "
        "WHERE q.position < c.quotes ORDER BY i.article_id, q.position",
        [list(QUOTED_FIRST_NAMES), len(QUOTED_FIRST_NAMES), list(QUOTED_LAST_NAMES), len(QUOTED_LAST_NAMES),
         list(QUOTED_ROLES), len(QUOTED_ROLES)],
    )


_INSERT_ARTICLES = (
    # a text: its template's lead paragraph, then 5 to 11 paragraphs of the same family; an edited copy
    # drops the last one; an exact copy has its head's words
    "INSERT INTO articles "
    "WITH chunk AS (SELECT * FROM syn_all WHERE published_at >= ? AND published_at < ?), "
    "g AS (SELECT a.n, a.family, a.text_seed, t.lead, "
    "             unnest(range(6 + CAST(floor(rnd(a.text_seed, 20) * 7) AS INTEGER) "
    "                          - CASE WHEN a.exact = false THEN 1 ELSE 0 END)) AS j "
    "      FROM chunk a JOIN syn_templates t ON t.family = a.family AND t.k = a.template), "
    "gp AS (SELECT g.n, g.j, g.family, CASE WHEN g.j = 0 THEN g.lead "
    "              ELSE CAST(floor(rnd(g.text_seed, 100 + g.j) * p.paragraphs) AS INTEGER) END AS p "
    "       FROM g JOIN syn_pools p ON p.family = g.family), "
    "x AS (SELECT gp.n, string_agg(x.text, chr(10) || chr(10) ORDER BY gp.j) AS text, sum(x.words) AS words "
    "      FROM gp JOIN syn_paragraphs x ON x.family = gp.family AND x.p = gp.p GROUP BY gp.n) "
    "SELECT i.article_id, i.url, i.url, o.source_id, t.title, a.published_at, NULL, "
    "       strftime(timezone('Asia/Jakarta', a.published_at), '%d/%m/%Y %H:%M WIB'), "
    "       'Pewarta ' || (hash(a.n, 31) % 400)::VARCHAR, 'Editor ' || (hash(a.n, 32) % 60)::VARCHAR, "
    "       t.dateline, t.section, []::VARCHAR[], 'id', x.text, x.words, sha1(x.text), "
    "       CASE WHEN a.exact THEN h.article_id END, coalesce(h.article_id, i.article_id), h.article_id, "
    "       CASE WHEN a.exact THEN 1.0 ELSE a.similarity END, "
    "       coalesce(a.head IS NOT NULL AND ho.is_wire, false), "
    "       CASE WHEN a.head IS NOT NULL AND ho.is_wire THEN 'ANTARA' END, "
    "       m.tahap, ?, 'synthetic', 'synthetic', "
    "       unhex(array_to_string(list_transform(range(?), k -> regexp_replace(md5(CASE WHEN a.exact "
    "             THEN a.head ELSE a.n END || ':' || k), '(.{8})', '\\100000000', 'g')), '')), "
    "       'syn-' || strftime(time_bucket(to_hours(?), a.published_at + to_minutes(CAST(5 + rnd(a.n, 33) "
    "             * 115 AS BIGINT))), '%Y%m%dT%H%MZ'), "
    "       a.published_at + to_minutes(CAST(5 + rnd(a.n, 33) * 115 AS BIGINT)), []::VARCHAR[] "
    "FROM chunk a JOIN syn_ids i ON i.n = a.n JOIN x ON x.n = a.n "
    "JOIN syn_outlets o ON o.o = a.o JOIN syn_mix m ON m.m = a.m "
    "JOIN syn_templates t ON t.family = a.family AND t.k = a.template "
    "LEFT JOIN syn_ids h ON h.n = a.head "
    "LEFT JOIN syn_all ha ON ha.n = a.head LEFT JOIN syn_outlets ho ON ho.o = ha.o "
    "ORDER BY 30, 1"
)


def _crawl_records(con: duckdb.DuckDBPyConnection, spec: SyntheticSpec, outlets: list[Outlet]) -> None:
    """Crawl runs every RUN_HOURS, a fetch-log row per article, failed pages and feed answers."""
    con.execute(
        "INSERT INTO fetched_pages "
        "SELECT a.run_id, a.url, a.canonical_url, a.source_id, a.first_seen_at - INTERVAL 1 MINUTE, "
        "       'article', 200, a.run_id || '.warc.gz', (hash(a.article_id) % 100000000)::BIGINT, "
        "       'article', NULL "
        "FROM articles a"
    )
    failures = max(1, spec.articles // 100)
    con.execute(
        "INSERT INTO fetched_pages "
        "WITH f AS (SELECT a.*, r.k FROM (SELECT row_number() OVER () AS r, * FROM articles) a "
        "           JOIN (SELECT k, CAST(floor(rnd(k, 41) * ?) AS BIGINT) + 1 AS r FROM range(?) t(k)) r "
        "           ON r.r = a.r) "
        "SELECT run_id, replace(url, '/berita/', '/berita/gagal-') || '-' || k::VARCHAR, NULL, source_id, "
        "       first_seen_at - INTERVAL 2 MINUTE, "
        "       CASE WHEN k % 2 = 0 THEN 'fetch_error' ELSE 'article' END, "
        "       CASE WHEN k % 2 = 0 THEN NULL ELSE 200 END, NULL, NULL, "
        "       CASE WHEN k % 2 = 0 THEN 'fetch_error' ELSE 'error' END, "
        "       CASE WHEN k % 2 = 0 THEN 'HTTP 503' ELSE 'no article text found' END "
        "FROM f",
        [spec.articles, failures],
    )
    runs = spec.days * 24 // RUN_HOURS
    start = datetime.combine(spec.start, datetime.min.time(), UTC) - timedelta(hours=7)
    silent = [(o.source_id, o.silent_from, o.silent_from + o.silent_days - 1) for o in outlets
              if o.silent_from is not None]
    con.execute("CREATE TEMP TABLE syn_silent (source_id VARCHAR, first_day INTEGER, last_day INTEGER)")
    if silent:
        con.executemany("INSERT INTO syn_silent VALUES (?, ?, ?)", silent)
    con.execute(
        "INSERT INTO fetched_pages "
        "WITH r AS (SELECT k, ?::TIMESTAMPTZ + to_hours(k * ?) AS at FROM range(?) t(k)) "
        "SELECT 'syn-' || strftime(time_bucket(to_hours(?), r.at), '%Y%m%dT%H%MZ'), "
        "       'https://' || o.host || '/rss', NULL, o.source_id, r.at, "
        "       CASE WHEN s.source_id IS NOT NULL THEN 'feed_empty' ELSE 'feed_ok' END, NULL, NULL, NULL, "
        "       CASE WHEN s.source_id IS NOT NULL THEN 'feed_empty' ELSE 'feed_ok' END, "
        "       CASE WHEN s.source_id IS NOT NULL THEN 'the feed lists no item' END "
        "FROM r CROSS JOIN syn_outlets o "
        "LEFT JOIN syn_silent s ON s.source_id = o.source_id "
        "     AND date_diff('day', ?::TIMESTAMPTZ, r.at) BETWEEN s.first_day AND s.last_day",
        [start, RUN_HOURS, runs, RUN_HOURS, start],
    )
    con.execute(
        "INSERT INTO crawl_runs "
        "SELECT run_id, min(fetched_at), max(fetched_at) + INTERVAL 20 MINUTE, ?, "
        "       count(*) FILTER (WHERE kind = 'article'), "
        "       count(*) FILTER (WHERE outcome IN ('error', 'fetch_error')), "
        "       count(*) FILTER (WHERE outcome = 'article'), "
        "       CASE WHEN count(*) FILTER (WHERE outcome IN ('error', 'fetch_error', 'feed_empty')) > 0 "
        "            THEN 'ok_with_errors' ELSE 'ok' END, "
        "       'synthetic warehouse (sorot.warehouse.synthetic), seed ' || ? "
        "FROM fetched_pages GROUP BY run_id ORDER BY run_id",
        [[o.source_id for o in outlets], str(spec.seed)],
    )


def _drop_reference_tables(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("syn_outlets", "syn_mix", "syn_templates", "syn_paragraphs", "syn_pools", "syn_orig",
                  "syn_wire_orig", "syn_copy", "syn_all", "syn_ids", "syn_silent"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
