"""Opening the warehouse: one writer at a time, schema migrations, clear errors when the file is busy.

DuckDB lets one process open a file read-write or many open it read-only, never both. Sorot's own runs take an
advisory lock file first, so two overlapping runs queue or stop with a message instead of failing mid-load;
researchers read the published copy (see publish.py), which never blocks the writer.
"""

from __future__ import annotations

import fcntl
import importlib
import importlib.abc
import importlib.util
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb


class _AbsentPandas(importlib.abc.MetaPathFinder):
    """Answers "no pandas" at once, for an environment without pandas.

    DuckDB's Python client asks for pandas while binding each query parameter; without pandas installed (Sorot
    does not need it) Python does not remember the failure, so every parameter searched the whole import path
    again: about 1 ms per statement, three times the cost of an insert. This finder, first in line, fails the
    import immediately, exactly as it would have failed anyway. Unlike a ``None`` entry in ``sys.modules`` it
    leaves ``sys.modules`` alone, which libraries such as scikit-learn inspect. Where pandas is installed it is
    never added.
    """

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname == "pandas" or fullname.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def _spare_duckdb_the_missing_pandas() -> None:
    if "pandas" in sys.modules or any(isinstance(f, _AbsentPandas) for f in sys.meta_path):
        return
    if importlib.util.find_spec("pandas") is None:
        sys.meta_path.insert(0, _AbsentPandas())


_spare_duckdb_the_missing_pandas()

SCHEMA_TABLE = "schema_migrations"
FTS_PACKAGE = "duckdb_extension_fts"


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
    """Apply every shipped migration the database lacks, in order, each in its own transaction.

    Any missing version is applied, not only those above the highest one present, so a database created while
    a lower-numbered migration did not exist yet still receives it later.
    """
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
        "applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)"
    )
    present = {row[0] for row in con.execute(f"SELECT version FROM {SCHEMA_TABLE}").fetchall()}
    applied = []
    for version, name, sql in available_migrations():
        if version in present:
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


def connect_reader(db_path: Path, *, search: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a database read-only (normally the published copy); ``search`` also loads the fts extension."""
    if not db_path.exists():
        raise FileNotFoundError(f"no warehouse at {db_path}; run `sorot demo` or `sorot run` first")
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.IOException as error:
        raise WarehouseBusyError(f"cannot open {db_path} read-only: {_short(error)}") from None
    if search:
        load_fts(con)
    return con


def fts_extension_path() -> Path:
    """The fts extension binary inside the duckdb-extension-fts wheel, for the running DuckDB version.

    DuckDB would otherwise download extensions on first use, which fails on an offline machine; the wheel is
    pinned to DuckDB's exact version because DuckDB refuses binaries built for another one.
    """
    try:
        package = importlib.import_module(FTS_PACKAGE)
    except ImportError:
        raise RuntimeError(
            "full-text search needs the duckdb-extension-fts package pinned to duckdb's version "
            f"(pip install duckdb-extension-fts=={duckdb.__version__})"
        ) from None
    path = Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.is_file():
        raise RuntimeError(f"the installed duckdb-extension-fts has no build for DuckDB {duckdb.__version__} "
                           f"(looked for {path}); install duckdb-extension-fts=={duckdb.__version__}")
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the fts extension (stemmers, BM25) from its wheel, offline; works on read-only connections too."""
    # LOAD takes no bound parameters; the path is the installed package's own, with quotes escaped anyway
    literal = str(fts_extension_path()).replace("'", "''")
    con.execute(f"LOAD '{literal}'")


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:300]
