"""The explainable rules-based tagger (taxonomy labels, victim flags, stage, with evidence spans).

Importing this package compiles nothing: patterns are compiled when the first ``RuleTagger`` is built.
"""

from sorot.models.rules.tagger import Evidence, LabelHit, RuleSignals, RuleTagger, Tagging

__all__ = ["Evidence", "LabelHit", "RuleSignals", "RuleTagger", "Tagging"]
