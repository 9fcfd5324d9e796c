"""The `sorot` command line: one entry point for the demo, analysis and information commands.

Every failure a user can meet ends with one readable line on stderr and a non-zero exit status, never a
traceback; `--debug` shows the traceback for bug reports.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .config import ConfigError, load_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
WEEK_HELP = ("ISO week like 2024-W36, or 'last' (the previous calendar week), 'latest' (the newest week with "
             "articles), 'busiest' (the week with most articles)")
DEFAULT_SENDER = "Sorot <sorot@localhost>"


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sorot",
        description="Sorot: monitoring Indonesian regional news for violence and gender coverage.",
    )
    parser.add_argument("--version", action="version", version=f"sorot {_version('sorot')}")
    parser.add_argument("--config", help="configuration file (default: $SOROT_CONFIG or ./sorot.toml)")
    parser.add_argument("--data-dir", help="where Sorot keeps its files (default: ./sorot-data)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="run the whole pipeline on the bundled offline news replica")
    demo.add_argument("--port", type=int, default=0, help="port for the replica (default: any free port)")
    demo.set_defaults(handler=_cmd_demo)

    analyze = commands.add_parser("analyze", help="process saved HTML pages and print JSON Lines")
    analyze.add_argument("--url", help="the URL the page was fetched from (one file only)")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.set_defaults(handler=_cmd_analyze)

    sources = commands.add_parser("sources", help="the outlets Sorot knows")
    source_commands = sources.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND")
    sources_list = source_commands.add_parser("list", help="list the source registry")
    sources_list.add_argument("--json", action="store_true", help="print JSON")
    sources_list.set_defaults(handler=_cmd_sources_list)

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

    info = commands.add_parser("info", help="show the paths and versions in use")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=_cmd_info)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or EXIT_OK)
    except KeyboardInterrupt:
        print("sorot: interrupted; everything stored before the interruption is kept", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(f"sorot: error: {_describe(error)}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ConfigError) else EXIT_FAILED


def _describe(error: Exception) -> str:
    if isinstance(error, FileNotFoundError) and error.filename:
        return f"file not found: {error.filename}"
    if isinstance(error, KeyError) and type(error).__str__ is not KeyError.__str__:
        return str(error)
    return str(error) or type(error).__name__


def _cmd_demo(args: argparse.Namespace) -> int:
    from .jobs.demo import run_demo

    config = load_config(args.config, data_dir=args.data_dir)
    result = run_demo(config, port=args.port, on_progress=lambda line: print(line, flush=True))
    load = result.ingest.load
    print()
    print(f"Sorot demo finished in {result.seconds:.0f} s")
    print(f"  pages processed:   {result.ingest.pages_processed} ({result.ingest.pages_failed} failed)")
    print(f"  articles stored:   {load.new_articles} new, {load.already_stored} already stored, "
          f"{load.exact_duplicates} exact and {load.near_duplicates} near duplicates")
    for problem in result.ingest.feed_errors + result.ingest.failures[:10]:
        print(f"  problem: {problem}")
    print(f"  warehouse:         {result.warehouse}")
    print(f"  published copy:    {result.published}")
    if result.report:
        print(f"  weekly report:     {result.report}  (week {result.week})")
        print(f"  digest email:      {result.digest}")
    else:
        print("  no articles with a publication date: no report written")
    return EXIT_OK


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .analyze import analyze_file
    from .process import ArticleProcessor

    if args.url and len(args.files) > 1:
        print("sorot: error: --url names the address of one page; give one FILE with it", file=sys.stderr)
        return EXIT_USAGE
    processor = ArticleProcessor()
    failed = 0
    for name in args.files:
        record = analyze_file(Path(name), processor, url=args.url)
        failed += "error" in record
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_sources_list(args: argparse.Namespace) -> int:
    from sorot.crawlers.sources import all_sources

    records = [
        {
            "key": s.key, "name": s.name, "outlet_type": s.outlet_type, "region": s.region, "hosts": list(s.hosts),
            "homepage": s.homepage, "feeds": list(s.feeds), "sitemaps": list(s.sitemaps),
            "article_url_pattern": s.article_url_pattern, "timezone": s.timezone, "language": s.language,
            "is_wire_agency": s.is_wire_agency, "parsers": [p.version for p in s.parsers],
        }
        for s in all_sources()
    ]
    if args.json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        for record in records:
            print(f"{record['key']:<20} {record['name']:<40} {record['outlet_type']:<9} {len(record['feeds'])} feed(s)")
    return EXIT_OK


def _resolve_week(con: object, spec: str) -> str:
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


def _cmd_report(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_reader
    from sorot.warehouse.reports.weekly import write_weekly_report

    paths = load_config(args.config, data_dir=args.data_dir).paths
    con = connect_reader(paths.published)
    try:
        week = _resolve_week(con, args.week)
        out = Path(args.out) if args.out else paths.reports_dir / f"laporan-{week}.html"
        written = write_weekly_report(con, week, out)
    finally:
        con.close()
    print(f"weekly report for {week}: {written}")
    return EXIT_OK


def _cmd_digest(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_reader
    from sorot.warehouse.reports.digest import write_digest_eml

    config = load_config(args.config, data_dir=args.data_dir)
    paths = config.paths
    recipients = args.to or list(config.digest.get("recipients", []))
    if not recipients:
        raise ConfigError("no digest recipients: give --to ADDR or set digest.recipients in the configuration")
    sender = str(config.digest.get("sender", DEFAULT_SENDER))
    con = connect_reader(paths.published)
    try:
        week = _resolve_week(con, args.week)
        report = paths.reports_dir / f"laporan-{week}.html"
        link = config.digest.get("report_url") or (report.resolve().as_uri() if report.exists() else None)
        out = Path(args.out) if args.out else paths.reports_dir / f"digest-{week}.eml"
        written = write_digest_eml(con, week, out, sender, recipients, link)
    finally:
        con.close()
    print(f"digest for {week}: {written}")
    return EXIT_OK


def _cmd_info(args: argparse.Namespace) -> int:
    from sorot.crawlers.archive import SOROT_HEADER_PREFIX  # noqa: F401 - proves the crawler imports
    from sorot.models.rules import RuleTagger

    from .extract.page import EXTRACTOR_VERSION

    config = load_config(args.config, data_dir=args.data_dir)
    paths = config.paths
    info = {
        "config_file": str(config.path) if config.path else None,
        "data_dir": str(paths.data_dir),
        "warehouse": str(paths.warehouse),
        "warehouse_exists": paths.warehouse.exists(),
        "published": str(paths.published) if paths.published.exists() else None,
        "archive_dir": str(paths.archive_dir),
        "crawl_state": str(paths.crawl_state),
        "reports_dir": str(paths.reports_dir),
        "schema_version": _published_schema_version(paths.published),
        "versions": {
            "sorot": _version("sorot"),
            "python": platform.python_version(),
            "scrapy": _version("scrapy"),
            "trafilatura": _version("trafilatura"),
            "duckdb": _version("duckdb"),
            "tagger": RuleTagger().version,
            "extractor": EXTRACTOR_VERSION,
        },
    }
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        for key, value in info.items():
            if isinstance(value, dict):
                for name, item in value.items():
                    print(f"{key}.{name}: {item}")
            else:
                print(f"{key}: {value}")
    return EXIT_OK


def _published_schema_version(path: Path) -> int | None:
    if not path.exists():
        return None
    from sorot.warehouse.db import connect_reader, schema_version

    con = connect_reader(path)
    try:
        return schema_version(con)
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
