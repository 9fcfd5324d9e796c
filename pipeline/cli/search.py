"""`sorot search`: full-text search over the published warehouse, ranked by BM25."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 65


def register(commands: Any) -> None:
    search = commands.add_parser(
        "search", help="search articles (Indonesian stemming: 'penganiayaan' also finds 'dianiaya')")
    search.add_argument("query", help="words to look for, e.g. \"penganiayaan anak\"")
    search.add_argument("--label", help="only articles carrying this label, e.g. kekerasan_fisik")
    search.add_argument("--since", type=date.fromisoformat,
                        help="published on or after this day (YYYY-MM-DD, WIB)")
    search.add_argument("--until", type=date.fromisoformat,
                        help="published on or before this day (YYYY-MM-DD, WIB)")
    search.add_argument("--limit", type=int, default=20, help="how many results (default: 20)")
    search.add_argument("--all", action="store_true", dest="match_all", help="every word must match")
    search.add_argument("--json", action="store_true", help="print JSON Lines, one result a line")
    search.set_defaults(handler=_cmd_search)


def _cmd_search(args: argparse.Namespace) -> int:
    from sorot.warehouse.db import connect_reader
    from sorot.warehouse.search import search

    con = connect_reader(config_from(args).paths.published, search=True)
    try:
        if args.label:
            _check_label(con, args.label)
        hits = search(con, args.query, label=args.label, since=args.since, until=args.until, limit=args.limit,
                      match_all=args.match_all)
    finally:
        con.close()
    if args.json:
        for hit in hits:
            print(json.dumps(hit.to_json(), ensure_ascii=False))
        return EXIT_OK
    if not hits:
        print(f"no article matches {args.query!r}")
        return EXIT_OK
    for rank, hit in enumerate(hits, 1):
        day = hit.published_at.strftime("%Y-%m-%d") if hit.published_at else "undated"
        labels = f"  [{', '.join(hit.labels)}]" if hit.labels else ""
        print(f"{rank:>3}. {day}  {hit.source_name or hit.source_id or '?'}  score {hit.score:.3f}{labels}")
        print(f"     {hit.title or '(no title)'}")
        print(f"     matched: {', '.join(hit.matched_words) or '-'}")
        print(f"     {hit.snippet}")
        print(f"     {hit.url}")
    return EXIT_OK


def _check_label(con: Any, label: str) -> None:
    """An unknown label is a typo far more often than a label of an older tagger: say so, list the labels."""
    from sorot.models.taxonomy import LABELS

    stored = con.execute("SELECT count(*) FROM article_labels WHERE label = ?", [label]).fetchone()[0]
    if label not in LABELS and not stored:
        raise ValueError(f"unknown label {label!r}; labels are: {', '.join(LABELS)}")
