"""The weekly report as PDF, drawn with fpdf2 from the same summary and chart images as the HTML report.

fpdf2 is pure Python (its wheels need no system library such as pango or cairo, unlike HTML-to-PDF engines
that lay out CSS), and its HTML subset cannot hold the report's tables, so the PDF is laid out here section by
section in the HTML report's order. Text is drawn as text: scraped strings are never interpreted (no markup,
no markdown), and only http(s) links become clickable. The font is the DejaVu Sans that matplotlib ships, so
Indonesian text, dashes and curly quotes render without a system font. The creation date is the week's end,
so the same summary gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from PIL import Image

from sorot.warehouse.queries import WeeklySummary
from sorot.warehouse.reports import (
    format_date_id,
    format_date_range_id,
    format_datetime_id,
    format_number_id,
    format_percent_id,
    one_line,
    safe_href,
)
from sorot.warehouse.reports.charts import Chart
from sorot.warehouse.reports.weekly import (
    charts_by_name,
    either_family,
    family_names,
    filter_lines,
    health_line,
    report_title,
)

FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
ACCENT = (140, 28, 19)
MUTED = (87, 96, 106)
CHART_WIDTH_MM = 170


class _ReportPDF(FPDF):
    """A4 pages with the report's title in the footer and 'Halaman n/N', so a printed page says what it is."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text} · Halaman {self.page_no()}/{{nb}}", align="C")


def render_weekly_pdf(summary: WeeklySummary, charts: Sequence[Chart]) -> bytes:
    """The whole report as PDF bytes."""
    pdf = _new_document(summary)
    by_name = charts_by_name(tuple(charts))
    _header(pdf, summary)
    _summary_section(pdf, summary, by_name.get("tren"))
    _label_section(pdf, summary, by_name.get("label"))
    _outlet_section(pdf, summary, by_name.get("media"))
    _health_section(pdf, summary)
    _stage_and_region_sections(pdf, summary)
    _stories_section(pdf, summary)
    _quoted_section(pdf, summary)
    _articles_section(pdf, summary)
    _method_section(pdf, summary)
    return bytes(pdf.output())


def _new_document(summary: WeeklySummary) -> _ReportPDF:
    pdf = _ReportPDF(format="A4")
    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for style, filename in _FONT_FILES.items():
        pdf.add_font(FONT, style, str(fonts / filename))
    pdf.set_creation_date(summary.end)
    pdf.set_title(f"Sorot: {report_title(summary)}")
    pdf.set_author("Sorot")
    pdf.set_lang("id")
    pdf.footer_text = f"Sorot: {report_title(summary)}"
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    return pdf


def _header(pdf: _ReportPDF, summary: WeeklySummary) -> None:
    pdf.set_font(FONT, "B", 16)
    pdf.set_text_color(*ACCENT)
    _paragraph(pdf, f"Sorot: {report_title(summary)}", height=8)
    pdf.set_text_color(*MUTED)
    pdf.set_font(FONT, "", 10)
    _paragraph(pdf, f"{format_date_id(summary.start)} – {format_date_id(summary.last_day)} (WIB)")
    lines = filter_lines(summary)
    if lines:
        _paragraph(pdf, "Filter: " + "; ".join(lines))
    pdf.set_text_color(0, 0, 0)


def _summary_section(pdf: _ReportPDF, summary: WeeklySummary, trend: Chart | None) -> None:
    _heading(pdf, "Ringkasan")
    current = summary.current
    rows = [("Artikel", format_number_id(summary.total_articles)),
            ("Cerita", format_number_id(summary.stories)),
            ("Salinan kantor berita", format_number_id(summary.wire_copies)),
            (f"Artikel {either_family(summary)} ({format_percent_id(current.family_share)})",
             format_number_id(summary.family_articles))]
    rows += [(f"{name} ({format_percent_id(current.share(code))})",
              format_number_id(summary.family_count(code))) for code, name in family_names(summary)]
    _table(pdf, ("Angka pekan ini", "Jumlah"), rows, widths=(130, 50), numeric=(1,))
    _subheading(pdf, "Dibanding pekan-pekan sebelumnya")
    header = ("Pekan", "Artikel", *(name for _, name in family_names(summary)))
    trend_rows = [
        (f"{t.week} ({format_date_range_id(t.start, t.last_day)})", format_number_id(t.articles),
         *(_count_and_share(t.label_count(code), t.share(code), t.denominator)
           for code, _ in family_names(summary)))
        for t in summary.trend
    ]
    _table(pdf, header, trend_rows, widths=(70, 25, 42, 43), numeric=(1, 2, 3))
    _chart(pdf, trend)


def _count_and_share(count: int, share: float, denominator: int) -> str:
    """'3 (42,9%)'; a week without articles has no share: '0 (–)'."""
    return f"{format_number_id(count)} ({format_percent_id(share) if denominator else '–'})"


def _label_section(pdf: _ReportPDF, summary: WeeklySummary, chart: Chart | None) -> None:
    _heading(pdf, "Liputan per label")
    rows = [(row.name, format_number_id(row.count), format_percent_id(row.share))
            for row in summary.by_label if row.count or row.is_family]
    _table(pdf, ("Label", "Artikel", "Pangsa"), rows, widths=(120, 30, 30), numeric=(1, 2))
    _note(pdf, "Label tanpa artikel pekan ini tidak dicantumkan di PDF; lihat laporan HTML untuk daftar "
               "lengkap.")
    _chart(pdf, chart)


def _outlet_section(pdf: _ReportPDF, summary: WeeklySummary, chart: Chart | None) -> None:
    _heading(pdf, "Liputan per media")
    header = ("Media", "Artikel", *(name for _, name in family_names(summary)))
    rows = [(row.name, format_number_id(row.articles), format_number_id(row.kekerasan),
             format_number_id(row.gender)) for row in summary.by_outlet]
    _table(pdf, header, rows, widths=(90, 30, 30, 30), numeric=(1, 2, 3))
    _chart(pdf, chart)


def _health_section(pdf: _ReportPDF, summary: WeeklySummary) -> None:
    _heading(pdf, "Kesehatan sumber")
    if not summary.quiet_sources:
        _paragraph(pdf, "Semua sumber yang terdaftar memuat artikel pekan ini seperti biasa.")
        return
    _paragraph(pdf, f"Perhatian: {format_number_id(len(summary.quiet_sources))} sumber sepi pekan ini. "
               "Turunnya liputan dari sumber ini bisa berarti pengumpulan berhenti, bukan berita yang "
               "berkurang.")
    for activity in summary.quiet_sources:
        _paragraph(pdf, "• " + health_line(activity))


def _stage_and_region_sections(pdf: _ReportPDF, summary: WeeklySummary) -> None:
    _heading(pdf, "Liputan per tahap")
    _table(pdf, ("Tahap", "Artikel", "Pangsa"),
           [(row.name, format_number_id(row.count), format_percent_id(row.share))
            for row in summary.by_stage],
           widths=(120, 30, 30), numeric=(1, 2))
    _heading(pdf, "Liputan per wilayah (dateline)")
    if summary.by_dateline:
        _table(pdf, ("Wilayah", "Artikel"),
               [(row.place if row.place is not None else "(tanpa dateline)", format_number_id(row.count))
                for row in summary.by_dateline], widths=(150, 30), numeric=(1,))
    else:
        _paragraph(pdf, "Tidak ada artikel pekan ini.")


def _stories_section(pdf: _ReportPDF, summary: WeeklySummary) -> None:
    _heading(pdf, "Cerita teratas")
    if not summary.top_stories:
        _paragraph(pdf, "Tidak ada cerita pekan ini.")
        return
    for index, story in enumerate(summary.top_stories, start=1):
        pdf.set_font(FONT, "B", 10)
        _paragraph(pdf, f"{index}. {one_line(story.title) or '(tanpa judul)'}")
        pdf.set_font(FONT, "", 9)
        first = format_datetime_id(story.first_published) if story.first_published else "tidak diketahui"
        families = f" [{', '.join(story.families)}]" if story.families else ""
        _paragraph(pdf, f"Jangkauan {format_number_id(story.reach)} media ({', '.join(story.outlets)}); "
                   f"{format_number_id(story.article_count)} artikel pekan ini; pertama terbit "
                   f"{first}{families}", colour=MUTED)
        pdf.ln(1)


def _quoted_section(pdf: _ReportPDF, summary: WeeklySummary) -> None:
    _heading(pdf, "Siapa yang dikutip")
    if not summary.quoted:
        _paragraph(pdf, "Tidak ada narasumber yang dikenali dalam artikel berlabel pekan ini.")
        return
    _table(pdf, ("Narasumber", "Artikel", "Media"),
           [(q.speaker, format_number_id(q.articles), ", ".join(q.outlets)) for q in summary.quoted],
           widths=(95, 20, 65), numeric=(1,))


def _articles_section(pdf: _ReportPDF, summary: WeeklySummary) -> None:
    _heading(pdf, "Daftar artikel per label")
    if not summary.articles_by_label:
        _paragraph(pdf, "Tidak ada artikel berlabel pekan ini.")
        return
    for group in summary.articles_by_label:
        _subheading(pdf, f"{group.name} ({format_number_id(len(group.articles))})")
        for item in group.articles:
            pdf.set_font(FONT, "", 8)
            _paragraph(pdf, f"{one_line(item.outlet)} · {format_datetime_id(item.published)}", colour=MUTED)
            pdf.set_font(FONT, "B", 9)
            _paragraph(pdf, one_line(item.title) or "(tanpa judul)", link=safe_href(item.url))
            pdf.set_font(FONT, "I" if item.excerpt.startswith("Cuplikan tidak ditampilkan") else "", 9)
            _paragraph(pdf, one_line(item.excerpt))
            pdf.ln(1.5)


def _method_section(pdf: _ReportPDF, summary: WeeklySummary) -> None:
    _heading(pdf, "Catatan metode")
    versions = ", ".join(summary.tagger_versions) or "tidak ada data"
    pdf.set_font(FONT, "", 9)
    for line in (
        "Pekan mengikuti kalender ISO, Senin 00.00 sampai Minggu 23.59 WIB, menurut waktu terbit artikel.",
        "Artikel: setiap berita dari satu media dihitung satu, termasuk salinan identik dan salinan kantor "
        "berita. Cerita: artikel tentang peristiwa yang sama, dihitung sekali; jangkauan = jumlah media yang "
        "memuatnya.",
        "Pangsa ternormalisasi = artikel berlabel ÷ seluruh artikel pekan itu "
        f"({format_number_id(summary.outlets_in_warehouse)} media terdaftar, "
        f"{format_number_id(summary.current.active_outlets)} memuat artikel pekan ini).",
        f"Label diberikan otomatis (versi penanda: {versions}), belum diperiksa manusia, dan bisa keliru.",
        "Cuplikan artikel tentang korban anak atau kekerasan seksual disamarkan (nama, inisial dengan usia, "
        "sekolah, desa atau alamat, hubungan keluarga) sesuai Pedoman Pemberitaan Ramah Anak; judul "
        "ditampilkan sebagaimana dimuat media.",
    ):
        _paragraph(pdf, "• " + line)
    if summary.undated_articles:
        _paragraph(pdf, f"• {format_number_id(summary.undated_articles)} artikel yang dikumpulkan pekan ini "
                   "tidak memiliki waktu terbit, sehingga tidak dihitung di pekan mana pun.")


# -- drawing helpers ----------------------------------------------------------------------------------------

def _heading(pdf: _ReportPDF, text: str) -> None:
    if pdf.get_y() > pdf.h - 45:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FONT, "B", 13)
    pdf.set_text_color(*ACCENT)
    _paragraph(pdf, text, height=7)
    pdf.set_draw_color(208, 215, 222)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(2)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, "", 10)


def _subheading(pdf: _ReportPDF, text: str) -> None:
    pdf.ln(1)
    pdf.set_font(FONT, "B", 10.5)
    _paragraph(pdf, text)
    pdf.set_font(FONT, "", 10)


def _paragraph(pdf: _ReportPDF, text: str, *, height: float = 5, colour: tuple[int, int, int] | None = None,
               link: str | None = None) -> None:
    if colour:
        pdf.set_text_color(*colour)
    pdf.multi_cell(0, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT, link=link or "")
    if colour:
        pdf.set_text_color(0, 0, 0)


def _note(pdf: _ReportPDF, text: str) -> None:
    pdf.set_font(FONT, "I", 8)
    _paragraph(pdf, text, colour=MUTED)
    pdf.set_font(FONT, "", 10)


def _table(pdf: _ReportPDF, header: Sequence[str], rows: Sequence[Sequence[str]], *, widths: Sequence[float],
           numeric: Sequence[int] = ()) -> None:
    pdf.set_font(FONT, "", 9)
    align = tuple("RIGHT" if index in numeric else "LEFT" for index in range(len(header)))
    with pdf.table(col_widths=tuple(widths), width=sum(widths), align="LEFT", text_align=align,
                   line_height=5, padding=1, headings_style=_headings_style(),
                   borders_layout="HORIZONTAL_LINES") as table:
        heading = table.row()
        for cell in header:
            heading.cell(cell)
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(one_line(value))
    pdf.ln(2)
    pdf.set_font(FONT, "", 10)


def _headings_style() -> FontFace:
    return FontFace(family=FONT, emphasis="BOLD", fill_color=(246, 248, 250))


def _chart(pdf: _ReportPDF, chart: Chart | None) -> None:
    """The chart at the page's width; a new page first when it would not fit."""
    if chart is None:
        return
    with Image.open(io.BytesIO(chart.png)) as image:
        width_px, height_px = image.size
    height_mm = CHART_WIDTH_MM * height_px / width_px
    if pdf.get_y() + height_mm > pdf.h - 18:
        pdf.add_page()
    pdf.image(chart.png, x=pdf.l_margin, w=CHART_WIDTH_MM, alt_text=chart.description)
    pdf.ln(2)

