"""`sorot run`: the cron entry point (crawl, process, load, publish; on the digest weekday the report and
the digest). See docs/operations.md for the crontab line, the systemd timer and what overlapping runs do."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 15
EXIT_BUSY = 75
"""EX_TEMPFAIL: another run holds the warehouse; this run changed nothing and the next one will catch up."""


def register(commands: Any) -> None:
    run = commands.add_parser("run",
                              help="the cron job: crawl, load, publish, and on Mondays report and digest")
    run.add_argument("--no-crawl", action="store_true", help="skip the crawl (report and digest only)")
    when = run.add_mutually_exclusive_group()
    when.add_argument("--digest", action="store_true", dest="digest", default=None,
                      help="write the report and send the digest for last week, whatever the day")
    when.add_argument("--no-digest", action="store_false", dest="digest", help="never send the digest")
    run.add_argument("--force", action="store_true",
                     help="send the digest again to recipients who already received it")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for an overlapping run to release the warehouse "
                          "(default: stop at once)")
    run.set_defaults(handler=_cmd_run)


def _cmd_run(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import WarehouseBusyError

    from ..jobs.run import run_pipeline
    from .reports import report_delivery

    config = config_from(args)
    try:
        result = run_pipeline(config, crawl=not args.no_crawl, digest=args.digest, force=args.force,
                              wait_for_lock=args.wait, on_progress=lambda line: print(line, flush=True))
    except WarehouseBusyError as error:
        print(f"sorot: another run is in progress, this one stopped without changing anything: {error}",
              file=sys.stderr)
        return EXIT_BUSY
    if result.delivery is not None:
        return report_delivery(result.delivery)
    return EXIT_OK
