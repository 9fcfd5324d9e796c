"""`sorot crawl`: crawl real sources politely, then process, load and publish what was fetched."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..config import ConfigError
from .common import EXIT_FAILED, EXIT_OK, config_from

ORDER = 15


def register(commands: Any) -> None:
    crawl = commands.add_parser("crawl", help="crawl sources (feeds, sitemaps; listings with --backfill) and load")
    crawl.add_argument("sources", nargs="*", metavar="SOURCE",
                       help="source keys (default: crawl.sources of the configuration, else all)")
    crawl.add_argument("--since", type=date.fromisoformat, help="only items dated on or after this day (YYYY-MM-DD)")
    crawl.add_argument("--until", type=date.fromisoformat, help="only items dated on or before this day")
    crawl.add_argument("--backfill", action="store_true",
                       help="also page through the sources' listing pages (never for ANTARA: see docs/crawling.md)")
    crawl.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                       help="wait this long for another Sorot run to finish instead of stopping at once")
    crawl.add_argument("--resolve", action="append", default=[], metavar="HOST=URL",
                       help="fetch HOST from URL instead (a mirror or a local test server), like curl --resolve")
    crawl.set_defaults(handler=_cmd_crawl)


def _cmd_crawl(args: argparse.Namespace) -> int:
    from ..jobs.crawl import crawl_and_load

    config = config_from(args)
    overrides = {}
    for item in args.resolve:
        host, _, url = item.partition("=")
        if not host or not url.startswith(("http://", "https://")):
            raise ConfigError(f"--resolve expects HOST=URL, got {item!r}")
        overrides[host.lower()] = url
    result = crawl_and_load(config, source_keys=args.sources or None, since=args.since, until=args.until,
                            backfill=args.backfill, wait_for_lock=args.wait, host_overrides=overrides or None,
                            on_progress=lambda line: print(line, flush=True))
    new = sum(s.load.new_articles for s in result.summaries)
    failed = sum(s.pages_failed for s in result.summaries)
    problems = [p for s in result.summaries for p in s.feed_errors]
    print(f"crawl {result.run_id}: {new} new article(s), {failed} page(s) could not be processed")
    for problem in problems[:20]:
        print(f"  problem: {problem}")
    if result.published:
        print(f"  published copy: {result.published}")
    if result.crawl_error:
        print(f"  the crawl ended early: {result.crawl_error}")
        return EXIT_FAILED
    return EXIT_OK
