"""Parse the date strings Indonesian news pages and feeds print, into timezone-aware datetimes.

A compiled regex rather than `dateparser`: dateparser is slow and fails on forms these outlets really use
("Jum'at", "4 Ags 2024", "Kompas.com - 04/09/2024, 15:30 WIB"), and reads "04/09/2024" month-first unless
told otherwise. Indonesia has three zones without DST (WIB +7, WITA +8, WIT +9), so fixed offsets are exact.
Feed dates (RFC 822) go through the standard library's e-mail date parser, which handles them correctly.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

__all__ = [
    "MONTHS",
    "ZONE_OFFSETS",
    "implausible_date_reason",
    "parse_feed_date",
    "parse_indonesian_datetime",
    "to_utc",
    "zone",
]

ZONE_OFFSETS: dict[str, int] = {"WIB": 7, "WITA": 8, "WIT": 9}

_ZONES: dict[str, timezone] = {
    name: timezone(timedelta(hours=hours), name) for name, hours in ZONE_OFFSETS.items()
}

# Indonesian month names with the old spellings (Pebruari, Nopember) and every abbreviation seen on the
# outlets, plus the English names that differ, for bilingual pages ("4 Aug 2024", "May").
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

# Time after the date: separated by space, comma, "|", ")", dashes, "pukul"/"pkl."/"jam"/"at" (Liputan6's
# "16 Feb 2016 at 09:10 WIB"); ":" or "." inside.
# WITA must come before WIT in the alternation, or "10:00 WITA" would be read as WIT (+09:00).
_TIME = (
    r"(?:(?:\s|[,|)–—-]|\bpukul\b|\bpkl\b\.?|\bjam\b|\bat\b)*"
    r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?(?![\d/])"
    r")?"
    r"(?:\s*(?:(?P<zone>WITA|WIB|WIT)\b"
    r"|(?:GMT|UTC)\s*(?P<gmt_offset>[+-]\d{1,2}(?::?\d{2})?)(?!\d)"
    r"|(?P<offset>[+-]\d{2}:?\d{2})(?!\d)"
    r"|(?P<utc>GMT|UTC)\b))?"
)

_TEXT_DATE_RE = re.compile(
    rf"(?<![\d.])(?P<d>\d{{1,2}})\s*(?:-\s*)?(?P<mon>{_MONTH_ALT})\b\.?,?\s*(?:-\s*)?(?P<y>\d{{4}})(?!\d)"
    + _TIME,
    re.IGNORECASE,
)
# Numeric dates are day-first in Indonesia: "04/09/2024" is 4 September.
_DMY_DATE_RE = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4})(?!\d)" + _TIME, re.IGNORECASE
)
# Year first ("2015/08/25") is unambiguous; ISO dates with "-" are tried as ISO 8601 first.
_YMD_DATE_RE = re.compile(
    r"(?<![\d/.-])(?P<y>\d{4})([/.-])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d)" + _TIME, re.IGNORECASE
)
_ISO_RE = re.compile(
    r"(?<![\d/.-])(?P<iso>\d{4}-\d{2}-\d{2}(?:(?:[T ]| T)\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
    r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?)(?![\w:])(?:\s*(?P<zone>WITA|WIB|WIT)\b)?"
)
_FEED_ZONE_RE = re.compile(r"\s(?P<zone>WITA|WIB|WIT)\s*$", re.IGNORECASE)

_EARLIEST_PLAUSIBLE_YEAR = 1990
_FUTURE_TOLERANCE = timedelta(days=1)


def zone(name: str) -> timezone:
    """The fixed-offset tzinfo for an Indonesian zone name (WIB, WITA, WIT); ValueError for others."""
    try:
        return _ZONES[name.upper()]
    except KeyError:
        known = ", ".join(ZONE_OFFSETS)
        raise ValueError(f"unknown Indonesian time zone {name!r}; expected one of {known}") from None


def parse_indonesian_datetime(text: str, default_zone: str = "WIB") -> datetime | None:
    """Parse a date as printed on an Indonesian news page; None when there is none or it is impossible.

    The first date found in `text` is used, so outlet prefixes ("Kompas.com - ") and a trailing
    "Diperbarui ..." do not matter. A missing time means 00:00; a missing zone means `default_zone`
    (the outlet's home zone). A time without a date is not a date and gives None.
    """
    tz_default = zone(default_zone)
    if not text:
        return None
    text = " ".join(text.split())
    found = [m for m in (p.search(text) for p in (_ISO_RE, _TEXT_DATE_RE, _DMY_DATE_RE, _YMD_DATE_RE)) if m]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())  # the first date printed is the publication date
    if match.re is _ISO_RE:
        tz_iso = zone(match["zone"]) if match["zone"] else tz_default
        return _from_iso(match["iso"], tz_iso)
    month = MONTHS[match["mon"].lower()] if match.re is _TEXT_DATE_RE else int(match["m"])
    return _build(match, int(match["y"]), month, int(match["d"]), tz_default)


def _from_iso(value: str, tz_default: timezone) -> datetime | None:
    # "2015-11-05 T10:08:58Z" (detik's 2015 meta tags) is "2015-11-05T10:08:58Z" with a stray space
    value = re.sub(r"\s+(?=[+-]\d{2}|Z)", "", value).replace(" T", "T").replace(",", ".")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz_default)


def _build(match: re.Match[str], year: int, month: int, day: int, tz_default: timezone) -> datetime | None:
    hour = int(match["H"]) if match["H"] else 0
    minute = int(match["M"]) if match["M"] else 0
    second = int(match["S"]) if match["S"] else 0
    try:
        if match["zone"]:
            tzinfo = zone(match["zone"])
        elif match["gmt_offset"] or match["offset"]:
            tzinfo = _offset_zone(match["gmt_offset"] or match["offset"])
        elif match["utc"]:
            tzinfo = UTC
        else:
            tzinfo = tz_default
        return datetime(year, month, day, hour, minute, second, tzinfo=tzinfo)
    except ValueError:  # 31 Februari, month 13, hour 25, offset +25...
        return None


def _offset_zone(text: str) -> timezone:
    """Turn "+0700", "+07:00" or "+7" into a fixed-offset tzinfo; ValueError when out of range."""
    sign = -1 if text[0] == "-" else 1
    hours, _, minutes = text[1:].partition(":")
    if not minutes and len(hours) > 2:
        hours, minutes = hours[:-2], hours[-2:]
    if int(minutes or 0) > 59:
        raise ValueError(f"offset minutes out of range in {text!r}")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes or 0)))


def parse_feed_date(text: str, *, default_zone: str = "WIB") -> datetime | None:
    """Parse an RSS (RFC 822) or Atom (ISO 8601) date; always aware, None when unreadable.

    RFC 822 "-0000" (zone unknown) is taken as UTC as the RFC says. An Indonesian zone name where RFC 822
    expects an offset ("... 13:27:46 WIB"), a zone-less ISO timestamp and the Indonesian page formats that
    some feeds put in pubDate use `default_zone`, the feed's home zone.
    """
    if not text or not text.strip():
        return None
    text = " ".join(text.split())
    zone(default_zone)  # fail on a bad zone name whichever branch parses the text

    named = _FEED_ZONE_RE.search(text)
    rfc_text = text[: named.start()] + " +0000" if named else text
    try:
        parsed = parsedate_to_datetime(rfc_text)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        if named:
            return parsed.replace(tzinfo=zone(named["zone"]))
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)

    return parse_indonesian_datetime(text, default_zone=default_zone)


def _require_aware(value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value.isoformat()}: attach its zone before comparing or storing")


def implausible_date_reason(value: datetime, now: datetime | None = None) -> str | None:
    """Why `value` cannot be a publication date ("before 1990", "in the future"), or None if plausible.

    Catches parser accidents and CMS placeholders (1970-01-01, year 2099) before they reach reports. One day
    of slack for the future absorbs zone mistakes and clock skew. `value` must be aware (ValueError if naive).
    """
    _require_aware(value)
    if value.year < _EARLIEST_PLAUSIBLE_YEAR:  # in its own zone, as the page printed it
        return f"before {_EARLIEST_PLAUSIBLE_YEAR}"
    now = now if now is not None else datetime.now(UTC)
    _require_aware(now)
    if value > now + _FUTURE_TOLERANCE:
        return "in the future"
    return None


def to_utc(value: datetime) -> datetime:
    """Convert an aware datetime to UTC for storage; a naive one is a bug upstream, so ValueError."""
    _require_aware(value)
    return value.astimezone(UTC)
