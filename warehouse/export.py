"""Exports for researchers: one row per article with its outlet's metadata, as Parquet or CSV.

Media Cloud's users ask most for complete exports with source metadata in every row, so that a file can be
analysed on its own: each row carries the outlet's name, type, region and home page next to the article's
labels, stage, victims, regions, story reach and (unless left out) its text. Parquet is partitioned by month
of publication in WIB (``articles/month=2024-09/...``), so a tool reads only the months it needs; CSV is one
file for spreadsheet users, with lists joined by ";". A ``manifest.json`` records the filters, the counts per
month, the schema version and what every column means, so that an export can be cited and reproduced.

Exports read the published copy: they never hold a lock on the file the pipeline writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb

from sorot.warehouse.db import schema_version

FORMATS = ("parquet", "csv")
WIB = ZoneInfo("Asia/Jakarta")

COLUMNS: dict[str, str] = {
    "article_id": "stable article id (first 16 hex digits of SHA-1 of the canonical URL)",
    "url": "the article's URL",
    "title": "headline",
    "published_at": "publication time (UTC in Parquet; ISO 8601 with +07:00 in CSV)",
    "published_date": "publication day in WIB",
    "iso_week": "ISO week of publication in WIB, e.g. 2024-W36",
    "month": "month of publication in WIB (YYYY-MM; 'undated' when unknown); the Parquet partition",
    "source_id": "outlet id",
    "source_name": "outlet name",
    "outlet_type": "wire (news agency), national or regional",
    "source_region": "province the outlet mainly covers (empty for national outlets)",
    "source_homepage": "outlet home page",
    "source_is_wire_agency": "true for ANTARA bureaus: other outlets' copies of their stories are wire "
                             "copies",
    "dateline": "place named at the start of the text",
    "author": "reporter",
    "section": "the outlet's section",
    "language": "detected language",
    "word_count": "words in the text",
    "story_id": "story (group of copies and near copies)",
    "story_outlets": "outlets carrying the story: its reach",
    "story_articles": "articles in the story",
    "is_wire_copy": "a non-agency outlet carrying an agency story",
    "wire_agency": "the agency of a wire copy",
    "exact_duplicate_of": "an earlier article with the same words",
    "tahap": "stage (kejadian, proses_hukum, layanan_korban, pencegahan, kebijakan, data, lainnya)",
    "labels": "topic labels (taxonomy v1), human corrections applied",
    "label_scores": "each label's confidence in [0, 1] (JSON object in CSV)",
    "victim_female": "a victim is a woman or girl (korban_perempuan)",
    "victim_child": "a victim is a child (korban_anak)",
    "victim_protected": "child victim or sexual violence: never republish identifying details",
    "provinces": "provinces the article is about",
    "regencies": "regencies and cities the article is about",
    "main_province": "the first province found (the dateline's when it names one)",
    "quoted_people": "people quoted",
    "corrected": "a person corrected the article's labels",
    "tagger_version": "version of the tagger or model that labelled it",
    "first_seen_at": "when Sorot stored it",
    "text": "the clean article text (left out with --no-text)",
}


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    format: str
    articles: int
    files: tuple[Path, ...]
    manifest: Path
    months: dict[str, int]


def _select(include_text: bool, window: str, view_window: str) -> str:
    """The export's rows: ``v_articles`` with the outlet's metadata, for the articles published in the window
    (``window`` on ``articles``, ``view_window`` the same on ``v``); texts are read only for those articles,
    never joined from the whole table."""
    text_in, text_out = (", text", ", a.text") if include_text else ("", "")
    return (
        "SELECT v.article_id, v.url, v.title, v.published_at, v.published_date, v.iso_week, "
        "       coalesce(strftime(v.published_date, '%Y-%m'), 'undated') AS month, "
        "       v.source_id, v.source_name, v.outlet_type, v.source_region, s.homepage AS source_homepage, "
        "       s.is_wire_agency AS source_is_wire_agency, v.dateline, v.author, v.section, v.language, "
        "       v.word_count, v.story_id, v.story_outlets, v.story_articles, v.is_wire_copy, v.wire_agency, "
        "       v.exact_duplicate_of, v.tahap, v.labels, v.label_scores, v.victim_female, v.victim_child, "
        "       v.victim_protected, v.provinces, v.regencies, v.main_province, v.quoted_people, v.corrected, "
        f"       v.tagger_version, v.first_seen_at{text_out} "
        f"FROM v_articles v JOIN (SELECT article_id{text_in} FROM articles WHERE {window}) a "
        "     ON a.article_id = v.article_id "
        f"LEFT JOIN sources s ON s.source_id = v.source_id WHERE {view_window}"
    )


def _csv_select(include_text: bool, rows: str) -> str:
    """CSV cells are text: lists joined by ";", scores as JSON, times with their WIB offset."""
    text = ", text" if include_text else ""
    return (
        "SELECT article_id, url, title, "
        "       strftime(timezone('Asia/Jakarta', published_at), '%Y-%m-%dT%H:%M:%S+07:00') AS published_at, "
        "       published_date, iso_week, month, source_id, source_name, outlet_type, source_region, "
        "       source_homepage, source_is_wire_agency, dateline, author, section, language, word_count, "
        "       story_id, story_outlets, story_articles, is_wire_copy, wire_agency, exact_duplicate_of, "
        "       tahap, array_to_string(labels, ';') AS labels, "
        "       coalesce(to_json(label_scores)::VARCHAR, '{}') AS label_scores, "
        "       victim_female, victim_child, victim_protected, array_to_string(provinces, ';') AS provinces, "
        "       array_to_string(regencies, ';') AS regencies, main_province, quoted_people, corrected, "
        "       tagger_version, "
        "       strftime(timezone('Asia/Jakarta', first_seen_at), '%Y-%m-%dT%H:%M:%S+07:00') AS first_seen_at"
        f"{text} FROM {rows}"
    )


def _literal(path: Path) -> str:
    """COPY takes its target as a literal, not a parameter: quote it."""
    return "'" + str(path).replace("'", "''") + "'"


def export_articles(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    *,
    fmt: str = "parquet",
    since: date | None = None,
    until: date | None = None,
    include_text: bool = True,
    on_progress: Callable[[str], None] = lambda line: None,
) -> ExportResult:
    """Write the articles published between ``since`` and ``until`` (WIB days, inclusive) to ``out_dir``.

    Without dates every article is exported, undated ones in month ``undated``. ``out_dir`` must be new or
    empty, so that an export never mixes with an older one.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if since and until and until < since:
        raise ValueError(f"--until ({until}) is before --since ({since})")
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty; export into a new directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    conditions, bounds = [], []
    if since:
        conditions.append("published_at >= ?")
        bounds.append(datetime.combine(since, time(0), WIB))
    if until:
        conditions.append("published_at < ?")
        bounds.append(datetime.combine(until + timedelta(days=1), time(0), WIB))
    window = " AND ".join(conditions) or "true"
    view_window = " AND ".join(f"v.{condition}" for condition in conditions) or "true"
    params = [*bounds, *bounds]  # the window applies to the texts, then to the view
    rows = f"({_select(include_text, window, view_window)}) export_rows"
    months = dict(con.execute(
        "SELECT coalesce(strftime(timezone('Asia/Jakarta', published_at), '%Y-%m'), 'undated') AS month, "
        f"count(*) FROM articles WHERE {window} GROUP BY month ORDER BY month", bounds).fetchall())
    on_progress(f"[export] {sum(months.values())} articles in {len(months)} month(s)")
    if fmt == "parquet":
        target = out_dir / "articles"
        con.execute(f"COPY (SELECT * FROM {rows} ORDER BY published_at, article_id) TO {_literal(target)} "
                    "(FORMAT parquet, PARTITION_BY (month), COMPRESSION zstd)", params)
        sources_file = out_dir / "sources.parquet"
        con.execute(f"COPY (SELECT * FROM sources ORDER BY source_id) TO {_literal(sources_file)} "
                    "(FORMAT parquet)")
        files = (*sorted(target.rglob("*.parquet")), sources_file)
    else:
        target = out_dir / "articles.csv"
        con.execute(f"COPY ({_csv_select(include_text, rows)} ORDER BY published_at, article_id) "
                    f"TO {_literal(target)} (HEADER, DELIMITER ',')", params)
        sources_file = out_dir / "sources.csv"
        con.execute(f"COPY (SELECT * FROM sources ORDER BY source_id) TO {_literal(sources_file)} "
                    "(HEADER, DELIMITER ',')")
        files = (target, sources_file)
    manifest = out_dir / "manifest.json"
    columns = {name: meaning for name, meaning in COLUMNS.items() if include_text or name != "text"}
    manifest.write_text(json.dumps({
        "generator": "sorot export",
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema_version": schema_version(con),
        "format": fmt,
        "filters": {"since": since.isoformat() if since else None,
                    "until": until.isoformat() if until else None,
                    "days_in": "Asia/Jakarta (WIB), inclusive"},
        "articles": sum(months.values()),
        "articles_per_month": months,
        "files": [str(path.relative_to(out_dir)) for path in files],
        "columns": columns,
        "note": "Article texts are the outlets' own work, for research use. Rows with victim_protected = "
                "true concern child victims or sexual violence: never republish details that could identify "
                "them.",
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return ExportResult(out_dir, fmt, sum(months.values()), tuple(files), manifest, months)
