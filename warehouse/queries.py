"""Read-only queries behind the weekly report and the digest email.

The report and the email must show the same numbers, so both render one ``WeeklySummary`` built here.
Every value reaches DuckDB as a bound parameter: titles, URLs and outlet names are scraped text and never
become SQL. Weeks are ISO weeks in Asia/Jakarta time (WIB), because readers count a Monday-morning story
in the week they read it, not in the UTC week it was stored in.

Counting rules (also stated in the report's "Catatan metode"):
- an *article* is one stored page of one outlet, placed in the week of its publication time; exact
  duplicates and wire copies are articles too, because each outlet's copy reaches its own readers;
- a *story* is a group of articles about the same event (``story_id``, near-duplicate clustering) and
  counts once however many outlets carry it; its *reach* is the number of distinct outlets that carried it
  in the week;
- a *family* (kekerasan, gender) counts the articles that carry the family label itself; the tagger
  always adds the family with any of its subtypes, so the family figure equals its row in the label table;
- the *normalised share* of a label is the articles carrying it divided by all articles of that week, over
  every outlet in the warehouse, so a busy news week does not read as a rise in coverage.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import duckdb
from sorot.models.taxonomy import FAMILIES, LABEL_NAMES_ID, STAGE_NAMES_ID
from sorot.warehouse.excerpts import excerpt

TIMEZONE = "Asia/Jakarta"
WIB = ZoneInfo(TIMEZONE)
TOP_STORIES = 10
UNKNOWN_OUTLET = "(media tidak diketahui)"
"""Display name for articles whose source is missing from the sources table (reader-facing, so Indonesian)."""

_WEEK_PATTERN = re.compile(r"([0-9]{4})-W([0-9]{2})")  # ASCII digits: \d also matches fullwidth ones
_IN_WEEK = "a.published_at >= ? AND a.published_at < ?"


__all__ = [
    "FAMILIES", "TIMEZONE", "WIB", "ArticleItem", "LabelArticles", "LabelCount", "OutletCount", "PlaceCount",
    "StageCount", "TopStory", "WeekTotals", "WeeklySummary", "busiest_week", "iso_week_bounds", "week_of",
    "weekly_summary",
]


# -- weeks ------------------------------------------------------------------------------------------------

def iso_week_bounds(week: str) -> tuple[datetime, datetime]:
    """'2024-W36' -> [Monday 00:00 WIB, next Monday 00:00 WIB), both timezone-aware.

    A half-open interval so that an article published at Sunday 23:59:59.9 belongs to exactly one week.
    """
    match = _WEEK_PATTERN.fullmatch(week) if isinstance(week, str) else None
    if match is None:
        raise ValueError(f"invalid ISO week {week!r}: expected the form YYYY-Www, for example 2024-W36")
    year, number = int(match.group(1)), int(match.group(2))
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError:
        raise ValueError(
            f"invalid ISO week {week!r}: {year} has no week {number} (ISO years have 52 or 53 weeks)"
        ) from None
    start = datetime.combine(monday, time(0, 0), tzinfo=WIB)
    return start, start + timedelta(days=7)


def week_of(moment: datetime) -> str:
    """The ISO week ('2024-W36') that contains an aware datetime, read in WIB."""
    year, number, _ = moment.astimezone(WIB).isocalendar()
    return f"{year}-W{number:02d}"


def busiest_week(con: duckdb.DuckDBPyConnection) -> str | None:
    """The ISO week (WIB) with the most articles; the latest such week on a tie; None when no article is dated.

    The demo and first-time users need a week that has data to show; the latest of equals is the most
    relevant to a reader.
    """
    row = con.execute(
        "SELECT strftime(timezone(?, published_at), '%G-W%V') AS week, count(*) AS articles "
        "FROM articles WHERE published_at IS NOT NULL "
        "GROUP BY week ORDER BY articles DESC, week DESC LIMIT 1",
        [TIMEZONE],
    ).fetchone()
    return None if row is None else str(row[0])


# -- the summary's parts ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class WeekTotals:
    """One week's headline numbers; the report shows the current week beside the previous ones."""

    week: str
    start: datetime
    end: datetime
    articles: int
    stories: int
    wire_copies: int
    exact_duplicates: int
    family_articles: int
    """Articles in either family (kekerasan or gender), each counted once."""
    active_outlets: int
    label_counts: Mapping[str, int] = field(default_factory=dict)
    """Articles per label, every taxonomy label present (zero included)."""

    def label_count(self, label: str) -> int:
        return self.label_counts.get(label, 0)

    def share(self, label: str) -> float:
        """Normalised share: articles with the label / all articles of the week (0 for an empty week)."""
        return self.label_count(label) / self.articles if self.articles else 0.0

    @property
    def family_share(self) -> float:
        return self.family_articles / self.articles if self.articles else 0.0

    @property
    def last_day(self) -> date:
        """The Sunday that closes the week (for display; ``end`` itself is the next Monday)."""
        return (self.end - timedelta(days=1)).date()


@dataclass(frozen=True)
class LabelCount:
    label: str
    name: str
    is_family: bool
    count: int
    share: float


@dataclass(frozen=True)
class OutletCount:
    """One outlet's week; outlets without an article that week are listed too, so a silent feed shows."""

    source_id: str | None
    name: str
    articles: int
    kekerasan: int
    gender: int


@dataclass(frozen=True)
class StageCount:
    stage: str
    name: str
    count: int
    share: float


@dataclass(frozen=True)
class PlaceCount:
    place: str | None
    """The dateline as stored; None for articles without one."""
    count: int


@dataclass(frozen=True)
class TopStory:
    story_id: str
    title: str | None
    first_published: datetime | None
    outlets: tuple[str, ...]
    article_count: int
    families: tuple[str, ...]
    """Indonesian names of the families its articles carry this week."""

    @property
    def reach(self) -> int:
        """Jangkauan: the number of distinct outlets that carried the story this week."""
        return len(self.outlets)


@dataclass(frozen=True)
class ArticleItem:
    article_id: str
    outlet: str
    published: datetime
    title: str | None
    url: str
    excerpt: str


@dataclass(frozen=True)
class LabelArticles:
    label: str
    name: str
    articles: tuple[ArticleItem, ...]


@dataclass(frozen=True)
class WeeklySummary:
    """Everything the weekly report and the digest show, computed once."""

    week: str
    start: datetime
    end: datetime
    current: WeekTotals
    previous: tuple[WeekTotals, ...]
    """The N weeks before, oldest first."""
    by_label: tuple[LabelCount, ...]
    by_outlet: tuple[OutletCount, ...]
    by_stage: tuple[StageCount, ...]
    by_dateline: tuple[PlaceCount, ...]
    top_stories: tuple[TopStory, ...]
    articles_by_label: tuple[LabelArticles, ...]
    tagger_versions: tuple[str, ...]
    outlets_in_warehouse: int
    undated_articles: int
    """Articles first seen this week without a publication time: not placed in any week."""

    @property
    def total_articles(self) -> int:
        return self.current.articles

    @property
    def stories(self) -> int:
        return self.current.stories

    @property
    def wire_copies(self) -> int:
        return self.current.wire_copies

    @property
    def family_articles(self) -> int:
        return self.current.family_articles

    @property
    def last_day(self) -> date:
        return self.current.last_day

    @property
    def trend(self) -> tuple[WeekTotals, ...]:
        """Previous weeks then the current one, oldest first (the order of the trend table)."""
        return (*self.previous, self.current)

    def family_count(self, family: str) -> int:
        return self.current.label_count(family)

    def label_name(self, label: str) -> str:
        return LABEL_NAMES_ID.get(label, label)


# -- building the summary --------------------------------------------------------------------------------

def weekly_summary(con: duckdb.DuckDBPyConnection, week: str, previous_weeks: int = 4) -> WeeklySummary:
    """The week's numbers, its previous ``previous_weeks`` weeks' totals, breakdowns and article lists."""
    if previous_weeks < 0:
        raise ValueError(f"previous_weeks must be zero or more, got {previous_weeks}")
    start, end = iso_week_bounds(week)
    first_start = start - timedelta(weeks=previous_weeks)
    labels = _label_order(con, [first_start, end])
    current = _week_totals(con, week, labels)
    previous = tuple(
        _week_totals(con, week_of(start - timedelta(weeks=back)), labels)
        for back in range(previous_weeks, 0, -1)
    )
    bounds = [start, end]
    return WeeklySummary(
        week=week,
        start=start,
        end=end,
        current=current,
        previous=previous,
        by_label=tuple(
            LabelCount(label, LABEL_NAMES_ID.get(label, label), label in FAMILIES,
                       current.label_count(label), current.share(label))
            for label in labels
        ),
        by_outlet=_by_outlet(con, bounds),
        by_stage=_by_stage(con, bounds, current.articles),
        by_dateline=_by_dateline(con, bounds),
        top_stories=_top_stories(con, bounds),
        articles_by_label=_articles_by_label(con, bounds, labels, current),
        tagger_versions=_tagger_versions(con, bounds),
        outlets_in_warehouse=int(_scalar(con, "SELECT count(*) FROM sources", [])),
        undated_articles=int(_scalar(
            con,
            "SELECT count(*) FROM articles WHERE published_at IS NULL AND first_seen_at >= ? AND first_seen_at < ?",
            bounds,
        )),
    )


def _label_order(con: duckdb.DuckDBPyConnection, bounds: list[datetime]) -> tuple[str, ...]:
    """Families first, then the taxonomy's order, then labels stored in the reported weeks that the taxonomy
    does not know (an older tagger's), so that no counted label silently disappears from the tables."""
    known = [*FAMILIES, *(label for label in LABEL_NAMES_ID if label not in FAMILIES)]
    stored = [row[0] for row in con.execute(
        "SELECT DISTINCT l.label FROM article_labels l JOIN articles a ON a.article_id = l.article_id "
        f"WHERE {_IN_WEEK} ORDER BY l.label",
        bounds,
    ).fetchall()]
    return (*known, *(label for label in stored if label not in known))


def _week_totals(con: duckdb.DuckDBPyConnection, week: str, labels: Sequence[str]) -> WeekTotals:
    start, end = iso_week_bounds(week)
    articles, stories, wire, duplicates, outlets = con.execute(
        "SELECT count(*), count(DISTINCT a.story_id), count(*) FILTER (WHERE a.is_wire_copy), "
        "       count(*) FILTER (WHERE a.exact_duplicate_of IS NOT NULL), count(DISTINCT a.source_id) "
        f"FROM articles a WHERE {_IN_WEEK}",
        [start, end],
    ).fetchone()
    family = _scalar(
        con,
        f"SELECT count(*) FROM articles a WHERE {_IN_WEEK} AND EXISTS ("
        "  SELECT 1 FROM article_labels l WHERE l.article_id = a.article_id AND list_contains(?, l.label))",
        [start, end, list(FAMILIES)],
    )
    counted = dict(con.execute(
        "SELECT l.label, count(DISTINCT a.article_id) FROM articles a "
        f"JOIN article_labels l ON l.article_id = a.article_id WHERE {_IN_WEEK} GROUP BY l.label",
        [start, end],
    ).fetchall())
    return WeekTotals(
        week=week,
        start=start,
        end=end,
        articles=int(articles),
        stories=int(stories),
        wire_copies=int(wire),
        exact_duplicates=int(duplicates),
        family_articles=int(family),
        active_outlets=int(outlets),
        label_counts={label: int(counted.get(label, 0)) for label in labels},
    )


def _by_outlet(con: duckdb.DuckDBPyConnection, bounds: list[datetime]) -> tuple[OutletCount, ...]:
    """Every outlet of the warehouse plus any unregistered source seen this week, busiest first."""
    rows = con.execute(
        "WITH wk AS ("
        "  SELECT a.article_id, a.source_id FROM articles a WHERE " + _IN_WEEK + "), "
        "fam AS ("
        "  SELECT l.article_id, bool_or(l.label = ?) AS kekerasan, bool_or(l.label = ?) AS gender "
        "  FROM article_labels l JOIN wk ON wk.article_id = l.article_id GROUP BY l.article_id), "
        "outlets AS ("
        "  SELECT source_id, name FROM sources "
        "  UNION ALL "
        "  SELECT DISTINCT wk.source_id, NULL FROM wk "
        "  WHERE wk.source_id IS NULL OR wk.source_id NOT IN (SELECT source_id FROM sources)) "
        "SELECT o.source_id, coalesce(o.name, o.source_id, ?) AS name, count(wk.article_id) AS articles, "
        "       count(wk.article_id) FILTER (WHERE fam.kekerasan), count(wk.article_id) FILTER (WHERE fam.gender) "
        "FROM outlets o "
        "LEFT JOIN wk ON wk.source_id IS NOT DISTINCT FROM o.source_id "
        "LEFT JOIN fam ON fam.article_id = wk.article_id "
        "GROUP BY o.source_id, o.name "
        "ORDER BY articles DESC, name, o.source_id NULLS LAST",
        [*bounds, *FAMILIES, UNKNOWN_OUTLET],
    ).fetchall()
    return tuple(OutletCount(row[0], row[1], int(row[2]), int(row[3]), int(row[4])) for row in rows)


def _by_stage(con: duckdb.DuckDBPyConnection, bounds: list[datetime], total: int) -> tuple[StageCount, ...]:
    """Every stage of the taxonomy in its order (zero included), then any stage the taxonomy lacks."""
    counted = dict(con.execute(
        f"SELECT a.tahap, count(*) FROM articles a WHERE {_IN_WEEK} GROUP BY a.tahap ORDER BY a.tahap",
        bounds,
    ).fetchall())
    stages = [*STAGE_NAMES_ID, *(stage for stage in counted if stage not in STAGE_NAMES_ID)]
    return tuple(
        StageCount(stage, STAGE_NAMES_ID.get(stage, stage), int(counted.get(stage, 0)),
                   counted.get(stage, 0) / total if total else 0.0)
        for stage in stages
    )


def _by_dateline(con: duckdb.DuckDBPyConnection, bounds: list[datetime]) -> tuple[PlaceCount, ...]:
    rows = con.execute(
        "SELECT nullif(trim(a.dateline), '') AS place, count(*) AS articles "
        f"FROM articles a WHERE {_IN_WEEK} GROUP BY place ORDER BY articles DESC, place NULLS LAST",
        bounds,
    ).fetchall()
    return tuple(PlaceCount(row[0], int(row[1])) for row in rows)


def _top_stories(con: duckdb.DuckDBPyConnection, bounds: list[datetime]) -> tuple[TopStory, ...]:
    """Stories by reach (distinct outlets this week), then articles this week, then the earliest first."""
    rows = con.execute(
        "WITH wk AS ("
        "  SELECT a.article_id, a.story_id, a.title, a.published_at, "
        "         coalesce(s.name, a.source_id, ?) AS outlet "
        "  FROM articles a LEFT JOIN sources s ON s.source_id = a.source_id WHERE " + _IN_WEEK + ") "
        "SELECT wk.story_id, "
        "       coalesce(min(st.title), arg_min(wk.title, wk.published_at)) AS title, "
        "       coalesce(min(st.first_published_at), min(wk.published_at)) AS first_published, "
        "       list(DISTINCT wk.outlet ORDER BY wk.outlet) AS outlets, "
        "       count(DISTINCT wk.outlet) AS reach, count(DISTINCT wk.article_id) AS articles, "
        "       list(DISTINCT l.label ORDER BY l.label) FILTER (WHERE list_contains(?, l.label)) AS families "
        "FROM wk "
        "LEFT JOIN stories st ON st.story_id = wk.story_id "
        "LEFT JOIN article_labels l ON l.article_id = wk.article_id "
        "GROUP BY wk.story_id "
        "ORDER BY reach DESC, articles DESC, first_published NULLS LAST, wk.story_id "
        "LIMIT ?",
        [UNKNOWN_OUTLET, *bounds, list(FAMILIES), TOP_STORIES],
    ).fetchall()
    return tuple(
        TopStory(
            story_id=row[0],
            title=row[1],
            first_published=_wib(row[2]),
            outlets=tuple(row[3]),
            article_count=int(row[5]),
            families=tuple(LABEL_NAMES_ID.get(f, f) for f in FAMILIES if f in (row[6] or [])),
        )
        for row in rows
    )


def _articles_by_label(con: duckdb.DuckDBPyConnection, bounds: list[datetime], labels: Sequence[str],
                       current: WeekTotals) -> tuple[LabelArticles, ...]:
    """For each label with articles this week, its articles in publication order with a safe excerpt."""
    rows = con.execute(
        "SELECT a.article_id, coalesce(s.name, a.source_id, ?) AS outlet, a.published_at, a.title, a.url, "
        "       a.text, list(l.label ORDER BY l.label) AS labels "
        "FROM articles a JOIN article_labels l ON l.article_id = a.article_id "
        "LEFT JOIN sources s ON s.source_id = a.source_id "
        f"WHERE {_IN_WEEK} "
        "GROUP BY a.article_id, outlet, a.published_at, a.title, a.url, a.text "
        "ORDER BY a.published_at, a.article_id",
        [UNKNOWN_OUTLET, *bounds],
    ).fetchall()
    grouped: dict[str, list[ArticleItem]] = {label: [] for label in labels}
    for article_id, outlet, published, title, url, text, article_labels in rows:
        item = ArticleItem(article_id, outlet, _wib(published), title, url, excerpt(text, article_labels))
        for label in article_labels:
            grouped.setdefault(label, []).append(item)
    return tuple(
        LabelArticles(label, LABEL_NAMES_ID.get(label, label), tuple(grouped[label]))
        for label in labels
        if current.label_count(label) and grouped.get(label)
    )


def _tagger_versions(con: duckdb.DuckDBPyConnection, bounds: list[datetime]) -> tuple[str, ...]:
    """Every tagger version behind this week's articles and labels, for the methods note."""
    rows = con.execute(
        f"SELECT a.tagger_version FROM articles a WHERE {_IN_WEEK} "
        "UNION "
        "SELECT l.tagger_version FROM article_labels l JOIN articles a ON a.article_id = l.article_id "
        f"WHERE {_IN_WEEK} "
        "ORDER BY 1",
        [*bounds, *bounds],
    ).fetchall()
    return tuple(row[0] for row in rows)


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[object]) -> int:
    return int(con.execute(sql, list(parameters)).fetchone()[0])


def _wib(moment: datetime | None) -> datetime | None:
    """DuckDB returns TIMESTAMPTZ in the session's zone; readers see WIB whatever the machine's zone."""
    return None if moment is None else moment.astimezone(WIB)
