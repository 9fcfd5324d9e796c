"""The report's charts as PNG images, drawn offline with matplotlib from the same ``WeeklySummary``.

PNG because one image serves every output: inlined as a data: URI in the HTML report (self-contained),
attached as an inline part of the digest email (mail clients do not render SVG), and placed in the PDF. The
figures are built without pyplot (no global state, no display), inside an ``rc_context`` that fixes the font
and turns off mathtext, so that a '$' in an outlet's name is drawn as a dollar sign and not parsed; the PNG
carries no timestamp or version text, so the same summary gives the same bytes.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from sorot.models.taxonomy import FAMILIES
from sorot.warehouse.queries import WeeklySummary
from sorot.warehouse.reports import format_percent_id

DPI = 150
WIDTH_INCHES = 6.0
"""Narrow enough that text stays legible when a phone scales the image to its screen."""
COLOURS = {"kekerasan": "#b3261e", "gender": "#6a4fb3", "artikel": "#8b949e"}
MAX_BARS = 10
_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "text.parse_math": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "svg.hashsalt": "sorot",
}


@dataclass(frozen=True)
class Chart:
    """One chart: a stable name (used in content ids and file names), its Indonesian description, the PNG."""

    name: str
    description: str
    png: bytes

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    @property
    def filename(self) -> str:
        return f"grafik-{self.name}.png"


def render_charts(summary: WeeklySummary) -> tuple[Chart, ...]:
    """The trend chart always; the label and outlet charts when the week has something to show."""
    with matplotlib.rc_context(_RC):
        charts = [_trend_chart(summary)]
        labels = _label_chart(summary)
        if labels is not None:
            charts.append(labels)
        outlets = _outlet_chart(summary)
        if outlets is not None:
            charts.append(outlets)
    return tuple(charts)


def chart_by_name(charts: Sequence[Chart], name: str) -> Chart | None:
    return next((chart for chart in charts if chart.name == name), None)


def _trend_chart(summary: WeeklySummary) -> Chart:
    """Normalised share of each family per week, the current week last: comparable across busy and slow
    weeks, unlike raw counts."""
    weeks = summary.trend
    figure = Figure(figsize=(WIDTH_INCHES, 3.2), dpi=DPI)
    axes = figure.add_subplot()
    width = 0.8 / max(len(FAMILIES), 1)
    positions = range(len(weeks))
    for index, family in enumerate(FAMILIES):
        shares = [totals.share(family) for totals in weeks]
        offsets = [position + (index - (len(FAMILIES) - 1) / 2) * width for position in positions]
        bars = axes.bar(offsets, shares, width=width, color=COLOURS.get(family, "#57606a"),
                        label=summary.label_name(family))
        texts = [format_percent_id(share, 0) if totals.denominator else "–"
                 for share, totals in zip(shares, weeks, strict=True)]
        axes.bar_label(bars, labels=texts, fontsize=8, padding=2)
    axes.set_xticks(list(positions), labels=[f"{totals.week}\n({totals.denominator} artikel)"
                                             for totals in weeks], fontsize=8)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_percent_id(value, 0)))
    axes.set_ylim(0, min(1.12, max([0.05, *(t.share(f) for t in weeks for f in FAMILIES)]) * 1.25))
    axes.set_title("Pangsa ternormalisasi per pekan")
    _legend_below(axes, len(FAMILIES))
    shares_text = ", ".join(
        f"{summary.label_name(family).lower()} {format_percent_id(summary.current.share(family))}"
        for family in FAMILIES)
    description = (f"Grafik pangsa artikel {shares_text} pada pekan {summary.week}, dibanding "
                   f"{len(summary.previous)} pekan sebelumnya.")
    return Chart("tren", description, _png(figure))


def _label_chart(summary: WeeklySummary) -> Chart | None:
    """Articles per subtype label this week (the families are in the trend chart), most first."""
    rows = sorted((row for row in summary.by_label if row.count and not row.is_family),
                  key=lambda row: (-row.count, row.name))[:MAX_BARS]
    if not rows:
        return None
    figure = Figure(figsize=(WIDTH_INCHES, 1.0 + 0.36 * len(rows)), dpi=DPI)
    axes = figure.add_subplot()
    names = [row.name for row in reversed(rows)]
    counts = [row.count for row in reversed(rows)]
    bars = axes.barh(range(len(rows)), counts, color=COLOURS["kekerasan"], height=0.6)
    axes.bar_label(bars, labels=[str(count) for count in counts], fontsize=8, padding=2)
    axes.set_yticks(range(len(rows)), labels=names, fontsize=9)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title("Artikel per label pekan ini")
    description = "Grafik jumlah artikel per label: " + "; ".join(f"{row.name} {row.count}" for row in rows)
    description += "."
    return Chart("label", description, _png(figure))


def _outlet_chart(summary: WeeklySummary) -> Chart | None:
    """Articles per outlet this week, with the family articles beside them."""
    rows = [row for row in summary.by_outlet if row.articles][:MAX_BARS]
    if not rows:
        return None
    figure = Figure(figsize=(WIDTH_INCHES, 1.0 + 0.45 * len(rows)), dpi=DPI)
    axes = figure.add_subplot()
    ordered = list(reversed(rows))
    height = 0.27
    series = [("Semua artikel", "artikel", [row.articles for row in ordered]),
              (summary.label_name("kekerasan"), "kekerasan", [row.kekerasan for row in ordered]),
              (summary.label_name("gender"), "gender", [row.gender for row in ordered])]
    for index, (label, colour, values) in enumerate(series):
        bars = axes.barh([position + (1 - index) * height for position in range(len(ordered))], values,
                         height=height, color=COLOURS[colour], label=label)
        axes.bar_label(bars, labels=[str(value) for value in values], fontsize=7, padding=2)
    axes.set_yticks(range(len(ordered)), labels=[_short(row.name) for row in ordered], fontsize=8)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title("Artikel per media pekan ini")
    _legend_below(axes, len(series))
    description = "Grafik jumlah artikel per media: " + "; ".join(
        f"{row.name} {row.articles}" for row in rows) + "."
    return Chart("media", description, _png(figure))


def _legend_below(axes: Axes, columns: int) -> None:
    """Under the plot, never over a bar (a legend inside the axes hides data on small weeks)."""
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=columns, frameon=False,
                fontsize=8)


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _png(figure: Figure) -> bytes:
    """Render without pyplot; no Software/date metadata so the bytes depend only on the data."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.15,
                   metadata={"Software": None})
    return buffer.getvalue()
