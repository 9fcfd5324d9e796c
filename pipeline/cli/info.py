"""`sorot info`: the paths and versions in use."""

from __future__ import annotations

import argparse
import json
import platform
from pathlib import Path
from typing import Any

from .common import EXIT_OK, config_from, package_version

ORDER = 90


def register(commands: Any) -> None:
    info = commands.add_parser("info", help="show the paths and versions in use")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=_cmd_info)


def _cmd_info(args: argparse.Namespace) -> int:
    from sorot.crawlers.archive import SOROT_HEADER_PREFIX  # noqa: F401 - proves the crawler imports
    from sorot.models.rules import RuleTagger

    from ..extract.page import EXTRACTOR_VERSION

    config = config_from(args)
    paths = config.paths
    info = {
        "config_file": str(config.path) if config.path else None,
        "data_dir": str(paths.data_dir),
        "warehouse": str(paths.warehouse),
        "warehouse_exists": paths.warehouse.exists(),
        "published": str(paths.published) if paths.published.exists() else None,
        "archive_dir": str(paths.archive_dir),
        "crawl_state": str(paths.crawl_state),
        "reports_dir": str(paths.reports_dir),
        "schema_version": _published_schema_version(paths.published),
        "versions": {
            "sorot": package_version("sorot"),
            "python": platform.python_version(),
            "scrapy": package_version("scrapy"),
            "trafilatura": package_version("trafilatura"),
            "duckdb": package_version("duckdb"),
            "tagger": RuleTagger().version,
            "extractor": EXTRACTOR_VERSION,
        },
    }
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        for key, value in info.items():
            if isinstance(value, dict):
                for name, item in value.items():
                    print(f"{key}.{name}: {item}")
            else:
                print(f"{key}: {value}")
    return EXIT_OK




def _published_schema_version(path: Path) -> int | None:
    if not path.exists():
        return None
    from sorot.warehouse.db import connect_reader, schema_version

    con = connect_reader(path)
    try:
        return schema_version(con)
    finally:
        con.close()


