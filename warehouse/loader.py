"""The single writer: loads processed articles, crawl events and runs into DuckDB in short transactions.

De-duplication happens here because it needs every stored article: a canonical URL is stored once; an
article whose words equal a stored one is an exact duplicate (kept, because each outlet's copy counts for
reach, but marked); a near copy joins the stored article's story (MinHash LSH, pipeline/dedupe).

Near copies appear within days of each other (a wire story carried the same day, a re-dated or lightly
edited copy days or weeks later), so a new article is compared with the stored articles dated within
``STORY_WINDOW_DAYS`` of it, not with the whole archive: at a million articles, indexing every signature
would cost minutes at each start and gigabytes of memory (about 12 KB per indexed article), for matches that
do not occur. The window grows with the dates of the batches a loader sees, so a backfill of old articles is
compared with the stored articles of its own period. Exact copies are found by content hash over the whole
warehouse, whatever their dates.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import duckdb

from sorot.crawlers.sources import Source
from sorot.pipeline.dedupe.stories import StoryIndex, minhash_of, signature_from_bytes, signature_to_bytes
from sorot.pipeline.process import ProcessedArticle

from .classification import store_facets

BATCH_SIZE = 200
#: stored articles dated within this many days of a new one are the candidates for its story
STORY_WINDOW_DAYS = 90


def article_id_for(canonical_url: str) -> str:
    """Stable id: the same canonical URL gives the same id in every warehouse."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]


@dataclass
class LoadStats:
    new_articles: int = 0
    already_stored: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    stories: set[str] = field(default_factory=set)  # the stories the new articles joined or started


@dataclass(frozen=True)
class PageOutcome:
    """What became of one archived page, for the fetched_pages log."""

    url: str
    canonical_url: str | None
    source_id: str | None
    fetched_at: str | None
    http_status: int | None
    archive_file: str | None
    archive_offset: int | None
    outcome: str  # "article", "duplicate", "error"
    reason: str | None = None


class WarehouseLoader:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._index: StoryIndex | None = None
        self._hashes: dict[str, tuple[str, str]] | None = None
        self._window: tuple[datetime, datetime] | None = None  # the dates whose articles are indexed

    # -- reference data -------------------------------------------------------------------------------
    def upsert_sources(self, sources: Iterable[Source]) -> None:
        rows = [(s.key, s.name, s.outlet_type, s.region, s.homepage, s.timezone, s.language, s.is_wire_agency)
                for s in sources]
        self._insert_many("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    # -- runs and fetch log ---------------------------------------------------------------------------
    def start_run(self, run_id: str, started_at: datetime, source_keys: Sequence[str]) -> None:
        """Open a run's record; a run loaded again after a crash starts its fetch log afresh."""
        with self._transaction():
            self.con.execute("DELETE FROM fetched_pages WHERE run_id = ?", [run_id])
            self.con.execute("DELETE FROM crawl_runs WHERE run_id = ?", [run_id])
            self.con.execute(
                "INSERT INTO crawl_runs (run_id, started_at, sources, status) VALUES (?, ?, ?, 'running')",
                [run_id, started_at, list(source_keys)],
            )

    def finish_run(self, run_id: str, *, status: str, pages_archived: int, pages_failed: int,
                   articles_new: int, note: str | None = None) -> None:
        with self._transaction():
            self.con.execute(
                "UPDATE crawl_runs SET finished_at = ?, status = ?, pages_archived = ?, pages_failed = ?, "
                "articles_new = ?, note = ? WHERE run_id = ?",
                [datetime.now(UTC), status, pages_archived, pages_failed, articles_new, note, run_id],
            )

    def record_events(self, run_id: str, events: Iterable[dict]) -> int:
        """Crawl events other than archived pages (feeds, skips, fetch errors) into fetched_pages."""
        rows = [
            (run_id, e.get("url", ""), None, e.get("source_key"), e.get("at") or None, e.get("kind", ""),
             None, None, None, e.get("kind", ""), e.get("reason") or None)
            for e in events if e.get("kind") != "archived"
        ]
        self._insert_many("INSERT INTO fetched_pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def record_outcomes(self, run_id: str, outcomes: Iterable[PageOutcome]) -> None:
        rows = [(run_id, o.url, o.canonical_url, o.source_id, o.fetched_at or None, "article", o.http_status,
                 o.archive_file, o.archive_offset, o.outcome, o.reason) for o in outcomes]
        self._insert_many("INSERT INTO fetched_pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    # -- articles -------------------------------------------------------------------------------------
    def load(self, articles: Iterable[ProcessedArticle], run_id: str | None = None) -> LoadStats:
        """Store new articles (batched transactions), then refresh stories and wire-copy marks."""
        stats = LoadStats()
        batch: list[ProcessedArticle] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= BATCH_SIZE:
                self._load_batch(batch, run_id, stats)
                batch = []
        if batch:
            self._load_batch(batch, run_id, stats)
        self.refresh_stories(stats.stories)
        return stats

    def _story_index(self, batch: Sequence[ProcessedArticle] = ()) -> tuple[StoryIndex, dict[str, tuple[str, str]]]:
        """The story index, holding every stored article dated near the batch's articles, and the hashes."""
        if self._index is None or self._hashes is None:
            self._index, self._hashes, self._window = StoryIndex(), {}, None
            rows = self.con.execute(
                "SELECT content_hash, article_id, story_id FROM articles WHERE exact_duplicate_of IS NULL "
                "ORDER BY first_seen_at, article_id"
            ).fetchall()
            for digest, article_id, story_id in rows:
                self._hashes.setdefault(digest, (article_id, story_id))
        self._extend_window(*_dates_around(batch))
        return self._index, self._hashes

    def _extend_window(self, start: datetime, end: datetime) -> None:
        """Index the stored articles dated in [start, end] that are not indexed yet."""
        assert self._index is not None
        if self._window is None:
            gaps = [(start, end)]
            self._window = (start, end)
        else:
            known_start, known_end = self._window
            gaps = [(start, known_start), (known_end, end)]
            self._window = (min(start, known_start), max(end, known_end))
        for gap_start, gap_end in gaps:
            if gap_start >= gap_end:
                continue
            rows = self.con.execute(
                "SELECT article_id, story_id, minhash FROM articles "
                "WHERE exact_duplicate_of IS NULL AND coalesce(published_at, first_seen_at) BETWEEN ? AND ? "
                "ORDER BY first_seen_at, article_id",
                [gap_start, gap_end],
            ).fetchall()
            for article_id, story_id, signature in rows:
                self._index.add(article_id, story_id, signature_from_bytes(signature))

    def _load_batch(self, batch: list[ProcessedArticle], run_id: str | None, stats: LoadStats) -> None:
        try:
            self._insert_batch(batch, run_id, stats)
        except Exception:
            # the transaction rolled back: forget what the in-memory index learnt from this batch
            self._index = self._hashes = None
            self._window = None
            raise

    def _insert_batch(self, batch: list[ProcessedArticle], run_id: str | None, stats: LoadStats) -> None:
        index, hashes = self._story_index(batch)
        now = datetime.now(UTC)
        with self._transaction():
            for article in batch:
                article_id = article_id_for(article.canonical_url)
                exists = self.con.execute(
                    "SELECT 1 FROM articles WHERE canonical_url = ?", [article.canonical_url]
                ).fetchone()
                if exists:
                    stats.already_stored += 1
                    continue
                signature = minhash_of(article.text)
                duplicate_of = None
                similar_to, similarity = None, None
                if article.content_hash in hashes:
                    duplicate_of, story_id = hashes[article.content_hash]
                    similar_to, similarity = duplicate_of, 1.0
                    stats.exact_duplicates += 1
                else:
                    match = index.assign(article_id, signature)
                    story_id, similar_to = match.story_id, match.similar_to
                    similarity = match.similarity if match.similar_to else None
                    if match.similar_to:
                        stats.near_duplicates += 1
                    hashes[article.content_hash] = (article_id, story_id)
                self._insert_article(article, article_id, story_id, duplicate_of, similar_to, similarity,
                                     signature_to_bytes(signature), run_id, now)
                stats.new_articles += 1
                stats.stories.add(story_id)

    def _insert_article(self, a: ProcessedArticle, article_id: str, story_id: str, duplicate_of: str | None,
                        similar_to: str | None, similarity: float | None, signature: bytes,
                        run_id: str | None, now: datetime) -> None:
        self.con.execute(
            "INSERT INTO articles (article_id, canonical_url, url, source_id, title, published_at, modified_at, "
            "published_text, author, editor, dateline, section, tags, language, text, word_count, content_hash, "
            "exact_duplicate_of, story_id, similar_to, similarity, is_wire_copy, wire_agency, tahap, "
            "tagger_version, extractor_version, parser_version, minhash, run_id, first_seen_at, warnings) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, a.canonical_url, a.url, a.outlet, a.title, a.published_at, a.modified_at,
             a.published_text, a.author, a.editor, a.dateline, a.section, a.tags, a.language, a.text,
             a.word_count, a.content_hash, duplicate_of, story_id, similar_to, similarity, a.is_wire_copy,
             a.wire_agency, a.tahap, a.tagger_version, a.extractor_version, a.parser_version, signature,
             run_id, now, a.warnings],
        )
        store_facets(self.con, article_id, a.regions, a.quoted, replace=False)  # a new article has none
        if a.labels:
            self.con.executemany(
                "INSERT INTO article_labels VALUES (?, ?, ?, ?, ?)",
                [(article_id, hit.label, hit.score,
                  json.dumps([{"field": e.field, "start": e.start, "end": e.end, "text": e.text, "rule": e.rule}
                              for e in hit.evidence], ensure_ascii=False),
                  a.tagger_version) for hit in a.labels],
            )

    def refresh_stories(self, story_ids: Collection[str] | None = None) -> None:
        """Recount stories and mark copies of wire-agency stories carried by other outlets.

        ``story_ids``: only these stories (those a load touched); None rebuilds every story. Rebuilding all of
        them takes half a minute at a million articles, a load's own stories a fraction of a second.
        """
        if story_ids is not None and not story_ids:
            return
        only, params = ("", []) if story_ids is None else (" AND story_id IN (SELECT unnest(?))", [list(story_ids)])
        with self._transaction():
            self.con.execute(
                "UPDATE articles SET is_wire_copy = true, wire_agency = coalesce(wire_agency, "
                "  (SELECT min(split_part(s.name, ' ', 1)) FROM articles o JOIN sources s ON s.source_id = o.source_id"
                "   WHERE o.story_id = articles.story_id AND s.is_wire_agency)) "
                "WHERE NOT is_wire_copy "
                "AND source_id IN (SELECT source_id FROM sources WHERE NOT is_wire_agency) "
                "AND story_id IN (SELECT o.story_id FROM articles o JOIN sources s ON s.source_id = o.source_id "
                "                 WHERE s.is_wire_agency)" + only,
                params,
            )
            self.con.execute("DELETE FROM stories" + (" WHERE true" + only if only else ""), params)
            self.con.execute(
                "INSERT INTO stories "
                "SELECT story_id, arg_min(article_id, coalesce(published_at, first_seen_at)), "
                "       arg_min(title, coalesce(published_at, first_seen_at)), min(published_at), "
                "       count(*), count(DISTINCT source_id) "
                "FROM articles WHERE true" + only + " GROUP BY story_id",
                params,
            )

    def _insert_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """One short transaction for a list of rows (DuckDB refuses an empty executemany)."""
        if not rows:
            return
        with self._transaction():
            self.con.executemany(sql, rows)

    def _transaction(self) -> _Transaction:
        return _Transaction(self.con)


def _dates_around(batch: Sequence[ProcessedArticle]) -> tuple[datetime, datetime]:
    """The dates whose stored articles may be copies of the batch's: its dates widened by the window."""
    now = datetime.now(UTC)
    dates = [_aware(article.published_at) or now for article in batch] or [now]
    window = timedelta(days=STORY_WINDOW_DAYS)
    return min(dates) - window, max(dates) + window


def _aware(moment: datetime | None) -> datetime | None:
    """A naive date is taken as UTC, so that dates of any origin compare."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


class _Transaction:
    """A short explicit transaction: committed on success, rolled back on any error."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
