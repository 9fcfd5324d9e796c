"""`sorot crawl` (and the crawl step of `sorot run`): crawl real sources, then load and publish.

The whole job holds the warehouse writer lock, so two overlapping runs never interleave: the second waits
(up to `wait_for_lock` seconds) or stops with a clear message. Whatever a crawl archived is loaded, even when
the crawl process died, and archives left by earlier killed runs are loaded too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sorot.crawlers.runner import CrawlFailedError, run_crawl
from sorot.crawlers.sources import SourceConfigError, all_sources, get_source, register_config_sources
from sorot.warehouse.db import writer_lock

from ..config import Config, ConfigError
from .ingest import IngestSummary, default_processor, ingest_pending

#: the crawl settings a configuration may change, and their Scrapy names
CRAWL_SETTINGS = {
    "download_delay": "DOWNLOAD_DELAY",
    "concurrent_requests_per_domain": "CONCURRENT_REQUESTS_PER_DOMAIN",
    "autothrottle": "AUTOTHROTTLE_ENABLED",
    "timeout": "DOWNLOAD_TIMEOUT",
    "max_page_bytes": "DOWNLOAD_MAXSIZE",
    "retry_after_max": "SOROT_RETRY_AFTER_MAX",
}


@dataclass
class CrawlJobResult:
    run_id: str
    summaries: list[IngestSummary] = field(default_factory=list)
    published: Path | None = None
    crawl_error: str | None = None


def register_sources(config: Config) -> None:
    """Make the configuration's own outlets known to the registry."""
    try:
        register_config_sources(config.sources)
    except SourceConfigError as error:
        raise ConfigError(f"{config.path}: {error}") from None


def user_agent(config: Config) -> str:
    """The crawler's User-Agent: Sorot, its version and the operator's contact (required for real crawls)."""
    from sorot.crawlers.settings import USER_AGENT

    contact = str(config.crawl.get("contact", "")).strip()
    if not contact:
        raise ConfigError(
            "set crawl.contact in the configuration (an email address or URL where publishers can reach you); "
            "Sorot identifies itself to every site it crawls. See docs/configuration.md."
        )
    return f"{USER_AGENT[:-1]}; contact: {contact})"


def crawl_settings(config: Config) -> dict[str, object]:
    settings: dict[str, object] = {"USER_AGENT": user_agent(config)}
    for name, scrapy_name in CRAWL_SETTINGS.items():
        if name in config.crawl:
            settings[scrapy_name] = config.crawl[name]
    return settings


def crawl_and_load(
    config: Config,
    *,
    source_keys: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    backfill: bool = False,
    wait_for_lock: float = 0.0,
    host_overrides: dict[str, str] | None = None,
    extra_settings: dict[str, object] | None = None,
    on_progress: Callable[[str], None] = print,
) -> CrawlJobResult:
    """Crawl the chosen sources (default: the configuration's `crawl.sources`, else every source), load, publish."""
    register_sources(config)
    keys = list(source_keys or config.crawl.get("sources") or [s.key for s in all_sources()])
    sources = [get_source(key) for key in keys]
    settings = crawl_settings(config)
    settings.update(extra_settings or {})
    paths = config.paths
    started = datetime.now(UTC)
    run_id = "crawl-" + started.strftime("%Y%m%dT%H%M%S%fZ")
    result = CrawlJobResult(run_id)
    with writer_lock(paths.warehouse, wait_seconds=wait_for_lock):
        on_progress(f"[crawl] {len(sources)} source(s): {', '.join(keys)}")
        try:
            run_crawl(
                run_id=run_id,
                source_keys=keys,
                archive_dir=paths.archive_dir,
                state_path=paths.crawl_state,
                log_path=paths.logs_dir / f"{run_id}.log",
                host_overrides=host_overrides,
                settings=settings,
                since=since,
                until=until,
                backfill=backfill,
                config_sources=config.sources,
                on_progress=on_progress,
            )
        except CrawlFailedError as error:
            # keep going: what was archived before the failure is loaded below
            result.crawl_error = str(error)
            on_progress(f"[crawl] {error}")
        on_progress("[process] extracting, de-duplicating and tagging the archived pages")
        processor = default_processor(paths, on_progress)
        result.summaries = ingest_pending(paths=paths, sources=all_sources(), processor=processor,
                                          started={run_id: started}, on_progress=on_progress)
    result.published = paths.published if paths.published.exists() else None
    return result
