"""Merging staff actions from the dashboard's store into the warehouse, by the warehouse's one writer.

The ingest job calls ``apply_staff_actions`` while it holds the writer lock, right before it refreshes and
publishes: corrections go through ``record_correction`` like ``sorot label`` (so ``sorot train`` learns from them
and ``sorot reclassify`` re-applies them), review marks into ``article_reviews``. A correction the warehouse
refuses (an article that is gone, a label no longer in the taxonomy) is marked with its error instead of being
retried at every load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from sorot.warehouse.corrections import CorrectionError, record_correction

from .store import StaffStore


@dataclass(frozen=True)
class MergeSummary:
    corrections: int
    failed: int
    reviews: int


def apply_staff_actions(con: duckdb.DuckDBPyConnection, staff_db_path: Path) -> MergeSummary:
    """Merge pending corrections and review marks into the warehouse open read-write on ``con``."""
    if not Path(staff_db_path).exists():
        return MergeSummary(0, 0, 0)
    store = StaffStore(Path(staff_db_path))
    merged = failed = 0
    for correction in store.corrections(pending_only=True):
        try:
            record_correction(con, correction.article_id, correction.added, correction.removed,
                              corrected_by=correction.username, note=correction.note)
        except CorrectionError as error:
            store.mark_correction_merged(correction.id, error=str(error))
            failed += 1
        else:
            store.mark_correction_merged(correction.id)
            merged += 1
    reviews = store.reviews(pending_only=True)
    if reviews:
        known = {row[0] for row in con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [[r.article_id for r in reviews]]).fetchall()}
        now = datetime.now(UTC)
        rows = [(r.article_id, r.username, datetime.fromtimestamp(r.reviewed_at, UTC), now)
                for r in reviews if r.article_id in known]
        if rows:
            con.executemany("INSERT OR REPLACE INTO article_reviews VALUES (?, ?, ?, ?)", rows)
        store.mark_reviews_merged([(r.article_id, r.reviewed_at) for r in reviews])
    return MergeSummary(merged, failed, len(reviews))
