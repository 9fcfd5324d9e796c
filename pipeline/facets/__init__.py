"""Facets of one article beyond its topic labels: the regions it is about and the people it quotes.

Victim flags and the stage come with the labels (``sorot.models.classifier``); this package adds what staff
and researchers filter by: province and regency/city (``regions``), and who was quoted, with their role
(``quotes``). Both are pure functions of the article's title, text and dateline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..normalise.dateline import split_dateline
from .quotes import Quoted, find_quoted
from .regions import Region, find_regions

__all__ = ["Facets", "Quoted", "Region", "extract_facets", "find_quoted", "find_regions"]


@dataclass(frozen=True)
class Facets:
    regions: list[Region] = field(default_factory=list)
    quoted: list[Quoted] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"regions": [r.to_json() for r in self.regions], "quoted": [q.to_json() for q in self.quoted]}


def extract_facets(title: str | None, text: str, dateline: str | None = None) -> Facets:
    """Regions (dateline first) and quoted people of one article.

    Without a ``dateline`` (``sorot classify`` gets raw text), the one at the start of the text is used.
    """
    if dateline is None and text:
        dateline = split_dateline(text).place
    return Facets(regions=find_regions(title or "", text or "", dateline), quoted=find_quoted(text or ""))
