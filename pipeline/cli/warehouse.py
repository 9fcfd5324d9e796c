"""`sorot warehouse ...`: upkeep of the warehouse itself (refresh what readers rely on, synthetic data)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 80


def register(commands: Any) -> None:
    warehouse = commands.add_parser("warehouse",
                                    help="refresh the warehouse's derived tables; synthetic data")
    sub = warehouse.add_subparsers(dest="warehouse_command", required=True, metavar="SUBCOMMAND")
    refresh = sub.add_parser("refresh",
                             help="bring daily totals and the search index up to date, then publish")
    refresh.add_argument("--full", action="store_true", help="rebuild the search index from scratch")
    refresh.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                         help="wait this long for another Sorot run to finish instead of stopping at once")
    refresh.set_defaults(handler=_cmd_refresh)
    synthetic = sub.add_parser(
        "generate-synthetic",
        help="write a realistic synthetic warehouse (default: 1 million articles) for benchmarks")
    synthetic.add_argument("--out", required=True, type=Path, help="the new warehouse file (must not exist)")
    synthetic.add_argument("--articles", type=int, default=1_000_000, help="articles (default: 1,000,000)")
    synthetic.add_argument("--outlets", type=int, default=40, help="outlets (default: 40)")
    synthetic.add_argument("--days", type=int, default=730, help="days covered (default: 730)")
    synthetic.add_argument("--seed", type=int, default=6, help="random seed (default: 6)")
    synthetic.set_defaults(handler=_cmd_synthetic)


def _cmd_refresh(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_writer, writer_lock
    from sorot.warehouse.publish import publish
    from sorot.warehouse.views import refresh_reader_tables

    paths = config_from(args).paths
    if not paths.warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {paths.warehouse}; run `sorot demo` or `sorot crawl` first")
    with writer_lock(paths.warehouse, wait_seconds=args.wait):
        con = connect_writer(paths.warehouse)
        try:
            refreshed = refresh_reader_tables(con, full_search_rebuild=args.full)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        published = publish(paths.warehouse, paths.published)
    search = refreshed.search
    print(f"daily totals: {refreshed.daily_rows} rows ({refreshed.daily_seconds:.1f} s)")
    print(f"search index: {search.mode}, {search.added} article(s) added, {search.documents} indexed "
          f"({search.seconds:.1f} s)")
    print(f"published copy: {published}")
    return EXIT_OK


def _cmd_synthetic(args: argparse.Namespace) -> int:
    from sorot.warehouse.synthetic import SyntheticSpec, generate_synthetic_warehouse

    spec = SyntheticSpec(articles=args.articles, outlets=args.outlets, days=args.days, seed=args.seed)
    summary = generate_synthetic_warehouse(args.out, spec, on_progress=lambda line: print(line, flush=True))
    print(f"synthetic warehouse: {summary.path} ({summary.articles} articles, {summary.stories} stories, "
          f"{summary.labelled} labelled) in {summary.seconds:.0f} s")
    for step, seconds in summary.steps.items():
        print(f"  {step}: {seconds:.1f} s")
    print(f"published copy: {summary.published}")
    return EXIT_OK
