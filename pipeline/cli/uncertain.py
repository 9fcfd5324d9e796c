"""`sorot uncertain`: the stored articles the topic model is least sure about, to correct first.

Reads the published read-only copy (safe while a run writes), scores the articles with the current model and
lists those whose `kekerasan` or `gender` probability is closest to its threshold (see
``models/classifier/uncertainty.py``). Articles a person already corrected or marked reviewed, and exact
copies, are left out. Each line ends with the `sorot label` command that records a correction.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .common import EXIT_FAILED, EXIT_OK, config_from

ORDER = 46
TITLE_WIDTH = 70
# Without --since: the articles of the last month of coverage (before the newest stored article), the ones
# staff are reviewing anyway; scoring a whole warehouse of a million articles would take minutes.
DEFAULT_WINDOW = timedelta(days=30)


def register(commands: Any) -> None:
    uncertain = commands.add_parser(
        "uncertain", help="stored articles the topic model is least sure about (correct these first)"
    )
    window = uncertain.add_mutually_exclusive_group()
    window.add_argument(
        "--since",
        help="only articles published (or stored) on or after this date, YYYY-MM-DD "
        "(default: the 30 days before the newest stored article)",
    )
    window.add_argument("--all", action="store_true", help="every stored article (slow on a large warehouse)")
    uncertain.add_argument("--limit", type=int, default=20, help="how many articles to list (default 20)")
    uncertain.add_argument(
        "--label", choices=["kekerasan", "gender"], help="only this family (default: both)"
    )
    uncertain.add_argument("--model", help="model file (default: the trained model, else the shipped one)")
    uncertain.add_argument("--json", action="store_true", help="print JSON")
    uncertain.set_defaults(handler=_cmd_uncertain)


def _candidates(published: Any, since: datetime | None, default_window: bool) -> tuple[datetime | None, list]:
    """The window's start and the stored articles in it nobody has corrected or reviewed yet (exact copies
    left out)."""
    from sorot.warehouse.db import connect_reader

    con = connect_reader(published)
    try:
        if default_window:
            newest = con.execute("SELECT max(coalesce(published_at, first_seen_at)) FROM articles").fetchone()[0]
            since = newest - DEFAULT_WINDOW if newest is not None else None
        return since, con.execute(
            """
            SELECT a.article_id, coalesce(a.title, ''), a.text, coalesce(a.published_at, a.first_seen_at)
            FROM articles a
            WHERE a.exact_duplicate_of IS NULL
              AND (? IS NULL OR coalesce(a.published_at, a.first_seen_at) >= ?)
              AND a.article_id NOT IN (SELECT article_id FROM label_corrections)
              AND a.article_id NOT IN (SELECT article_id FROM article_reviews)
            ORDER BY a.article_id
            """,
            [since, since],
        ).fetchall()
    finally:
        con.close()


def _cmd_uncertain(args: argparse.Namespace) -> int:
    from sorot.models.classifier import TopicModel
    from sorot.models.classifier.uncertainty import least_certain

    from .classify import model_for

    paths = config_from(args).paths
    if not paths.published.exists():
        raise FileNotFoundError(f"no published warehouse at {paths.published}: run `sorot run` (or `make demo`) first")
    since = datetime.combine(date.fromisoformat(args.since), datetime.min.time(), UTC) if args.since else None
    model = model_for(args)
    if not isinstance(model, TopicModel):
        print("sorot: the rules tagger gives no probabilities to rank by; train a model first", file=sys.stderr)
        return EXIT_FAILED
    since, rows = _candidates(paths.published, since, default_window=not args.since and not args.all)
    labels = [args.label] if args.label else ["kekerasan", "gender"]
    doubts = least_certain(model, [(r[0], r[1], r[2]) for r in rows], labels, args.limit)
    by_id = {r[0]: r for r in rows}
    if args.json:
        print(json.dumps([
            {
                "id": d.article_id,
                "label": d.label,
                "score": round(d.score, 4),
                "threshold": d.threshold,
                "tagged": d.tagged,
                "published": str(by_id[d.article_id][3])[:10],
                "title": by_id[d.article_id][1],
            }
            for d in doubts
        ], ensure_ascii=False, indent=2))
        return EXIT_OK
    window = f"since {str(since)[:10]}" if since is not None else "all stored"
    print(
        f"{len(doubts)} of {len(rows)} articles ({window}) the model {model.version} is least sure about "
        "(articles already corrected or reviewed are left out), closest to the threshold first:"
    )
    print(f"  {'article_id':<16} {'date':<10} {'label':<9} {'score':>5} {'thr':>5} {'tagged':<6} title")
    for d in doubts:
        _, title, _, published = by_id[d.article_id]
        short = title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"
        print(
            f"  {d.article_id:<16} {str(published)[:10]:<10} {d.label:<9} {d.score:>5.2f} {d.threshold:>5.2f} "
            f"{'yes' if d.tagged else 'no':<6} {short}"
        )
    if doubts:
        print("correct one with: sorot label ARTICLE_ID --add LABEL (or --remove LABEL); the next `sorot train` "
              "learns from it")
    return EXIT_OK
