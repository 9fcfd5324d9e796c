"""Process a crawl's archive and load it into the warehouse, then publish the read-only copy."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sorot.crawlers.sources import Source
from sorot.dashboard.merge import apply_staff_actions
from sorot.dashboard.store import STORE_NAME as STAFF_STORE_NAME
from sorot.warehouse.db import connect_writer
from sorot.warehouse.health import record_source_health
from sorot.warehouse.loader import LoadStats, PageOutcome, WarehouseLoader
from sorot.warehouse.publish import publish
from sorot.warehouse.views import refresh_reader_tables

from ..config import Paths
from ..process import ArticleProcessor, ProcessedArticle
from ..runner import PageResult, process_archive


@dataclass
class IngestSummary:
    run_id: str
    pages_processed: int = 0
    pages_failed: int = 0
    feed_errors: list[str] = field(default_factory=list)
    fetch_errors: int = 0
    skipped: int = 0
    failures: list[str] = field(default_factory=list)
    load: LoadStats = field(default_factory=LoadStats)
    published: Path | None = None


def default_processor(paths: Paths | None = None, on_progress: Callable[[str], None] | None = None) -> ArticleProcessor:
    """The processor every job uses (one place to choose the tagger for the whole pipeline).

    The tagger is the trained topic model: the one ``sorot train`` wrote to the data directory when there is
    one, else the model shipped with Sorot; the rules tagger only when no model file loads.
    """
    from sorot.models.classifier import load_tagger

    candidates = [trained_model_path(paths)] if paths is not None else []
    return ArticleProcessor(tagger=load_tagger(candidates, on_fallback=on_progress))


def trained_model_path(paths: Paths) -> Path:
    """Where ``sorot train`` writes the model that the pipeline then prefers over the shipped one."""
    return paths.data_dir / "models" / "topic-model.json"


def read_events(path: Path) -> list[dict]:
    """The crawl's event log; a torn last line (killed crawl) is ignored."""
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return events


def runs_to_load(paths: Paths) -> list[str]:
    """Run ids whose archive was never completely loaded (the current run, and any run killed before loading).

    Loading is idempotent (articles are keyed by canonical URL), so a run that died half-way through its
    load is simply loaded again: nothing fetched is ever lost.
    """
    archived = sorted(p.name.removesuffix(".warc.gz") for p in paths.archive_dir.glob("*.warc.gz"))
    if not archived:
        return []
    loaded: set[str] = set()
    if paths.warehouse.exists():
        con = connect_writer(paths.warehouse)
        try:
            loaded = {row[0] for row in con.execute(
                "SELECT run_id FROM crawl_runs WHERE status IN ('ok', 'ok_with_errors')").fetchall()}
        finally:
            con.close()
    return [run_id for run_id in archived if run_id not in loaded]


def ingest_pending(
    *,
    paths: Paths,
    sources: Sequence[Source],
    processor: ArticleProcessor,
    started: dict[str, datetime] | None = None,
    on_progress: Callable[[str], None] = print,
) -> list[IngestSummary]:
    """Load every archived run not yet loaded, oldest first; the caller holds the writer lock."""
    summaries = []
    for run_id in runs_to_load(paths):
        archive_path = paths.archive_dir / f"{run_id}.warc.gz"
        started_at = (started or {}).get(run_id) or datetime.fromtimestamp(archive_path.stat().st_mtime, UTC)
        summaries.append(ingest(
            paths=paths, run_id=run_id, started_at=started_at, sources=sources, archive_path=archive_path,
            events_path=paths.archive_dir / f"{run_id}.events.jsonl", processor=processor,
            on_progress=on_progress,
        ))
    return summaries


def ingest(
    *,
    paths: Paths,
    run_id: str,
    started_at: datetime,
    sources: Sequence[Source],
    archive_path: Path,
    events_path: Path,
    processor: ArticleProcessor,
    on_progress: Callable[[str], None] = print,
) -> IngestSummary:
    """Load one crawl run (again, if an earlier load died); the caller holds the writer lock."""
    summary = IngestSummary(run_id=run_id)
    events = read_events(events_path)
    summary.feed_errors = [f"{e['url']}: {e.get('reason', '')}" for e in events
                           if e.get("kind") in ("feed_error", "feed_empty")]
    summary.fetch_errors = sum(1 for e in events if e.get("kind") == "fetch_error")
    summary.skipped = sum(1 for e in events if e.get("kind") == "skipped")

    con = connect_writer(paths.warehouse)
    try:
        loader = WarehouseLoader(con)
        loader.upsert_sources(sources)
        loader.start_run(run_id, started_at, [s.key for s in sources])
        outcomes: list[PageOutcome] = []

        def articles() -> Iterator[ProcessedArticle]:
            results = process_archive(archive_path, processor) if archive_path.exists() else iter(())
            for result in results:
                outcomes.append(_outcome(result))
                summary.pages_processed += 1
                if result.article is None:
                    summary.pages_failed += 1
                    summary.failures.append(f"{result.page.url}: {result.error}")
                else:
                    yield result.article
                if summary.pages_processed % 50 == 0:
                    on_progress(f"[process] {summary.pages_processed} pages processed")

        summary.load = loader.load(articles(), run_id=run_id)
        loader.record_outcomes(run_id, outcomes)
        loader.record_events(run_id, events)
        status = "ok" if not summary.feed_errors and not summary.pages_failed and not summary.fetch_errors \
            else "ok_with_errors"
        loader.finish_run(run_id, status=status, pages_archived=summary.pages_processed,
                          pages_failed=summary.pages_failed + summary.fetch_errors,
                          articles_new=summary.load.new_articles)
        apply_staff_actions(con, paths.data_dir / STAFF_STORE_NAME)  # dashboard corrections and reviews
        record_source_health(con)
        refresh_reader_tables(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    summary.published = publish(paths.warehouse, paths.published)
    return summary


def _outcome(result: PageResult) -> PageOutcome:
    page = result.page
    return PageOutcome(
        url=page.url, canonical_url=page.canonical_url or None, source_id=page.source_key or None,
        fetched_at=page.fetched_at or None, http_status=page.status, archive_file=page.archive_file,
        archive_offset=page.offset, outcome="article" if result.article else "error", reason=result.error,
    )
