"""The weekly coverage report (*kliping media*): one self-contained HTML page or PDF per ISO week.

Self-contained (inline CSS, charts as data: URIs, no scripts, no external assets) so it can be mailed,
archived or opened offline on a phone, and deterministic (no generation timestamp) so that re-running a week
gives the same bytes and a changed file always means changed data. The PDF is drawn from the same summary and
the same chart images (``pdf.py``), so both formats show the same numbers.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

import duckdb

from sorot.warehouse.excerpts import PRIVACY_NOTICE
from sorot.warehouse.queries import (
    FAMILIES,
    NO_FILTER,
    ReportFilter,
    SourceActivity,
    WeeklySummary,
    weekly_summary,
)
from sorot.warehouse.reports import (
    format_date_id,
    format_date_range_id,
    format_number_id,
    template_environment,
)
from sorot.warehouse.reports.charts import Chart, render_charts

TEMPLATE = "weekly.html.j2"
FORMATS = ("html", "pdf")


def report_title(summary: WeeklySummary) -> str:
    """'Liputan pekan 2024-W36 (2–8 September 2024)': shared by the report heading and the email subject."""
    return f"liputan pekan {summary.week} ({format_date_range_id(summary.start, summary.last_day)})"


def family_names(summary: WeeklySummary) -> list[tuple[str, str]]:
    """(code, Indonesian name) of each family, in taxonomy order, for table columns and cards."""
    return [(family, summary.label_name(family)) for family in FAMILIES]


def either_family(summary: WeeklySummary) -> str:
    """'kekerasan atau gender dan hak anak': the label of the either-family total, built from the taxonomy."""
    return " atau ".join(name.lower() for _, name in family_names(summary))


def filter_lines(summary: WeeklySummary) -> list[str]:
    """The filters in words ('media: antara-kalteng'), empty for an unfiltered report."""
    filters = summary.filters
    lines = []
    if filters.sources:
        lines.append("media: " + ", ".join(filters.sources))
    if filters.regions:
        lines.append("wilayah: " + ", ".join(filters.regions))
    if filters.labels:
        lines.append("label: " + ", ".join(summary.label_name(label) for label in filters.labels))
    return lines


def health_line(activity: SourceActivity) -> str:
    """One sentence on a quiet source, in Indonesian, with what a reader needs to judge it."""
    average = f"{activity.weekly_average:.1f}".replace(".", ",")
    if activity.status == "belum_ada":
        text = f"{activity.name}: belum ada artikel yang terkumpul dari sumber ini"
    elif activity.status == "sepi" and activity.weekly_average:
        text = f"{activity.name}: tidak ada artikel pekan ini (rata-rata {average} per pekan sebelumnya)"
    elif activity.status == "sepi":
        text = f"{activity.name}: tidak ada artikel pekan ini maupun pekan-pekan sebelumnya"
    else:
        text = (f"{activity.name}: {format_number_id(activity.articles)} artikel pekan ini, jauh di bawah "
                f"rata-rata {average} per pekan sebelumnya")
    if activity.last_published is not None:
        text += f"; artikel terakhir terbit {format_date_id(activity.last_published)}"
    if activity.last_fetched is not None:
        text += f"; terakhir diambil {format_date_id(activity.last_fetched)}"
    return text + "."


def charts_by_name(charts: tuple[Chart, ...]) -> dict[str, Chart]:
    return {chart.name: chart for chart in charts}


def render_weekly_report(summary: WeeklySummary, charts: tuple[Chart, ...] | None = None) -> str:
    """The report as an HTML string; every scraped value is escaped by the template's autoescape."""
    template = template_environment().get_template(TEMPLATE)
    return template.render(
        s=summary,
        title=report_title(summary),
        families=family_names(summary),
        either_family=either_family(summary),
        filter_lines=filter_lines(summary),
        health_line=health_line,
        charts=charts_by_name(render_charts(summary) if charts is None else charts),
        privacy_notice=PRIVACY_NOTICE,
    )


def report_format(out_path: str | PathLike[str], fmt: str | None) -> str:
    """The explicit format, else the file's suffix (.pdf or .html); anything else is an error."""
    chosen = fmt or Path(out_path).suffix.lower().lstrip(".") or "html"
    if chosen == "htm":
        chosen = "html"
    if chosen not in FORMATS:
        raise ValueError(f"unknown report format {chosen!r}: choose html or pdf")
    return chosen


def write_weekly_report(con: duckdb.DuckDBPyConnection, week: str, out_path: str | PathLike[str], *,
                        fmt: str | None = None, filters: ReportFilter = NO_FILTER) -> Path:
    """Query the week, render it as HTML or PDF and write the bytes (no platform newline translation)."""
    chosen = report_format(out_path, fmt)
    summary = weekly_summary(con, week, filters=filters)
    charts = render_charts(summary)
    if chosen == "pdf":
        from sorot.warehouse.reports.pdf import render_weekly_pdf

        data = render_weekly_pdf(summary, charts)
    else:
        data = render_weekly_report(summary, charts).encode("utf-8")
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
