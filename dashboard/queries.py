"""Read queries behind the dashboard's pages, over the published copy plus the staff's pending actions.

Pages ask for one screen of rows: the list selects the page's article ids with the filters first and only then
reads those rows' labels, regions and outlets, so a page costs the same at a thousand or a million articles.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

import duckdb

from sorot.models import taxonomy
from sorot.warehouse.corrections import CorrectionError, corrected_labels
from sorot.warehouse.queries import iso_week_bounds, week_of

from .filters import WIB, ArticleFilter, Overlay, build_where
from .published import Snapshot
from .store import StaffStore

PAGE_SIZE = 50
EXPORT_LIMIT = 20_000
SEARCH_LIMIT = 2_000
TREND_WEEKS = 8


@dataclass(frozen=True)
class ListRow:
    article_id: str
    title: str | None
    url: str
    published_at: datetime | None
    source_id: str | None
    source_name: str | None
    is_wire_copy: bool
    wire_agency: str | None
    tahap: str
    labels: tuple[str, ...]
    regions: tuple[str, ...]
    reviewed: bool
    corrected: bool


@dataclass(frozen=True)
class ArticleList:
    rows: list[ListRow]
    total: int
    page: int
    pages: int


def overlay_for(cur: duckdb.DuckDBPyConnection, snap: Snapshot, store: StaffStore) -> Overlay:
    """Labels after corrections made since this copy was published, and every review mark of the store.

    A correction is a delta, so applying one that the copy already holds changes nothing: corrections merged
    shortly before the publish are applied again rather than risk showing a correction as undone.
    """
    pending = store.corrections(merged_since=snap.published_at - 5.0)
    overlay = Overlay(reviewed={review.article_id for review in store.reviews()})
    if not pending:
        return overlay
    ids = sorted({c.article_id for c in pending})
    published: dict[str, list[str]] = {article_id: [] for article_id in ids}
    for article_id, label in cur.execute(
        "SELECT article_id, label FROM article_labels WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    ).fetchall():
        published[article_id].append(label)
    labels = {article_id: taxonomy.close_labels(x for x in values if x in taxonomy.LABELS)
              for article_id, values in published.items()}
    for correction in pending:
        try:
            labels[correction.article_id] = corrected_labels(labels[correction.article_id], correction.added,
                                                             correction.removed)
        except CorrectionError:
            continue
    overlay.labels = {article_id: tuple(values) for article_id, values in labels.items()}
    return overlay


def stage_after(labels: Sequence[str], stage: str) -> str:
    """The stage a correction leaves, as ``record_correction`` decides it (no family left: `lainnya`)."""
    if not set(labels) & set(taxonomy.FAMILIES):
        return "lainnya"
    if stage == "lainnya" and "kekerasan" in labels:
        return "kejadian"
    return stage


def matching_ids(cur: duckdb.DuckDBPyConnection, snap: Snapshot, query: str,
                 limit: int = SEARCH_LIMIT) -> list[str]:
    """Article ids matching any word of ``query`` (Indonesian stemming), best BM25 first.

    Reads only the postings of the query's terms, like ``sorot search``, so it stays fast at a million articles.
    Without a search index (an old warehouse) it falls back to a case-insensitive title and text scan.
    """
    if not snap.has_search:
        rows = cur.execute("SELECT article_id FROM articles WHERE contains(lower(coalesce(title, '') || ' ' || "
                           "text), lower(?)) ORDER BY published_at DESC NULLS LAST LIMIT ?",
                           [query, limit]).fetchall()
        return [row[0] for row in rows]
    from sorot.warehouse.search import ranked_ids

    return ranked_ids(cur, query, limit=limit)


def list_articles(cur: duckdb.DuckDBPyConnection, snap: Snapshot, overlay: Overlay, f: ArticleFilter, *,
                  page_size: int = PAGE_SIZE, limit: int | None = None) -> ArticleList:
    """One page of the filtered list (newest first; best match first when searching) and the total count."""
    matched = matching_ids(cur, snap, f.q) if f.q else None
    size = limit or page_size
    offset = 0 if limit else (f.page - 1) * page_size
    if matched is not None and replace(f, q=None, page=1) == ArticleFilter():
        # a search alone: the ranking is the list, no need to filter a million rows by two thousand ids
        return ArticleList(rows_for(cur, snap, overlay, matched[offset:offset + size]), len(matched), f.page,
                           _page_count(len(matched), page_size))
    where = build_where(f, overlay, has_reviews=snap.has_reviews, matched_ids=matched)
    total = int(cur.execute(f"SELECT count(*) FROM articles a WHERE {where.sql}", where.params).fetchone()[0])
    if matched is not None:
        order, order_params = "list_position(?::VARCHAR[], a.article_id)", [matched]
    else:
        order, order_params = "a.published_at DESC NULLS LAST, a.article_id", []
    ids = [row[0] for row in cur.execute(
        f"SELECT a.article_id FROM articles a WHERE {where.sql} ORDER BY {order} LIMIT ? OFFSET ?",
        [*where.params, *order_params, size, offset]).fetchall()]
    return ArticleList(rows_for(cur, snap, overlay, ids), total, f.page, _page_count(total, page_size))


def _page_count(total: int, page_size: int) -> int:
    return max(1, -(-total // page_size))


def rows_for(cur: duckdb.DuckDBPyConnection, snap: Snapshot, overlay: Overlay, ids: Sequence[str]) -> list[ListRow]:
    """Display rows for the given ids, in that order, with pending corrections and review marks applied."""
    if not ids:
        return []
    ids = list(ids)
    base = {row[0]: row for row in cur.execute(
        "SELECT a.article_id, a.title, a.url, a.published_at, a.source_id, s.name, a.is_wire_copy, a.wire_agency, "
        "a.tahap FROM articles a LEFT JOIN sources s ON s.source_id = a.source_id "
        "WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
    labels: dict[str, list[str]] = {}
    for article_id, label in cur.execute(
            "SELECT article_id, label FROM article_labels WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall():
        labels.setdefault(article_id, []).append(label)
    regions: dict[str, list[str]] = {}
    for article_id, province in cur.execute(
            "SELECT article_id, province FROM article_regions WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND province IS NOT NULL ORDER BY article_id, position", [ids]).fetchall():
        if province not in regions.setdefault(article_id, []):
            regions[article_id].append(province)
    reviewed = set(overlay.reviewed)
    if snap.has_reviews:
        reviewed |= {row[0] for row in cur.execute(
            "SELECT article_id FROM article_reviews WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall()}
    corrected = {row[0] for row in cur.execute(
        "SELECT DISTINCT article_id FROM label_corrections WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids]).fetchall()}
    rows = []
    for article_id in ids:
        r = base.get(article_id)
        if r is None:
            continue
        shown = overlay.labels.get(article_id)
        stage = r[8]
        if shown is None:
            shown = tuple(_ordered(labels.get(article_id, [])))
        else:
            stage = stage_after(shown, stage)
        rows.append(ListRow(
            article_id=article_id, title=r[1], url=r[2], published_at=r[3].astimezone(WIB) if r[3] else None,
            source_id=r[4], source_name=r[5], is_wire_copy=bool(r[6]), wire_agency=r[7], tahap=stage,
            labels=shown, regions=tuple(regions.get(article_id, [])), reviewed=article_id in reviewed,
            corrected=article_id in corrected or article_id in overlay.labels,
        ))
    return rows


def _ordered(labels: Sequence[str]) -> list[str]:
    order = {label: i for i, label in enumerate(taxonomy.LABELS)}
    return sorted(labels, key=lambda label: (order.get(label, len(order)), label))


# -- choices for the filter form ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Choices:
    weeks: list[str]
    outlets: list[tuple[str, str]]
    regions: list[str]


def latest_week(cur: duckdb.DuckDBPyConnection) -> str | None:
    row = cur.execute("SELECT max(published_at) FROM articles WHERE published_at <= now() + INTERVAL 1 DAY"
                      ).fetchone()
    return week_of(row[0]) if row and row[0] else None


def choices(cur: duckdb.DuckDBPyConnection, weeks: int = 26) -> Choices:
    """Recent weeks, the outlets and the provinces, for the filter form's selects."""
    newest = latest_week(cur)
    recent: list[str] = []
    if newest:
        start, _ = iso_week_bounds(newest)
        recent = [week_of(start - timedelta(days=7 * k)) for k in range(weeks)]
    outlets = [(row[0], row[1] or row[0]) for row in cur.execute(
        "SELECT source_id, name FROM sources ORDER BY name").fetchall()]
    regions = [row[0] for row in cur.execute(
        "SELECT DISTINCT province FROM article_regions WHERE province IS NOT NULL ORDER BY 1").fetchall()]
    return Choices(recent, outlets, regions)


# -- overview -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Count:
    key: str
    name: str
    count: int
    previous: float = 0.0
    """The average of the previous weeks, for "this week against previous weeks"."""


@dataclass
class Overview:
    week: str
    start: datetime
    end: datetime
    trend: list[tuple[str, int, int, int]] = field(default_factory=list)
    """(week, all articles, kekerasan, gender) for this week and the previous ones, oldest first."""
    labels: list[Count] = field(default_factory=list)
    outlets: list[Count] = field(default_factory=list)
    regions: list[Count] = field(default_factory=list)
    stages: list[Count] = field(default_factory=list)
    on_topic: int = 0
    unreviewed: int = 0

    @property
    def last_day(self) -> date:
        """The week's Sunday (``end`` is the next Monday, exclusive)."""
        return (self.end - timedelta(days=1)).astimezone(WIB).date()
    wire_copies: int = 0


def overview(cur: duckdb.DuckDBPyConnection, snap: Snapshot, overlay: Overlay, week: str) -> Overview:
    """This week's on-topic coverage against the previous weeks, by label, outlet, region and stage."""
    start, end = iso_week_bounds(week)
    first = start - timedelta(days=7 * (TREND_WEEKS - 1))
    result = Overview(week, start, end)
    weekly = cur.execute(
        "WITH w AS (SELECT a.article_id, strftime(timezone('Asia/Jakarta', a.published_at), '%G-W%V') AS wk "
        "           FROM articles a WHERE a.published_at >= ? AND a.published_at < ?), "
        "fam AS (SELECT article_id, bool_or(label = 'kekerasan') AS k, bool_or(label = 'gender') AS g "
        "        FROM article_labels WHERE label IN ('kekerasan', 'gender') "
        "        AND article_id IN (SELECT article_id FROM w) GROUP BY article_id) "
        "SELECT w.wk, count(*), count(*) FILTER (WHERE fam.k), count(*) FILTER (WHERE fam.g) "
        "FROM w LEFT JOIN fam USING (article_id) GROUP BY w.wk ORDER BY w.wk", [first, end]).fetchall()
    by_week = {row[0]: row for row in weekly}
    weeks = [week_of(first + timedelta(days=7 * k)) for k in range(TREND_WEEKS)]
    result.trend = [(wk, *(int(x) for x in by_week.get(wk, (wk, 0, 0, 0))[1:])) for wk in weeks]
    previous_count = max(1, TREND_WEEKS - 1)

    rows = cur.execute(
        "SELECT l.label, count(*) FILTER (WHERE a.published_at >= ?), count(*) FILTER (WHERE a.published_at < ?) "
        "FROM article_labels l JOIN articles a ON a.article_id = l.article_id "
        "WHERE a.published_at >= ? AND a.published_at < ? GROUP BY l.label", [start, start, first, end]).fetchall()
    order = {label: i for i, label in enumerate(taxonomy.LABELS)}
    result.labels = sorted(
        (Count(r[0], taxonomy.LABEL_NAMES_ID.get(r[0], r[0]), int(r[1]), r[2] / previous_count) for r in rows),
        key=lambda c: order.get(c.key, 99))

    topic = "a.article_id IN (SELECT article_id FROM article_labels WHERE label IN ('kekerasan', 'gender'))"
    rows = cur.execute(
        "SELECT a.source_id, coalesce(s.name, a.source_id, '?'), count(*) FILTER (WHERE a.published_at >= ?), "
        "count(*) FILTER (WHERE a.published_at < ?) FROM articles a LEFT JOIN sources s ON s.source_id = a.source_id "
        f"WHERE a.published_at >= ? AND a.published_at < ? AND {topic} GROUP BY ALL ORDER BY 3 DESC, 2 LIMIT 15",
        [start, start, first, end]).fetchall()
    result.outlets = [Count(r[0] or "", r[1], int(r[2]), r[3] / previous_count) for r in rows if r[2]]
    # the few on-topic articles of the period first, then only their region rows (not a million-row join)
    rows = cur.execute(
        f"WITH t AS (SELECT a.article_id, a.published_at >= ? AS this_week FROM articles a "
        f"           WHERE a.published_at >= ? AND a.published_at < ? AND {topic}), "
        "r AS (SELECT DISTINCT article_id, province FROM article_regions "
        "      WHERE province IS NOT NULL AND article_id IN (SELECT article_id FROM t)) "
        "SELECT r.province, count(*) FILTER (WHERE t.this_week), count(*) FILTER (WHERE NOT t.this_week) "
        "FROM r JOIN t USING (article_id) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15", [start, first, end]).fetchall()
    result.regions = [Count(r[0], r[0], int(r[1]), r[2] / previous_count) for r in rows if r[1]]
    rows = cur.execute(
        f"SELECT a.tahap, count(*) FROM articles a WHERE a.published_at >= ? AND a.published_at < ? AND {topic} "
        "GROUP BY 1", [start, end]).fetchall()
    counts = dict(rows)
    result.stages = [Count(s, taxonomy.STAGE_NAMES_ID[s], int(counts.get(s, 0))) for s in taxonomy.STAGES
                     if counts.get(s)]
    on_topic, wire = cur.execute(
        f"SELECT count(*), count(*) FILTER (WHERE a.is_wire_copy) FROM articles a "
        f"WHERE a.published_at >= ? AND a.published_at < ? AND {topic}", [start, end]).fetchone()
    result.on_topic, result.wire_copies = int(on_topic), int(wire)
    reviewed_sql = "a.article_id IN (SELECT article_id FROM article_reviews)" if snap.has_reviews else "FALSE"
    result.unreviewed = int(cur.execute(
        f"SELECT count(*) FROM articles a WHERE a.published_at >= ? AND a.published_at < ? AND {topic} "
        f"AND NOT ({reviewed_sql} OR a.article_id IN (SELECT unnest(?::VARCHAR[])))",
        [start, end, sorted(overlay.reviewed)]).fetchone()[0])
    return result


# -- one article --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LabelView:
    label: str
    name: str
    score: float | None
    evidence: tuple[dict, ...]
    source: str
    """'model' (the tagger), 'correction' (merged correction) or 'pending' (a correction not merged yet)."""


@dataclass
class ArticleView:
    article_id: str
    title: str | None
    url: str
    text: str
    published_at: datetime | None
    source_id: str | None
    source_name: str | None
    author: str | None
    editor: str | None
    dateline: str | None
    section: str | None
    is_wire_copy: bool
    wire_agency: str | None
    exact_duplicate_of: str | None
    tahap: str
    story_id: str
    word_count: int
    tagger_version: str
    labels: list[LabelView]
    regions: list[tuple[str | None, str | None, str]]
    quotes: list[tuple[str | None, str | None, int]]
    story: list[ListRow]
    reviewed_by: str | None
    reviewed_at: datetime | None
    history: list[tuple[datetime, str, tuple[str, ...], tuple[str, ...], str | None, str]]
    """(when, who, added, removed, note, status) of every correction of this article."""


def article(cur: duckdb.DuckDBPyConnection, snap: Snapshot, overlay: Overlay, store: StaffStore,
            article_id: str) -> ArticleView | None:
    row = cur.execute(
        "SELECT a.article_id, a.title, a.url, a.text, a.published_at, a.source_id, s.name, a.author, a.editor, "
        "a.dateline, a.section, a.is_wire_copy, a.wire_agency, a.exact_duplicate_of, a.tahap, a.story_id, "
        "a.word_count, a.tagger_version FROM articles a LEFT JOIN sources s ON s.source_id = a.source_id "
        "WHERE a.article_id = ?", [article_id]).fetchone()
    if row is None:
        return None
    stored = {r[0]: (float(r[1]), tuple(_evidence(r[2])), r[3]) for r in cur.execute(
        "SELECT label, score, evidence, tagger_version FROM article_labels WHERE article_id = ?",
        [article_id]).fetchall()}
    shown = overlay.labels.get(article_id)
    stage = row[14] if shown is None else stage_after(shown, row[14])
    names = shown if shown is not None else _ordered(list(stored))
    labels = []
    for label in names:
        score, evidence, version = stored.get(label, (None, (), "pending"))
        source = "pending" if label not in stored else ("correction" if version == "correction" else "model")
        labels.append(LabelView(label, taxonomy.LABEL_NAMES_ID.get(label, label), score, evidence, source))
    regions = [(r[0], r[1], r[2]) for r in cur.execute(
        "SELECT province, regency, mention FROM article_regions WHERE article_id = ? ORDER BY position",
        [article_id]).fetchall()]
    quotes = [(r[0], r[1], int(r[2])) for r in cur.execute(
        "SELECT name, role, mentions FROM article_quotes WHERE article_id = ? ORDER BY position",
        [article_id]).fetchall()]
    siblings = [r[0] for r in cur.execute(
        "SELECT article_id FROM articles WHERE story_id = ? AND article_id <> ? "
        "ORDER BY published_at NULLS LAST, article_id LIMIT 50", [row[15], article_id]).fetchall()]
    reviewed_by = reviewed_at = None
    review = store.review(article_id)
    if review is not None:
        reviewed_by, reviewed_at = review.username, datetime.fromtimestamp(review.reviewed_at, WIB)
    elif snap.has_reviews:
        found = cur.execute("SELECT reviewed_by, reviewed_at FROM article_reviews WHERE article_id = ?",
                            [article_id]).fetchone()
        if found:
            reviewed_by, reviewed_at = found[0], found[1].astimezone(WIB)
    history = []
    for c in store.corrections(article_id=article_id):
        status = "error" if c.merge_error else ("merged" if c.merged_at else "pending")
        history.append((datetime.fromtimestamp(c.created_at, WIB), c.username, c.added, c.removed, c.note, status))
    return ArticleView(
        article_id=row[0], title=row[1], url=row[2], text=row[3], published_at=_wib(row[4]), source_id=row[5],
        source_name=row[6], author=row[7], editor=row[8], dateline=row[9], section=row[10],
        is_wire_copy=bool(row[11]), wire_agency=row[12], exact_duplicate_of=row[13], tahap=stage,
        story_id=row[15], word_count=int(row[16]), tagger_version=row[17], labels=labels, regions=regions,
        quotes=quotes, story=rows_for(cur, snap, overlay, siblings), reviewed_by=reviewed_by,
        reviewed_at=reviewed_at, history=history,
    )


def _evidence(raw: object) -> list[dict]:
    try:
        items = json.loads(raw) if isinstance(raw, str) else (raw or [])
    except json.JSONDecodeError:
        return []
    return [item for item in items if isinstance(item, dict)]


def _wib(moment: datetime | None) -> datetime | None:
    return moment.astimezone(WIB) if moment else None


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, datetime.min.time(), WIB)
    return start, start + timedelta(days=1)
