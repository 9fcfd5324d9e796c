"""`sorot demo`: the whole path on the bundled offline replica of ANTARA Kalteng, detik and CNN Indonesia.

Starts the replica on 127.0.0.1, crawls it with the real spiders over HTTP (feeds, then article pages),
processes and loads what was fetched, publishes the read-only copy, then writes the weekly report for the
busiest week (HTML and PDF) and that week's digest as an .eml file, through the same steps as `sorot report`
and `sorot digest --dry-run`. Running it again adds nothing: every article URL is
already known, so only the feeds are read again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sorot.crawlers.runner import run_crawl
from sorot.crawlers.sources import get_source
from sorot.demo.site import ReplicaServer
from sorot.warehouse.db import connect_reader, writer_lock
from sorot.warehouse.queries import busiest_week

from ..config import Config
from .ingest import IngestSummary, default_processor, ingest_pending
from .run import write_digest_file, write_report

DEMO_SOURCES = ("antara-kalteng", "detik", "cnn-indonesia")
DEMO_SENDER = "Sorot <sorot@localhost>"
DEMO_RECIPIENTS = ("tim-humas@example.org",)
#: the replica is our own local server: no politeness delay is needed against it
DEMO_CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CONCURRENT_REQUESTS": 16,
    "RANDOMIZE_DOWNLOAD_DELAY": False,
    "USER_AGENT": "Sorot-demo (offline replica crawl)",
}


@dataclass
class DemoResult:
    ingest: IngestSummary
    week: str | None
    report: Path | None
    digest: Path | None
    warehouse: Path
    published: Path
    seconds: float


def run_demo(config: Config, *, port: int = 0, on_progress: Callable[[str], None] = print) -> DemoResult:
    started = time.monotonic()
    paths = config.paths
    with writer_lock(paths.warehouse):
        with ReplicaServer(port=port) as site:
            # crawl the registry sources the replica serves; only their feeds, through the local server
            keys = [key for key in DEMO_SOURCES if key in site.feed_urls]
            sources = [get_source(key) for key in keys]
            on_progress(f"[demo] offline replica serving {len(site.hosts)} sites at {site.base_url}")
            run_started = datetime.now(UTC)
            run_id = "demo-" + run_started.strftime("%Y%m%dT%H%M%S%fZ")
            crawl = run_crawl(
                run_id=run_id,
                source_keys=keys,
                archive_dir=paths.archive_dir,
                state_path=paths.crawl_state,
                log_path=paths.logs_dir / f"{run_id}.log",
                feeds={key: list(site.feed_urls[key]) for key in keys},
                host_overrides={host: site.base_url for host in site.hosts},
                settings=DEMO_CRAWL_SETTINGS,
                on_progress=on_progress,
            )
        on_progress("[process] extracting, de-duplicating and tagging the archived pages")
        # loads this run, and any earlier run whose load never finished (a killed demo loses nothing)
        summaries = ingest_pending(paths=paths, sources=sources, processor=default_processor(paths, on_progress),
                                   started={run_id: run_started}, on_progress=on_progress)
        summary = next(s for s in summaries if s.run_id == crawl.run_id)
    on_progress(f"[load] {summary.load.new_articles} new articles stored, published {summary.published}")

    reader = connect_reader(paths.published)
    try:
        week = busiest_week(reader)
    finally:
        reader.close()
    report = digest = None
    if week is not None:
        # the commands' own code path: `sorot report --week W [--format pdf]`, `sorot digest --dry-run`
        report = write_report(config, week_spec=week, fmt="html")[1]
        report_pdf = write_report(config, week_spec=week, fmt="pdf")[1]
        digest = write_digest_file(config, week_spec=week,
                                   recipients=list(config.digest.get("recipients") or DEMO_RECIPIENTS))[1]
        on_progress(f"[report] weekly report for {week} written as {report.name} and {report_pdf.name}, "
                    f"digest as {digest.name}")
    return DemoResult(summary, week, report, digest, paths.warehouse, paths.published,
                      time.monotonic() - started)
