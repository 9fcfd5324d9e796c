"""Warehouse benchmarks on the synthetic million-article warehouse: the figures the warehouse issue asks for.

    .venv/bin/sorot warehouse generate-synthetic --out /tmp/sorot-bench/warehouse.duckdb
    .venv/bin/python -m benchmarks.warehouse --warehouse /tmp/sorot-bench/warehouse.duckdb

Measures, on the published copy opened read-only as readers open it:
- the weekly report's queries (``weekly_summary``: totals for the week and the four before, labels, outlets,
  stages, places, top stories, article lists with masked excerpts, quoted speakers, source activity), and
  ``v_weekly_coverage`` for one week; target: under 1 s together;
- searches (one word, with a label and dates, several words); target: under 0.5 s each;
- exporting one month to Parquet (and CSV);
- size on disk;
and, on a scratch copy of the warehouse, load throughput: new articles through the real writer
(``WarehouseLoader``: de-duplication with MinHash LSH against every stored article), then the daily totals
and search index refresh, checkpoint and publish, as after every crawl. Each timing is the median of
``--repeat`` runs after one warm-up run (the first, cold run is reported too).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from sorot.warehouse.db import connect_reader, connect_writer
from sorot.warehouse.export import export_articles
from sorot.warehouse.publish import publish, published_path_for
from sorot.warehouse.queries import week_of, weekly_summary
from sorot.warehouse.search import search
from sorot.warehouse.views import refresh_reader_tables

SEARCHES = (
    ("penganiayaan", {}),
    ("penganiayaan", {"label": "kekerasan_fisik", "since": "year-start"}),
    ("kekerasan terhadap perempuan dan anak", {}),
    ("harga cabai", {"since": "month-start"}),
)


def timed(action: Callable[[], Any], repeat: int) -> dict[str, float]:
    """Cold (first) run, then the median of ``repeat`` more."""
    started = time.perf_counter()
    action()
    cold = time.perf_counter() - started
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append(time.perf_counter() - started)
    return {"cold_s": round(cold, 3), "median_s": round(statistics.median(runs), 3)}


class SqlTimer:
    """A connection stand-in that adds up the time spent running and fetching queries, to tell the weekly
    summary's SQL from its Python work (masking excerpts, finding quoted speakers)."""

    def __init__(self, con: Any) -> None:
        self.con, self.seconds, self.queries = con, 0.0, 0

    def execute(self, sql: str, parameters: Any = None) -> Fetched:
        started = time.perf_counter()
        result = self.con.execute(sql) if parameters is None else self.con.execute(sql, parameters)
        rows = result.fetchall()
        self.seconds += time.perf_counter() - started
        self.queries += 1
        return Fetched(rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


class Fetched:
    def __init__(self, rows: list[tuple]) -> None:
        self.rows = rows

    def fetchall(self) -> list[tuple]:
        return self.rows

    def fetchone(self) -> tuple | None:
        return self.rows[0] if self.rows else None


def reading(published: Path, repeat: int, scratch: Path) -> dict[str, Any]:
    con = connect_reader(published, search=True)
    try:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        latest = con.execute("SELECT max(published_at) FROM articles").fetchone()[0]
        week = week_of(latest - timedelta(days=7))  # the last complete week, as the Monday report does
        results: dict[str, Any] = {"articles": articles, "week": week}
        results["weekly_summary"] = timed(lambda: weekly_summary(con, week), repeat)
        sql_only = SqlTimer(con)
        weekly_summary(sql_only, week)  # type: ignore[arg-type]
        results["weekly_summary"]["of_which_sql_s"] = round(sql_only.seconds, 3)
        results["weekly_summary"]["queries"] = sql_only.queries
        results["v_weekly_coverage_week"] = timed(lambda: con.execute(
            "SELECT source_name, region, label, articles, outlet_articles, share FROM v_weekly_coverage "
            "WHERE iso_week = ?", [week]).fetchall(), repeat)
        results["weekly_report_total_median_s"] = round(
            results["weekly_summary"]["median_s"] + results["v_weekly_coverage_week"]["median_s"], 3)
        year_start = date(latest.year, 1, 1)
        month_start = date(latest.year, latest.month, 1)
        searches = []
        for query, options in SEARCHES:
            kwargs = dict(options)
            if kwargs.get("since") == "year-start":
                kwargs["since"] = year_start
            elif kwargs.get("since") == "month-start":
                kwargs["since"] = month_start
            hits = search(con, query, **kwargs)
            timing = timed(lambda q=query, k=kwargs: search(con, q, **k), repeat)
            options_shown = {k: str(v) for k, v in kwargs.items()}
            searches.append({"query": query, **options_shown, "hits": len(hits), **timing})
        results["search"] = searches
        previous = (month_start - timedelta(days=1)).replace(day=1)
        month_end = month_start - timedelta(days=1)
        for fmt in ("parquet", "csv"):
            runs = []
            for attempt in (1, 2):  # the first reads the month's texts from disk, the second from the cache
                out = scratch / f"export-{fmt}-{attempt}"
                started = time.perf_counter()
                exported = export_articles(con, out, fmt=fmt, since=previous, until=month_end)
                runs.append(round(time.perf_counter() - started, 2))
                size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
                shutil.rmtree(out)
            results[f"export_month_{fmt}"] = {"month": previous.strftime("%Y-%m"),
                                              "articles": exported.articles, "first_s": runs[0],
                                              "second_s": runs[1], "mb": round(size / 1e6, 1)}
    finally:
        con.close()
    return results


def sizes(warehouse: Path) -> dict[str, Any]:
    published = published_path_for(warehouse)
    result: dict[str, Any] = {"warehouse_gb": round(warehouse.stat().st_size / 1e9, 2)}
    if published.exists():
        result["published_gb"] = round(published.stat().st_size / 1e9, 2)
    con = connect_reader(published if published.exists() else warehouse)
    try:
        # compressed bytes per table, from the storage layout (block size times blocks, roughly)
        rows = con.execute(
            "SELECT table_name, estimated_size, column_count FROM duckdb_tables() "
            "ORDER BY estimated_size DESC"
        ).fetchall()
        result["rows"] = {f"{row[0]}": row[1] for row in rows[:8]}
        result["database_size"] = con.execute("PRAGMA database_size").fetchall()[0][:6]
    finally:
        con.close()
    return result


def _new_articles(count: int, start: datetime) -> list[Any]:
    """Processed articles as the pipeline hands them to the writer: demo texts at new URLs, tagged and
    faceted."""
    from sorot.models.rules import RuleTagger
    from sorot.pipeline.dedupe.hashing import content_hash
    from sorot.pipeline.facets import extract_facets
    from sorot.pipeline.process import ProcessedArticle

    tagger = RuleTagger()
    records = [json.loads(line) for line in (resources.files("sorot.demo") / "data" / "articles.jsonl")
               .read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if r.get("dataset") != "sorot-seed"]
    articles = []
    for k in range(count):
        record = records[k % len(records)]
        # a different last paragraph each time, so that most are new stories and some are near copies
        text = "\n\n".join(record["paragraphs"]) + f"\n\nBerita susulan nomor {k} dari redaksi daerah."
        title = record.get("title") or record["paragraphs"][0][:80]
        tagging = tagger.tag(title, text)
        dateline = re.match(r"^([A-Z][\w .'-]{1,40}?) \(ANTARA\) -", record["paragraphs"][0])
        facets = extract_facets(title, text, dateline.group(1) if dateline else None)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower())[:60]
        url = f"https://bench.sintetis.example/berita/{900000 + k}/{slug}"
        articles.append(ProcessedArticle(
            url=url, canonical_url=url, outlet="syn-nasional-1", outlet_name="Kabar Nasional 1 (sintetis)",
            title=title, published_at=start + timedelta(minutes=10 * k), modified_at=None,
            published_text=None,
            author=None, editor=None, dateline=dateline.group(1) if dateline else None, section=None, tags=[],
            text=text, language="id", is_wire_copy=False, wire_agency=None, content_hash=content_hash(text),
            labels=list(tagging.labels), tahap=tagging.tahap, tagger_version=tagging.tagger_version,
            extractor_version="benchmark", parser_version="benchmark", regions=list(facets.regions),
            quoted=list(facets.quoted),
        ))
    return articles


def loading(warehouse: Path, count: int, scratch: Path) -> dict[str, Any]:
    """A crawl's worth of new articles into a scratch copy: the writer's whole path after a crawl."""
    from sorot.warehouse.health import record_source_health
    from sorot.warehouse.loader import WarehouseLoader

    copy = scratch / "warehouse.duckdb"
    started = time.perf_counter()
    shutil.copyfile(warehouse, copy)
    copy_seconds = time.perf_counter() - started
    con = connect_writer(copy)
    try:
        latest = con.execute("SELECT max(published_at) FROM articles").fetchone()[0]
        articles = _new_articles(count, latest + timedelta(hours=1))
        loader = WarehouseLoader(con)
        started = time.perf_counter()
        # the first load of a process indexes the stored articles dated near the new ones (STORY_WINDOW_DAYS)
        loader._story_index(articles)
        warm_up = time.perf_counter() - started
        started = time.perf_counter()
        stats = loader.load(articles, run_id="benchmark")
        load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        record_source_health(con)
        health_seconds = time.perf_counter() - started
        refreshed = refresh_reader_tables(con)
        started = time.perf_counter()
        con.execute("CHECKPOINT")
        checkpoint_seconds = time.perf_counter() - started
    finally:
        con.close()
    started = time.perf_counter()
    publish(copy, scratch / "warehouse-published.duckdb")
    publish_seconds = time.perf_counter() - started
    return {
        "new_articles": stats.new_articles,
        "near_duplicates": stats.near_duplicates,
        "scratch_copy_s": round(copy_seconds, 1),
        "story_index_warm_up_s": round(warm_up, 1),
        "load_s": round(load_seconds, 2),
        "load_articles_per_s": round(stats.new_articles / load_seconds, 1) if load_seconds else None,
        "source_health_s": round(health_seconds, 2),
        "daily_totals_s": round(refreshed.daily_seconds, 2),
        "search_index": {"mode": refreshed.search.mode, "added": refreshed.search.added,
                         "seconds": round(refreshed.search.seconds, 2)},
        "checkpoint_s": round(checkpoint_seconds, 2),
        "publish_s": round(publish_seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", type=Path, required=True,
                        help="a synthetic warehouse (sorot warehouse generate-synthetic), "
                             "published beside it")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs after the cold one (default: 5)")
    parser.add_argument("--load-articles", type=int, default=1000,
                        help="new articles for the load benchmark; 0 skips it (default: 1000)")
    parser.add_argument("--scratch", type=Path,
                        help="where the scratch copy and exports go (default: a temp dir)")
    args = parser.parse_args(argv)
    published = published_path_for(args.warehouse)
    if not published.exists():
        parser.error(f"no published copy at {published}; generate the warehouse first")
    scratch = Path(tempfile.mkdtemp(prefix="sorot-bench-", dir=args.scratch))
    report: dict[str, Any] = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    try:
        report["size"] = sizes(args.warehouse)
        report["read"] = reading(published, args.repeat, scratch)
        if args.load_articles:
            report["load"] = loading(args.warehouse, args.load_articles, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(report, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
