"""The `sorot` command line: one entry point, one module per group of commands.

Every failure a user can meet ends with one readable line on stderr and a non-zero exit status, never a
traceback; `--debug` shows the traceback for bug reports. Each module of this package that defines
`register(commands)` adds its subparsers and sets `handler` on each: adding a command means adding a module.
Its optional `ORDER` places it in `sorot --help` (lower first).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from ..config import ConfigError
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, package_version


def command_modules() -> list[ModuleType]:
    """Every command module of this package, in help order."""
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            modules.append(module)
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sorot",
        description="Sorot: monitoring Indonesian regional news for violence and gender coverage.",
    )
    parser.add_argument("--version", action="version", version=f"sorot {package_version('sorot')}")
    parser.add_argument("--config", help="configuration file (default: $SOROT_CONFIG or ./sorot.toml)")
    parser.add_argument("--data-dir", help="where Sorot keeps its files (default: ./sorot-data)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in command_modules():
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or EXIT_OK)
    except KeyboardInterrupt:
        print("sorot: interrupted; everything stored before the interruption is kept", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(f"sorot: error: {_describe(error)}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ConfigError) else EXIT_FAILED




def _describe(error: Exception) -> str:
    if isinstance(error, FileNotFoundError) and error.filename:
        return f"file not found: {error.filename}"
    if isinstance(error, KeyError) and type(error).__str__ is not KeyError.__str__:
        return str(error)
    return str(error) or type(error).__name__




if __name__ == "__main__":
    sys.exit(main())
