"""The explainable rules tagger: taxonomy labels, victim flags and stage for one article, with evidence.

Every label it gives comes with the spans that earned it (``Evidence``: field, offsets, text, rule id), so a
reviewer can see why, and a wrong tag points at the rule to fix in ``patterns.py``. The decisions follow the
taxonomy contract (``sorot.models.taxonomy``):

1. Rules (patterns.py) are matched on the title and the text; "Baca juga" lines are ignored.
2. Violence evidence in an out-of-scope setting (armed conflict, protests, animals, fiction...) is dropped
   (guards.py).
3. A subtype is tagged when its weighted evidence makes it the article's subject (scoring.py); a family when
   any of its subtypes is, or when its own and its subtypes' evidence together make it the subject. The
   family's evidence includes its subtypes' (carried up).
4. Victim flags only beside `kekerasan` (so their rules only run then); `femisida` always has a female victim.
5. The stage is the one with the most weighted cues; `kejadian` by default for violence, `lainnya` for
   articles outside both families.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from sorot.models import taxonomy
from sorot.models.rules import scoring
from sorot.models.rules.engine import Match, NeedleFinder, RuleTable, blank_noise, find_matches, lowered
from sorot.models.rules.guards import ArticleContext, ContextGuard
from sorot.models.rules.patterns import LABEL_RULES, MASKS, RULES_VERSION, STAGE_RULES, Rule
from sorot.models.rules.windows import FieldIndex

FIELDS = ("title", "text")
# Evidence listed per label, in article order: enough to explain, short enough to store with every article.
MAX_EVIDENCE = 25

_VIOLENCE = frozenset({"kekerasan", *taxonomy.VIOLENCE_SUBTYPES, *taxonomy.VICTIM_FLAGS})
_FLAGS = frozenset(taxonomy.VICTIM_FLAGS)

# Femicide is often told in pieces: "mayat perempuan ditemukan ... pelaku merupakan mantan kekasih korban".
# When the article is about a killing (one of these rules), its victim is a woman (korban_perempuan), and the
# killer is her partner or relative (femisida/relasi_pelaku, or household violence evidence), it is femisida.
FEMICIDE_KILLING_RULES = frozenset(
    {
        "kekerasan_fisik/pembunuhan",
        "kekerasan_fisik/dibunuh",
        "kekerasan_fisik/membunuh",
        "kekerasan_fisik/tewas_dianiaya",
        "kekerasan_fisik/mutilasi",
        "kekerasan_fisik/pencekikan",
    }
)
FEMICIDE_RELATION_RULES = frozenset({"femisida/relasi_pelaku"})


@dataclass(frozen=True)
class Evidence:
    """A span of the article that a rule matched: ``field_string[start:end] == text``."""

    field: str
    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class LabelHit:
    label: str
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Tagging:
    labels: tuple[LabelHit, ...]
    tahap: str
    tagger_version: str

    def label_names(self) -> list[str]:
        return [hit.label for hit in self.labels]


@dataclass(frozen=True)
class RuleSignals:
    """What the rules saw in an article, before deciding: raw weighted evidence per label (after the context
    guards, including labels below their threshold), weighted cues per stage, and matches per rule id."""

    label_scores: dict[str, float]
    stage_scores: dict[str, float]
    rule_counts: dict[str, int]
    full: bool = True  # victim and stage cues read even though the rules tagged no family


@dataclass(frozen=True)
class _Compiled:
    labels: RuleTable
    flags: RuleTable
    stages: RuleTable
    masks: RuleTable
    context: ContextGuard
    finder: NeedleFinder


@cache
def _compiled() -> _Compiled:
    """Compile the tables once per process, on first use (importing the package does no work)."""
    unknown = sorted({rule.label for rule in LABEL_RULES} - set(taxonomy.LABELS))
    if unknown:
        raise ValueError(f"rules for unknown labels: {unknown}")
    unknown = sorted({rule.label for rule in STAGE_RULES} - set(taxonomy.STAGES))
    if unknown:
        raise ValueError(f"cues for unknown stages: {unknown}")
    labels = RuleTable([rule for rule in LABEL_RULES if rule.label not in taxonomy.VICTIM_FLAGS])
    flags = RuleTable([rule for rule in LABEL_RULES if rule.label in taxonomy.VICTIM_FLAGS])
    stages = RuleTable(STAGE_RULES)
    masks = RuleTable([Rule(f"{name}/mask", pattern, 0.0, negatable=False) for name, pattern in MASKS.items()])
    context = ContextGuard()
    needles = set().union(*(t.needles for t in (labels, flags, stages, masks, context.table)))
    return _Compiled(labels, flags, stages, masks, context, NeedleFinder(needles))


@dataclass
class _Article:
    """One article as the matcher sees it: noise-blanked fields, their lower case, the needles present."""

    subjects: dict[str, str]
    lowered: dict[str, str]
    present: frozenset[str]
    indexes: dict[str, FieldIndex]
    mask_table: RuleTable
    _masks: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    context: ArticleContext | None = None

    def mask_spans(self, field_name: str, mask: str) -> Sequence[tuple[int, int]]:
        """Spans of a named mask in a field, found on first request."""
        key = (field_name, mask)
        if key not in self._masks:
            spans: list[tuple[int, int]] = []
            for compiled in self.mask_table.candidates(self.present):
                if compiled.rule.label == mask:
                    matches = find_matches(
                        compiled,
                        field_name,
                        self.lowered[field_name],
                        self.subjects[field_name],
                        index=self.indexes[field_name],
                    )
                    spans.extend((m.start, m.end) for m in matches)
            self._masks[key] = spans
        return self._masks[key]

    def matches(self, table: RuleTable) -> Iterable[Match]:
        for compiled in table.candidates(self.present):
            for name in FIELDS:
                yield from find_matches(
                    compiled,
                    name,
                    self.lowered[name],
                    self.subjects[name],
                    lambda mask, name=name: self.mask_spans(name, mask),
                    self.indexes[name],
                )


class RuleTagger:
    """Tags articles with taxonomy labels and a stage by the rules in ``patterns.py``.

    Holds only compiled patterns (shared per process) and a token memo, so one instance serves a whole batch;
    each worker process builds its own.
    """

    version: str = f"rules-{RULES_VERSION}"

    def __init__(self) -> None:
        self._c = _compiled()

    def tag(self, title: str, text: str) -> Tagging:
        """Tag one article. ``title`` may be empty (some sources have none); offsets refer to the inputs."""
        return self._run(title or "", text or "", signals=False)[0]

    def analyse(self, title: str, text: str, *, full: bool = True) -> tuple[Tagging, RuleSignals]:
        """Tag one article and also return the raw rule signals a statistical model can learn from.

        The signals include evidence below the decision thresholds, so a model can overrule the rules in
        either direction. With ``full`` they also include the victim and stage cues of articles the rules did
        not tag (any evidence of a family is enough); without, those cues are only read when the rules tagged
        a family, as ``tag`` does, which keeps a feed of unrelated news fast (``RuleSignals.full`` says which).
        """
        tagging, signals = self._run(title or "", text or "", signals=True, full=full)
        assert signals is not None
        return tagging, signals

    def _run(self, title: str, text: str, signals: bool, full: bool = True) -> tuple[Tagging, RuleSignals | None]:
        article = self._read(title, text)
        by_label: dict[str, list[Match]] = defaultdict(list)
        for match in article.matches(self._c.labels):
            by_label[match.rule.label].append(match)
        violence_factor = self._guard_violence(article, by_label)

        scores: dict[str, float] = {}
        evidence: dict[str, list[Match]] = {}

        def decide(label: str, matches: list[Match], flag: bool = False, force: bool = False) -> None:
            if not matches:
                return
            factor = violence_factor if label in _VIOLENCE else 1.0
            contributions = [(m, m.rule.weight * scoring.position_factor(m) * factor) for m in matches]
            if flag:
                value = scoring.score(contributions)
                subject = value >= scoring.FLAG_THRESHOLD
            else:
                subject, value = scoring.is_subject(contributions)
            if subject or force:
                scores[label] = value
                evidence[label] = matches

        for label in (*taxonomy.VIOLENCE_SUBTYPES, *taxonomy.GENDER_SUBTYPES):
            decide(label, by_label.get(label, []))
        for family, subtypes in (("kekerasan", taxonomy.VIOLENCE_SUBTYPES), ("gender", taxonomy.GENDER_SUBTYPES)):
            carried = [m for label in (family, *subtypes) for m in by_label.get(label, [])]
            decide(family, carried, force=any(s in scores for s in subtypes))
            if family in scores:
                scores[family] = max([scores[family], *(scores[s] for s in subtypes if s in scores)])

        # Signals need victim and stage cues wherever a model might see violence or gender: wherever the rules
        # found any evidence of a family, tagged or not (cheap articles with none stay cheap).
        evident = signals and full and any(matches for label, matches in by_label.items() if label not in _FLAGS)
        if "kekerasan" in scores or evident:
            for match in article.matches(self._c.flags):
                by_label[match.rule.label].append(match)
            violence_factor = self._guard_violence(article, by_label, labels=taxonomy.VICTIM_FLAGS)
        if "kekerasan" in scores:
            decide("korban_anak", by_label.get("korban_anak", []), flag=True)
            femicide = evidence.get("femisida", [])  # a femicide's victim is a woman by definition
            decide("korban_perempuan", by_label.get("korban_perempuan", []) + femicide, flag=True, force=bool(femicide))
            if "femisida" not in scores and "korban_perempuan" in scores:
                self._infer_femicide(by_label, scores, evidence, violence_factor)

        labels = tuple(
            LabelHit(label, scoring.confidence(scores[label]), self._evidence(evidence[label], title, text))
            for label in taxonomy.close_labels(scores)
        )
        stage_scores = self._stage_scores(article) if evident or set(scores) & set(taxonomy.FAMILIES) else {}
        tagging = Tagging(labels=labels, tahap=self._stage(set(scores), stage_scores), tagger_version=self.version)
        if not signals:
            return tagging, None
        raw = {}
        for label, matches in by_label.items():
            if matches:
                factor = violence_factor if label in _VIOLENCE else 1.0
                raw[label] = scoring.score((m, m.rule.weight * scoring.position_factor(m) * factor) for m in matches)
        rule_counts: dict[str, int] = defaultdict(int)
        for matches in by_label.values():
            for match in matches:
                rule_counts[match.rule.id] += 1
        complete = full or "kekerasan" in scores
        return tagging, RuleSignals(raw, stage_scores, dict(rule_counts), complete)

    # -- steps --------------------------------------------------------------------------------------------

    @staticmethod
    def _infer_femicide(
        by_label: dict[str, list[Match]], scores: dict[str, float], evidence: dict[str, list[Match]], factor: float
    ) -> None:
        """Tag femisida from its pieces (see FEMICIDE_KILLING_RULES); the evidence is the pieces."""
        killing = [m for m in evidence.get("kekerasan_fisik", []) if m.rule.id in FEMICIDE_KILLING_RULES]
        relation = [m for m in by_label.get("femisida", []) if m.rule.id in FEMICIDE_RELATION_RULES]
        relation += evidence.get("kdrt", [])
        if not killing or not relation:
            return
        pieces = killing + relation
        scores["femisida"] = scoring.score((m, m.rule.weight * scoring.position_factor(m) * factor) for m in pieces)
        evidence["femisida"] = pieces

    def _read(self, title: str, text: str) -> _Article:
        subjects = {"title": blank_noise(title), "text": blank_noise(text)}
        lowered_subjects = {name: lowered(subject) for name, subject in subjects.items()}
        present, longest_token = self._c.finder.scan(lowered_subjects.values())
        indexes = {name: FieldIndex(subject, longest_token) for name, subject in lowered_subjects.items()}
        return _Article(subjects, lowered_subjects, present, indexes, self._c.masks)

    def _guard_violence(
        self, article: _Article, by_label: dict[str, list[Match]], labels: Iterable[str] = _VIOLENCE
    ) -> float:
        """Drop violence evidence in out-of-scope settings; return the article-wide violence factor."""
        labels = [label for label in labels if by_label.get(label)]
        if not labels:
            return article.context.factor if article.context else 1.0
        if article.context is None:
            article.context = self._c.context.scan(article.present, article.subjects, article.lowered, article.indexes)
        context = article.context
        for label in labels:
            by_label[label] = [m for m in by_label[label] if context.blocking_cue(m.field, m.start, m.end) is None]
        return context.factor

    @staticmethod
    def _evidence(matches: list[Match], title: str, text: str) -> tuple[Evidence, ...]:
        raw = {"title": title, "text": text}
        unique = sorted({(FIELDS.index(m.field), m.start, m.end, m.rule.id) for m in matches})
        return tuple(
            Evidence(FIELDS[index], start, end, raw[FIELDS[index]][start:end], rule_id)
            for index, start, end, rule_id in unique[:MAX_EVIDENCE]
        )

    def _stage_scores(self, article: _Article) -> dict[str, float]:
        """The weighted stage cues of an article (see ``scoring``), per stage that has any."""
        by_stage: dict[str, list[tuple[Match, float]]] = defaultdict(list)
        for match in article.matches(self._c.stages):
            by_stage[match.rule.label].append((match, match.rule.weight * scoring.stage_position_factor(match)))
        return {stage: scoring.score(cues) for stage, cues in by_stage.items()}

    @staticmethod
    def _stage(chosen: set[str], stage_scores: dict[str, float]) -> str:
        """The stage with the most weighted cues, defaulting by family."""
        if not chosen & set(taxonomy.FAMILIES):
            return "lainnya"
        best = "kejadian" if "kekerasan" in chosen else "lainnya"
        best_score = scoring.STAGE_MIN
        for stage in taxonomy.STAGES:
            if stage == "kejadian" and "kekerasan" not in chosen:
                continue  # an incident stage needs an incident of violence
            value = stage_scores.get(stage, 0.0)
            if value > best_score:
                best, best_score = stage, value
        return best
