"""The researchers' notebooks run against a fresh demo warehouse and draw their charts, so they never rot."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import duckdb
import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def demo_warehouse(tmp_path_factory) -> Path:
    """`sorot demo` into a temporary data directory: the published copy the notebooks read."""
    data = tmp_path_factory.mktemp("demo-data")
    result = subprocess.run([sys.executable, "-m", "sorot.pipeline.cli", "--data-dir", str(data), "demo"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    published = data / "warehouse-published.duckdb"
    assert published.exists()
    return published


def test_there_are_three_notebooks():
    assert sorted(path.name for path in NOTEBOOKS.glob("*.ipynb")) == [
        "01_coverage_over_time.ipynb", "02_violence_by_region_and_stage.ipynb",
        "03_wire_syndication_and_reach.ipynb"]


@pytest.mark.parametrize("name", sorted(path.name for path in NOTEBOOKS.glob("*.ipynb")))
def test_notebook_runs_and_draws_its_charts(name, demo_warehouse, monkeypatch):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "commit notebooks without outputs"
    monkeypatch.setenv("SOROT_WAREHOUSE", str(demo_warehouse))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.get("output_type") == "error"]
    images = [base64.b64decode(output["data"]["image/png"]) for output in outputs
              if "image/png" in output.get("data", {})]
    assert len(images) >= 2
    assert all(image.startswith(PNG_SIGNATURE) and len(image) > 5000 for image in images)
    # the notebook read the demo warehouse it was given, not a stale one
    con = duckdb.connect(str(demo_warehouse), read_only=True)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    printed = "".join(output.get("text", "") for output in outputs if output.get("output_type") == "stream")
    assert f"{demo_warehouse} {articles} articles" in printed
