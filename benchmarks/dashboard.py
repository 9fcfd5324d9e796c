"""Dashboard benchmark: page latency on the synthetic warehouse (default: 1 million articles).

    .venv/bin/python -m benchmarks.dashboard [--warehouse PATH/warehouse.duckdb] [--articles 1000000] [--runs 15]

Without ``--warehouse`` it generates the synthetic warehouse (``sorot.warehouse.synthetic``) in a temporary
folder first, which takes a while at a million articles; pass the file `sorot warehouse generate-synthetic`
wrote to reuse one (its published copy beside it is read). Requests go through the whole application
in-process (routing, session check, queries, pending-action overlay, templates) with Starlette's test client, so
the figures are the server's time per page without network. Prints the median and the 95th percentile per page.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from sorot.dashboard.accounts import add_account
from sorot.dashboard.app import create_app
from sorot.dashboard.store import StaffStore, store_path
from sorot.warehouse.publish import published_path_for

PASSWORD = "benchmark-password"
TARGET_MS = 300.0


def _pages(client: TestClient) -> dict[str, str]:
    listing = client.get("/articles").text
    week = re.search(r'<option value="(\d{4}-W\d\d)" selected', listing)
    week = week.group(1) if week else ""
    article = re.search(r'href="/articles/([^"?]+)"', listing)
    region = re.search(r'<select name="region">.*?<option value="([^"]+)"', listing, re.S)
    outlet = re.search(r'<select name="outlet">.*?<option value="([^"]+)"', listing, re.S)
    return {
        "overview": "/",
        "list: this week, any topic (first visit)": "/articles",
        "list: label + region, this week": f"/articles?week={week}&label=kekerasan&region="
                                            f"{region.group(1) if region else ''}",
        "list: all articles, no filter": "/articles?label=",
        "list: outlet + wire + not reviewed, all time": f"/articles?label=&outlet={outlet.group(1) if outlet else ''}"
                                                        "&wire=yes&reviewed=no",
        "list: date range + stage": "/articles?since=2025-01-01&until=2025-03-31&stage=proses_hukum",
        "list: page 20 of all articles": "/articles?label=&page=20",
        "list: full-text search": "/articles?label=&q=penganiayaan+anak",
        "article page": f"/articles/{article.group(1)}" if article else "/articles",
        "export CSV (this week, any topic)": f"/export.csv?week={week}&label=%2A",
    }


def measure(data_dir: Path, published: Path, runs: int) -> list[tuple[str, float, float]]:
    store = StaffStore(store_path(data_dir))
    if store.user("bench") is None:
        add_account(store, "bench", PASSWORD, "staff")
    client = TestClient(create_app(data_dir, warehouse_path=published), follow_redirects=False)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
    # a pending correction and review, so the overlay path is measured too
    store.add_correction("no-such-article", ["kdrt"], [], None, "bench")
    results = []
    for name, url in _pages(client).items():
        client.get(url)  # warm: first touch of the columns it reads
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        times.sort()
        results.append((name, statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, help="an existing synthetic warehouse (its published copy is read)")
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.warehouse is None:
            from sorot.warehouse.synthetic import SyntheticSpec, generate_synthetic_warehouse

            warehouse = Path(folder) / "warehouse.duckdb"
            generate_synthetic_warehouse(warehouse, SyntheticSpec(articles=args.articles))
        else:
            warehouse = args.warehouse
        published = published_path_for(warehouse)
        import duckdb

        with duckdb.connect(str(published), read_only=True) as con:
            articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        print(f"dashboard benchmark: {articles:,} articles, {args.runs} runs per page (after one warm-up)")
        print(f"{'page':48} {'median ms':>10} {'p95 ms':>8}")
        slow = 0
        for name, median, p95 in measure(data_dir, published, args.runs):
            slow += median > TARGET_MS
            print(f"{name:48} {median:10.1f} {p95:8.1f}")
        print(f"target: list and overview pages under {TARGET_MS:.0f} ms; pages over it: {slow}")


if __name__ == "__main__":
    main()
