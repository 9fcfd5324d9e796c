"""`sorot sources ...`: the source registry."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 30


def register(commands: Any) -> None:
    sources = commands.add_parser("sources", help="the outlets Sorot knows")
    source_commands = sources.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND")
    sources_list = source_commands.add_parser("list", help="list the source registry")
    sources_list.add_argument("--json", action="store_true", help="print JSON")
    sources_list.set_defaults(handler=_cmd_sources_list)
    status = source_commands.add_parser("status", help="is every source still collected and extracted?")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.add_argument("--as-of", type=_moment, help="judge as of this time (ISO 8601; default: now)")
    status.set_defaults(handler=_cmd_sources_status)


def _moment(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _cmd_sources_status(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_reader
    from sorot.warehouse.health import compute_source_health

    con = connect_reader(config_from(args).paths.published)
    try:
        health = compute_source_health(con, args.as_of)
    finally:
        con.close()
    if args.json:
        print(json.dumps([h.to_json() for h in health], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not health:
        print("no source has been crawled yet")
    for h in health:
        last = h.last_new_article_at.strftime("%Y-%m-%d %H:%M UTC") if h.last_new_article_at else "never"
        print(f"{h.source_id:<20} {h.status:<19} {h.articles_7d:>5} new in 7 days, last new article: {last}")
        if h.note:
            print(f"{'':<20} {h.note}")
    return EXIT_OK


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


