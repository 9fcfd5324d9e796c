"""Publishing: a consistent read-only copy of the warehouse for readers, replaced atomically.

Readers (researchers' notebooks, reports, the dashboard) open the published copy, so they never hold a
lock on the file the pipeline writes, and the pipeline never breaks a running query: a reader keeps the
old file open until it reconnects, while new readers get the new one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def published_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-published" + db_path.suffix)


def publish(db_path: Path, published_path: Path | None = None) -> Path:
    """Copy the (closed, checkpointed) warehouse to its published path atomically."""
    target = published_path or published_path_for(db_path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copyfile(db_path, temporary)
    os.replace(temporary, target)
    return target
