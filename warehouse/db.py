"""Opening the warehouse: one writer at a time, schema migrations, clear errors when the file is busy.

DuckDB lets one process open a file read-write or many open it read-only, never both. Sorot's own runs take an
advisory lock file first, so two overlapping runs queue or stop with a message instead of failing mid-load;
researchers read the published copy (see publish.py), which never blocks the writer.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

SCHEMA_TABLE = "schema_migrations"


class WarehouseBusyError(RuntimeError):
    """Another process holds the warehouse (another sorot run, or a tool that opened it read-write)."""


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("sorot.warehouse.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [SCHEMA_TABLE]
    ).fetchone()[0]
    if not exists:
        return 0
    return int(con.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}").fetchone()[0])


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction; returns the versions applied."""
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
        "applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    applied = []
    for version, name, sql in available_migrations():
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(f"INSERT INTO {SCHEMA_TABLE} (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


@contextmanager
def writer_lock(db_path: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the advisory lock that makes one sorot process the warehouse's only writer."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise WarehouseBusyError(
                        f"another Sorot run is writing to {db_path} ({holder}); it was left to finish. "
                        "Try again when it ends, or pass a longer wait."
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def connect_writer(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-write and bring its schema up to date."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(db_path))
    except duckdb.IOException as error:
        raise WarehouseBusyError(
            f"cannot open {db_path} for writing: another program has it open ({_short(error)}). "
            "Close notebooks or SQL tools that opened this file, and open the published copy instead."
        ) from None
    migrate(con)
    return con


def connect_reader(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open a database read-only (normally the published copy)."""
    if not db_path.exists():
        raise FileNotFoundError(f"no warehouse at {db_path}; run `sorot demo` or `sorot run` first")
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.IOException as error:
        raise WarehouseBusyError(f"cannot open {db_path} read-only: {_short(error)}") from None


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:300]
