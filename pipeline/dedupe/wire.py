"""Wire copies: an article another outlet took from a news agency (in Sorot's registry, ANTARA).

A story's reach (how many outlets carried it) is only right if the copies are recognised, and a copy
does not always say so the same way:

* the agency's dateline at the start, "Palangka Raya (ANTARA) - ..." (the usual form);
* the agency's dateline a little later, after the carrier's own prefix or kicker ("TRIBUNKALTENG.COM -
  Palangka Raya (ANTARA) - ...");
* no dateline, but a closing credit: "(Ant)", "Sumber: Antara" (the extractor removes the line from the
  text and reports the agency it named);
* nothing printed at all: the text itself is the agency's. That case needs the agency's own article, so
  it is decided when articles are grouped into stories (the warehouse marks every non-agency article in
  a story that holds an agency article; see `warehouse.loader.Loader.refresh_stories`).

The agency itself is never its own copy: ANTARA's regional sites print "(ANTARA)" in every dateline.
"""

from __future__ import annotations

from ..normalise.dateline import ANTARA_AGENCY, Dateline, carries_antara_dateline

__all__ = ["wire_agency_for"]


def wire_agency_for(
    opening: str,
    dateline: Dateline,
    credited_agency: str | None = None,
    *,
    own_agency: bool = False,
) -> str | None:
    """The agency an article was taken from, or None for the outlet's own article.

    `opening` is the article's text as extracted (before its dateline is split off), `dateline` what
    `split_dateline` read from it, `credited_agency` the agency a closing credit named
    (`ExtractedPage.wire_agency`), and `own_agency` whether the outlet is itself a wire agency.
    """
    if own_agency:
        return None
    if dateline.agency:
        return dateline.agency
    if carries_antara_dateline(opening):
        return ANTARA_AGENCY
    return credited_agency
