"""Configuration: where Sorot keeps its files and how it behaves, from an optional TOML file.

Looked up in this order: `--config PATH`, `$SOROT_CONFIG`, `./sorot.toml`. Every setting has a default so a
fresh install runs the demo with no file at all. Secrets (SMTP passwords) come from environment variables,
never from the command line.

`[digest]` holds recipients, sender, report_url (with an optional `{week}` placeholder) and weekday (when
`sorot run` sends the digest; default Monday). `[smtp]` holds host, port, security, username, ca_file,
timeout, attempts, backoff_seconds and password_env; `sorot.warehouse.mailer.SmtpSettings` reads it, applies
the `SOROT_SMTP_*` environment variables over it and takes the password from the environment only.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CONFIG_NAME = "sorot.toml"


class ConfigError(ValueError):
    """The configuration file is missing, unreadable or malformed; the message says where."""


@dataclass(frozen=True)
class Paths:
    """Every file Sorot writes, derived from one data directory."""

    data_dir: Path

    @property
    def warehouse(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def published(self) -> Path:
        return self.data_dir / "warehouse-published.duckdb"

    @property
    def archive_dir(self) -> Path:
        return self.data_dir / "archive"

    @property
    def crawl_state(self) -> Path:
        return self.data_dir / "crawl-state.sqlite"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"


@dataclass(frozen=True)
class Config:
    path: Path | None
    data_dir: Path
    crawl: dict[str, Any] = field(default_factory=dict)
    digest: dict[str, Any] = field(default_factory=dict)
    smtp: dict[str, Any] = field(default_factory=dict)
    #: outlets declared in the configuration (`[[sources]]`), registered by `register_sources()`
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def paths(self) -> Paths:
        return Paths(self.data_dir)


def load_config(explicit: str | None = None, *, data_dir: str | None = None) -> Config:
    """Read the configuration; a missing default file is fine, a missing explicit one is an error."""
    candidate = explicit or os.environ.get("SOROT_CONFIG")
    path: Path | None = None
    raw: dict[str, Any] = {}
    if candidate:
        path = Path(candidate)
        if not path.is_file():
            raise ConfigError(f"configuration file not found: {path}")
    elif Path(DEFAULT_CONFIG_NAME).is_file():
        path = Path(DEFAULT_CONFIG_NAME)
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"cannot read configuration {path}: {error}") from None
    paths_section = raw.get("paths", {})
    if data_dir or os.environ.get("SOROT_DATA_DIR"):
        chosen = Path(data_dir or os.environ["SOROT_DATA_DIR"])
    elif "data_dir" in paths_section and path is not None:
        # a relative data_dir in a config file means relative to that file, wherever sorot is started
        chosen = path.parent / str(paths_section["data_dir"])
    else:
        chosen = Path("sorot-data")
    return Config(
        path=path.resolve() if path else None,
        data_dir=chosen.resolve(),
        crawl=dict(raw.get("crawl", {})),
        digest=_section(raw, "digest", path),
        smtp=_section(raw, "smtp", path),
        sources=_source_entries(raw.get("sources", []), path),
    )


def _section(raw: dict[str, Any], name: str, path: Path | None) -> dict[str, Any]:
    """A table of the file, or a clear error when the name holds something else (``smtp = "x"``)."""
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"configuration {path}: [{name}] must be a section, not {type(value).__name__}")
    return dict(value)


def _source_entries(value: Any, path: Path | None) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ConfigError(f"{path}: [[sources]] must be an array of tables (one [[sources]] block per outlet)")
    return [dict(item) for item in value]
