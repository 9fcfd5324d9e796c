"""Copies the texts of the labelled articles from the reference corpus into the project (a maintainer tool).

The product never runs it: `sorot train` and `sorot evaluate classifier` read ``models/data/articles.jsonl``,
so they work from a clean clone without the reference material. Each row keeps its dataset, original URL and
licence, because the texts stay under their publishers' licences (see ``LICENSES/ATTRIBUTION.md``). Holdout
ids are refused, not just skipped: finding one among the annotations would mean the sample is broken.

    python models/data/export_texts.py ../shared/corpus > models/data/articles.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
LICENCES = {
    "indosum": "CC BY-SA 4.0",
    "detik-may2026": "MIT",
    "news-corpus-2015": "CC BY 4.0",
}
FIELDS = ("id", "dataset", "licence", "url", "outlet", "title", "date", "category", "body")


def labelled_ids() -> list[str]:
    ids: set[str] = set()
    for path in sorted((HERE / "annotations").glob("annotator-*.jsonl")):
        ids.update(json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line)
    return sorted(ids)


def main(corpus_dir: Path) -> None:
    holdout = set((corpus_dir / "holdout-ids.txt").read_text().split())
    wanted = labelled_ids()
    leaked = sorted(set(wanted) & holdout)
    if leaked:
        raise SystemExit(f"holdout ids among the annotations: {leaked[:5]}")
    rows = {}
    with (corpus_dir / "articles.jsonl").open(encoding="utf-8") as corpus:
        for line in corpus:
            row = json.loads(line)
            if row["id"] in wanted:
                row["licence"] = LICENCES[row["dataset"]]
                rows[row["id"]] = {name: row.get(name) for name in FIELDS}
    missing = sorted(set(wanted) - set(rows))
    if missing:
        raise SystemExit(f"annotated ids missing from the corpus: {missing[:5]}")
    for article_id in wanted:
        print(json.dumps(rows[article_id], ensure_ascii=False))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"))
