"""The current list as CSV or XLSX, for a meeting.

Titles and outlet names are scraped text: a cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or
carriage return) would run as a formula when opened in a spreadsheet, so such cells get a leading apostrophe
(OWASP's advice against CSV injection). XLSX cells are written as strings for the same reason.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

from sorot.models.taxonomy import LABEL_NAMES_ID, STAGE_NAMES_ID

from .queries import ListRow

HEADER = ("id_artikel", "tanggal_wib", "media", "judul", "tautan", "label", "tahap", "wilayah", "salinan_kantor_berita",
          "kantor_berita", "sudah_ditinjau", "dikoreksi")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _record(row: ListRow) -> list[str]:
    return [
        row.article_id,
        row.published_at.strftime("%Y-%m-%d %H:%M") if row.published_at else "",
        row.source_name or row.source_id or "",
        row.title or "",
        row.url,
        "; ".join(LABEL_NAMES_ID.get(label, label) for label in row.labels),
        STAGE_NAMES_ID.get(row.tahap, row.tahap),
        "; ".join(row.regions),
        "ya" if row.is_wire_copy else "tidak",
        row.wire_agency or "",
        "ya" if row.reviewed else "tidak",
        "ya" if row.corrected else "tidak",
    ]


def to_csv(rows: Sequence[ListRow]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel on Windows reads Indonesian text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([_safe(value) for value in _record(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: Sequence[ListRow]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Artikel"
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append([_safe(value) for value in _record(row)])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.data_type = TYPE_STRING
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJKL", (18, 17, 24, 60, 40, 40, 16, 24, 10, 12, 10, 10), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
