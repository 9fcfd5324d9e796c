"""`sorot export`: articles with their outlets' metadata, as Parquet (by month) or CSV, for researchers."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 66


def register(commands: Any) -> None:
    export = commands.add_parser("export",
                                 help="export articles with source metadata (Parquet by month, or CSV)")
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet", dest="fmt",
                        help="parquet (partitioned by month, default) or csv (one file)")
    export.add_argument("--since", type=date.fromisoformat,
                        help="published on or after this day (YYYY-MM-DD, WIB)")
    export.add_argument("--until", type=date.fromisoformat,
                        help="published on or before this day (YYYY-MM-DD, WIB)")
    export.add_argument("--out", required=True, type=Path, help="a new or empty directory for the files")
    export.add_argument("--no-text", action="store_true", help="leave the article texts out")
    export.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_reader
    from sorot.warehouse.export import export_articles

    con = connect_reader(config_from(args).paths.published)
    try:
        result = export_articles(con, args.out, fmt=args.fmt, since=args.since, until=args.until,
                                 include_text=not args.no_text,
                                 on_progress=lambda line: print(line, flush=True))
    finally:
        con.close()
    print(f"exported {result.articles} article(s) as {result.format} to {result.out_dir}")
    for month, count in result.months.items():
        print(f"  {month}: {count}")
    print(f"  manifest: {result.manifest}")
    return EXIT_OK
