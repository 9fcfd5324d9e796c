"""Pure text normalisation for extracted articles: dates, datelines, bylines, repeats, language, whitespace.

Every function here works on strings only (no I/O, no network) so the crawler, the processing pipeline and
the tests can call them freely. Import from the submodules (`sorot.pipeline.normalise.dates`...); the
names re-exported below are the ones other stages use most.
"""

from .bylines import ANTARA_AI_NOTICE_RE, ANTARA_FOOTER_RE, Byline, clean_person_name, parse_antara_footer
from .dateline import Dateline, carries_antara_dateline, split_dateline
from .dates import ZONE_OFFSETS, implausible_date_reason, parse_feed_date, parse_indonesian_datetime, to_utc
from .language import detect_language
from .repeats import remove_repeated_paragraphs, remove_repeated_sentences_block
from .text import join_paragraphs, normalise_whitespace, split_paragraphs, strip_title_suffix

__all__ = [
    "ANTARA_AI_NOTICE_RE",
    "ANTARA_FOOTER_RE",
    "ZONE_OFFSETS",
    "Byline",
    "Dateline",
    "carries_antara_dateline",
    "clean_person_name",
    "detect_language",
    "implausible_date_reason",
    "join_paragraphs",
    "normalise_whitespace",
    "parse_antara_footer",
    "parse_feed_date",
    "parse_indonesian_datetime",
    "remove_repeated_paragraphs",
    "remove_repeated_sentences_block",
    "split_dateline",
    "split_paragraphs",
    "strip_title_suffix",
    "to_utc",
]
