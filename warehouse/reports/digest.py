"""The weekly digest email: the report's headline numbers and top stories as a multipart .eml.

Written as a file rather than sent (sending over SMTP is a later issue) so that cron, a mail client or a
test can pick it up. Deterministic like the report: the Date header is the Monday after the week at
07:00 WIB, the Message-ID and the MIME boundary are derived from the content, so two runs over the same
warehouse give identical bytes and a mail archive de-duplicates a re-sent digest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import timedelta
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import parseaddr
from os import PathLike
from pathlib import Path

import css_inline
import duckdb
from sorot.warehouse.queries import WeeklySummary, weekly_summary
from sorot.warehouse.reports import safe_href, template_environment
from sorot.warehouse.reports.weekly import either_family, family_names, report_title

SEND_HOUR = 7
"""The digest is dated the Monday after its week at 07:00 WIB, when readers start their week."""
MESSAGE_ID_DOMAIN = "sorot.local"
TOP_STORIES_IN_DIGEST = 5
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
    """Parse 'Nama <alamat@contoh.id>' or a bare address; ValueError rather than a silently altered address."""
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise ValueError(f"email address {value!r} contains line breaks or control characters")
    name, addr_spec = parseaddr(value)
    if "@" not in addr_spec:
        raise ValueError(f"not an email address: {value!r}")
    return Address(display_name=header_text(name), addr_spec=addr_spec)


def message_id(week: str, recipients: Sequence[Address]) -> str:
    """'<sorot-digest-2024-W36-<hash>@sorot.local>': the same week to the same people gives the same id."""
    people = "\n".join(sorted({address.addr_spec.lower() for address in recipients}))
    digest = hashlib.sha256(f"{week}\n{people}".encode()).hexdigest()[:16]
    return f"<sorot-digest-{week}-{digest}@{MESSAGE_ID_DOMAIN}>"


def digest_subject(summary: WeeklySummary) -> str:
    """'Sorot: liputan pekan 2024-W36 (2–8 September 2024)'."""
    return header_text(f"Sorot: {report_title(summary)}")


def render_digest_parts(summary: WeeklySummary, report_link: str | None) -> tuple[str, str]:
    """(plain text, HTML with inlined CSS): many mail clients drop <style>, so styles move into attributes."""
    env = template_environment()
    context = {
        "s": summary,
        "title": report_title(summary),
        "families": family_names(summary),
        "either_family": either_family(summary),
        "top_stories": summary.top_stories[:TOP_STORIES_IN_DIGEST],
        "report_href": safe_href(report_link),
        "report_link": header_text(report_link, 2000) if report_link else None,
    }
    text = env.get_template("digest.txt.j2").render(context)
    html = _INLINER.inline(env.get_template("digest.html.j2").render(context))
    return text, html


def build_digest(summary: WeeklySummary, *, sender: str, recipients: Sequence[str],
                 report_link: str | None) -> EmailMessage:
    """A multipart/alternative message (plain text first, HTML last, as RFC 2046 orders preference)."""
    if isinstance(recipients, str):
        raise TypeError("recipients must be a sequence of addresses, not one string")
    if not recipients:
        raise ValueError("the digest needs at least one recipient")
    from_address = mailbox(sender)
    to_addresses = [mailbox(recipient) for recipient in recipients]
    text, html = render_digest_parts(summary, report_link)

    message = EmailMessage(policy=policy.default)
    message["Subject"] = digest_subject(summary)
    message["From"] = from_address
    message["To"] = to_addresses
    message["Date"] = summary.end + timedelta(hours=SEND_HOUR)
    message["Message-ID"] = message_id(summary.week, to_addresses)
    message["Content-Language"] = "id"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    # The generator would draw a random boundary; one derived from the parts keeps the bytes reproducible
    # and cannot occur inside quoted-printable bodies (which escape every "=").
    content_hash = hashlib.sha256(f"{text}\0{html}".encode()).hexdigest()[:32]
    message.set_boundary(f"=_sorot_{content_hash}")
    return message


def write_digest_eml(con: duckdb.DuckDBPyConnection, week: str, out_path: str | PathLike[str], sender: str,
                     recipients: Sequence[str], report_link: str | None) -> Path:
    """Build the week's digest and write it as an .eml with CRLF line ends (policy.SMTP), ready to send."""
    message = build_digest(weekly_summary(con, week), sender=sender, recipients=recipients,
                           report_link=report_link)
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(message.as_bytes(policy=policy.SMTP))
    return path
