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
  every outlet in the warehouse (or in the outlets and regions a filter keeps), so a busy news week does not
  read as a rise in coverage; a label filter narrows what is counted, never the denominator.

Filters (``ReportFilter``) narrow every section the same way, so a filtered report still adds up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import duckdb

from sorot.models.taxonomy import FAMILIES, LABEL_NAMES_ID, STAGE_NAMES_ID
from sorot.warehouse.excerpts import excerpt_of_masked, masked_text
from sorot.warehouse.reports.quoted import count_speakers

TIMEZONE = "Asia/Jakarta"
WIB = ZoneInfo(TIMEZONE)
TOP_STORIES = 10
TOP_SPEAKERS = 15
QUIET_DROP = 0.25
"""A source whose week falls below this fraction of its recent weekly average is flagged as dropping."""
UNKNOWN_OUTLET = "(media tidak diketahui)"
"""Display name for articles whose source is missing from the sources table (reader-facing, so Indonesian)."""

_WEEK_PATTERN = re.compile(r"([0-9]{4})-W([0-9]{2})")  # ASCII digits: \d also matches fullwidth ones
_IN_WEEK = "a.published_at >= ? AND a.published_at < ?"


__all__ = [
    "FAMILIES", "NO_FILTER", "TIMEZONE", "WIB", "ArticleItem", "LabelArticles", "LabelCount", "OutletCount",
    "PlaceCount", "QuotedSpeaker", "ReportFilter", "SourceActivity", "StageCount", "TopStory", "WeekTotals",
    "WeeklySummary", "busiest_week", "iso_week_bounds", "resolve_week", "week_of", "weekly_summary",
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
    """The ISO week (WIB) with the most articles; the latest such week on a tie; None without dated articles.

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


def resolve_week(con: duckdb.DuckDBPyConnection, spec: str, now: datetime | None = None) -> str:
    """A week argument as an ISO week: 'last' (the calendar week before ``now``, in WIB), 'latest' (the newest
    week with articles), 'busiest', or an explicit 'YYYY-Www' (checked)."""
    if spec == "last":
        return week_of((now or datetime.now(WIB)) - timedelta(days=7))
    if spec in ("latest", "busiest"):
        if spec == "busiest":
            week = busiest_week(con)
        else:
            row = con.execute("SELECT max(published_at) FROM articles").fetchone()
            week = week_of(row[0]) if row and row[0] else None
        if week is None:
            raise ValueError("the warehouse has no dated articles yet; run `sorot demo` or a crawl first")
        return week
    iso_week_bounds(spec)  # raises a clear ValueError for a malformed week
    return spec


# -- filters ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportFilter:
    """What a report is narrowed to: outlets (source ids), regions, labels; empty tuples mean everything.

    A region matches an outlet's home region or an article's dateline, case-insensitively, because a
    regional office asks for "Kalimantan Tengah" (outlets based there) as often as for "Sampit" (stories
    datelined there).
    """

    sources: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.sources or self.regions or self.labels)

    def scope_sql(self) -> tuple[str, list[object]]:
        """The outlet and region conditions on ``articles a``: they define the week's denominator."""
        parts: list[str] = []
        params: list[object] = []
        if self.sources:
            parts.append("list_contains(?::VARCHAR[], a.source_id)")
            params.append(list(self.sources))
        if self.regions:
            wanted = [region.strip().lower() for region in self.regions]
            parts.append("(list_contains(?::VARCHAR[], lower(trim(a.dateline))) OR a.source_id IN ("
                         "SELECT source_id FROM sources "
                         "WHERE list_contains(?::VARCHAR[], lower(trim(region)))))")
            params.extend([wanted, wanted])
        return "".join(f" AND {part}" for part in parts), params

    def label_sql(self) -> tuple[str, list[object]]:
        """The label condition on ``articles a``: it narrows what is counted, not the denominator."""
        if not self.labels:
            return "", []
        return (" AND EXISTS (SELECT 1 FROM article_labels fl WHERE fl.article_id = a.article_id "
                "AND list_contains(?::VARCHAR[], fl.label))", [list(self.labels)])

    def where(self, start: datetime, end: datetime, *, with_labels: bool = True) -> tuple[str, list[object]]:
        """``a.published_at`` in [start, end) plus every condition, with its parameters in order."""
        scope, scope_params = self.scope_sql()
        label, label_params = self.label_sql() if with_labels else ("", [])
        return _IN_WEEK + scope + label, [start, end, *scope_params, *label_params]


NO_FILTER = ReportFilter()


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
    base_articles: int | None = None
    """The share's denominator: the week's articles before a label filter (None: the same as ``articles``)."""

    @property
    def denominator(self) -> int:
        return self.articles if self.base_articles is None else self.base_articles

    def label_count(self, label: str) -> int:
        return self.label_counts.get(label, 0)

    def share(self, label: str) -> float:
        """Normalised share: articles with the label / all articles of the week (0 for an empty week)."""
        return self.label_count(label) / self.denominator if self.denominator else 0.0

    @property
    def family_share(self) -> float:
        return self.family_articles / self.denominator if self.denominator else 0.0

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
class QuotedSpeaker:
    """A speaker quoted in the week's labelled articles ("kata Kepala DP3A ..."), found in masked text."""

    speaker: str
    articles: int
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class SourceActivity:
    """Whether an outlet is still being collected: a feed that silently stops looks like falling coverage."""

    source_id: str
    name: str
    articles: int
    weekly_average: float
    """Articles per week over the previous weeks of the report."""
    last_published: datetime | None
    """The newest article before the week's end."""
    last_fetched: datetime | None
    """The crawler's newest fetch of a page from this outlet before the week's end."""

    @property
    def status(self) -> str:
        """'sepi' (no article this week, though the outlet had some before), 'belum_ada' (no article ever),
        'turun' (a sharp drop against its weekly average), or 'baik'."""
        if self.articles == 0:
            return "belum_ada" if self.last_published is None else "sepi"
        if self.weekly_average >= 4 and self.articles < QUIET_DROP * self.weekly_average:
            return "turun"
        return "baik"


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
    quoted: tuple[QuotedSpeaker, ...] = ()
    source_activity: tuple[SourceActivity, ...] = ()
    filters: ReportFilter = NO_FILTER

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

    @property
    def quiet_sources(self) -> tuple[SourceActivity, ...]:
        """Outlets that went quiet or dropped sharply this week: the report's source-health note."""
        return tuple(health for health in self.source_activity if health.status != "baik")

    def family_count(self, family: str) -> int:
        return self.current.label_count(family)

    def label_name(self, label: str) -> str:
        return LABEL_NAMES_ID.get(label, label)


# -- building the summary --------------------------------------------------------------------------------

def weekly_summary(con: duckdb.DuckDBPyConnection, week: str, previous_weeks: int = 4,
                   filters: ReportFilter = NO_FILTER) -> WeeklySummary:
    """The week's numbers, its previous ``previous_weeks`` weeks' totals, breakdowns and article lists."""
    if previous_weeks < 0:
        raise ValueError(f"previous_weeks must be zero or more, got {previous_weeks}")
    start, end = iso_week_bounds(week)
    first_start = start - timedelta(weeks=previous_weeks)
    labels = _label_order(con, first_start, end, filters)
    current = _week_totals(con, week, labels, filters)
    labelled = _masked_labelled_articles(con, start, end, filters)
    previous = tuple(
        _week_totals(con, week_of(start - timedelta(weeks=back)), labels, filters)
        for back in range(previous_weeks, 0, -1)
    )
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
        by_outlet=_by_outlet(con, start, end, filters),
        by_stage=_by_stage(con, start, end, filters, current.denominator),
        by_dateline=_by_dateline(con, start, end, filters),
        top_stories=_top_stories(con, start, end, filters),
        articles_by_label=_articles_by_label(labelled, labels, current),
        tagger_versions=_tagger_versions(con, start, end, filters),
        outlets_in_warehouse=int(_scalar(con, "SELECT count(*) FROM sources", [])),
        undated_articles=_undated(con, start, end, filters),
        quoted=_quoted(labelled),
        source_activity=_source_activity(con, start, end, previous_weeks, filters),
        filters=filters,
    )


def _label_order(con: duckdb.DuckDBPyConnection, first_start: datetime, end: datetime,
                 filters: ReportFilter) -> tuple[str, ...]:
    """Families first, then the taxonomy's order, then labels stored in the reported weeks that the taxonomy
    does not know (an older tagger's), so that no counted label silently disappears from the tables."""
    known = [*FAMILIES, *(label for label in LABEL_NAMES_ID if label not in FAMILIES)]
    where, params = filters.where(first_start, end)
    stored = [row[0] for row in con.execute(
        "SELECT DISTINCT l.label FROM article_labels l JOIN articles a ON a.article_id = l.article_id "
        f"WHERE {where} ORDER BY l.label",
        params,
    ).fetchall()]
    return (*known, *(label for label in stored if label not in known))


def _week_totals(con: duckdb.DuckDBPyConnection, week: str, labels: Sequence[str],
                 filters: ReportFilter) -> WeekTotals:
    start, end = iso_week_bounds(week)
    where, params = filters.where(start, end)
    articles, stories, wire, duplicates, outlets = con.execute(
        "SELECT count(*), count(DISTINCT a.story_id), count(*) FILTER (WHERE a.is_wire_copy), "
        "       count(*) FILTER (WHERE a.exact_duplicate_of IS NOT NULL), count(DISTINCT a.source_id) "
        f"FROM articles a WHERE {where}",
        params,
    ).fetchone()
    family = _scalar(
        con,
        f"SELECT count(*) FROM articles a WHERE {where} AND EXISTS ("
        "  SELECT 1 FROM article_labels l WHERE l.article_id = a.article_id AND list_contains(?, l.label))",
        [*params, list(FAMILIES)],
    )
    counted = dict(con.execute(
        "SELECT l.label, count(DISTINCT a.article_id) FROM articles a "
        f"JOIN article_labels l ON l.article_id = a.article_id WHERE {where} GROUP BY l.label",
        params,
    ).fetchall())
    base = None
    if filters.labels:
        base_where, base_params = filters.where(start, end, with_labels=False)
        base = _scalar(con, f"SELECT count(*) FROM articles a WHERE {base_where}", base_params)
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
        base_articles=base,
    )


def _by_outlet(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime,
               filters: ReportFilter) -> tuple[OutletCount, ...]:
    """Every outlet of the warehouse (or of the filter) plus any unregistered source seen this week, busiest
    first."""
    where, params = filters.where(start, end)
    registered = "SELECT source_id, name FROM sources"
    registered_params: list[object] = []
    if filters.sources:
        registered += " WHERE list_contains(?::VARCHAR[], source_id)"
        registered_params.append(list(filters.sources))
    rows = con.execute(
        "WITH wk AS ("
        "  SELECT a.article_id, a.source_id FROM articles a WHERE " + where + "), "
        "fam AS ("
        "  SELECT l.article_id, bool_or(l.label = ?) AS kekerasan, bool_or(l.label = ?) AS gender "
        "  FROM article_labels l JOIN wk ON wk.article_id = l.article_id GROUP BY l.article_id), "
        "outlets AS ("
        "  " + registered + " "
        "  UNION ALL "
        "  SELECT DISTINCT wk.source_id, NULL FROM wk "
        "  WHERE wk.source_id IS NULL OR wk.source_id NOT IN (SELECT source_id FROM sources)) "
        "SELECT o.source_id, coalesce(o.name, o.source_id, ?) AS name, count(wk.article_id) AS articles, "
        "       count(wk.article_id) FILTER (WHERE fam.kekerasan), "
        "       count(wk.article_id) FILTER (WHERE fam.gender) "
        "FROM outlets o "
        "LEFT JOIN wk ON wk.source_id IS NOT DISTINCT FROM o.source_id "
        "LEFT JOIN fam ON fam.article_id = wk.article_id "
        "GROUP BY o.source_id, o.name "
        "ORDER BY articles DESC, name, o.source_id NULLS LAST",
        [*params, *FAMILIES, *registered_params, UNKNOWN_OUTLET],
    ).fetchall()
    return tuple(OutletCount(row[0], row[1], int(row[2]), int(row[3]), int(row[4])) for row in rows)


def _by_stage(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime, filters: ReportFilter,
              total: int) -> tuple[StageCount, ...]:
    """Every stage of the taxonomy in its order (zero included), then any stage the taxonomy lacks."""
    where, params = filters.where(start, end)
    counted = dict(con.execute(
        f"SELECT a.tahap, count(*) FROM articles a WHERE {where} GROUP BY a.tahap ORDER BY a.tahap",
        params,
    ).fetchall())
    stages = [*STAGE_NAMES_ID, *(stage for stage in counted if stage not in STAGE_NAMES_ID)]
    return tuple(
        StageCount(stage, STAGE_NAMES_ID.get(stage, stage), int(counted.get(stage, 0)),
                   counted.get(stage, 0) / total if total else 0.0)
        for stage in stages
    )


def _by_dateline(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime,
                 filters: ReportFilter) -> tuple[PlaceCount, ...]:
    where, params = filters.where(start, end)
    rows = con.execute(
        "SELECT nullif(trim(a.dateline), '') AS place, count(*) AS articles "
        f"FROM articles a WHERE {where} GROUP BY place ORDER BY articles DESC, place NULLS LAST",
        params,
    ).fetchall()
    return tuple(PlaceCount(row[0], int(row[1])) for row in rows)


def _top_stories(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime,
                 filters: ReportFilter) -> tuple[TopStory, ...]:
    """Stories by reach (distinct outlets this week), then articles this week, then the earliest first."""
    where, params = filters.where(start, end)
    rows = con.execute(
        "WITH wk AS ("
        "  SELECT a.article_id, a.story_id, a.title, a.published_at, "
        "         coalesce(s.name, a.source_id, ?) AS outlet "
        "  FROM articles a LEFT JOIN sources s ON s.source_id = a.source_id WHERE " + where + ") "
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
        [UNKNOWN_OUTLET, *params, list(FAMILIES), TOP_STORIES],
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


def _labelled_articles(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime,
                       filters: ReportFilter) -> list[tuple]:
    """(article_id, outlet, published, title, url, text, labels) of the week's labelled articles, in order."""
    where, params = filters.where(start, end)
    return con.execute(
        "SELECT a.article_id, coalesce(s.name, a.source_id, ?) AS outlet, a.published_at, a.title, a.url, "
        "       a.text, list(l.label ORDER BY l.label) AS labels "
        "FROM articles a JOIN article_labels l ON l.article_id = a.article_id "
        "LEFT JOIN sources s ON s.source_id = a.source_id "
        f"WHERE {where} "
        "GROUP BY a.article_id, outlet, a.published_at, a.title, a.url, a.text "
        "ORDER BY a.published_at, a.article_id",
        [UNKNOWN_OUTLET, *params],
    ).fetchall()


def _masked_labelled_articles(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime,
                              filters: ReportFilter) -> list[tuple[tuple, str | None]]:
    """Each labelled article of the week with its text masked once (None: masking left a risk)."""
    return [(row, masked_text(row[5], row[6], title=row[3])) for row in _labelled_articles(con, start, end, filters)]


def _articles_by_label(labelled: Sequence[tuple[tuple, str | None]], labels: Sequence[str],
                       current: WeekTotals) -> tuple[LabelArticles, ...]:
    """For each label with articles this week, its articles in publication order with a masked excerpt."""
    grouped: dict[str, list[ArticleItem]] = {label: [] for label in labels}
    for (article_id, outlet, published, title, url, _text, article_labels), masked in labelled:
        item = ArticleItem(article_id, outlet, _wib(published), title, url, excerpt_of_masked(masked))
        for label in article_labels:
            grouped.setdefault(label, []).append(item)
    return tuple(
        LabelArticles(label, LABEL_NAMES_ID.get(label, label), tuple(grouped[label]))
        for label in labels
        if current.label_count(label) and grouped.get(label)
    )


def _quoted(labelled: Sequence[tuple[tuple, str | None]]) -> tuple[QuotedSpeaker, ...]:
    """Who the week's labelled articles quote, from masked text only (a victim's relative is never listed)."""
    texts = [(row[1], masked) for row, masked in labelled if masked is not None]
    return tuple(QuotedSpeaker(speaker, articles, outlets)
                 for speaker, articles, outlets in count_speakers(texts)[:TOP_SPEAKERS])


def _source_activity(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime, previous_weeks: int,
                   filters: ReportFilter) -> tuple[SourceActivity, ...]:
    """Each registered outlet's week against its average over the previous weeks, with its last article and
    last fetch, so a feed that stopped is told apart from a quiet news week."""
    first_start = start - timedelta(weeks=previous_weeks)
    source_filter = " WHERE list_contains(?::VARCHAR[], s.source_id)" if filters.sources else ""
    rows = con.execute(
        "SELECT s.source_id, s.name, "
        "  (SELECT count(*) FROM articles a WHERE a.source_id = s.source_id "
        "     AND a.published_at >= ? AND a.published_at < ?), "
        "  (SELECT count(*) FROM articles a WHERE a.source_id = s.source_id "
        "     AND a.published_at >= ? AND a.published_at < ?), "
        "  (SELECT max(a.published_at) FROM articles a "
        "     WHERE a.source_id = s.source_id AND a.published_at < ?), "
        "  (SELECT max(f.fetched_at) FROM fetched_pages f "
        "     WHERE f.source_id = s.source_id AND f.fetched_at < ?) "
        "FROM sources s" + source_filter + " ORDER BY s.name, s.source_id",
        [start, end, first_start, start, end, end, *([list(filters.sources)] if filters.sources else [])],
    ).fetchall()
    return tuple(
        SourceActivity(
            source_id=row[0],
            name=row[1],
            articles=int(row[2]),
            weekly_average=int(row[3]) / previous_weeks if previous_weeks else 0.0,
            last_published=_wib(row[4]),
            last_fetched=_wib(row[5]),
        )
        for row in rows
    )


def _tagger_versions(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime,
                     filters: ReportFilter) -> tuple[str, ...]:
    """Every tagger version behind this week's articles and labels, for the methods note."""
    where, params = filters.where(start, end)
    rows = con.execute(
        f"SELECT a.tagger_version FROM articles a WHERE {where} "
        "UNION "
        "SELECT l.tagger_version FROM article_labels l JOIN articles a ON a.article_id = l.article_id "
        f"WHERE {where} "
        "ORDER BY 1",
        [*params, *params],
    ).fetchall()
    return tuple(row[0] for row in rows)


def _undated(con: duckdb.DuckDBPyConnection, start: datetime, end: datetime, filters: ReportFilter) -> int:
    where, params = filters.where(start, end)
    undated = where.replace("a.published_at >= ? AND a.published_at < ?",
                            "a.published_at IS NULL AND a.first_seen_at >= ? AND a.first_seen_at < ?", 1)
    return _scalar(con, f"SELECT count(*) FROM articles a WHERE {undated}", params)


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[object]) -> int:
    return int(con.execute(sql, list(parameters)).fetchone()[0])


def _wib(moment: datetime | None) -> datetime | None:
    """DuckDB returns TIMESTAMPTZ in the session's zone; readers see WIB whatever the machine's zone."""
    return None if moment is None else moment.astimezone(WIB)
