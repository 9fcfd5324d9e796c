"""Structural invariants of the committed demo data (demo/data/articles.jsonl) and its attribution.

The holdout exclusion itself is asserted by scripts/build_demo_data.py at build time: the tests run
without the reference material, and a copy of the holdout list must not enter the project.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "demo" / "data"
CAPTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed-antara-kalteng-capture.txt"
SEED_URL = ("https://kalteng.antaranews.com/berita/834512/"
            "pemkot-palangka-raya-susun-rencana-aksi-pencegahan-kekerasan-terhadap-perempuan-dan-anak")
FIELDS = ("id", "dataset", "licence", "source_url", "site", "url", "title", "published", "date_text", "author",
          "editor", "section", "tags", "caption", "paragraphs", "kind", "syndicated_from")
LICENCES = {"indosum": "CC BY-SA 4.0", "detik-may2026": "MIT"}


def _load_build_script():
    """The build script is a maintainer tool, not a package: load it by path to reuse its keyword screen."""
    name = "_sorot_build_demo_data"
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "build_demo_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the script executes
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = (DATA_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def by_id(rows) -> dict[str, dict]:
    return {r["id"]: r for r in rows}


def test_sizes_match_the_selection_plan(rows):
    kinds = Counter((r["site"], r["kind"]) for r in rows)
    assert 110 <= kinds[("antara-kalteng", "original")] <= 130
    assert kinds[("antara-kalteng", "seed")] == 1
    assert 160 <= kinds[("detik", "original")] <= 180
    assert 8 <= kinds[("detik", "syndicated")] <= 12
    assert sum(kinds.values()) == len(rows)


def test_every_row_has_the_fields_and_unique_ids_and_urls(rows):
    for row in rows:
        assert all(field in row for field in FIELDS), row["id"]
        assert row["title"].strip() and row["author"].strip() and row["section"].strip()
        assert row["paragraphs"] and all(isinstance(p, str) and p.strip() for p in row["paragraphs"])
        assert isinstance(row["tags"], list) and row["tags"]
        assert row["site"] in {"antara-kalteng", "detik"}
        assert row["kind"] in {"original", "seed", "syndicated"}
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["url"] for r in rows}) == len(rows)


def test_licences_are_present_and_their_texts_ship(rows):
    for row in rows:
        assert row["licence"].strip(), row["id"]
        if row["dataset"] in LICENCES:
            assert row["licence"] == LICENCES[row["dataset"]]
        else:
            assert row["dataset"] == "sorot-seed" and "SEED-ARTICLE-NOTE" in row["licence"]
    licences = DATA_DIR / "LICENSES"
    assert "Attribution-ShareAlike 4.0 International" in (licences / "CC-BY-SA-4.0.txt").read_text("utf-8")
    mit = (licences / "MIT-detik-may2026.txt").read_text("utf-8")
    assert "MIT License" in mit and "Copyright (c)" in mit
    assert "© Kantor Berita ANTARA" in (licences / "SEED-ARTICLE-NOTE.md").read_text("utf-8")
    attribution = (DATA_DIR / "ATTRIBUTION.md").read_text("utf-8")
    for dataset in {r["dataset"] for r in rows}:
        assert f"`{dataset}`" in attribution
    assert "fictional" in attribution.lower() and "d-9xxxxxx" in attribution


def test_dates_are_wib_and_match_the_visible_text(rows):
    for row in rows:
        published = datetime.fromisoformat(row["published"])
        assert published.utcoffset() == timedelta(hours=7), row["id"]
        assert row["date_text"].endswith(" WIB")
        assert f"{published:%H:%M}" in row["date_text"]
        assert str(published.year) in row["date_text"]
    for row in rows:
        if row["site"] == "antara-kalteng" and row["kind"] == "original":
            assert 6 <= datetime.fromisoformat(row["published"]).hour <= 21


def test_kalteng_rows_live_on_the_kalteng_host_with_kalteng_ids(rows):
    numbers = []
    for row in (r for r in rows if r["site"] == "antara-kalteng"):
        m = re.fullmatch(r"https://kalteng\.antaranews\.com/berita/(\d{6})/[a-z0-9-]+", row["url"])
        assert m, row["url"]
        numbers.append(int(m.group(1)))
        assert row["editor"] is not None and row.get("footer_style") in {"standard", "glued"}
        if row["kind"] == "original":
            assert row["dataset"] == "indosum" and "antaranews.com" in row["source_url"]
            assert row["paragraphs"][0].find("(ANTARA News)") == -1
    assert all(83 * 10**4 <= n < 84 * 10**4 for n in numbers)
    assert sum(1 for r in rows if r.get("editor") == "") == 1
    assert sum(1 for r in rows if r.get("footer_style") == "glued") == 1


def test_detik_rows_keep_their_original_host_and_path(rows):
    for row in (r for r in rows if r["site"] == "detik" and r["kind"] == "original"):
        assert row["url"] == row["source_url"].split("?")[0]
        assert urlsplit(row["url"]).hostname.endswith(".detik.com")
        assert re.search(r"/d-\d{7}/", row["url"])
        assert row["editor"] is None and row["author"].startswith("Tim detik")
        assert not re.search(r"\([a-z]{2,4}/[a-z]{2,4}\)\s*$", row["paragraphs"][-1])  # the page adds initials
        assert max(len(p) for p in row["paragraphs"]) < 2000


def test_seed_row_holds_the_capture_verbatim(by_id):
    (seed,) = [r for r in by_id.values() if r["kind"] == "seed"]
    capture = [line for line in CAPTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert seed["paragraphs"] == capture
    assert seed["url"] == SEED_URL
    assert seed["title"] == "Pemkot Palangka Raya susun rencana aksi pencegahan kekerasan terhadap perempuan dan anak"
    assert seed["published"] == "2024-09-04T15:30:00+07:00"
    assert seed["date_text"] == "Rabu, 4 September 2024 15:30 WIB"
    assert seed["author"] and seed["editor"]


def test_syndicated_rows_point_at_originals_and_are_light_copies(rows, by_id):
    copies = [r for r in rows if r["kind"] == "syndicated"]
    edits = Counter()
    for copy in copies:
        original = by_id[copy["syndicated_from"]]
        assert copy["id"] == f"{original['id']}-syn"
        assert original["kind"] in {"original", "seed"} and original["site"] == "antara-kalteng"
        assert re.fullmatch(r"https://news\.detik\.com/berita/d-9\d{6}/[a-z0-9-]+", copy["url"])
        assert (copy["dataset"], copy["licence"]) == (original["dataset"], original["licence"])
        assert re.match(r"^[^()]+ \(ANTARA\) - \S", copy["paragraphs"][0])
        delay = datetime.fromisoformat(copy["published"]) - datetime.fromisoformat(original["published"])
        assert timedelta(hours=1) <= delay <= timedelta(hours=8)
        original_words = set(" ".join(original["paragraphs"]).split())
        copy_words = set(" ".join(copy["paragraphs"]).split())
        assert len(copy_words - original_words) <= 2  # a light edit adds at most a reworded verb
        if copy["light_edit"] in {"drop_last", "drop_middle"}:
            story = [p for p in original["paragraphs"] if "Baca juga" not in p]
            assert len(copy["paragraphs"]) == len(story) - 1
        if copy["light_edit"]:
            edits[copy["light_edit"]] += 1
    assert 8 <= len(copies) <= 12
    assert sum(edits.values()) >= 2 and len(edits) >= 2
    seed_id = next(i for i, r in by_id.items() if r["kind"] == "seed")
    assert any(c["syndicated_from"] == seed_id for c in copies)
    assert sum(1 for c in copies if c["title"].lower() != by_id[c["syndicated_from"]]["title"].lower()) >= 2


def test_enough_rows_are_flagged_by_the_keyword_screen(rows):
    screen = _load_build_script().screen_terms
    flagged = [r for r in rows if screen(r["title"], "\n".join(r["paragraphs"]))]
    assert len(flagged) >= 60
    unflagged = len(rows) - len(flagged)
    assert unflagged >= 60  # negatives, as a real feed has them
    assert screen("Polisi tangkap pelaku penganiayaan", "") == ["penganiayaan"]
    assert screen("Harga cabai naik", "Anak usaha BUMN itu mencatat laba.") == []
