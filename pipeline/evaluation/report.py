"""Print the evaluations: every figure beside the data it was measured on, Sorot beside the baseline."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..dedupe.similarity import DEFAULT_RULE, StoryRule
from .duplicates import LabelledPair, PairScores, by_kind, evaluate_pairs, fingerprints, story_scores
from .duplicates import tune as search_thresholds
from .extraction import DatasetResult, failures

__all__ = ["DuplicatesReport", "duplicates_report", "extraction_json", "print_extraction_report"]


# ------------------------------------------------------------------ extraction
_MAX_LISTED = 12


def _rate(result: DatasetResult, attribute: str) -> str:
    right, judged = result.rate(attribute)
    return f"{right}/{judged}" if judged else "-"


def print_extraction_report(results: list[DatasetResult], *, details: bool, threshold: float) -> None:
    print("Extraction: Sorot (ArticleProcessor.process) beside bare trafilatura "
          "(trafilatura.extract with its defaults), same pages, same run")
    for result in results:
        cases = result.cases
        print(f"\n{result.dataset.name}: {result.dataset.description}")
        print(f"  pages: {len(cases)}; words scored as precision / recall / F1 per page, then averaged; "
              "a leading dateline is compared as a field, not as body words")
        sorot, bare = result.sorot, result.bare
        errors = sum(1 for c in cases if c.error)
        print(f"  {'':34} {'Sorot':>22} {'bare trafilatura':>22}")
        print(f"  {'body P / R / F1':34} {sorot.precision:>7.3f}{sorot.recall:>7.3f}{sorot.f1:>8.3f} "
              f"{bare.precision:>7.3f}{bare.recall:>7.3f}{bare.f1:>8.3f}")
        good_sorot = sum(c.sorot.f1 >= threshold for c in cases)
        good_bare = sum(c.bare.f1 >= threshold for c in cases)
        print(f"  {'pages with body F1 >= ' + format(threshold, '.2f'):34} {good_sorot:>22} {good_bare:>22}")
        if result.rate("sorot_title")[1]:
            for sorot_name, bare_name, label in (("sorot_title", "bare_title", "title right"),
                                                 ("sorot_day", "bare_day", "publication day right")):
                print(f"  {label:34} {_rate(result, sorot_name):>22} {_rate(result, bare_name):>22}")
            print(f"  {'publication time and offset right':34} {_rate(result, 'sorot_date'):>22} "
                  f"{'(gives the day only)':>22}")
            for attribute, label in (("sorot_dateline", "dateline place right"),
                                     ("sorot_author", "author right"),
                                     ("sorot_editor", "editor right"), ("sorot_language", "language right"),
                                     ("sorot_wire", "wire copy marked right"),
                                     ("sorot_full_text", "split article noticed")):
                if result.rate(attribute)[1]:
                    print(f"  {label:34} {_rate(result, attribute):>22}")
        if errors:
            print(f"  pages Sorot refused: {errors}")
        shown = cases if details else list(failures(result, threshold))[:_MAX_LISTED]
        if shown:
            heading = "every page" if details else (
                f"pages below F1 {threshold:.2f} or with a wrong title or date (worst {_MAX_LISTED} at most; "
                "--details lists every page)")
            print(f"  {heading}:")
            for case in shown:
                extra = "".join((
                    "" if case.sorot_title is not False else " title wrong;",
                    "" if case.sorot_date is not False else " date wrong;",
                    f" {case.error};" if case.error else "",
                ))
                print(f"    {case.case.name:58} F1 {case.sorot.f1:.3f} (bare {case.bare.f1:.3f}){extra}")


def extraction_json(results: list[DatasetResult]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for result in results:
        rates = {name: result.rate(name) for name in (
            "sorot_title", "bare_title", "sorot_day", "bare_day", "sorot_date", "sorot_dateline",
            "sorot_author",
            "sorot_editor", "sorot_language", "sorot_wire", "sorot_full_text")}
        out[result.dataset.name] = {
            "description": result.dataset.description,
            "pages": len(result.cases),
            "missing": result.dataset.missing,
            "sorot": asdict(result.sorot),
            "bare_trafilatura": asdict(result.bare),
            "rates": {name: {"right": r, "judged": n} for name, (r, n) in rates.items() if n},
            "pages_detail": [{"page": c.case.name, "sorot_f1": round(c.sorot.f1, 4),
                              "bare_f1": round(c.bare.f1, 4),
                              "error": c.error} for c in result.cases],
        }
    return out


# ------------------------------------------------------------------ duplicates
@dataclass
class DuplicatesReport:
    folder: Path
    pairs: list[LabelledPair]
    rule: StoryRule
    pairwise: dict[str, PairScores]
    stories: dict[str, PairScores]
    kinds: dict[str, tuple[int, int]]
    tuned: tuple[StoryRule, dict[str, PairScores]] | None = None
    notes: list[str] = field(default_factory=list)

    def print(self, *, details: bool) -> None:
        counts = Counter((p.split, p.same) for p in self.pairs)
        print(f"Near-duplicates: {len(self.pairs)} labelled pairs of real articles ({self.folder}): "
              f"dev {counts['dev', True]} same-story + {counts['dev', False]} different, "
              f"test {counts['test', True]} + {counts['test', False]}")
        hows = Counter(p.how.split(":")[0] for p in self.pairs)
        print("  pairs: " + ", ".join(f"{n} {how}" for how, n in sorted(hows.items())))
        print(f"  rule: {_rule_text(self.rule)} (thresholds chosen on dev)")
        _print_scores("pairwise decision", self.pairwise)
        _print_scores("story grouping (StoryIndex, exact copies first)", self.stories)
        print("  right per kind of pair (all splits, pairwise):")
        for kind, (right, total) in self.kinds.items():
            print(f"    {kind:24} {right}/{total}")
        if self.tuned is not None:
            rule, scores = self.tuned
            print(f"\n  search on dev again: {_rule_text(rule)}")
            _print_scores("with the searched thresholds", scores)
        if details:
            print("\n  misjudged pairs (pairwise, all splits):")
            for pair, similarity in self.pairwise["all"].errors:
                expected = "same story" if pair.same else "different"
                print(f"    {pair.split:4} {pair.kind:22} {pair.a} {pair.b} expected {expected}: "
                      f"{similarity}")

    def as_json(self) -> dict[str, Any]:
        def scores(table: dict[str, PairScores]) -> dict[str, Any]:
            return {name: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp,
                           "fn": s.fn, "tn": s.tn} for name, s in table.items()}

        out: dict[str, Any] = {"pairs": len(self.pairs), "rule": asdict(self.rule),
                               "pairwise": scores(self.pairwise), "stories": scores(self.stories),
                               "kinds": {k: {"right": r, "total": t} for k, (r, t) in self.kinds.items()}}
        if self.tuned is not None:
            out["tuned"] = {"rule": asdict(self.tuned[0]), "pairwise": scores(self.tuned[1])}
        return out


def _rule_text(rule: StoryRule) -> str:
    return (f"verbatim J>={rule.verbatim}; figures agree >={rule.figures_agree} "
            f"(>= {rule.min_figures} numbers "
            f"each); J>={rule.jaccard_high}; or lead agree >={rule.lead_agree} and (J>={rule.jaccard} or "
            f"containment>={rule.containment} with J>={rule.min_jaccard_contained})")


def _print_scores(title: str, table: dict[str, PairScores]) -> None:
    print(f"  {title}:")
    for name, s in table.items():
        print(f"    {name:5} precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
              f"(tp {s.tp}, fp {s.fp}, fn {s.fn}, tn {s.tn})")


def duplicates_report(texts: dict[str, str], pairs: list[LabelledPair], folder: Path, *, tune: bool = False
                      ) -> DuplicatesReport:
    """Score the shipped rule (and, with `tune`, a fresh search on dev) on every split."""
    prints = fingerprints(texts)
    splits = {"dev": [p for p in pairs if p.split == "dev"], "test": [p for p in pairs if p.split == "test"],
              "all": pairs}
    pairwise = {name: evaluate_pairs(ps, prints, texts, DEFAULT_RULE) for name, ps in splits.items()}
    grouped_all = story_scores(pairs, prints, texts, DEFAULT_RULE)
    stories = {name: _subset(grouped_all, ps) for name, ps in splits.items()}
    report = DuplicatesReport(folder, pairs, DEFAULT_RULE, pairwise, stories, by_kind(pairs, pairwise["all"]))
    if tune:
        rule, _ = search_thresholds(splits["dev"], prints, texts)
        report.tuned = (rule, {name: evaluate_pairs(ps, prints, texts, rule) for name, ps in splits.items()})
    return report


def _subset(scores: PairScores, pairs: list[LabelledPair]) -> PairScores:
    """The grouping's verdicts restricted to `pairs` (grouping runs once over every text)."""
    wrong = {(p.a, p.b) for p, _ in scores.errors}
    subset = PairScores()
    for pair in pairs:
        right = (pair.a, pair.b) not in wrong
        subset.add(pair, pair.same if right else not pair.same)
    return subset
