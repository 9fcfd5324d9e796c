"""`sorot evaluate classifier` and `sorot evaluate agreement`: the classifier's figures, and the labels'.

``classifier`` cross-validates on the project's labelled data (``models/data/gold.jsonl``, never the
evaluation holdout) and prints precision, recall, F1 and support for every label, the micro-F1 over the
subtypes and victim flags with at least 20 examples, and the stage's accuracy; ``--compare`` runs the same
folds for each candidate system (rules only, words only, words + rules with three learners, words +
character n-grams + rules, rules combiner). The written training articles (``models/data/synthetic``) join
every fold's training part and are never scored; ``--no-synthetic`` leaves them out.
``agreement`` prints Cohen's kappa and raw agreement per label on the double-annotated articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any


def register(subcommands: Any) -> None:
    classifier = subcommands.add_parser(
        "classifier", help="cross-validated per-label scores of the topic model"
    )
    classifier.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    classifier.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    classifier.add_argument("--compare", action="store_true", help="also score the alternative systems")
    classifier.add_argument("--json", action="store_true", help="print JSON")
    classifier.add_argument(
        "--no-synthetic",
        action="store_true",
        help="train each fold on the labelled articles only, without the written training articles",
    )
    classifier.set_defaults(handler=_cmd_classifier)

    agreement = subcommands.add_parser("agreement", help="inter-annotator agreement per label")
    agreement.add_argument("--json", action="store_true", help="print JSON")
    agreement.set_defaults(handler=_cmd_agreement)


def _print_report(report: Any) -> None:
    written = f", each fold also trained on {report.training_only} written articles" if report.training_only else ""
    print(f"\n{report.system}: {report.folds}-fold cross-validation on {report.examples} labelled articles{written}")
    print(f"  {'label':<24} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8} {'predicted':>9}")
    for score in report.labels:
        print(
            f"  {score.label:<24} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
            f"{score.support:>8} {score.predicted:>9}"
        )
    for micro in (report.micro_subtypes, report.micro_flags):
        print(
            f"  {micro.label:<24} P {micro.precision:.3f} R {micro.recall:.3f} F1 {micro.f1:.3f} "
            f"(support {micro.support})"
        )
    print(
        f"  stage (articles with a family): accuracy {report.stage_accuracy:.3f}, macro-F1 {report.stage_macro_f1:.3f}"
    )


def _cmd_classifier(args: argparse.Namespace) -> int:
    from sorot.models.classifier.evaluation import compare, cross_validate
    from sorot.models.classifier.training import TrainConfig
    from sorot.models.dataset import DATA_DIR, SYNTHETIC_DIR, load_examples, load_synthetic

    examples = load_examples()
    written = [] if args.no_synthetic else load_synthetic()
    progress = None if args.json else (lambda line: print(f"[evaluate] {line}", file=sys.stderr, flush=True))
    if args.compare:
        reports = compare(examples, folds=args.folds, seed=args.seed, progress=progress, training_only=written)
    else:
        reports = [
            cross_validate(
                examples,
                TrainConfig(seed=args.seed),
                folds=args.folds,
                system="words+chars300+rules-svm (shipped)",
                progress=progress,
                training_only=written,
            )
        ]
    if args.json:
        print(
            json.dumps(
                [{k: v for k, v in asdict(r).items() if k != "predictions"} for r in reports], indent=2
            )
        )
        return 0
    print(
        f"data: {DATA_DIR / 'gold.jsonl'} ({len(examples)} articles, guideline taxonomy-v1+addendum-1); "
        "folds keep near-duplicate articles together"
    )
    if written:
        print(
            f"training only: {len(written)} written training articles ({DATA_DIR / SYNTHETIC_DIR}) join every "
            "fold's training part; they are never scored (--no-synthetic leaves them out)"
        )
    else:
        print("training only: none (each fold trains on the labelled articles alone)")
    for report in reports:
        _print_report(report)
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:
    from sorot.models.annotation import agreement, load_annotations, pairs

    double = pairs(load_annotations())
    results = agreement(double)
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
        return 0
    print(f"agreement of two annotators on {len(double)} double-annotated articles (before adjudication)")
    print(f"  {'label':<24} {'kappa':>6} {'raw':>6} {'both':>5} {'one only':>9}")
    for r in results:
        kappa = f"{r.kappa:.3f}" if r.kappa is not None else "n/a"
        print(f"  {r.name:<24} {kappa:>6} {r.raw:>6.3f} {r.both:>5} {r.only_one:>9}")
    print(
        "  n/a: neither annotator used the label in this sample, so chance agreement is total and kappa undefined"
    )
    return 0
