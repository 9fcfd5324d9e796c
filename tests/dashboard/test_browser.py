"""The whole morning routine in headless Chromium: log in, filter, open, correct, review, export, then merge."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sorot.dashboard.store import store_path
from sorot.warehouse.db import connect_reader

from .browser import browser_page, serving
from .conftest import STAFF_PASSWORD
from .warehouse_factory import load_more


def test_staff_routine_in_a_real_browser(data_dir: Path, tmp_path: Path) -> None:
    with serving(data_dir) as base, browser_page() as page:
        page.goto(base + "/articles")
        assert page.url.startswith(base + "/login")
        page.fill("input[name=username]", "staf")
        page.fill("input[name=password]", STAFF_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(base + "/articles")

        page.select_option("select[name=week]", "")
        page.select_option("select[name=label]", "kekerasan")
        page.select_option("select[name=region]", "Kalimantan Tengah")
        page.click("#filters button[type=submit]")
        page.wait_for_load_state()
        rows = page.locator("tr[data-article]")
        assert sorted(rows.evaluate_all("rows => rows.map(r => r.dataset.article)")) == [
            "a-child", "a-older", "a-violence-1", "a-violence-wire"]

        page.click("tr[data-article='a-violence-1'] a.title")
        page.wait_for_url(base + "/articles/a-violence-1")
        assert page.locator("#article-body mark").count() >= 1
        assert page.evaluate("() => window.__pwned === undefined")

        page.select_option("#add-label", "kdrt")
        page.fill("#note", "pelaku suami korban")
        page.click("#save-correction")
        page.wait_for_url("**/articles/a-violence-1?notice=correction_saved")
        assert page.locator("#labels li[data-label='kdrt']").count() == 1

        page.click("#mark-reviewed")
        page.wait_for_url("**/articles/a-violence-1?notice=review_saved")
        assert page.locator("#review-state").is_visible()

        page.goto(base + "/articles?label=kdrt&region=Kalimantan+Tengah")
        assert page.locator("tr[data-article='a-violence-1'] td.reviewed").inner_text().strip() == "✓"
        with page.expect_download() as download_info:
            page.click("#export-csv")
        saved = tmp_path / "export.csv"
        download_info.value.save_as(saved)
        rows_csv = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
        exported = {r[0]: r for r in rows_csv[1:]}
        assert set(exported) == {"a-violence-1", "a-older"}  # a-older carried kdrt already
        assert "Kekerasan dalam rumah tangga (KDRT)" in exported["a-violence-1"][5]
        assert exported["a-violence-1"][10] == "ya" and exported["a-older"][10] == "tidak"

        page.goto(base + "/articles/a-xss")
        assert page.evaluate("() => window.__pwned === undefined")  # scraped script never ran

    load_more(data_dir, [], store_path(data_dir))  # the next ingest merges the staff actions, then publishes
    con = connect_reader(data_dir / "warehouse-published.duckdb")
    try:
        corrections = con.execute("SELECT article_id, added, corrected_by, note FROM label_corrections").fetchall()
        labels = {r[0] for r in con.execute(
            "SELECT label FROM article_labels WHERE article_id = 'a-violence-1'").fetchall()}
        reviews = con.execute("SELECT article_id, reviewed_by FROM article_reviews").fetchall()
    finally:
        con.close()
    assert corrections == [("a-violence-1", ["kdrt"], "staf", "pelaku suami korban")]
    assert "kdrt" in labels
    assert reviews == [("a-violence-1", "staf")]
