"""Publishing: a consistent read-only copy of the warehouse for readers, replaced atomically.

Readers (researchers' notebooks, reports, the dashboard) open the published copy, so they never hold a
lock on the file the pipeline writes, and the pipeline never breaks a running query: a reader keeps the
old file open until it reconnects, while new readers get the new one.

The copy is only consistent if everything committed is in the database file itself: DuckDB keeps recent
commits in a write-ahead log beside it (``<file>.wal``) until a checkpoint. The writer checkpoints before it
closes; if a log is still there (a writer that died), publishing checkpoints it first, so the copy never
misses committed rows. The copy is flushed to disk before it replaces the old one, so a crash leaves either
the old or the new copy, never half of one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


def published_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-published" + db_path.suffix)


def wal_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".wal")


def publish(db_path: Path, published_path: Path | None = None) -> Path:
    """Copy the closed warehouse to its published path atomically (the caller holds the writer lock)."""
    target = published_path or published_path_for(db_path)
    if wal_path_for(db_path).exists():
        con = duckdb.connect(str(db_path))
        try:
            con.execute("CHECKPOINT")
        finally:
            con.close()
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(db_path, temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_directory(target.parent)
    return target


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
