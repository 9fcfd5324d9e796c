"""The weekly digest email: the report's headline numbers, charts and top stories as one MIME message.

multipart/alternative with a plain-text part first and an HTML part last (RFC 2046 order of preference); the
HTML part is multipart/related with the charts as inline PNG parts referenced by ``cid:``, because mail
clients block remote images and drop data: URIs. The same message is written as an .eml (``--dry-run``) or
sent (``sorot.warehouse.mailer``). A dry-run is deterministic: the Date header is the Monday after the week at
07:00 WIB and the Message-ID and MIME boundaries derive from the content, so two runs over the same warehouse
give identical bytes; a real send is dated when it is sent and gets its own Message-ID, so that a forced
re-send is not discarded by a mail archive as a duplicate.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import parseaddr
from os import PathLike
from pathlib import Path

import css_inline
import duckdb

from sorot.warehouse.queries import WIB, WeeklySummary, weekly_summary
from sorot.warehouse.reports import safe_href, template_environment
from sorot.warehouse.reports.charts import Chart, render_charts
from sorot.warehouse.reports.weekly import either_family, family_names, health_line, report_title

SEND_HOUR = 7
"""The digest is dated the Monday after its week at 07:00 WIB, when readers start their week."""
MESSAGE_ID_DOMAIN = "sorot.local"
TOP_STORIES_IN_DIGEST = 5
TOP_SPEAKERS_IN_DIGEST = 5
DIGEST_CHARTS = ("tren", "media")
"""The charts worth a phone screen: the trend (the week against the previous ones) and the outlets."""
SUBJECT_MAX_CHARS = 200

_CONTROL_OR_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False, keep_at_rules=True)


def header_text(value: str, max_chars: int = SUBJECT_MAX_CHARS) -> str:
    """One safe header line: every run of whitespace or control characters becomes one space.

    A CR or LF in a header value would let text start new headers (header injection); scraped text may
    carry both, so nothing reaches a header without passing here.
    """
    flat = _CONTROL_OR_SPACE.sub(" ", value).strip()
    return flat if len(flat) <= max_chars else flat[: max_chars - 1].rstrip() + "…"


def mailbox(value: str) -> Address:
    """Parse 'Nama <alamat@contoh.id>' or a bare address; ValueError rather than a silently changed one."""
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise ValueError(f"email address {value!r} contains line breaks or control characters")
    name, addr_spec = parseaddr(value)
    if "@" not in addr_spec:
        raise ValueError(f"not an email address: {value!r}")
    return Address(display_name=header_text(name), addr_spec=addr_spec)


def message_id(week: str, recipients: Sequence[Address], sent_at: datetime | None = None) -> str:
    """'<sorot-digest-2024-W36-<hash>@sorot.local>': the same week to the same people gives the same id,
    unless a send time is given (each real send is its own message)."""
    people = "\n".join(sorted({address.addr_spec.lower() for address in recipients}))
    moment = sent_at.isoformat() if sent_at else ""
    digest = hashlib.sha256(f"{week}\n{people}\n{moment}".encode()).hexdigest()[:16]
    return f"<sorot-digest-{week}-{digest}@{MESSAGE_ID_DOMAIN}>"


def chart_content_id(chart: Chart, week: str) -> str:
    """The Content-ID of an inline chart, without angle brackets (the HTML says 'cid:<this>')."""
    return f"{chart.filename.removesuffix('.png')}.{week}@{MESSAGE_ID_DOMAIN}"


def digest_charts(summary: WeeklySummary) -> tuple[Chart, ...]:
    return tuple(chart for chart in render_charts(summary) if chart.name in DIGEST_CHARTS)


def digest_subject(summary: WeeklySummary) -> str:
    """'Sorot: liputan pekan 2024-W36 (2–8 September 2024)'."""
    return header_text(f"Sorot: {report_title(summary)}")


def render_digest_parts(summary: WeeklySummary, report_link: str | None,
                        charts: Sequence[Chart] = ()) -> tuple[str, str]:
    """(plain text, HTML with inlined CSS): many mail clients drop <style>, so styles move into attributes."""
    env = template_environment()
    context = {
        "s": summary,
        "title": report_title(summary),
        "families": family_names(summary),
        "either_family": either_family(summary),
        "top_stories": summary.top_stories[:TOP_STORIES_IN_DIGEST],
        "quoted": summary.quoted[:TOP_SPEAKERS_IN_DIGEST],
        "health_line": health_line,
        "charts": [(chart_content_id(chart, summary.week), chart) for chart in charts],
        "report_href": safe_href(report_link),
        "report_link": header_text(report_link, 2000) if report_link else None,
    }
    text = env.get_template("digest.txt.j2").render(context)
    html = _INLINER.inline(env.get_template("digest.html.j2").render(context))
    return text, html


def build_digest(summary: WeeklySummary, *, sender: str, recipients: Sequence[str], report_link: str | None,
                 charts: Sequence[Chart] | None = None, sent_at: datetime | None = None) -> EmailMessage:
    """The digest message: text and HTML alternatives, the charts inline in the HTML part.

    ``charts`` defaults to the digest's charts drawn from the summary; ``sent_at`` dates a real send (a dry
    run is dated the Monday after the week, 07:00 WIB).
    """
    if isinstance(recipients, str):
        raise TypeError("recipients must be a sequence of addresses, not one string")
    if not recipients:
        raise ValueError("the digest needs at least one recipient")
    from_address = mailbox(sender)
    to_addresses = [mailbox(recipient) for recipient in recipients]
    inline = tuple(digest_charts(summary) if charts is None else charts)
    text, html = render_digest_parts(summary, report_link, inline)

    message = EmailMessage(policy=policy.default)
    message["Subject"] = digest_subject(summary)
    message["From"] = from_address
    message["To"] = to_addresses
    message["Date"] = sent_at.astimezone(WIB) if sent_at else summary.end + timedelta(hours=SEND_HOUR)
    message["Message-ID"] = message_id(summary.week, to_addresses, sent_at)
    message["Content-Language"] = "id"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    html_part = message.get_payload()[1]
    for chart in inline:
        html_part.add_related(chart.png, maintype="image", subtype="png", disposition="inline",
                              filename=chart.filename, cid=f"<{chart_content_id(chart, summary.week)}>")
    # The generator would draw random boundaries; ones derived from the parts keep the bytes reproducible
    # and cannot occur inside quoted-printable or base64 bodies (neither can hold "_" after "=").
    content = hashlib.sha256(text.encode() + b"\0" + html.encode() + b"".join(c.png for c in inline))
    message.set_boundary(f"=_sorot_{content.hexdigest()[:32]}")
    if inline:
        html_part.set_boundary(f"=_sorot_related_{content.hexdigest()[32:64]}")
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The message as sent on the wire: CRLF line ends (policy.SMTP)."""
    return message.as_bytes(policy=policy.SMTP)


def write_eml(message: EmailMessage, out_path: str | PathLike[str]) -> Path:
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(message_bytes(message))
    return path


def write_digest_eml(con: duckdb.DuckDBPyConnection, week: str, out_path: str | PathLike[str], sender: str,
                     recipients: Sequence[str], report_link: str | None) -> Path:
    """Build the week's digest and write it as an .eml with CRLF line ends (policy.SMTP), ready to send."""
    message = build_digest(weekly_summary(con, week), sender=sender, recipients=recipients,
                           report_link=report_link)
    return write_eml(message, out_path)
