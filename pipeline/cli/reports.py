"""`sorot report` and `sorot digest`: the weekly report (HTML or PDF) and the digest email.

Both read the published warehouse. SMTP settings and the password come from the configuration file and the
environment, never from this command line (a password in argv is visible to every user of the machine).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import EXIT_FAILED, EXIT_OK, WEEK_HELP, config_from

ORDER = 60


def register(commands: Any) -> None:
    report = commands.add_parser("report",
                                 help="write the weekly coverage report (HTML or PDF, Bahasa Indonesia)")
    report.add_argument("--week", default="latest", help=WEEK_HELP)
    report.add_argument("--format", choices=("html", "pdf"), dest="fmt",
                        help="output format (default: from --out's suffix, else html)")
    report.add_argument("--out", type=Path,
                        help="output file (default: <data dir>/reports/laporan-<week>[-<filters>].<format>)")
    report.add_argument("--source", action="append", default=[], metavar="KEY",
                        help="only this outlet (source id, repeatable)")
    report.add_argument("--region", action="append", default=[], metavar="NAME",
                        help="only outlets based in, or stories datelined in, this region (repeatable)")
    report.add_argument("--label", action="append", default=[], metavar="LABEL",
                        help="only articles with this taxonomy label (repeatable)")
    report.set_defaults(handler=_cmd_report)

    digest = commands.add_parser("digest",
                                 help="send the weekly digest email, or write it as an .eml (--dry-run)")
    digest.add_argument("--week", default="last", help=WEEK_HELP)
    digest.add_argument("--to", action="append", default=[], metavar="ADDR",
                        help="recipient (repeatable; default: the configuration's digest.recipients)")
    mode = digest.add_mutually_exclusive_group()
    mode.add_argument("--send", action="store_true",
                      help="send over SMTP ([smtp] in the configuration, password in $SOROT_SMTP_PASSWORD)")
    mode.add_argument("--dry-run", action="store_true",
                      help="write the message to --out and send nothing (default)")
    digest.add_argument("--out", type=Path,
                        help="the .eml of --dry-run (default: <data dir>/reports/digest-<week>.eml)")
    digest.add_argument("--force", action="store_true",
                        help="with --send: send again to recipients who already received this week's digest")
    digest.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                        help="with --send: wait this long for another Sorot run to release the warehouse")
    digest.set_defaults(handler=_cmd_digest)


def _cmd_report(args: argparse.Namespace) -> int:
    from sorot.models.taxonomy import LABEL_NAMES_ID
    from sorot.warehouse.queries import ReportFilter

    from ..config import ConfigError
    from ..jobs.run import write_report

    unknown = [label for label in args.label if label not in LABEL_NAMES_ID]
    if unknown:
        raise ConfigError(f"unknown label {', '.join(unknown)}: choose from {', '.join(LABEL_NAMES_ID)}")
    filters = ReportFilter(tuple(args.source), tuple(args.region), tuple(args.label))
    week, written = write_report(config_from(args), week_spec=args.week, fmt=args.fmt, out=args.out,
                                 filters=filters)
    print(f"weekly report for {week}: {written}")
    return EXIT_OK


def _cmd_digest(args: argparse.Namespace) -> int:
    from ..config import ConfigError
    from ..jobs.run import send_digest, write_digest_file

    config = config_from(args)
    if not args.send:
        if args.force:
            raise ConfigError("--force only applies to --send")
        week, written = write_digest_file(config, week_spec=args.week, recipients=args.to, out=args.out)
        print(f"digest for {week} written to {written} (dry run: nothing sent)")
        return EXIT_OK
    if args.out:
        raise ConfigError("--out only applies to --dry-run")
    result = send_digest(config, week_spec=args.week, recipients=args.to, force=args.force,
                         wait_for_lock=args.wait, on_progress=lambda line: print(line, flush=True))
    return report_delivery(result)


def report_delivery(result: Any) -> int:
    """Say what was sent, skipped and refused; non-zero when a recipient was refused."""
    for address, moment in sorted(result.already_sent.items()):
        print(f"digest for {result.week} was already sent to {address} on {moment.isoformat()}: "
              "not sent again (use --force to send anyway)")
    if result.sent:
        print(f"digest for {result.week} sent to {', '.join(result.sent)} ({result.message_id})")
    elif not result.refused:
        print(f"digest for {result.week}: nothing to send")
    if result.refused:
        for address, reason in sorted(result.refused.items()):
            print(f"sorot: error: the SMTP server refused {address}: {reason}", flush=True)
        return EXIT_FAILED
    return EXIT_OK
