"""Full-text search over articles: DuckDB's fts extension with the Indonesian stemmer, ranked by BM25.

The index lives in the warehouse itself (schema ``fts_main_articles``), so it travels with the published copy
and a researcher can also call ``fts_main_articles.match_bm25(article_id, 'query')`` directly. The Snowball
Indonesian stemmer strips affixes, so "penganiayaan" and "dianiaya" both become "aniaya" and find each other.

The extension's ``PRAGMA create_fts_index`` indexes a whole table and does not follow later inserts; at a
million articles a rebuild takes minutes, too long after every hourly load. So the first build (and any
build after the configuration changed) uses the pragma, and each later load appends only its new articles to
the same tables in the same layout (postings, dictionary with document frequencies, document lengths,
collection statistics): BM25 scores equal a full rebuild's, which a test checks. Articles are never
deleted or rewritten by the loader; if the index and the table ever disagree, the next refresh rebuilds.

Queries do not go through ``match_bm25``, which joins every posting of the collection against the query:
this module looks up the query's term ids first and reads only their postings (kept sorted by term, so zone
maps skip the rest), counts every query term per document in one pass, and computes each term's IDF once;
the scores are ``match_bm25``'s.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

import duckdb

from sorot.warehouse.db import load_fts
from sorot.warehouse.excerpts import PRIVACY_NOTICE, masked_text

FTS_SCHEMA = "fts_main_articles"
STEMMER = "indonesian"
FIELDS = ("title", "text")
IGNORE = r"(\.|[^a-z0-9])+"
"""What separates tokens after lower-casing and stripping accents; digits stay ("214 kasus", "UU 12/2022")."""
BM25_K = 1.2
BM25_B = 0.75
"""The extension's defaults, so that scores equal ``match_bm25``'s."""
WIB = ZoneInfo("Asia/Jakarta")
SNIPPET_CHARS = 240
APPEND_BATCH = 50_000
"""New articles indexed per transaction: about 15 million words, a few hundred megabytes of working memory."""
CLUSTER_SHARE = 0.25
"""Postings are re-sorted by term once this share of the articles was appended since the last sort: small
appends fill row groups whose zone maps span every term, so every query reads all of them (at a million
articles, the whole postings table costs about 0.6 s to scan; a re-sort takes about 45 s)."""

_PRAGMA = (
    "PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', stemmer='indonesian', "
    "stopwords='search_stopwords', ignore='(\\.|[^a-z0-9])+', strip_accents=1, lower=1, overwrite=1)"
)


@dataclass(frozen=True)
class IndexRefresh:
    """What a refresh did: ``full`` (rebuilt), ``incremental`` (appended), ``clustered`` (appended, then the
    postings re-sorted by term), or ``unchanged``."""

    mode: str
    added: int
    documents: int
    seconds: float


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    score: float
    title: str | None
    source_id: str | None
    source_name: str | None
    published_at: datetime | None
    url: str
    labels: tuple[str, ...]
    tahap: str
    matched_words: tuple[str, ...]
    """The article's own words that matched the query after stemming (e.g. "dianiaya" for "penganiayaan")."""
    snippet: str
    """The passage around the first match, with victims' details masked (or the privacy notice)."""

    def to_json(self) -> dict[str, object]:
        return {
            "article_id": self.article_id, "score": round(self.score, 6), "title": self.title,
            "source_id": self.source_id, "source_name": self.source_name,
            "published_at": self.published_at.isoformat() if self.published_at else None, "url": self.url,
            "labels": list(self.labels), "tahap": self.tahap, "matched_words": list(self.matched_words),
            "snippet": self.snippet,
        }


# -- keeping the index up to date -------------------------------------------------------------------------

def index_config(con: duckdb.DuckDBPyConnection) -> str:
    """Everything that shapes the index; a change means the stored index must be rebuilt from scratch."""
    stopwords = sorted(row[0] for row in con.execute("SELECT sw FROM search_stopwords").fetchall())
    digest = hashlib.sha1("\n".join(stopwords).encode("utf-8")).hexdigest()[:12]
    return json.dumps({"stemmer": STEMMER, "fields": list(FIELDS), "ignore": IGNORE, "stopwords": digest,
                       "duckdb": duckdb.__version__}, sort_keys=True)


def index_exists(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name IN "
        "('docs', 'terms', 'dict', 'stats', 'fields', 'stopwords')",
        [FTS_SCHEMA],
    ).fetchone()[0]
    return int(found) == 6


def refresh_search_index(con: duckdb.DuckDBPyConnection, *, full: bool = False) -> IndexRefresh:
    """Bring the index up to date with ``articles`` (the caller is the writer and holds the writer lock)."""
    load_fts(con)
    started = time.monotonic()
    config = index_config(con)
    mode, added = "full", 0
    if not full and index_exists(con) and _last_config(con) == config:
        appended = _append_new_articles(con)
        if appended is not None:
            mode, added = ("incremental" if appended else "unchanged"), appended
            if appended and _unsorted_share(con) > CLUSTER_SHARE:
                _cluster(con)
                mode = "clustered"
    if mode == "full":
        added = _rebuild(con)
    documents = int(con.execute(f"SELECT count(*) FROM {FTS_SCHEMA}.docs").fetchone()[0])
    seconds = time.monotonic() - started
    con.execute("INSERT INTO search_index_log VALUES (?, ?, ?, ?, ?, ?)",
                [datetime.now(UTC), mode, added, documents, seconds, config])
    return IndexRefresh(mode, added, documents, seconds)


def _last_config(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT config FROM search_index_log ORDER BY refreshed_at DESC LIMIT 1").fetchone()
    return None if row is None else str(row[0])


def _rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """Build the index with the extension's pragma, then cluster the postings by term id."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_PRAGMA)
        _sort_postings(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return int(con.execute(f"SELECT count(*) FROM {FTS_SCHEMA}.docs").fetchone()[0])


def _unsorted_share(con: duckdb.DuckDBPyConnection) -> float:
    """The share of indexed articles appended since the postings were last sorted by term."""
    row = con.execute("SELECT documents FROM search_index_log WHERE mode IN ('full', 'clustered') "
                      "ORDER BY refreshed_at DESC LIMIT 1").fetchone()
    documents = int(con.execute(f"SELECT count(*) FROM {FTS_SCHEMA}.docs").fetchone()[0])
    if not documents:
        return 0.0
    return (documents - (int(row[0]) if row else 0)) / documents


def _cluster(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        _sort_postings(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _sort_postings(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the postings ordered by term id (inside the caller's transaction), so that zone maps let a
    query read only the row groups of its terms."""
    con.execute(f"CREATE TABLE {FTS_SCHEMA}.terms_by_term AS "
                f"SELECT docid, fieldid, termid FROM {FTS_SCHEMA}.terms ORDER BY termid, docid")
    con.execute(f"DROP TABLE {FTS_SCHEMA}.terms")
    con.execute(f"ALTER TABLE {FTS_SCHEMA}.terms_by_term RENAME TO terms")


def _append_new_articles(con: duckdb.DuckDBPyConnection) -> int | None:
    """Index the articles the index lacks, in the extension's own layout; None when a rebuild is needed.

    New articles go in batches of APPEND_BATCH, each in its own short transaction that leaves the index
    consistent (postings, dictionary, lengths and statistics together), so memory stays bounded when a whole
    archive arrives at once, and an interrupted refresh resumes where it stopped.
    """
    s = FTS_SCHEMA
    indexed = int(con.execute(f"SELECT count(*) FROM {s}.docs").fetchone()[0])
    total = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    # numbered in storage order, so that a batch reads only its own row groups of the articles table
    con.execute(
        "CREATE OR REPLACE TEMP TABLE fts_new_docs AS "
        f"SELECT (SELECT coalesce(max(docid), -1) FROM {s}.docs) + row_number() OVER (ORDER BY a.rowid) "
        "       AS docid, a.article_id AS name, a.rowid AS rid "
        f"FROM articles a ANTI JOIN {s}.docs d ON d.name = a.article_id"
    )
    try:
        new, first = con.execute("SELECT count(*), min(docid) FROM fts_new_docs").fetchone()
        if indexed + int(new) != total:
            return None  # articles were removed or re-keyed: only a rebuild is trustworthy
        for low in range(int(first or 0), int(first or 0) + int(new), APPEND_BATCH):
            con.execute("BEGIN TRANSACTION")
            try:
                _append(con, s, low, low + APPEND_BATCH)
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
    finally:
        for table in ("fts_new_docs", "fts_new_words", "fts_new_terms"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
    return int(new)


def _append(con: duckdb.DuckDBPyConnection, s: str, low: int, high: int) -> None:
    """The extension's indexing steps for the new documents with docid in [low, high): same tokenizer,
    stopwords and stemmer, then postings, dictionary, document frequencies, lengths and statistics."""
    first_rid, last_rid = con.execute(
        "SELECT min(rid), max(rid) FROM fts_new_docs WHERE docid >= ? AND docid < ?", [low, high]).fetchone()
    con.execute(
        "CREATE OR REPLACE TEMP TABLE fts_new_words AS "
        "WITH batch AS (SELECT n.docid, a.title, a.text FROM articles a "
        "               JOIN fts_new_docs n ON n.rid = a.rowid "
        "               WHERE a.rowid >= ? AND a.rowid <= ? AND n.docid >= ? AND n.docid < ?), "
        "tokenized AS ("
        f"  SELECT docid, (SELECT fieldid FROM {s}.fields WHERE field = 'title') AS fieldid, "
        f"         unnest({s}.tokenize(title)) AS w FROM batch "
        "  UNION ALL "
        f"  SELECT docid, (SELECT fieldid FROM {s}.fields WHERE field = 'text') AS fieldid, "
        f"         unnest({s}.tokenize(text)) AS w FROM batch) "
        "SELECT docid, fieldid, w FROM tokenized "
        f"WHERE w IS NOT NULL AND len(w) > 0 AND w NOT IN (SELECT sw FROM {s}.stopwords)",
        [first_rid, last_rid, low, high],
    )
    # stemming is the costly step: stem each distinct word once, not every occurrence
    con.execute(
        "CREATE OR REPLACE TEMP TABLE fts_new_terms AS "
        "WITH stems AS (SELECT w, stem(w, ?) AS term FROM (SELECT DISTINCT w FROM fts_new_words)) "
        "SELECT n.docid, n.fieldid, stems.term FROM fts_new_words n JOIN stems ON stems.w = n.w",
        [STEMMER],
    )
    con.execute(
        f"INSERT INTO {s}.dict (termid, term, df) "
        f"SELECT (SELECT coalesce(max(termid), -1) FROM {s}.dict) + row_number() OVER (ORDER BY n.term), "
        "       n.term, 0 "
        f"FROM (SELECT DISTINCT term FROM fts_new_terms) n ANTI JOIN {s}.dict d ON d.term = n.term"
    )
    con.execute(
        f"UPDATE {s}.dict SET df = dict.df + n.docs "
        "FROM (SELECT term, count(DISTINCT docid) AS docs FROM fts_new_terms GROUP BY term) n "
        "WHERE dict.term = n.term"
    )
    con.execute(
        f"INSERT INTO {s}.terms (docid, fieldid, termid) "
        f"SELECT t.docid, t.fieldid, d.termid FROM fts_new_terms t JOIN {s}.dict d ON d.term = t.term "
        "ORDER BY d.termid, t.docid"
    )
    con.execute(
        f"INSERT INTO {s}.docs (docid, name, len) "
        "SELECT n.docid, n.name, coalesce(c.terms, 0) FROM fts_new_docs n "
        "LEFT JOIN (SELECT docid, count(*) AS terms FROM fts_new_terms GROUP BY docid) c "
        "       ON c.docid = n.docid "
        "WHERE n.docid >= ? AND n.docid < ?",
        [low, high],
    )
    con.execute(f"DELETE FROM {s}.stats")
    con.execute(f"INSERT INTO {s}.stats SELECT count(docid), sum(len) / count(len) FROM {s}.docs")


# -- querying ---------------------------------------------------------------------------------------------

def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    label: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 20,
    match_all: bool = False,
) -> list[SearchHit]:
    """Articles matching ``query`` (any of its words, or all with ``match_all``), best BM25 score first.

    ``label`` keeps articles carrying that label; ``since``/``until`` are publication days in WIB, inclusive
    (an undated article is left out when either is given). Works on the published read-only copy.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    if not index_exists(con):
        raise LookupError("this warehouse has no search index yet; it is built after each load "
                          "(run `sorot warehouse refresh` on an older warehouse)")
    load_fts(con)
    stems, terms = _query_terms(con, query)
    wanted = len(stems)
    if not terms or (match_all and len(terms) < wanted):
        return []
    ranked = _ranked(con, [int(t[0]) for t in terms], [int(t[1]) for t in terms],
                     required=wanted if match_all else 1, label=label, since=since, until=until, limit=limit)
    return _hits(con, ranked, query)


def ranked_ids(con: duckdb.DuckDBPyConnection, query: str, *, limit: int) -> list[str]:
    """Ids of the articles matching any word of ``query``, best BM25 score first (the dashboard's search).

    The same scoring as ``search``, without snippets: the caller filters and pages the ids itself.
    """
    load_fts(con)
    _stems, terms = _query_terms(con, query)
    if not terms:
        return []
    ranked = _ranked(con, [int(t[0]) for t in terms], [int(t[1]) for t in terms], required=1, label=None,
                     since=None, until=None, limit=limit)
    return [article_id for article_id, _score in ranked]


def _query_terms(con: duckdb.DuckDBPyConnection, query: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The query's words as the index saw its documents' (tokenized, stopwords left out, stemmed), and the
    (termid, document frequency) of those the index knows."""
    stems = [row[0] for row in con.execute(
        f"SELECT DISTINCT stem(w, ?) FROM (SELECT unnest({FTS_SCHEMA}.tokenize(?)) AS w) "
        f"WHERE len(w) > 0 AND w NOT IN (SELECT sw FROM {FTS_SCHEMA}.stopwords)",
        [STEMMER, query],
    ).fetchall()]
    terms = con.execute(
        f"SELECT termid, df FROM {FTS_SCHEMA}.dict WHERE term IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY termid",
        [stems],
    ).fetchall()
    return stems, [(int(t[0]), int(t[1])) for t in terms]


def _day_start(day: date) -> datetime:
    return datetime.combine(day, clock(0), WIB)


def _ranked(con: duckdb.DuckDBPyConnection, termids: Sequence[int], dfs: Sequence[int], *, required: int,
            label: str | None, since: date | None, until: date | None, limit: int) -> list[tuple[str, float]]:
    """(article_id, BM25 score) of the best matches, scored like ``match_bm25`` from the query's postings.

    Filters are semi-joins on small or well-ordered data (the label's rows; the articles of the date range,
    which zone maps find because articles are stored roughly in publication order), so the scoring never
    joins the whole articles table.
    """
    s = FTS_SCHEMA
    conditions, params = [], []
    if since is not None or until is not None:
        dates, date_params = [], []
        if since is not None:
            dates.append("published_at >= ?")
            date_params.append(_day_start(since))
        if until is not None:
            dates.append("published_at < ?")
            date_params.append(_day_start(until + timedelta(days=1)))
        conditions.append(f"d.name IN (SELECT article_id FROM articles WHERE {' AND '.join(dates)})")
        params.extend(date_params)
    if label is not None:
        conditions.append("d.name IN (SELECT article_id FROM article_labels WHERE label = ?)")
        params.append(label)
    where = " AND ".join(conditions) or "true"
    num_docs, avgdl = con.execute(f"SELECT num_docs, avgdl FROM {s}.stats").fetchone()
    idfs = [math.log10((num_docs - df + 0.5) / (df + 0.5) + 1) for df in dfs]
    # one pass over the query terms' postings counts each term per document; BM25 then needs each
    # document's length once: sum over terms of idf * tf * (k + 1) / (tf + k * (1 - b + b * len / avgdl))
    counts = ", ".join(f"count(*) FILTER (WHERE termid = ?) AS tf{i}" for i in range(len(termids)))
    # every constant a bound DOUBLE: decimal literals would make DuckDB compute in DECIMAL, three times slower
    score = " + ".join(f"?::DOUBLE * c.tf{i} / (c.tf{i} + norm)" for i in range(len(termids)))
    matched = " + ".join(f"(c.tf{i} > 0)::INTEGER" for i in range(len(termids)))
    placeholders = ", ".join("?" for _ in termids)
    enough = f" WHERE {matched} >= ?" if required > 1 else ""  # a document in the postings matches one term
    sql = (
        f"WITH counts AS (SELECT docid, {counts} FROM {s}.terms WHERE termid IN ({placeholders}) "
        "                GROUP BY docid), "
        "normed AS (SELECT c.*, ?::DOUBLE * (1 - ?::DOUBLE + ?::DOUBLE * d.len / ?::DOUBLE) AS norm "
        f"           FROM counts c JOIN {s}.docs d ON d.docid = c.docid), "
        f"scored AS (SELECT c.docid, {score} AS score FROM normed c{enough}), "
        "best AS ("
        "  SELECT scored.docid, scored.score FROM scored "
        + ("" if not conditions else
           f"  WHERE scored.docid IN (SELECT d.docid FROM {s}.docs d WHERE {where}) ")
        + "  ORDER BY scored.score DESC, scored.docid LIMIT ?) "
        f"SELECT d.name, best.score FROM best JOIN {s}.docs d ON d.docid = best.docid "
        "ORDER BY best.score DESC, d.name"
    )
    weights = [idf * (BM25_K + 1) for idf in idfs]  # idf * (k + 1), the numerator's constant per term
    wanted = [required] if required > 1 else []
    rows = con.execute(sql, [*termids, *termids, BM25_K, BM25_B, BM25_B, avgdl, *weights, *wanted, *params,
                             limit]).fetchall()
    return [(str(row[0]), float(row[1])) for row in rows]


def _hits(con: duckdb.DuckDBPyConnection, ranked: list[tuple[str, float]], query: str) -> list[SearchHit]:
    if not ranked:
        return []
    s = FTS_SCHEMA
    rows = con.execute(
        "WITH q AS (SELECT list(DISTINCT stem(w, ?)) AS stems FROM (SELECT unnest("
        f"  {s}.tokenize(?)) AS w) WHERE len(w) > 0) "
        "SELECT a.article_id, a.title, a.source_id, src.name, a.published_at, a.url, a.text, a.tahap, "
        "       coalesce((SELECT list(l.label ORDER BY l.label) FROM article_labels l "
        "                 WHERE l.article_id = a.article_id), []::VARCHAR[]), "
        f"       list_distinct(list_filter({s}.tokenize(coalesce(a.title, '') || ' ' || a.text), "
        "                                w -> len(w) > 0 AND list_contains(q.stems, stem(w, ?)))) "
        "FROM articles a LEFT JOIN sources src ON src.source_id = a.source_id CROSS JOIN q "
        "WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))",
        [STEMMER, query, STEMMER, [article_id for article_id, _ in ranked]],
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    hits = []
    for article_id, score in ranked:
        row = by_id[article_id]
        labels = tuple(row[8])
        words = tuple(sorted(row[9]))
        hits.append(SearchHit(
            article_id=article_id, score=score, title=row[1], source_id=row[2], source_name=row[3],
            published_at=row[4].astimezone(WIB) if row[4] else None, url=row[5], labels=labels, tahap=row[7],
            matched_words=words, snippet=snippet(row[6], labels, words, title=row[1]),
        ))
    return hits


def snippet(text: str | None, labels: Sequence[str], words: Sequence[str], *, title: str | None = None,
            max_chars: int = SNIPPET_CHARS) -> str:
    """The passage where a matched word first occurs, from the masked text (victims' details hidden).

    Masking runs on the whole text first, like report excerpts, so a search result can never show what a
    report would hide; when masking leaves a risk, the privacy notice is shown instead. The passage starts at
    the sentence of the match, or a little before the match in a long sentence.
    """
    masked = masked_text(text, labels, title=title)
    if masked is None:
        return PRIVACY_NOTICE
    flat = re.sub(r"\s+", " ", masked).strip()
    start = 0
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    found = pattern.search(flat) if words else None
    if found:
        start = flat.rfind(". ", 0, found.start()) + 2 if ". " in flat[: found.start()] else 0
        if found.start() - start > max_chars // 2:
            start = flat.find(" ", found.start() - 60) + 1
    passage = ("…" if start else "") + flat[start:]
    if len(passage) <= max_chars:
        return passage
    cut = passage[: max_chars - 1]
    return (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip(" ,;:") + "…"
