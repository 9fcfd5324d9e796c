"""The topic classifier: rule signals + TF-IDF words into calibrated linear heads, trained on the gold set.

``load_tagger`` is what the pipeline calls: the newest trained model it can load, else the shipped one, else
the rules tagger (the fallback that always works), so a broken or missing model file never stops ingestion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sorot.models.classifier.artefact import SHIPPED, ModelFileError, load, save
from sorot.models.classifier.model import Classification, TopicModel
from sorot.models.rules import RuleTagger

__all__ = ["SHIPPED", "Classification", "ModelFileError", "TopicModel", "load", "load_tagger", "save"]


def load_tagger(
    candidates: Iterable[Path] = (), *, on_fallback: Callable[[str], None] | None = None
) -> TopicModel | RuleTagger:
    """The first model file among ``candidates`` (then the shipped model) that loads; else the rules tagger."""
    problems = []
    for path in [*candidates, SHIPPED]:
        if not Path(path).exists():
            continue
        try:
            return load(Path(path))
        except (OSError, ValueError, KeyError) as error:
            problems.append(f"{path}: {error}")
    if on_fallback is not None:
        detail = "; ".join(problems) if problems else "no model file found"
        on_fallback(f"using the rules tagger ({detail})")
    return RuleTagger()
