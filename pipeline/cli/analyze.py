"""`sorot analyze`: the processing path on saved pages, printed as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE

ORDER = 20


def register(commands: Any) -> None:
    analyze = commands.add_parser("analyze", help="process saved HTML pages and print JSON Lines")
    analyze.add_argument("--url", help="the URL the page was fetched from (one file only)")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.set_defaults(handler=_cmd_analyze)


def _cmd_analyze(args: argparse.Namespace) -> int:
    from ..analyze import analyze_file
    from ..process import ArticleProcessor

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


