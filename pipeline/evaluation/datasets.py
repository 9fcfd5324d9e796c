"""The extraction ground truth: the ScrapingHub benchmark and Sorot's hand-written Indonesian set.

* `scrapinghub`: 181 pages of English and other news sites with their `articleBody`
  (`../shared/fixtures/article-extraction-benchmark/`, MIT). Body only: no titles or dates.
* `indonesian`: the article pages of `../shared/fixtures/indonesian-news-html/` (real 2015-2017 pages, MIT)
  and replica pages in today's templates committed under `tests/fixtures/extraction/replica/`, each with a
  ground truth written for this project (`tests/fixtures/extraction/*.jsonl`): body, title, publication time
  with its offset, dateline place, byline where the page prints one, language and whether it is a wire copy.

Ground-truth bodies are the text a reader reads, dateline included as printed; scoring removes a leading
dateline from every text the same way, because Sorot stores the dateline as a field of its own.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

__all__ = [
    "DEFAULT_SHARED",
    "EXTRACTION_FIXTURES",
    "Dataset",
    "ExtractionCase",
    "load_indonesian",
    "load_scrapinghub",
]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
EXTRACTION_FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "extraction"
DEFAULT_SHARED = PROJECT_ROOT.parent / "shared"
SCRAPINGHUB_DIR = Path("fixtures") / "article-extraction-benchmark"
INDONESIAN_DIR = Path("fixtures") / "indonesian-news-html"
GROUND_TRUTH_FILES = {"indonesian-news-html.jsonl": "shared", "replica.jsonl": "replica"}


@dataclass(frozen=True)
class ExtractionCase:
    """One page and what a perfect extractor returns for it (None: not part of the ground truth)."""

    name: str
    url: str
    html: bytes
    body: str
    title: str | None = None
    published: datetime | None = None
    dateline: str | None = None
    author: str | None = None
    editor: str | None = None
    language: str | None = None
    wire_copy: bool | None = None
    kind: str = "article"
    #: for a page showing part of a split article: the URL of the whole one ("" when the page is whole)
    full_text_url: str | None = None


@dataclass
class Dataset:
    name: str
    description: str
    cases: list[ExtractionCase] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def load_scrapinghub(shared: Path = DEFAULT_SHARED, limit: int | None = None) -> Dataset:
    folder = shared / SCRAPINGHUB_DIR
    dataset = Dataset("scrapinghub", f"ScrapingHub article-extraction benchmark ({folder}, MIT)")
    truth_file = folder / "ground-truth.json"
    if not truth_file.is_file():
        dataset.missing.append(f"{truth_file} not found: the ScrapingHub benchmark is part of the shared "
                               "reference material (../shared/ next to the project)")
        return dataset
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    for key in sorted(truth)[:limit]:
        page = folder / "html" / f"{key}.html.gz"
        if not page.is_file():
            dataset.missing.append(f"{page} not found")
            continue
        dataset.cases.append(ExtractionCase(
            name=f"scrapinghub/{key[:12]}", url=truth[key].get("url") or f"https://example.invalid/{key}",
            html=gzip.decompress(page.read_bytes()), body=truth[key].get("articleBody") or "",
        ))
    return dataset


def load_indonesian(shared: Path = DEFAULT_SHARED, fixtures: Path = EXTRACTION_FIXTURES) -> Dataset:
    dataset = Dataset(
        "indonesian",
        f"Indonesian pages with hand-written ground truth ({fixtures}): real 2015-2017 pages from "
        f"{shared / INDONESIAN_DIR} (MIT) and replica pages in today's templates",
    )
    for file_name, where in GROUND_TRUTH_FILES.items():
        truth_file = fixtures / file_name
        if not truth_file.is_file():
            dataset.missing.append(f"{truth_file} not found")
            continue
        rows = list(_rows(truth_file))
        base = shared / INDONESIAN_DIR if where == "shared" else fixtures / "replica"
        if where == "shared" and not base.is_dir():
            dataset.missing.append(f"{base} not found: the {len(rows)} real Indonesian pages are shared "
                                   "reference material (../shared/ next to the project) and are left out")
            continue
        for row in rows:
            page = base / row["page"]
            if not page.is_file():
                dataset.missing.append(f"{page} not found")
                continue
            dataset.cases.append(_case(row, page.read_bytes(), prefix=where))
    return dataset


def _rows(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _case(row: dict, html: bytes, prefix: str) -> ExtractionCase:
    published = datetime.fromisoformat(row["published"]) if row.get("published") else None
    return ExtractionCase(
        name=f"{prefix}/{row['page']}", url=row["url"], html=html, body="\n\n".join(row["body"]),
        title=row.get("title"), published=published, dateline=row.get("dateline"), author=row.get("author"),
        editor=row.get("editor"), language=row.get("language"), wire_copy=row.get("wire_copy"),
        kind=row.get("kind", "article"),
        full_text_url=(row["full_text_url"] or "") if "full_text_url" in row else None,
    )
