"""`sorot demo`: the whole pipeline on the bundled offline replica."""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 10


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help="run the whole pipeline on the bundled offline news replica")
    demo.add_argument("--port", type=int, default=0, help="port for the replica (default: any free port)")
    demo.set_defaults(handler=_cmd_demo)


def _cmd_demo(args: argparse.Namespace) -> int:
    from ..jobs.demo import run_demo

    config = config_from(args)
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


