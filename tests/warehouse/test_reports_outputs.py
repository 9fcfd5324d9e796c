"""`sorot report` end to end on a data directory: HTML and PDF, their numbers against SQL, filters, who was
quoted and the source-health note."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import lxml.html
import pytest
from pypdf import PdfReader

from sorot.pipeline.cli import main
from sorot.warehouse.queries import ReportFilter, weekly_summary
from sorot.warehouse.reports.charts import render_charts

from ..test_digest_smtp import build_data_dir
from . import SCRIPT_TITLE, WEEK, build_sample_warehouse, insert_article, refresh_stories, wib

IN_W36 = ("a.published_at >= TIMESTAMPTZ '2024-09-02 00:00:00+07' "
          "AND a.published_at < TIMESTAMPTZ '2024-09-09 00:00:00+07'")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_data_dir(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def published(data_dir: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(data_dir / "warehouse-published.duckdb"), read_only=True)
    yield con
    con.close()


def sorot(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def count(con: duckdb.DuckDBPyConnection, where: str = "TRUE") -> int:
    return int(con.execute(f"SELECT count(*) FROM articles a WHERE {IN_W36} AND {where}").fetchone()[0])


def labelled(con: duckdb.DuckDBPyConnection, label: str) -> int:
    return count(con, f"EXISTS (SELECT 1 FROM article_labels l WHERE l.article_id = a.article_id "
                      f"AND l.label = '{label}')")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_html_and_pdf_reports_for_the_week_show_the_warehouse_numbers(
        data_dir: Path, published: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    assert sorot(data_dir, "report", "--week", WEEK) == 0
    assert sorot(data_dir, "report", "--week", WEEK, "--format", "pdf") == 0
    html_path = data_dir / "reports" / f"laporan-{WEEK}.html"
    pdf_path = data_dir / "reports" / f"laporan-{WEEK}.pdf"

    tree = lxml.html.fromstring(html_path.read_text(encoding="utf-8"))
    assert int(tree.get_element_by_id("jumlah-artikel").text_content()) == count(published) == 7
    assert int(tree.get_element_by_id("jumlah-kekerasan").text_content()) == labelled(published, "kekerasan")
    assert SCRIPT_TITLE in tree.text_content() and "<script" not in html_path.read_text(encoding="utf-8")

    assert pdf_path.read_bytes().startswith(b"%PDF-")
    text = pdf_text(pdf_path)
    assert "Sorot: liputan pekan 2024-W36 (2–8 September 2024)" in text
    stories = int(published.execute(f"SELECT count(DISTINCT story_id) FROM articles a WHERE {IN_W36}")
                  .fetchone()[0])
    wire = count(published, "a.is_wire_copy")
    for line in (f"Artikel {count(published)}", f"Cerita {stories}", f"Salinan kantor berita {wire}",
                 f"Kekerasan (42,9%) {labelled(published, 'kekerasan')}",
                 f"Gender dan hak anak (28,6%) {labelled(published, 'gender')}"):
        assert line in text, line
    assert SCRIPT_TITLE in text  # drawn as text, never interpreted
    assert "SD Negeri 7 Menteng" not in text and "[sekolah disamarkan]" in text

    # the same week again gives the same bytes (no timestamps), in both formats
    again = tmp_path / "again.pdf"
    assert sorot(data_dir, "report", "--week", WEEK, "--out", str(again)) == 0
    assert again.read_bytes() == pdf_path.read_bytes()


def test_filters_narrow_every_number(data_dir: Path, published: duckdb.DuckDBPyConnection) -> None:
    assert sorot(data_dir, "report", "--week", WEEK, "--source", "detik") == 0
    tree = lxml.html.parse(str(data_dir / "reports" / f"laporan-{WEEK}-detik.html")).getroot()
    detik = count(published, "source_id = 'detik'")
    assert int(tree.get_element_by_id("jumlah-artikel").text_content()) == detik
    assert [row.get("data-media") for row in tree.xpath("//tr[@data-media]")] == ["detikcom"]
    assert "media: detik" in tree.get_element_by_id("filter").text_content()

    summary = weekly_summary(published, WEEK, filters=ReportFilter(labels=("kekerasan",)))
    assert summary.total_articles == labelled(published, "kekerasan")
    violence = labelled(published, "kekerasan")
    assert summary.current.share("kekerasan") == pytest.approx(violence / count(published))
    assert {item.article_id for group in summary.articles_by_label for item in group.articles} == {"a1", "a2",
                                                                                                   "a4"}
    by_dateline = weekly_summary(published, WEEK, filters=ReportFilter(regions=("sampit",)))
    assert by_dateline.total_articles == count(published, "a.dateline = 'Sampit'") == 1
    by_outlet_region = weekly_summary(published, WEEK, filters=ReportFilter(regions=("Kalimantan Tengah",)))
    assert by_outlet_region.total_articles == count(published, "a.source_id = 'antara-kalteng'")


def test_an_unknown_label_is_a_usage_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sorot(data_dir, "report", "--week", WEEK, "--label", "bukan_label") == 2
    assert "unknown label bukan_label" in capsys.readouterr().err


def test_a_source_that_went_quiet_is_noted(data_dir: Path) -> None:
    assert sorot(data_dir, "report", "--week", WEEK) == 0
    tree = lxml.html.parse(str(data_dir / "reports" / f"laporan-{WEEK}.html")).getroot()
    note = tree.get_element_by_id("kesehatan-sumber")
    quiet = note.xpath(".//li[@data-sumber]")
    assert [item.get("data-sumber") for item in quiet] == ["antara-kalbar"]
    assert "tidak ada artikel pekan ini" in quiet[0].text_content()
    assert "Rabu, 28 Agustus 2024" in quiet[0].text_content()  # its last article


def test_who_was_quoted_names_officials_never_victims_or_their_families(tmp_path: Path) -> None:
    con = build_sample_warehouse(tmp_path / "sorot.duckdb")
    insert_article(con, dict(
        article_id="q1", source_id="antara-kalteng", story_id="s-q1", published_at=wib(2024, 9, 6, 9),
        title="Siswi SMP di Sampit jadi korban pencabulan", dateline="Sampit", tahap="proses_hukum",
        url="https://kalteng.antaranews.com/berita/700010/siswi-smp-korban-pencabulan",
        text=('Sampit (ANTARA) - Seorang siswi berinisial RN (14) menjadi korban pencabulan. '
              '"Kami sudah menahan tersangka," kata Kasat Reskrim Polres Kotawaringin Timur AKP Bagus '
              'Prasetyo di Sampit, Jumat. Ibu korban, Sulastri (40), mengatakan anaknya trauma. '
              '"Anak saya tidak mau sekolah," ujar Sulastri. Menurut Kepala UPTD PPA Kotim Ratna Dewi, '
              'korban didampingi psikolog.'),
        labels=["kekerasan", "kekerasan_seksual", "korban_anak"]))
    refresh_stories(con)
    summary = weekly_summary(con, WEEK)
    con.close()
    speakers = {q.speaker: q for q in summary.quoted}
    assert "Kasat Reskrim Polres Kotawaringin Timur AKP Bagus Prasetyo" in speakers
    assert "Kepala UPTD PPA Kotim Ratna Dewi" in speakers
    assert not any("Sulastri" in name or "korban" in name.lower() for name in speakers)
    assert speakers["Kepala UPTD PPA Kotim Ratna Dewi"].outlets == ("ANTARA Kalimantan Tengah",)


def test_charts_are_pngs_drawn_the_same_way_every_time(published: duckdb.DuckDBPyConnection) -> None:
    summary = weekly_summary(published, WEEK)
    first, second = render_charts(summary), render_charts(summary)
    assert [chart.name for chart in first] == ["tren", "label", "media"]
    assert [chart.png for chart in first] == [chart.png for chart in second]
    assert all(chart.png.startswith(b"\x89PNG") for chart in first)
    assert re.search(r"kekerasan 42,9%", first[0].description)
