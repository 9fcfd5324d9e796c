"""Declarative description of a news outlet: where its articles are found and how its pages are cleaned.

Per-outlet knowledge lives in small data declarations (one file per publisher group, in the spirit of
Fundus's publisher files) so that shared crawling and extraction code never grows `if outlet == ...` chains.
The crawler reads the discovery part (hosts, feeds, URL pattern); the pipeline reads the parser part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property


@dataclass(frozen=True)
class ParserSpec:
    """How to read one page template of an outlet, valid from a date on.

    Selectors are CSS. Everything is optional: with no body selector trafilatura reads the whole page.
    `version` is stored with every extracted article so a changed template can be traced and re-processed.
    """

    version: str
    valid_from: date | None = None
    #: marks pages of this template; the first spec whose marker is present wins (newest first)
    marker_selector: str | None = None
    title_selector: str | None = None
    date_selector: str | None = None
    author_selector: str | None = None
    section_selector: str | None = None
    tags_selector: str | None = None
    body_selector: str | None = None
    #: elements removed from the body before extraction (related links, captions, ads, footers)
    drop_selectors: tuple[str, ...] = ()
    #: whole paragraphs removed after extraction when they match (e.g. "Baca juga: ...")
    drop_paragraph_patterns: tuple[str, ...] = ()
    #: text removed from the start of the first paragraph (e.g. "KOMPAS.com -")
    strip_prefix_patterns: tuple[str, ...] = ()
    #: text removed from the end of the last paragraph (an editors' initials trailer glued to it)
    strip_suffix_patterns: tuple[str, ...] = ()
    #: suffixes removed from titles (" - ANTARA News")
    title_suffixes: tuple[str, ...] = ()
    #: name of a byline footer format understood by the pipeline ("antara"), read before it is dropped
    footer_format: str | None = None
    #: element holding the byline footer text
    footer_selector: str | None = None
    #: ask trafilatura to prefer precision (outlets that leak headline lists)
    favor_precision: bool = False
    #: element naming the editor when the page prints one outside a byline footer
    editor_selector: str | None = None
    #: element holding the last-modified time (its text, or its datetime/content attribute)
    modified_selector: str | None = None
    #: text removed wherever it occurs inside a paragraph (an inline "Baca juga: ..." glued into one)
    drop_inline_patterns: tuple[str, ...] = ()
    #: an element present only when the page shows one part of an article split over several pages
    pagination_selector: str | None = None
    #: the query that shows such an article whole on one page ("page=all")
    full_page_query: str | None = None

    @cached_property
    def drop_paragraph_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.drop_paragraph_patterns)

    @cached_property
    def strip_prefix_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.strip_prefix_patterns)

    @cached_property
    def strip_suffix_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.strip_suffix_patterns)

    @cached_property
    def drop_inline_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.drop_inline_patterns)


@dataclass(frozen=True)
class Listing:
    """A paginated listing page used for backfill (only with `sorot crawl --backfill`)."""

    #: URL with a `{page}` placeholder, e.g. "https://kalteng.tribunnews.com/index-news?page={page}"
    url_template: str
    #: CSS selector of article links on the page (default: every link, filtered by the article URL pattern)
    link_selector: str = "a"
    first_page: int = 1
    max_pages: int = 20


@dataclass(frozen=True)
class Source:
    """One outlet (or one bureau of an outlet) that Sorot monitors."""

    key: str
    name: str
    #: "wire" (news agency), "national", "regional"
    outlet_type: str
    #: the province the outlet mainly covers, or None for national outlets
    region: str | None
    hosts: tuple[str, ...]
    homepage: str
    feeds: tuple[str, ...] = ()
    #: sitemaps or sitemap indexes (news sitemaps included); entries are filtered by lastmod
    sitemaps: tuple[str, ...] = ()
    #: listing pages for backfill; empty for outlets whose terms allow only feeds (ANTARA)
    listings: tuple[Listing, ...] = ()
    #: regex an article URL must match (full match on the canonical URL)
    article_url_pattern: str = r"https?://[^/]+/.+"
    #: path prefixes that are never articles even if they match
    exclude_path_prefixes: tuple[str, ...] = ()
    #: the home time zone used when a page gives a time without a zone: "WIB", "WITA" or "WIT"
    timezone: str = "WIB"
    language: str = "id"
    #: True for a news agency whose copies other outlets carry (their dateline marks a wire copy)
    is_wire_agency: bool = False
    #: parser specs, newest first
    parsers: tuple[ParserSpec, ...] = field(default=())

    @cached_property
    def article_url_re(self) -> re.Pattern[str]:
        return re.compile(self.article_url_pattern)

    def owns_host(self, host: str) -> bool:
        """True when `host` (lower-case, without port) belongs to this outlet."""
        return host.lower() in self.hosts

    def is_article_url(self, url: str) -> bool:
        """True when a (canonical) URL is an article page of this outlet."""
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        if not self.owns_host(parts.hostname or ""):
            return False
        if any(parts.path.startswith(prefix) for prefix in self.exclude_path_prefixes):
            return False
        return self.article_url_re.fullmatch(url) is not None
