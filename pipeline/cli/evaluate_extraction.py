"""`sorot evaluate extraction`: Sorot's extraction beside bare trafilatura's, on the same pages, in one run.

Two datasets: (a) the ScrapingHub article-extraction benchmark and (b) Indonesian pages with ground truth
written for this project (real 2015-2017 pages and replica pages in today's templates). Body words are
scored as precision, recall and F1 per page, averaged over pages; titles and publication times are
checked against the ground truth. Every figure is printed with the data it was measured on, and missing
data is named, never skipped silently.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_FAILED, EXIT_OK

F1_THRESHOLD = 0.97


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser("extraction",
                                    help="body, title and date accuracy against bare trafilatura")
    parser.add_argument("--shared", type=Path, help="the shared reference folder (default: ../shared next to "
                                                    "the project)")
    parser.add_argument("--ground-truth", type=Path, help="folder of the Indonesian ground truth "
                                                          "(default: tests/fixtures/extraction)")
    parser.add_argument("--dataset", choices=("all", "scrapinghub", "indonesian"), default="all")
    parser.add_argument("--limit", type=int, help="first N ScrapingHub pages only (a quick look)")
    parser.add_argument("--details", action="store_true", help="list every page's scores")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=_cmd_extraction)


def _cmd_extraction(args: argparse.Namespace) -> int:
    from ..evaluation.datasets import DEFAULT_SHARED, EXTRACTION_FIXTURES, load_indonesian, load_scrapinghub
    from ..evaluation.extraction import evaluate_dataset
    from ..evaluation.report import extraction_json, print_extraction_report
    from ..process import ArticleProcessor

    shared = args.shared or DEFAULT_SHARED
    datasets = []
    if args.dataset in ("all", "scrapinghub"):
        datasets.append(load_scrapinghub(shared, limit=args.limit))
    if args.dataset in ("all", "indonesian"):
        datasets.append(load_indonesian(shared, args.ground_truth or EXTRACTION_FIXTURES))
    for dataset in datasets:
        for problem in dataset.missing:
            print(f"sorot: warning: {dataset.name}: {problem}", file=sys.stderr)
    processor = ArticleProcessor()
    results = []
    for dataset in datasets:
        if not dataset.cases:
            print(f"sorot: warning: {dataset.name}: no pages to evaluate", file=sys.stderr)
            continue
        print(f"[evaluate] {dataset.name}: {len(dataset.cases)} pages", file=sys.stderr, flush=True)
        results.append(evaluate_dataset(dataset, processor))
    if args.json:
        print(json.dumps(extraction_json(results), indent=2, ensure_ascii=False))
    else:
        print_extraction_report(results, details=args.details, threshold=F1_THRESHOLD)
    return EXIT_OK if results else EXIT_FAILED
