"""Dates as Indonesian pages and feeds print them (sources doc, section 4), parsed to aware datetimes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from sorot.pipeline.normalise.dates import (
    ZONE_OFFSETS,
    implausible_date_reason,
    parse_feed_date,
    parse_indonesian_datetime,
    to_utc,
)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, offset: int = 7):
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone(timedelta(hours=offset)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rabu, 4 September 2024 15:30 WIB", at(2024, 9, 4, 15, 30)),
        ("4 September 2024 15:30 WIB", at(2024, 9, 4, 15, 30)),
        ("Rabu, 4 September 2024 15:30 WITA", at(2024, 9, 4, 15, 30, offset=8)),
        ("Rabu, 4 September 2024 15:30 WIT", at(2024, 9, 4, 15, 30, offset=9)),
        ("Jum'at, 6 Sep 2024 10:00 WITA", at(2024, 9, 6, 10, 0, offset=8)),
        ("Jum’at, 6 Sep 2024 10:00 WITA", at(2024, 9, 6, 10, 0, offset=8)),
        ("Jumat, 12 Jul 2024 10:30 WIB", at(2024, 7, 12, 10, 30)),
        ("Minggu, 3 Mei 2026 21.45 WIT", at(2026, 5, 3, 21, 45, offset=9)),
        ("Ahad, 1 Des 2024 07:05:33 WIB", at(2024, 12, 1, 7, 5, 33)),
        ("Senin, 8 Juli 2024 – 13:11 WIB", at(2024, 7, 8, 13, 11)),
        ("Senin, 8 Juli 2024 — 13:11 WIB", at(2024, 7, 8, 13, 11)),
        ("Senin, 8 Juli 2024 - 13:11 WIB", at(2024, 7, 8, 13, 11)),
        ("Kamis, 5 Desember 2024 | 10:02 WIB", at(2024, 12, 5, 10, 2)),
        ("Kamis, 29 Agustus 2024 07:05 WIB", at(2024, 8, 29, 7, 5)),
        ("Kamis, 29 Agustus 2024, pukul 07.05 WIB", at(2024, 8, 29, 7, 5)),
        ("Rabu, 04 Sep 2024 15:30 WIB", at(2024, 9, 4, 15, 30)),  # detik
        ("Senin, 15 Mei 2017 18:43 WIB", at(2017, 5, 15, 18, 43)),  # ANTARA 2017 template
        ("4 Ags 2024", at(2024, 8, 4)),
        ("4 Agu 2024", at(2024, 8, 4)),
        ("4 Agt 2024", at(2024, 8, 4)),
        ("4 Pebruari 2024", at(2024, 2, 4)),
        ("4 Peb 2024", at(2024, 2, 4)),
        ("12 Nopember 2023", at(2023, 11, 12)),
        ("12 Nop 2023", at(2023, 11, 12)),
        ("3 Sept 2024", at(2024, 9, 3)),
        ("3 Sept. 2024", at(2024, 9, 3)),
        ("Kompas.com - 04/09/2024, 15:30 WIB", at(2024, 9, 4, 15, 30)),  # day first
        ("04/09/2024, 15:30 WIB", at(2024, 9, 4, 15, 30)),
        ("Diperbarui 04/09/2024, 17:05 WIB", at(2024, 9, 4, 17, 5)),
        ("Kompas.com - 04/09/2024, 15:30 WIB Diperbarui 05/09/2024, 08:00 WIB", at(2024, 9, 4, 15, 30)),
        ("2015/08/25", at(2015, 8, 25)),
        ("2017-05-15T18:43:56+07:00", at(2017, 5, 15, 18, 43, 56)),
        ("2024-09-04T08:30:00Z", at(2024, 9, 4, 8, 30, offset=0)),
        ("2024-09-04T15:30:00+0800", at(2024, 9, 4, 15, 30, offset=8)),
        ("2024-09-04 15:30 WITA", at(2024, 9, 4, 15, 30, offset=8)),
        ("2024-09-04", at(2024, 9, 4)),
        ("4 September 2024 15:30 GMT+7", at(2024, 9, 4, 15, 30)),
        ("4 September 2024 15:30", at(2024, 9, 4, 15, 30)),
        ("Rabu (4/9/2024) pukul 10.00 WITA", at(2024, 9, 4, 10, 0, offset=8)),
        ("4 September 2024, 12.000 warga mengungsi", at(2024, 9, 4)),  # a number is not a time
    ],
)
def test_parses_indonesian_page_dates(text: str, expected: datetime) -> None:
    parsed = parse_indonesian_datetime(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


def test_wita_is_not_read_as_wit() -> None:
    parsed = parse_indonesian_datetime("Jum'at, 6 Sep 2024 10:00 WITA")
    assert parsed.utcoffset() == timedelta(hours=8)
    assert parsed.tzname() == "WITA"


def test_missing_zone_uses_the_outlets_home_zone() -> None:
    assert parse_indonesian_datetime("4 September 2024 15:30", default_zone="WITA") == at(
        2024, 9, 4, 15, 30, offset=8
    )
    assert parse_indonesian_datetime("2024-09-04T15:30", default_zone="WIT") == at(
        2024, 9, 4, 15, 30, offset=9
    )
    # An explicit zone wins over the default.
    assert parse_indonesian_datetime("4 Sep 2024 15:30 WIB", default_zone="WIT") == at(2024, 9, 4, 15, 30)


def test_unknown_default_zone_is_an_error() -> None:
    with pytest.raises(ValueError, match="WIB"):
        parse_indonesian_datetime("4 September 2024", default_zone="Asia/Jakarta")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "tidak ada tanggal di sini",
        "31 Februari 2024",
        "30 Februari 2023 10:00 WIB",
        "13/13/2024",
        "04/13/2024",  # month-first US order is not a valid day-first date
        "2024-13-04",
        "4 September 2024 25:00 WIB",
        "4 September 2024 12:61 WIB",
        "15.30 WIB",  # a time alone is not a date
        "pukul 15.30",
    ],
)
def test_impossible_or_missing_dates_give_none(text: str) -> None:
    assert parse_indonesian_datetime(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu, 28 May 2026 13:27:46 +0700", at(2026, 5, 28, 13, 27, 46)),
        ("Thu, 28 May 2026 06:27:46 GMT", at(2026, 5, 28, 6, 27, 46, offset=0)),
        ("Thu, 28 May 2026 06:27:46 UT", at(2026, 5, 28, 6, 27, 46, offset=0)),
        ("Thu, 28 May 2026 08:27:46 EST", at(2026, 5, 28, 8, 27, 46, offset=-5)),
        ("Thu, 28 May 2026 06:27:46 -0000", at(2026, 5, 28, 6, 27, 46, offset=0)),
        ("28 May 2026 13:27 +0800", at(2026, 5, 28, 13, 27, offset=8)),
        ("Thu, 28 May 2026 13:27:46 WIB", at(2026, 5, 28, 13, 27, 46)),
        ("Thu, 28 May 2026 13:27:46 WITA", at(2026, 5, 28, 13, 27, 46, offset=8)),
        ("2026-05-28T13:27:46+07:00", at(2026, 5, 28, 13, 27, 46)),
        ("2026-05-28T06:27:46Z", at(2026, 5, 28, 6, 27, 46, offset=0)),
        ("2026-05-28T06:27:46.123Z", at(2026, 5, 28, 6, 27, 46, offset=0) + timedelta(milliseconds=123)),
        ("Rabu, 4 September 2024 15:30 WIB", at(2024, 9, 4, 15, 30)),
    ],
)
def test_parses_feed_dates(text: str, expected: datetime) -> None:
    parsed = parse_feed_date(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


def test_feed_date_without_zone_uses_default_zone() -> None:
    assert parse_feed_date("2026-05-28T13:27:46") == at(2026, 5, 28, 13, 27, 46)
    assert parse_feed_date("2026-05-28T13:27:46", default_zone="WITA") == at(
        2026, 5, 28, 13, 27, 46, offset=8
    )


@pytest.mark.parametrize("text", ["", "not a date", "Thu, 31 Feb 2026 13:27:46 +0700", "Thu, 28 Foo 2026"])
def test_unreadable_feed_dates_give_none(text: str) -> None:
    assert parse_feed_date(text) is None


def test_zone_offsets_are_the_three_indonesian_zones() -> None:
    assert ZONE_OFFSETS == {"WIB": 7, "WITA": 8, "WIT": 9}


def test_to_utc_converts_aware_values() -> None:
    converted = to_utc(at(2024, 9, 4, 15, 30, offset=8))
    assert converted == datetime(2024, 9, 4, 7, 30, tzinfo=UTC)
    assert converted.utcoffset() == timedelta(0)


def test_to_utc_rejects_naive_values() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_utc(datetime(2024, 9, 4, 15, 30))


NOW = datetime(2026, 5, 28, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (at(2024, 9, 4, 15, 30), None),
        (at(1990, 1, 1), None),
        (at(1989, 12, 31, 23, 59), "before 1990"),
        (datetime(1970, 1, 1, tzinfo=UTC), "before 1990"),
        (NOW + timedelta(hours=23), None),  # clock skew and zone slips are tolerated
        (NOW + timedelta(days=1, minutes=1), "in the future"),
        (at(2099, 1, 1), "in the future"),
    ],
)
def test_implausible_date_reason(value: datetime, reason: str | None) -> None:
    assert implausible_date_reason(value, now=NOW) == reason


def test_implausible_date_reason_defaults_to_the_current_time() -> None:
    assert implausible_date_reason(datetime.now(UTC) - timedelta(days=3)) is None
    assert implausible_date_reason(datetime.now(UTC) + timedelta(days=30)) == "in the future"


def test_implausible_date_reason_rejects_naive_values() -> None:
    with pytest.raises(ValueError, match="naive"):
        implausible_date_reason(datetime(2024, 9, 4))
