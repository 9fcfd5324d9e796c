"""`sorot run`, the cron entry point, and the report and digest steps it shares with `sorot report`,
`sorot digest` and `sorot demo` (one code path, so the demo shows what cron sends).

A run crawls, processes, loads and publishes (``crawl_and_load``), then on the digest weekday (Monday by
default, in WIB) or with ``digest=True`` writes the previous week's report (HTML and PDF) and sends its
digest.
Overlapping runs never interleave: every step that writes takes the warehouse's writer lock, waiting up to
``wait_for_lock`` seconds; a run that cannot get it raises ``WarehouseBusyError`` and has changed nothing.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sorot.warehouse.db import connect_reader, connect_writer, writer_lock
from sorot.warehouse.mailer import SmtpConfigError, SmtpSettings
from sorot.warehouse.queries import NO_FILTER, WIB, ReportFilter, resolve_week, weekly_summary
from sorot.warehouse.reports.delivery import DeliveryResult, deliver_digest
from sorot.warehouse.reports.digest import build_digest, write_eml
from sorot.warehouse.reports.weekly import report_format, write_weekly_report

from ..config import Config, ConfigError

DEFAULT_SENDER = "Sorot <sorot@localhost>"
DEFAULT_DIGEST_WEEKDAY = "monday"
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6}
_UNSAFE_NAME = re.compile(r"[^a-z0-9]+")


@dataclass
class RunResult:
    crawl: Any | None
    """What ``crawl_and_load`` returned (``.summaries``, ``.published``), None without a crawl."""
    digest_due: bool
    week: str | None = None
    reports: tuple[Path, ...] = ()
    delivery: DeliveryResult | None = None
    digest_file: Path | None = None


# -- the report and digest steps ---------------------------------------------------------------------------

def report_path(config: Config, week: str, fmt: str, filters: ReportFilter = NO_FILTER) -> Path:
    """<reports>/laporan-<week>[-<filters>].<fmt>: filtered reports never overwrite the full one."""
    suffix = ""
    if not filters.is_empty:
        words = [*filters.sources, *filters.regions, *filters.labels]
        suffix = "-" + _UNSAFE_NAME.sub("-", "-".join(words).lower()).strip("-")[:80]
    return config.paths.reports_dir / f"laporan-{week}{suffix}.{fmt}"


def write_report(config: Config, *, week_spec: str = "latest", fmt: str | None = None,
                 out: Path | None = None, filters: ReportFilter = NO_FILTER) -> tuple[str, Path]:
    """`sorot report`: the week's report from the published warehouse; returns (week, path written)."""
    reader = connect_reader(config.paths.published)
    try:
        week = resolve_week(reader, week_spec)
        chosen = report_format(out, fmt) if out is not None else (fmt or "html")
        target = out if out is not None else report_path(config, week, chosen, filters)
        return week, write_weekly_report(reader, week, target, fmt=chosen, filters=filters)
    finally:
        reader.close()


def report_link(config: Config, week: str, *, local_fallback: bool) -> str | None:
    """The full report's address for the digest: ``digest.report_url`` ('{week}' filled in), else (for a file
    that stays on this machine) the local report's file URI, else None."""
    url = config.digest.get("report_url")
    if url:
        return str(url).replace("{week}", week)
    local = report_path(config, week, "html")
    if local_fallback and local.exists():
        return local.resolve().as_uri()
    return None


def digest_recipients(config: Config, recipients: Sequence[str] | None) -> list[str]:
    chosen = list(recipients or config.digest.get("recipients", []))
    if not chosen:
        raise ConfigError("no digest recipients: give --to ADDR or set digest.recipients in the "
                          "configuration")
    return chosen


def write_digest_file(config: Config, *, week_spec: str = "last", recipients: Sequence[str] | None = None,
                      out: Path | None = None) -> tuple[str, Path]:
    """`sorot digest --dry-run`: the digest as an .eml, exactly as it would be sent, but dated and
    identified deterministically; nothing is sent or recorded."""
    chosen = digest_recipients(config, recipients)
    reader = connect_reader(config.paths.published)
    try:
        week = resolve_week(reader, week_spec)
        summary = weekly_summary(reader, week)
    finally:
        reader.close()
    message = build_digest(summary, sender=str(config.digest.get("sender", DEFAULT_SENDER)),
                           recipients=chosen, report_link=report_link(config, week, local_fallback=True))
    target = out if out is not None else config.paths.reports_dir / f"digest-{week}.eml"
    return week, write_eml(message, target)


def smtp_settings(config: Config) -> SmtpSettings:
    try:
        return SmtpSettings.from_config(config.smtp)
    except SmtpConfigError as error:
        raise ConfigError(str(error)) from None


def send_digest(config: Config, *, week_spec: str = "last", recipients: Sequence[str] | None = None,
                force: bool = False, wait_for_lock: float = 0.0, sleep: Callable[[float], None] = time.sleep,
                on_progress: Callable[[str], None] = print) -> DeliveryResult:
    """`sorot digest --send`: send the week's digest to those who have not had it, over SMTP.

    The numbers come from the published copy (the same the report shows); the send log is in the warehouse,
    written under the writer lock held from the check to the record, so overlapping runs cannot both send.
    """
    settings = smtp_settings(config)
    chosen = digest_recipients(config, recipients)
    sender = str(config.digest.get("sender", DEFAULT_SENDER))
    reader = connect_reader(config.paths.published)
    try:
        week = resolve_week(reader, week_spec)
        summary = weekly_summary(reader, week)
    finally:
        reader.close()
    link = report_link(config, week, local_fallback=False)
    if link is None:
        on_progress("[digest] no digest.report_url configured: the email carries no link to the full report")
    with writer_lock(config.paths.warehouse, wait_seconds=wait_for_lock):
        con = connect_writer(config.paths.warehouse)
        try:
            return deliver_digest(con, summary, sender=sender, recipients=chosen, report_link=link,
                                  settings=settings, force=force, sleep=sleep, on_progress=on_progress)
        finally:
            con.close()


def smtp_configured(config: Config) -> bool:
    """True when a send is possible: a host in [smtp] or SOROT_SMTP_HOST."""
    return bool(config.smtp.get("host") or os.environ.get("SOROT_SMTP_HOST"))


# -- the cron run ------------------------------------------------------------------------------------------

def digest_weekday(config: Config) -> int:
    name = str(config.digest.get("weekday", DEFAULT_DIGEST_WEEKDAY)).strip().lower()
    if name not in WEEKDAYS:
        raise ConfigError(f"digest.weekday must be a day name such as 'monday', got {name!r}")
    return WEEKDAYS[name]


def run_pipeline(config: Config, *, crawl: bool = True, digest: bool | None = None, force: bool = False,
                 wait_for_lock: float = 0.0, now: datetime | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 on_progress: Callable[[str], None] = print) -> RunResult:
    """Crawl, process, load, publish; then, when due (``digest`` None: on the digest weekday), the report and
    the digest for the previous week. Raises ``WarehouseBusyError`` when another run holds the warehouse."""
    moment = (now or datetime.now(WIB)).astimezone(WIB)
    due = digest if digest is not None else moment.weekday() == digest_weekday(config)
    crawl_result = None
    if crawl:
        from .crawl import crawl_and_load

        crawl_result = crawl_and_load(config, wait_for_lock=wait_for_lock, on_progress=on_progress)
    result = RunResult(crawl=crawl_result, digest_due=due)
    if not due:
        on_progress("[run] no digest today (digest.weekday); done")
        return result
    if not config.paths.published.exists():
        raise FileNotFoundError(config.paths.published)
    reader = connect_reader(config.paths.published)
    try:
        week = resolve_week(reader, "last", now=moment)
    finally:
        reader.close()
    result.week = week
    result.reports = tuple(write_report(config, week_spec=week, fmt=fmt)[1] for fmt in ("html", "pdf"))
    on_progress(f"[report] {week}: " + ", ".join(str(path) for path in result.reports))
    if not config.digest.get("recipients"):
        on_progress("[digest] no digest.recipients configured: no digest sent")
        return result
    if not smtp_configured(config):
        result.digest_file = write_digest_file(config, week_spec=week)[1]
        on_progress(f"[digest] no [smtp] host configured: digest written to {result.digest_file}, not sent")
        return result
    result.delivery = send_digest(config, week_spec=week, force=force, wait_for_lock=wait_for_lock,
                                  sleep=sleep, on_progress=on_progress)
    return result
