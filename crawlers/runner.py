"""Runs one crawl in a child process and reports what it archived.

Each crawl gets its own process because Twisted's reactor cannot be restarted inside one process
(`ReactorNotRestartable`), and so that a crawl that dies cannot take the caller down with it.
The parent talks to the child through command-line arguments and reads its progress lines.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class CrawlResult:
    run_id: str
    archive_path: Path
    events_path: Path
    returncode: int


class CrawlFailedError(RuntimeError):
    """The crawling process ended abnormally; what it archived before is still on disk."""


def crawl_command(
    *,
    run_id: str,
    source_keys: Sequence[str],
    archive_dir: Path,
    state_path: Path,
    log_path: Path,
    feeds: Mapping[str, Sequence[str]] | None = None,
    host_overrides: Mapping[str, str] | None = None,
    settings: Mapping[str, object] | None = None,
    since: date | None = None,
    until: date | None = None,
    backfill: bool = False,
    config_sources: Sequence[Mapping[str, object]] = (),
) -> list[str]:
    """The command line of the crawling child process."""
    return [
        sys.executable, "-m", "sorot.crawlers.runner",
        "--run-id", run_id,
        "--sources", ",".join(source_keys),
        "--archive-dir", str(archive_dir),
        "--state", str(state_path),
        "--log-file", str(log_path),
        "--feeds", json.dumps({key: list(urls) for key, urls in (feeds or {}).items()}),
        "--host-overrides", json.dumps(dict(host_overrides or {})),
        "--settings", json.dumps(dict(settings or {})),
        "--since", since.isoformat() if since else "",
        "--until", until.isoformat() if until else "",
        "--config-sources", json.dumps([dict(entry) for entry in config_sources]),
        *(["--backfill"] if backfill else []),
    ]


def run_crawl(
    *,
    run_id: str,
    source_keys: Sequence[str],
    archive_dir: Path,
    state_path: Path,
    log_path: Path,
    feeds: Mapping[str, Sequence[str]] | None = None,
    host_overrides: Mapping[str, str] | None = None,
    settings: Mapping[str, object] | None = None,
    since: date | None = None,
    until: date | None = None,
    backfill: bool = False,
    config_sources: Sequence[Mapping[str, object]] = (),
    on_progress: Callable[[str], None] = print,
) -> CrawlResult:
    """Crawl the given sources in a child process; blocks until it finishes."""
    archive_dir.mkdir(parents=True, exist_ok=True)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = crawl_command(run_id=run_id, source_keys=source_keys, archive_dir=archive_dir,
                            state_path=state_path, log_path=log_path, feeds=feeds,
                            host_overrides=host_overrides, settings=settings, since=since, until=until,
                            backfill=backfill, config_sources=config_sources)
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            on_progress(line.rstrip("\n"))
        returncode = child.wait()
    result = CrawlResult(run_id, archive_dir / f"{run_id}.warc.gz", archive_dir / f"{run_id}.events.jsonl",
                         returncode)
    if returncode != 0:
        raise CrawlFailedError(
            f"the crawl process exited with status {returncode}; see {log_path}. "
            "Pages archived before the failure are kept and will be processed."
        )
    return result


def _child_main(argv: Sequence[str] | None = None) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from . import settings as default_settings
    from .spiders.feeds import FeedSpider

    parser = argparse.ArgumentParser(prog="sorot.crawlers.runner")
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--sources", required=True)
    parser.add_argument("--archive-dir", required=True)
    parser.add_argument("--state", required=True)
    parser.add_argument("--log-file", required=True)
    parser.add_argument("--feeds", default="{}")
    parser.add_argument("--host-overrides", default="{}")
    parser.add_argument("--settings", default="{}")
    parser.add_argument("--since", default="")
    parser.add_argument("--until", default="")
    parser.add_argument("--config-sources", default="[]")
    parser.add_argument("--backfill", action="store_true")
    args = parser.parse_args(argv)

    from .sources import register_config_sources

    register_config_sources(json.loads(args.config_sources))

    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.update(
        {
            "SOROT_RUN_ID": args.run_id,
            "SOROT_ARCHIVE_DIR": args.archive_dir,
            "SOROT_STATE_PATH": args.state,
            "LOG_FILE": args.log_file,
            "LOG_LEVEL": "INFO",
        },
        priority="cmdline",
    )
    overrides = json.loads(args.host_overrides)
    if overrides:
        handler = "sorot.crawlers.download_handlers.HostOverrideDownloadHandler"
        settings.set("SOROT_HOST_OVERRIDES", overrides, priority="cmdline")
        settings.set("DOWNLOAD_HANDLERS", {"http": handler, "https": handler}, priority="cmdline")
    settings.update(json.loads(args.settings), priority="cmdline")

    process = CrawlerProcess(settings)
    process.crawl(FeedSpider, sources=args.sources, feeds_json=args.feeds, since=args.since, until=args.until,
                  backfill="1" if args.backfill else "")
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(_child_main())
