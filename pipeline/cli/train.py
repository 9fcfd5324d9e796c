"""`sorot train` and `sorot label`: a model from the labelled data and the corrections people made.

``sorot label ARTICLE_ID --add L --remove L`` stores a human correction in the warehouse (and applies it at
once); ``sorot train`` learns from the project's gold set (``models/data``) plus every corrected article in
the warehouse, and writes the model to the data directory, where the pipeline, ``sorot classify`` and
``sorot reclassify`` prefer it over the shipped one. Same data and seed give the same model, byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 45


def register(commands: Any) -> None:
    train = commands.add_parser("train", help="train the topic model on the labelled data and corrections")
    train.add_argument("--output", help="model file to write (default: DATA_DIR/models/topic-model.json)")
    train.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    train.add_argument(
        "--no-corrections", action="store_true", help="ignore corrections stored in the warehouse"
    )
    train.add_argument(
        "--no-synthetic",
        action="store_true",
        help="leave out the written training articles (models/data/synthetic)",
    )
    train.set_defaults(handler=_cmd_train)

    label = commands.add_parser("label", help="correct a stored article's topic labels")
    label.add_argument("article_id", metavar="ARTICLE_ID")
    label.add_argument(
        "--add", action="append", default=[], metavar="LABEL", help="label to add (repeatable)"
    )
    label.add_argument(
        "--remove", action="append", default=[], metavar="LABEL", help="label to remove (repeatable)"
    )
    label.add_argument("--tahap", help="set the stage as well")
    label.add_argument("--by", help="who made the correction (recorded)")
    label.add_argument("--note", help="why (recorded)")
    label.set_defaults(handler=_cmd_label)


def stored_corrections(warehouse: Path) -> list[Any]:
    """Corrected articles as training examples; none when there is no warehouse yet."""
    from sorot.models.dataset import correction_example
    from sorot.warehouse.corrections import corrections_for_training
    from sorot.warehouse.db import connect_reader

    if not warehouse.exists():
        return []
    con = connect_reader(warehouse)
    try:
        has_table = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'label_corrections'"
        ).fetchone()[0]
        rows = corrections_for_training(con) if has_table else []
    finally:
        con.close()
    return [correction_example(r.article_id, r.title, r.text, r.labels, r.tahap) for r in rows]


def _cmd_train(args: argparse.Namespace) -> int:
    from sorot.models.classifier import save
    from sorot.models.classifier.training import TrainConfig, train
    from sorot.models.dataset import load_examples, load_synthetic, with_corrections

    from ..jobs.ingest import trained_model_path

    paths = config_from(args).paths
    output = Path(args.output) if args.output else trained_model_path(paths)
    examples = load_examples()
    corrections = [] if args.no_corrections else stored_corrections(paths.warehouse)
    examples = with_corrections(examples, corrections)
    written = [] if args.no_synthetic else load_synthetic()
    print(
        f"training on {len(examples)} labelled articles ({len(corrections)} corrected in the warehouse) and "
        f"{len(written)} written training articles, seed {args.seed}",
        file=sys.stderr,
    )
    examples = examples + written
    model = train(examples, TrainConfig(seed=args.seed))
    save(model, output)
    print(f"model {model.version} written to {output}")
    return EXIT_OK


def _cmd_label(args: argparse.Namespace) -> int:
    from sorot.warehouse.corrections import record_correction
    from sorot.warehouse.db import connect_writer, writer_lock
    from sorot.warehouse.publish import publish

    if not args.add and not args.remove and not args.tahap:
        raise ValueError("nothing to change: give --add LABEL, --remove LABEL or --tahap STAGE")
    paths = config_from(args).paths
    if not paths.warehouse.exists():
        raise FileNotFoundError(paths.warehouse)
    with writer_lock(paths.warehouse):
        con = connect_writer(paths.warehouse)
        try:
            correction = record_correction(
                con,
                args.article_id,
                args.add,
                args.remove,
                tahap=args.tahap,
                corrected_by=args.by,
                note=args.note,
            )
            con.execute("CHECKPOINT")
        finally:
            con.close()
        publish(paths.warehouse, paths.published)
    before = ", ".join(correction.labels_before) or "(no labels)"
    after = ", ".join(correction.labels_after) or "(no labels)"
    print(
        f"correction {correction.correction_id} stored for {correction.article_id}: {before} -> {after} "
        f"[{correction.tahap_after}]; it joins the training data at the next `sorot train`"
    )
    return EXIT_OK
