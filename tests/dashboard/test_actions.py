"""Staff actions: stored at once, shown at once, merged into the warehouse by the writer, seen by training."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.testclient import TestClient

from sorot.dashboard.merge import apply_staff_actions
from sorot.dashboard.store import StaffStore, store_path
from sorot.warehouse.corrections import corrections_for_training
from sorot.warehouse.db import connect_reader, connect_writer

from .conftest import csrf_from
from .warehouse_factory import WEEK_START, Article, load_more


def _correct(client: TestClient, article_id: str, **data: str) -> None:
    token = csrf_from(client.get(f"/articles/{article_id}").text)
    response = client.post(f"/articles/{article_id}/labels", data={"csrf_token": token, **data})
    assert response.status_code == 303, response.text


def _review(client: TestClient, article_id: str) -> None:
    token = csrf_from(client.get(f"/articles/{article_id}").text)
    assert client.post(f"/articles/{article_id}/review", data={"csrf_token": token}).status_code == 303


def _labels_in(page: str) -> list[str]:
    return re.findall(r'<li data-label="([^"]+)"', page)


def test_a_correction_shows_at_once_and_reaches_the_warehouse(staff: TestClient, data_dir: Path) -> None:
    _correct(staff, "a-violence-1", add="kdrt", remove="", note="suami istri")
    assert "kdrt" in _labels_in(staff.get("/articles/a-violence-1").text)
    listed = staff.get("/articles", params={"label": "kdrt"}).text
    assert 'data-article="a-violence-1"' in listed  # the list's label filter sees the pending correction

    load_more(data_dir, [], store_path(data_dir))
    con = connect_reader(data_dir / "warehouse-published.duckdb")
    try:
        labels = {r[0] for r in con.execute("SELECT label FROM article_labels WHERE article_id = 'a-violence-1'"
                                            ).fetchall()}
        note, who = con.execute("SELECT note, corrected_by FROM label_corrections").fetchone()
    finally:
        con.close()
    assert "kdrt" in labels and (note, who) == ("suami istri", "staf")
    assert StaffStore(store_path(data_dir)).corrections(pending_only=True) == []
    assert "kdrt" in _labels_in(staff.get("/articles/a-violence-1").text)  # same after the publish


def test_removing_a_label_takes_the_article_out_of_that_filter(staff: TestClient, data_dir: Path) -> None:
    _correct(staff, "a-gender", remove="gender")
    assert 'data-article="a-gender"' not in staff.get("/articles", params={"label": "gender"}).text
    assert _labels_in(staff.get("/articles/a-gender").text) == []


def test_review_marks_show_at_once_and_reach_the_warehouse(staff: TestClient, data_dir: Path) -> None:
    _review(staff, "a-child")
    page = staff.get("/articles/a-child").text
    assert 'id="review-state"' in page and "staf" in page
    assert re.findall(r'<tr data-article="([^"]+)"', staff.get("/articles", params={"reviewed": "yes"}).text) == [
        "a-child"]
    load_more(data_dir, [], store_path(data_dir))
    con = connect_reader(data_dir / "warehouse-published.duckdb")
    try:
        assert con.execute("SELECT article_id, reviewed_by FROM article_reviews").fetchall() == [("a-child", "staf")]
    finally:
        con.close()
    assert 'data-article="a-child"' not in staff.get("/articles", params={"reviewed": "no", "label": ""}).text


def test_merged_corrections_feed_training(data_dir: Path) -> None:
    store = StaffStore(store_path(data_dir))
    store.add_correction("a-plain", ["kekerasan_psikis"], [], "ancaman", "staf")
    con = connect_writer(data_dir / "warehouse.duckdb")
    try:
        summary = apply_staff_actions(con, store_path(data_dir))
        corrected = corrections_for_training(con)
    finally:
        con.close()
    assert summary.corrections == 1
    assert [(c.article_id, c.labels) for c in corrected] == [("a-plain", ("kekerasan", "kekerasan_psikis"))]


def test_a_correction_the_warehouse_refuses_is_marked_not_retried(data_dir: Path) -> None:
    store = StaffStore(store_path(data_dir))
    store.add_correction("gone-article", ["kdrt"], [], None, "staf")
    con = connect_writer(data_dir / "warehouse.duckdb")
    try:
        first = apply_staff_actions(con, store_path(data_dir))
        second = apply_staff_actions(con, store_path(data_dir))
    finally:
        con.close()
    assert (first.failed, second.failed) == (1, 0)
    assert "no stored article" in (store.corrections()[0].merge_error or "")


def test_no_store_means_nothing_to_merge(tmp_path: Path, data_dir: Path) -> None:
    con = connect_writer(data_dir / "warehouse.duckdb")
    try:
        assert apply_staff_actions(con, tmp_path / "missing.sqlite").corrections == 0
    finally:
        con.close()


def test_new_articles_show_after_the_next_publish_without_a_restart(staff: TestClient, data_dir: Path) -> None:
    assert "Banjir rob" not in staff.get("/articles", params={"label": ""}).text
    fresh = Article("a-fresh", "Banjir rob dan kekerasan di pengungsian", "Seorang pengungsi dianiaya di Sampit.",
                    "borneo-news", WEEK_START + timedelta_days(5), {"kekerasan": []}, ["Kalimantan Tengah"],
                    tahap="kejadian")
    load_more(data_dir, [fresh])  # the pipeline loads and publishes while the dashboard keeps serving
    page = staff.get("/articles", params={"label": ""}).text
    assert "Banjir rob" in page
    assert staff.get("/articles/a-fresh").status_code == 200


def timedelta_days(days: int):
    from datetime import timedelta

    return timedelta(days=days)
