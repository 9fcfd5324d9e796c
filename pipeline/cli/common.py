"""What the command modules share: exit codes, configuration loading, versions, week arguments."""

from __future__ import annotations

import argparse
from importlib.metadata import PackageNotFoundError, version

from ..config import Config, load_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
WEEK_HELP = ("ISO week like 2024-W36, or 'last' (the previous calendar week), 'latest' (the newest week with "
             "articles), 'busiest' (the week with most articles)")


def package_version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def config_from(args: argparse.Namespace) -> Config:
    """The configuration named by the global options."""
    return load_config(args.config, data_dir=args.data_dir)


def resolve_week(con: object, spec: str) -> str:
    """Turn a week argument into an ISO week, checking an explicit one."""
    from datetime import UTC, datetime, timedelta

    from sorot.warehouse.queries import busiest_week, iso_week_bounds, week_of

    if spec == "last":
        return week_of(datetime.now(UTC) - timedelta(days=7))
    if spec in ("latest", "busiest"):
        if spec == "busiest":
            week = busiest_week(con)
        else:
            row = con.execute("SELECT max(published_at) FROM articles").fetchone()  # type: ignore[attr-defined]
            week = week_of(row[0]) if row and row[0] else None
        if week is None:
            raise ValueError("the warehouse has no dated articles yet; run `sorot demo` or a crawl first")
        return week
    iso_week_bounds(spec)  # raises a clear ValueError for a malformed week
    return spec


