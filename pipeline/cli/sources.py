"""`sorot sources ...`: the source registry."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK

ORDER = 30


def register(commands: Any) -> None:
    sources = commands.add_parser("sources", help="the outlets Sorot knows")
    source_commands = sources.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND")
    sources_list = source_commands.add_parser("list", help="list the source registry")
    sources_list.add_argument("--json", action="store_true", help="print JSON")
    sources_list.set_defaults(handler=_cmd_sources_list)


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


