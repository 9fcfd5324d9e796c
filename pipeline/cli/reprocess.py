"""`sorot reprocess`: run the current extractor and tagger over the raw archive, without refetching."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 17


def register(commands: Any) -> None:
    reprocess = commands.add_parser("reprocess", help="re-extract and re-tag archived pages (no refetching)")
    reprocess.add_argument("--since", type=date.fromisoformat, help="only pages fetched on or after this day")
    reprocess.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                           help="wait this long for another Sorot run to finish")
    reprocess.set_defaults(handler=_cmd_reprocess)


def _cmd_reprocess(args: argparse.Namespace) -> int:
    from ..jobs.reprocess import reprocess

    result = reprocess(config_from(args), since=args.since, wait_for_lock=args.wait,
                       on_progress=lambda line: print(line, flush=True))
    added = result.stats.added.new_articles if result.stats.added else 0
    print(f"reprocessed {result.pages} archived page(s): {result.stats.updated} article(s) updated, "
          f"{added} added, {len(result.failures)} could not be processed")
    for failure in result.failures[:20]:
        print(f"  problem: {failure}")
    print(f"  published copy: {result.published}")
    return EXIT_OK
