"""`sorot evaluate duplicates`: the near-duplicate rule on the project's labelled pairs of real articles.

Prints precision, recall and F1 of the pairwise decision on the `dev` split (where the thresholds were
chosen), the `test` split and all pairs, the same for story grouping through `StoryIndex` (the loader's
path), and the accuracy per kind of pair. `--tune` runs the threshold search on `dev` again and prints
what it would choose beside the shipped thresholds.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import EXIT_FAILED, EXIT_OK


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser("duplicates",
                                    help="near-duplicate precision and recall on labelled pairs")
    parser.add_argument("--pairs", type=Path, help="folder with pairs.jsonl and texts.jsonl "
                                                   "(default: tests/fixtures/dedupe)")
    parser.add_argument("--tune", action="store_true", help="search the thresholds on the dev split again")
    parser.add_argument("--details", action="store_true", help="list every misjudged pair")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=_cmd_duplicates)


def _cmd_duplicates(args: argparse.Namespace) -> int:
    from ..evaluation.duplicates import DEDUPE_FIXTURES, load_pairs
    from ..evaluation.report import duplicates_report

    folder = args.pairs or DEDUPE_FIXTURES
    try:
        texts, pairs = load_pairs(folder)
    except FileNotFoundError as error:
        print(f"sorot: error: the labelled pairs are missing: {error.filename}")
        return EXIT_FAILED
    report = duplicates_report(texts, pairs, folder, tune=args.tune)
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        report.print(details=args.details)
    return EXIT_OK
