"""`sorot report` and `sorot digest`: the weekly report and the digest email."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..config import ConfigError
from .common import EXIT_OK, WEEK_HELP, config_from, resolve_week

DEFAULT_SENDER = "Sorot <sorot@localhost>"


ORDER = 60


def register(commands: Any) -> None:
    report = commands.add_parser("report", help="write the weekly coverage report (HTML, Bahasa Indonesia)")
    report.add_argument("--week", default="latest", help=WEEK_HELP)
    report.add_argument("--out", help="output file (default: <data dir>/reports/laporan-<week>.html)")
    report.set_defaults(handler=_cmd_report)

    digest = commands.add_parser("digest", help="write the weekly digest email as an .eml file")
    digest.add_argument("--week", default="last", help=WEEK_HELP)
    digest.add_argument("--to", action="append", default=[], metavar="ADDR",
                        help="recipient (repeatable; default: the configuration's digest.recipients)")
    digest.add_argument("--out", help="output .eml file (default: <data dir>/reports/digest-<week>.eml)")
    digest.set_defaults(handler=_cmd_digest)


def _cmd_report(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_reader
    from sorot.warehouse.reports.weekly import write_weekly_report

    paths = config_from(args).paths
    con = connect_reader(paths.published)
    try:
        week = resolve_week(con, args.week)
        out = Path(args.out) if args.out else paths.reports_dir / f"laporan-{week}.html"
        written = write_weekly_report(con, week, out)
    finally:
        con.close()
    print(f"weekly report for {week}: {written}")
    return EXIT_OK




def _cmd_digest(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_reader
    from sorot.warehouse.reports.digest import write_digest_eml

    config = config_from(args)
    paths = config.paths
    recipients = args.to or list(config.digest.get("recipients", []))
    if not recipients:
        raise ConfigError("no digest recipients: give --to ADDR or set digest.recipients in the configuration")
    sender = str(config.digest.get("sender", DEFAULT_SENDER))
    con = connect_reader(paths.published)
    try:
        week = resolve_week(con, args.week)
        report = paths.reports_dir / f"laporan-{week}.html"
        link = config.digest.get("report_url") or (report.resolve().as_uri() if report.exists() else None)
        out = Path(args.out) if args.out else paths.reports_dir / f"digest-{week}.eml"
        written = write_digest_eml(con, week, out, sender, recipients, link)
    finally:
        con.close()
    print(f"digest for {week}: {written}")
    return EXIT_OK


