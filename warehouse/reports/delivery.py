"""Sending the week's digest once per recipient, with the send log kept in the warehouse.

Cron may run ``sorot run`` several times on a Monday (a retry after a failure, a manual run); each recipient
must still receive the week's digest once. The log (table ``digest_deliveries``, migration 0004) records
every recipient the SMTP server accepted, after it accepted them: a failed send records nothing, so the next
run tries again; a recipient the server refused is not recorded either. The caller holds the warehouse's
writer lock for the whole check-send-record sequence, so two overlapping runs cannot both send.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb

from sorot.warehouse.mailer import SmtpSettings, send_message
from sorot.warehouse.queries import WeeklySummary
from sorot.warehouse.reports.charts import Chart
from sorot.warehouse.reports.digest import build_digest, mailbox


@dataclass
class DeliveryResult:
    week: str
    sent: tuple[str, ...] = ()
    already_sent: dict[str, datetime] = field(default_factory=dict)
    """Recipients skipped because the week's digest reached them before, with when."""
    refused: dict[str, str] = field(default_factory=dict)
    """Recipients the server refused (not recorded: the next run tries them again)."""
    message_id: str | None = None


def sent_before(con: duckdb.DuckDBPyConnection, week: str) -> dict[str, datetime]:
    """Recipient (lower-cased address) -> first time the week's digest was accepted for them."""
    rows = con.execute(
        "SELECT recipient, min(sent_at) FROM digest_deliveries WHERE week = ? GROUP BY recipient", [week]
    ).fetchall()
    return {recipient: moment for recipient, moment in rows}


def record_delivery(con: duckdb.DuckDBPyConnection, week: str, recipients: Sequence[str], message_id: str,
                    sent_at: datetime, *, forced: bool, smtp_host: str | None) -> None:
    """One row per accepted recipient, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.executemany(
            "INSERT INTO digest_deliveries (week, recipient, message_id, sent_at, forced, smtp_host) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(week, recipient, message_id, sent_at, forced, smtp_host) for recipient in recipients],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def deliver_digest(con: duckdb.DuckDBPyConnection, summary: WeeklySummary, *, sender: str,
                   recipients: Sequence[str], report_link: str | None, settings: SmtpSettings,
                   force: bool = False, charts: Sequence[Chart] | None = None, now: datetime | None = None,
                   sleep: Callable[[float], None] = time.sleep,
                   on_progress: Callable[[str], None] = print) -> DeliveryResult:
    """Send the week's digest to the recipients who have not had it (all of them with ``force``).

    ``con`` is the warehouse opened for writing (the send log lives there). Raises ``SendError`` when the
    message could not be sent; nothing is recorded then.
    """
    wanted: dict[str, str] = {}
    for recipient in recipients:
        wanted.setdefault(mailbox(recipient).addr_spec.lower(), recipient)
    before = sent_before(con, summary.week)
    skipped = {} if force else {address: before[address] for address in wanted if address in before}
    pending = [original for address, original in wanted.items() if address not in skipped]
    result = DeliveryResult(summary.week, already_sent=skipped)
    if not pending:
        return result
    sent_at = now or datetime.now(UTC)
    message = build_digest(summary, sender=sender, recipients=pending, report_link=report_link, charts=charts,
                           sent_at=sent_at)
    envelope = [mailbox(recipient).addr_spec for recipient in pending]
    refused = send_message(settings, message, envelope, sleep=sleep, on_retry=on_progress)
    refused_lower = {address.lower(): reason for address, reason in refused.items()}
    accepted = [address.lower() for address in envelope if address.lower() not in refused_lower]
    record_delivery(con, summary.week, accepted, str(message["Message-ID"]), sent_at, forced=force,
                    smtp_host=settings.host)
    result.sent = tuple(accepted)
    result.refused = refused_lower
    result.message_id = str(message["Message-ID"])
    return result
