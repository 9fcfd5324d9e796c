"""The published warehouse, reopened when the pipeline replaces it.

The pipeline publishes by renaming a new copy over the old one, so a file identity (inode, size, mtime) that
differs from the one we opened means a new publish: the next request opens the new copy, and requests still
running keep reading the old one (its file stays readable while open). One read-only DuckDB connection per
copy, one cursor per request: opening a million-article file for every request would cost more than the query.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from sorot.warehouse.db import connect_reader

SNAPSHOT_DIR = "dashboard-snapshots"
_counter = itertools.count()


@dataclass(frozen=True)
class Snapshot:
    """One published copy: its connection and when it was published (its mtime, seconds since the epoch)."""

    connection: duckdb.DuckDBPyConnection
    identity: tuple[int, int, int]
    published_at: float
    has_reviews: bool
    has_search: bool


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PublishedWarehouse:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._remove_stale_links()

    def _remove_stale_links(self) -> None:
        """Links left by a dashboard process that is gone (killed before it could tidy up)."""
        folder = self.path.parent / SNAPSHOT_DIR
        for link in folder.glob("*-*.duckdb") if folder.is_dir() else ():
            pid = link.name.split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                link.unlink(missing_ok=True)

    def snapshot(self) -> Snapshot:
        """The current copy, reopened if a newer one was published since the last call."""
        status = os.stat(self.path)
        identity = (status.st_ino, status.st_size, status.st_mtime_ns)
        with self._lock:
            if self._snapshot is None or self._snapshot.identity != identity:
                self._snapshot = self._open()
            return self._snapshot

    def _open(self) -> Snapshot:
        """Open a hard link to the current copy under a name of its own.

        DuckDB shares one database instance per path within a process, so reconnecting to the same path while
        the old connection lives would return the old copy. A link per copy gives each its own path, costs no
        copying, and pins exactly the file we stat (a publish during the open only means one more reopen).
        """
        folder = self.path.parent / SNAPSHOT_DIR
        folder.mkdir(exist_ok=True)
        link = folder / f"{os.getpid()}-{next(_counter)}.duckdb"
        os.link(self.path, link)
        status = os.stat(link)
        for old in folder.glob(f"{os.getpid()}-*.duckdb"):
            if old != link:
                old.unlink(missing_ok=True)  # readers still holding it keep reading; the name is not needed
        identity = (status.st_ino, status.st_size, status.st_mtime_ns)
        con = connect_reader(link)
        tables = {row[0] for row in con.execute(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables()").fetchall()}
        has_search = "fts_main_articles.dict" in tables
        if has_search:
            try:
                from sorot.warehouse.db import load_fts

                load_fts(con)
            except RuntimeError:
                has_search = False
        return Snapshot(con, identity, status.st_mtime, "main.article_reviews" in tables, has_search)

    @contextmanager
    def cursor(self) -> Iterator[tuple[duckdb.DuckDBPyConnection, Snapshot]]:
        """A cursor on the current copy for one request (cursors are safe across threads, connections not)."""
        snap = self.snapshot()
        cur = snap.connection.cursor()
        try:
            yield cur, snap
        finally:
            cur.close()
