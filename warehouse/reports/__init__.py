"""Reports and digests built from the warehouse, plus the presentation helpers they share.

Both the HTML report and the digest email speak Bahasa Indonesia to their readers, so dates, numbers and
percentages are formatted here by hand (the C library's Indonesian locale is rarely installed, and locale
state is process-wide) and the Jinja environment is built once with the same filters and escaping rules.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import jinja2

WIB = ZoneInfo("Asia/Jakarta")
"""Readers' time zone; defined here, not imported from queries (which imports this package's helpers)."""

DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
SAFE_URL_SCHEMES = ("http://", "https://")
_WHITESPACE = re.compile(r"\s+")


def format_date_id(value: date | datetime) -> str:
    """'Rabu, 4 September 2024'; aware datetimes are shown in WIB first."""
    day = _as_wib(value)
    return f"{DAY_NAMES_ID[day.weekday()]}, {day.day} {MONTH_NAMES_ID[day.month - 1]} {day.year}"


def format_datetime_id(value: datetime) -> str:
    """'Rabu, 4 September 2024, 10.15 WIB' (Indonesian writes hours and minutes with a dot)."""
    moment = _as_wib(value)
    return f"{format_date_id(moment)}, {moment.hour:02d}.{moment.minute:02d} WIB"


def format_date_range_id(first: date | datetime, last: date | datetime) -> str:
    """An inclusive range without repeating what both ends share: '2–8 September 2024',
    '30 September – 6 Oktober 2024', '30 Desember 2024 – 5 Januari 2025'."""
    start, end = _as_wib(first), _as_wib(last)
    end_text = f"{end.day} {MONTH_NAMES_ID[end.month - 1]} {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end_text}"
    if start.year == end.year:
        return f"{start.day} {MONTH_NAMES_ID[start.month - 1]} – {end_text}"
    return f"{start.day} {MONTH_NAMES_ID[start.month - 1]} {start.year} – {end_text}"


def format_number_id(value: int) -> str:
    """Thousands separated by dots, as Indonesian readers expect: 12.345."""
    return f"{value:,}".replace(",", ".")


def format_percent_id(share: float, digits: int = 1) -> str:
    """A share (0..1) as a percentage with a decimal comma: 0.125 -> '12,5%'."""
    return f"{share * 100:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".") + "%"


def one_line(value: str | None) -> str:
    """Scraped titles may hold line breaks and tabs; a line of the plain-text email must stay one line."""
    return _WHITESPACE.sub(" ", value or "").strip()


def safe_href(url: str | None) -> str | None:
    """The URL when it may become a link (http or https only), else None.

    Scraped URLs are data; a 'javascript:' or 'data:' URL in an href would run in the reader's mail client
    or browser, so anything else is shown as text, never linked.
    """
    if url and url.strip().lower().startswith(SAFE_URL_SCHEMES):
        return url.strip()
    return None


def template_environment() -> jinja2.Environment:
    """Jinja environment for the report templates: HTML autoescaped, plain text left as text.

    Autoescape is decided by the template name because '.html.j2' is not recognised by Jinja's defaults;
    StrictUndefined turns a misspelt field into an error instead of a silently empty cell.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sorot.warehouse.reports", "templates"),
        autoescape=lambda name: name is None or not name.endswith(".txt.j2"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        tanggal=format_date_id,
        waktu=format_datetime_id,
        angka=format_number_id,
        persen=format_percent_id,
        safe_href=safe_href,
        satu_baris=one_line,
    )
    env.globals["format_date_range_id"] = format_date_range_id
    return env


def _as_wib(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(WIB)
    return value
