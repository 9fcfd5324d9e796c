"""`sorot classify` and `sorot reclassify`: the topic model on JSON Lines, and on stored articles.

``sorot classify [FILE|-]`` reads one JSON object per line with ``id``, ``title`` and ``text`` and writes one
per line: ``{"id", "labels", "scores", "tahap", "victims", "regions", "quoted"}`` (a documented contract: fields
are added, never renamed). A malformed line is reported on stderr with its line number and skipped; the
others are still classified, and the exit status says that something was skipped.

``sorot reclassify [--since DATE]`` re-tags stored articles with the current model (labels, stage, tagger
version, regions, quoted people), applies human corrections again on top, and publishes the read-only copy.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from .common import EXIT_FAILED, EXIT_OK, config_from

ORDER = 40
BATCH = 256


def register(commands: Any) -> None:
    classify = commands.add_parser("classify", help="classify articles given as JSON Lines (id, title, text)")
    classify.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="JSON Lines file, or - for stdin"
    )
    classify.add_argument("--model", help="model file (default: the trained model, else the shipped one)")
    classify.set_defaults(handler=_cmd_classify)

    reclassify = commands.add_parser("reclassify", help="re-tag stored articles with the current model")
    reclassify.add_argument(
        "--since", help="only articles published (or stored) on or after this date, YYYY-MM-DD"
    )
    reclassify.add_argument("--model", help="model file (default: the trained model, else the shipped one)")
    reclassify.set_defaults(handler=_cmd_reclassify)


def model_for(args: argparse.Namespace) -> Any:
    """The model to use: --model, else the data directory's trained model, else the shipped one, else rules."""
    from sorot.models.classifier import load, load_tagger

    from ..jobs.ingest import trained_model_path

    if args.model:
        return load(Path(args.model))
    return load_tagger(
        [trained_model_path(config_from(args).paths)],
        on_fallback=lambda message: print(f"sorot: warning: {message}", file=sys.stderr),
    )


def read_records(stream: IO[str]) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record, None) for good lines, (line number, None, reason) for malformed ones."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, None, f"not JSON ({error.msg} at column {error.colno})"
            continue
        if not isinstance(record, dict):
            yield number, None, "not a JSON object"
        elif "id" not in record:
            yield number, None, "no 'id'"
        elif not isinstance(record.get("text"), str):
            yield number, None, "no 'text' string"
        elif record.get("title") is not None and not isinstance(record["title"], str):
            yield number, None, "'title' is not a string"
        else:
            yield number, record, None


def classify_records(model: Any, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The output objects of ``sorot classify`` for a batch of input records."""
    from sorot.models.classifier import TopicModel
    from sorot.models.taxonomy import VICTIM_FLAGS

    from ..facets import extract_facets

    items = [(r.get("title") or "", r["text"]) for r in records]
    if isinstance(model, TopicModel):
        results = [(c.labels, c.scores, c.tahap) for c in model.classify_many(items)]
    else:  # the rules tagger, when no model loads
        results = []
        for title, text in items:
            tagging = model.tag(title, text)
            results.append(
                (tuple(tagging.label_names()), {h.label: h.score for h in tagging.labels}, tagging.tahap)
            )
    out = []
    for record, (title, text), (labels, scores, tahap) in zip(records, items, results, strict=True):
        facets = extract_facets(title, text)
        out.append(
            {
                "id": record["id"],
                "labels": list(labels),
                "scores": scores,
                "tahap": tahap,
                "victims": [label for label in labels if label in VICTIM_FLAGS],
                "regions": [region.to_json() for region in facets.regions],
                "quoted": [person.to_json() for person in facets.quoted],
            }
        )
    return out


def _cmd_classify(args: argparse.Namespace) -> int:
    model = model_for(args)
    stream = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
    bad = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        for output in classify_records(model, batch):
            sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        batch.clear()

    try:
        for number, record, problem in read_records(stream):
            if record is None:
                bad += 1
                print(f"sorot classify: line {number}: {problem}; skipped", file=sys.stderr)
                continue
            batch.append(record)
            if len(batch) >= BATCH:
                flush()
        flush()
    finally:
        if stream is not sys.stdin:
            stream.close()
    if bad:
        print(f"sorot classify: {bad} malformed line(s) skipped", file=sys.stderr)
    return EXIT_FAILED if bad else EXIT_OK


def _cmd_reclassify(args: argparse.Namespace) -> int:
    from sorot.models.classifier import TopicModel
    from sorot.warehouse.classification import replace_classification
    from sorot.warehouse.db import connect_writer, writer_lock
    from sorot.warehouse.publish import publish

    from ..facets import extract_facets

    paths = config_from(args).paths
    since = datetime.combine(date.fromisoformat(args.since), datetime.min.time(), UTC) if args.since else None
    if not paths.warehouse.exists():
        raise FileNotFoundError(paths.warehouse)
    model = model_for(args)
    started = time.monotonic()
    done = 0
    with writer_lock(paths.warehouse):
        con = connect_writer(paths.warehouse)
        try:
            rows = con.execute(
                "SELECT article_id, coalesce(title, ''), text, dateline FROM articles "
                "WHERE ? IS NULL OR coalesce(published_at, first_seen_at) >= ? ORDER BY article_id",
                [since, since],
            ).fetchall()
            for start in range(0, len(rows), BATCH):
                batch = rows[start : start + BATCH]
                items = [(title, text) for _, title, text, _ in batch]
                if isinstance(model, TopicModel):
                    taggings = [c.to_tagging() for c in model.classify_many(items)]
                else:
                    taggings = [model.tag(title, text) for title, text in items]
                con.execute("BEGIN TRANSACTION")
                try:
                    for (article_id, title, text, dateline), tagging in zip(batch, taggings, strict=True):
                        facets = extract_facets(title, text, dateline)
                        replace_classification(
                            con,
                            article_id,
                            tagging.labels,
                            tagging.tahap,
                            tagging.tagger_version,
                            facets.regions,
                            facets.quoted,
                        )
                    con.execute("COMMIT")
                except Exception:
                    con.execute("ROLLBACK")
                    raise
                done += len(batch)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        published = publish(paths.warehouse, paths.published)
    seconds = time.monotonic() - started
    version = getattr(model, "version", None) or getattr(model, "tagger_version", "rules")
    print(f"reclassified {done} articles with {version} in {seconds:.1f} s; published {published}")
    return EXIT_OK
