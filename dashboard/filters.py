"""The article list's filters, read from the query string and turned into parameterised SQL.

Every filter value is user input; none becomes SQL text. The builder only ever appends fixed SQL fragments and
passes the values as bound parameters, and values outside the known sets (a label, a stage, a week) are
rejected while parsing, so a crafted URL yields an empty or unfiltered list, never another query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from sorot.models.taxonomy import LABELS, STAGES

WIB = ZoneInfo("Asia/Jakarta")
ANY_TOPIC = "*"
"""The label filter value for "any label" (on-topic articles: violence or gender)."""
_WEEK = re.compile(r"[0-9]{4}-W[0-9]{2}")
MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class ArticleFilter:
    week: str | None = None
    since: date | None = None
    until: date | None = None
    label: str | None = None
    outlet: str | None = None
    region: str | None = None
    stage: str | None = None
    wire: bool | None = None
    reviewed: bool | None = None
    q: str | None = None
    page: int = 1

    def query_string(self, **changes: object) -> str:
        """This filter as a query string (for links, paging and exports), with ``changes`` applied."""
        chosen = replace(self, **changes) if changes else self
        pairs = [(name, value) for name, value in chosen.as_params().items()]
        return urlencode(pairs)

    def as_params(self) -> dict[str, str]:
        values = {
            "week": self.week, "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None, "label": self.label, "outlet": self.outlet,
            "region": self.region, "stage": self.stage, "wire": _yes_no(self.wire),
            "reviewed": _yes_no(self.reviewed), "q": self.q, "page": str(self.page) if self.page > 1 else None,
        }
        return {name: value for name, value in values.items() if value}

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """[start, end) in WIB from the week or the date range; a week wins over dates."""
        if self.week:
            year, number = int(self.week[:4]), int(self.week[6:])
            monday = date.fromisocalendar(year, number, 1)
            start = datetime.combine(monday, time(0), WIB)
            return start, start + timedelta(days=7)
        start = datetime.combine(self.since, time(0), WIB) if self.since else None
        end = datetime.combine(self.until + timedelta(days=1), time(0), WIB) if self.until else None
        return start, end


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _flag(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get((value or "").strip().lower())


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


def _week(value: str | None) -> str | None:
    if not value or not _WEEK.fullmatch(value.strip()):
        return None
    try:
        date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    except ValueError:
        return None
    return value.strip()


def _text(value: str | None, limit: int = 200) -> str | None:
    value = (value or "").strip()
    return value[:limit] or None


def parse_filter(params: Mapping[str, str], *, default_week: str | None = None) -> ArticleFilter:
    """Read the filters; unknown or malformed values are dropped (the list shows what it filtered by)."""
    label = params.get("label")
    label = label if label == ANY_TOPIC or label in LABELS else None
    stage = params.get("stage")
    stage = stage if stage in STAGES else None
    since, until = _day(params.get("since")), _day(params.get("until"))
    week = _week(params.get("week"))
    if not params:  # first visit: this week's on-topic articles
        week, label = default_week, ANY_TOPIC
    try:
        page = max(1, min(int(params.get("page") or 1), 10_000))
    except ValueError:
        page = 1
    return ArticleFilter(
        week=week, since=since, until=until, label=label, outlet=_text(params.get("outlet")),
        region=_text(params.get("region")), stage=stage, wire=_flag(params.get("wire")),
        reviewed=_flag(params.get("reviewed")), q=_text(params.get("q"), MAX_QUERY_CHARS), page=page,
    )


@dataclass
class Overlay:
    """Staff actions not yet in the published copy, which the filters must see as the staff do."""

    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Article id -> labels after its pending corrections."""
    reviewed: set[str] = field(default_factory=set)


@dataclass
class WhereClause:
    sql: str
    params: list[object]


def build_where(f: ArticleFilter, overlay: Overlay, *, has_reviews: bool,
                matched_ids: Sequence[str] | None = None) -> WhereClause:
    """The WHERE clause over ``articles a`` for a filter: fixed fragments, values bound as parameters."""
    parts: list[str] = ["TRUE"]
    params: list[object] = []
    start, end = f.bounds()
    if start is not None:
        parts.append("a.published_at >= ?")
        params.append(start)
    if end is not None:
        parts.append("a.published_at < ?")
        params.append(end)
    if f.outlet:
        parts.append("a.source_id = ?")
        params.append(f.outlet)
    if f.stage:
        parts.append("a.tahap = ?")
        params.append(f.stage)
    if f.wire is not None:
        parts.append("a.is_wire_copy = ?")
        params.append(f.wire)
    if f.region:
        parts.append("a.article_id IN (SELECT article_id FROM article_regions WHERE province = ? OR regency = ?)")
        params.extend([f.region, f.region])
    if f.label:
        corrected = sorted(overlay.labels)
        carrying = sorted(a for a, labels in overlay.labels.items()
                          if (labels if f.label == ANY_TOPIC else f.label in labels))
        published = ("a.article_id IN (SELECT article_id FROM article_labels)" if f.label == ANY_TOPIC
                     else "a.article_id IN (SELECT article_id FROM article_labels WHERE label = ?)")
        parts.append(f"(({published} AND NOT a.article_id IN (SELECT unnest(?::VARCHAR[]))) "
                     "OR a.article_id IN (SELECT unnest(?::VARCHAR[])))")
        if f.label != ANY_TOPIC:
            params.append(f.label)
        params.extend([corrected, carrying])
    if f.reviewed is not None:
        published = "a.article_id IN (SELECT article_id FROM article_reviews)" if has_reviews else "FALSE"
        clause = f"({published} OR a.article_id IN (SELECT unnest(?::VARCHAR[])))"
        parts.append(clause if f.reviewed else f"NOT {clause}")
        params.append(sorted(overlay.reviewed))
    if matched_ids is not None:
        parts.append("a.article_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(matched_ids))
    return WhereClause(" AND ".join(parts), params)
