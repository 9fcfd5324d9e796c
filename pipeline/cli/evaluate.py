"""`sorot evaluate ...`: quality figures anyone can rerun, each printed with the data it was measured on.

Each evaluation lives in its own module `evaluate_<name>.py` with `register(subcommands)`; this module only
gathers them under `sorot evaluate`.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

ORDER = 70


def register(commands: Any) -> None:
    evaluate = commands.add_parser("evaluate", help="measure extraction or classification quality")
    subcommands = evaluate.add_subparsers(dest="evaluation", required=True, metavar="WHAT")
    package = importlib.import_module(__package__)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("evaluate_"):
            importlib.import_module(f"{__package__}.{info.name}").register(subcommands)
