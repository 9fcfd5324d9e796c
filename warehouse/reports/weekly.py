"""The weekly coverage report: one self-contained HTML page per ISO week, in Bahasa Indonesia.

Self-contained (inline CSS, no scripts, no external assets) so it can be mailed, archived or opened offline
on a phone, and deterministic (no generation timestamp) so that re-running a week gives the same bytes and
a changed file always means changed data.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

import duckdb
from sorot.warehouse.excerpts import PRIVACY_NOTICE
from sorot.warehouse.queries import FAMILIES, WeeklySummary, weekly_summary
from sorot.warehouse.reports import format_date_range_id, template_environment

TEMPLATE = "weekly.html.j2"


def report_title(summary: WeeklySummary) -> str:
    """'Liputan pekan 2024-W36 (2–8 September 2024)': shared by the report heading and the email subject."""
    return f"liputan pekan {summary.week} ({format_date_range_id(summary.start, summary.last_day)})"


def family_names(summary: WeeklySummary) -> list[tuple[str, str]]:
    """(code, Indonesian name) of each family, in taxonomy order, for table columns and cards."""
    return [(family, summary.label_name(family)) for family in FAMILIES]


def either_family(summary: WeeklySummary) -> str:
    """'kekerasan atau gender dan hak anak': the label of the either-family total, built from the taxonomy."""
    return " atau ".join(name.lower() for _, name in family_names(summary))


def family_bar_scale(summary: WeeklySummary) -> float:
    """The largest family share over the trend, so the longest bar fills its track (1.0 when all are 0)."""
    shares = [totals.share(family) for totals in summary.trend for family in FAMILIES]
    shares.append(0.0)
    return max(shares) or 1.0


def render_weekly_report(summary: WeeklySummary) -> str:
    """The report as an HTML string; every scraped value is escaped by the template's autoescape."""
    template = template_environment().get_template(TEMPLATE)
    return template.render(
        s=summary,
        title=report_title(summary),
        families=family_names(summary),
        either_family=either_family(summary),
        bar_scale=family_bar_scale(summary),
        privacy_notice=PRIVACY_NOTICE,
    )


def write_weekly_report(con: duckdb.DuckDBPyConnection, week: str, out_path: str | PathLike[str]) -> Path:
    """Query the week, render it and write UTF-8 bytes (no platform newline translation)."""
    path = Path(out_path)
    html = render_weekly_report(weekly_summary(con, week))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(html.encode("utf-8"))
    return path
