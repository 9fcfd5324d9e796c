"""The `sorot` command line: analyze on saved pages, info, and clear errors instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from sorot.demo.site import ReplicaServer

CAPTURE = Path(__file__).parent / "fixtures" / "seed-antara-kalteng-capture.txt"
SEED_PATH = ("/berita/834512/"
             "pemkot-palangka-raya-susun-rencana-aksi-pencegahan-kekerasan-terhadap-perempuan-dan-anak")


def _sorot(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sorot.pipeline.cli", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def saved_pages(tmp_path_factory):
    """The seed page and a detik page, saved from the replica as a user would save them from a browser."""
    folder = tmp_path_factory.mktemp("pages")
    with ReplicaServer() as site:
        def fetch(host: str, path: str) -> bytes:
            request = urllib.request.Request(site.base_url + path, headers={"Host": host})
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.read()

        (folder / "seed.html").write_bytes(fetch("kalteng.antaranews.com", SEED_PATH))
    (folder / "not-html.pdf").write_bytes(b"%PDF-1.4\x00\x00binary")
    (folder / "empty.html").write_bytes(b"")
    return folder


def test_analyze_the_seed_page(saved_pages):
    result = _sorot("analyze", "--url", "https://kalteng.antaranews.com" + SEED_PATH, str(saved_pages / "seed.html"))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    paragraphs = record["text"].split("\n\n")
    capture = [line.strip() for line in CAPTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    body_lines = [line for line in capture[1:] if not line.startswith("Baca juga")]
    for line in set(body_lines):
        assert paragraphs.count(line) == 1, line
    assert len(paragraphs) == len(set(body_lines))
    for leak in ("Baca juga", "Pewarta", "COPYRIGHT", "Dilarang keras"):
        assert leak not in record["text"]
    assert record["author"] and "Pewarta" not in record["author"]
    assert record["editor"] is not None
    assert record["dateline"] == "Palangka Raya"
    assert record["published_at"] == "2024-09-04T15:30:00+07:00"
    assert record["outlet"] == "antara-kalteng"
    assert {"kekerasan", "gender"} <= {label["label"] for label in record["labels"]}
    assert record["canonical_url"] == "https://kalteng.antaranews.com" + SEED_PATH
    assert record["is_wire_copy"] is False


def test_analyze_without_url_finds_the_outlet_from_the_page(saved_pages):
    result = _sorot("analyze", str(saved_pages / "seed.html"))
    record = json.loads(result.stdout)
    assert record["outlet"] == "antara-kalteng"


def test_analyze_reports_broken_files_and_still_prints_the_others(saved_pages):
    files = [saved_pages / "not-html.pdf", saved_pages / "seed.html", saved_pages / "empty.html",
             saved_pages / "missing.html"]
    result = _sorot("analyze", *map(str, files))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in r) for r in records] == [True, False, True, True]
    assert "not HTML" in records[0]["error"]
    assert "Traceback" not in result.stderr
    assert result.returncode == 1


def test_info_json_names_paths_and_versions(tmp_path):
    result = _sorot("--data-dir", str(tmp_path / "data"), "info", "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["warehouse"].endswith("warehouse.duckdb")
    assert info["published"] is None
    assert info["versions"]["tagger"] and info["versions"]["trafilatura"]


def test_a_broken_config_file_is_a_clear_error(tmp_path):
    config = tmp_path / "sorot.toml"
    config.write_text("[paths\ndata_dir = ", encoding="utf-8")
    result = _sorot("--config", str(config), "info")
    assert result.returncode == 2
    assert "cannot read configuration" in result.stderr and "Traceback" not in result.stderr
