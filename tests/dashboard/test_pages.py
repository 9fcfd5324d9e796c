"""The pages show what staff need: filters, the article with evidence and masking, story, report, exports."""

from __future__ import annotations

import csv
import io
import re

from openpyxl import load_workbook
from starlette.testclient import TestClient

from .warehouse_factory import WEEK


def _ids(html: str) -> list[str]:
    return re.findall(r'<tr data-article="([^"]+)"', html)


def test_first_visit_lists_this_weeks_on_topic_articles(staff: TestClient) -> None:
    page = staff.get("/articles")
    assert page.status_code == 200
    assert set(_ids(page.text)) == {"a-violence-1", "a-violence-wire", "a-child", "a-gender", "a-xss"}


def test_filters_by_label_region_outlet_stage_wire_and_dates(staff: TestClient) -> None:
    assert set(_ids(staff.get("/articles", params={"label": "kekerasan", "region": "Kalimantan Tengah"}).text)) == {
        "a-violence-1", "a-violence-wire", "a-child", "a-older"}
    assert _ids(staff.get("/articles", params={"week": WEEK, "label": "kekerasan", "wire": "yes"}).text) == [
        "a-violence-wire"]
    assert set(_ids(staff.get("/articles", params={"outlet": "kabar-jabar"}).text)) == {"a-gender", "a-xss",
                                                                                     "a-plain"}
    assert _ids(staff.get("/articles", params={"stage": "proses_hukum"}).text) == ["a-older"]
    assert _ids(staff.get("/articles", params={"since": "2024-08-26", "until": "2024-09-01"}).text) == ["a-older"]
    assert _ids(staff.get("/articles", params={"label": "kesetaraan_gender"}).text) == ["a-gender"]


def test_full_text_search_uses_indonesian_stemming(staff: TestClient) -> None:
    found = _ids(staff.get("/articles", params={"q": "penganiayaan"}).text)
    assert {"a-violence-1", "a-violence-wire", "a-older"} <= set(found)  # "dianiaya" matches too
    assert "a-plain" not in found
    assert _ids(staff.get("/articles", params={"q": "cabai"}).text) == ["a-plain"]


def test_overview_compares_this_week_with_previous_weeks(staff: TestClient) -> None:
    page = staff.get("/", params={"week": WEEK})
    assert page.status_code == 200
    assert WEEK in page.text and "Kalimantan Tengah" in page.text and "Borneo News" in page.text
    assert "<svg" in page.text
    cards = re.findall(r'<a class="card"[^>]*><b>(\d+)</b>', page.text)
    assert cards == ["5", "5", "1"]  # on topic, not reviewed yet, wire copies


def test_article_page_highlights_evidence_and_shows_story_and_sources(staff: TestClient) -> None:
    page = staff.get("/articles/a-violence-1").text
    assert '<mark data-label="kekerasan" title="kekerasan">dianiaya</mark>' in page
    assert "Budi Santoso" in page and "Kapolresta" in page
    assert "ANTARA Kalimantan Tengah" in page  # the other outlet in its story
    assert 'href="https://borneo-news.example/a-violence-1"' in page


def test_sensitive_article_text_is_masked(staff: TestClient) -> None:
    page = staff.get("/articles/a-child").text
    body = page[page.index('id="article-body"'):page.index("</div>", page.index('id="article-body"'))]
    assert "Melati" not in body and "Joko Susilo" not in body and "Sukamaju" not in body
    assert "[nama disamarkan]" in body or "Cuplikan tidak ditampilkan" in body
    quoted = page[page.index("Narasumber"):]
    assert "Joko Susilo" not in quoted and "Melati" not in quoted


def test_english_is_available(staff: TestClient) -> None:
    page = staff.get("/articles", params={"lang": "en"})
    assert "Export CSV" in page.text and "sorot_lang=en" in page.headers["set-cookie"]
    assert "Export CSV" in staff.get("/articles").text  # remembered
    assert "Ekspor CSV" in staff.get("/articles", params={"lang": "id"}).text


def test_exports_hold_the_filtered_list_and_defuse_formulas(staff: TestClient) -> None:
    response = staff.get("/export.csv", params={"week": WEEK, "outlet": "kabar-jabar"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "id_artikel" and {r[0] for r in rows[1:]} == {"a-gender", "a-xss", "a-plain"}
    workbook = load_workbook(io.BytesIO(staff.get("/export.xlsx", params={"week": WEEK}).content))
    sheet = workbook.active
    assert sheet.max_row == 7 and sheet["A1"].value == "id_artikel"


def test_csv_cells_starting_like_formulas_are_quoted() -> None:
    from sorot.dashboard.exports import to_csv
    from sorot.dashboard.queries import ListRow

    row = ListRow("x", "=HYPERLINK(\"http://evil\")", "https://a.example/x", None, "s", "@outlet", False, None,
                  "lainnya", (), (), False, False)
    text = to_csv([row]).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@outlet" in text


def test_this_weeks_report_opens(staff: TestClient) -> None:
    response = staff.get("/report", params={"week": WEEK})
    assert response.status_code == 200 and "<html" in response.text.lower()
    assert "script-src" not in response.headers["content-security-policy"]


def test_admin_manages_users(admin: TestClient) -> None:
    from .conftest import csrf_from

    token = csrf_from(admin.get("/admin/users").text)
    assert admin.post("/admin/users", data={"csrf_token": token, "username": "baru", "password": "password-baru-1",
                                            "role": "staff"}).status_code == 303
    assert "baru" in admin.get("/admin/users").text
    assert admin.post("/admin/users/remove", data={"csrf_token": token, "username": "baru"}).status_code == 303
    assert "baru" not in admin.get("/admin/users").text
    assert "Borneo News" in admin.get("/admin/sources").text


def test_export_of_an_unfiltered_list_exports_all_articles(staff: TestClient) -> None:
    page = staff.get("/articles", params={"label": ""}).text
    link = re.search(r'id="export-csv" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    rows = list(csv.reader(io.StringIO(staff.get(link).content.decode("utf-8-sig"))))
    assert len(rows) - 1 == 7
