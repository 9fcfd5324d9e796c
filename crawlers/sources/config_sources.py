"""Outlets declared in the configuration file instead of code: the registry entry a user can write.

Only data is accepted (strings, lists, numbers); anything unknown or malformed is refused with a message that
names the entry and the field, so a typo never silently disables an outlet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .model import Listing, ParserSpec, Source

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")
_ZONES = ("WIB", "WITA", "WIT")
_FIELDS = {
    "key", "name", "outlet_type", "region", "hosts", "homepage", "feeds", "sitemaps", "listings",
    "article_url_pattern", "exclude_path_prefixes", "timezone", "language", "is_wire_agency", "parser",
}
_PARSER_FIELDS = {
    "title_selector", "date_selector", "author_selector", "section_selector", "tags_selector", "body_selector",
    "drop_selectors", "drop_paragraph_patterns", "strip_prefix_patterns", "strip_suffix_patterns",
    "title_suffixes", "favor_precision", "editor_selector", "modified_selector", "drop_inline_patterns",
    "pagination_selector", "full_page_query",
}


class SourceConfigError(ValueError):
    """A `[[sources]]` entry of the configuration cannot be used; the message says which and why."""


def _strings(entry: Mapping[str, Any], name: str, where: str, *, required: bool = False) -> tuple[str, ...]:
    value = entry.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise SourceConfigError(f"{where}: {name} must be a list of non-empty strings")
    if required and not value:
        raise SourceConfigError(f"{where}: {name} is required")
    return tuple(value)


def _regex_list(values: tuple[str, ...], name: str, where: str) -> tuple[str, ...]:
    for value in values:
        try:
            re.compile(value)
        except re.error as error:
            raise SourceConfigError(f"{where}: {name} has an invalid regular expression {value!r}: {error}") from None
    return values


def _full_page_query(parser: Mapping[str, Any], where: str) -> str | None:
    """The query showing a split article whole ("page=all"): one or more name=value pairs."""
    value = parser.get("full_page_query")
    if value is None:
        return None
    if not isinstance(value, str) or not all("=" in pair for pair in value.split("&")):
        raise SourceConfigError(f"{where}: full_page_query must be a query string such as 'page=all'")
    return value


def source_from_config(entry: Mapping[str, Any], position: int = 1) -> Source:
    """Build a Source from one configuration entry."""
    if not isinstance(entry, Mapping):
        raise SourceConfigError(f"sources entry {position}: expected a table of settings")
    key = entry.get("key")
    where = f"source {key!r} (entry {position})" if key else f"sources entry {position}"
    unknown = set(entry) - _FIELDS
    if unknown:
        raise SourceConfigError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}")
    if not isinstance(key, str) or not _KEY.match(key):
        raise SourceConfigError(f"{where}: key must be lower-case letters, digits and dashes")
    hosts = tuple(h.lower() for h in _strings(entry, "hosts", where, required=True))
    feeds = _strings(entry, "feeds", where)
    sitemaps = _strings(entry, "sitemaps", where)
    if not feeds and not sitemaps:
        raise SourceConfigError(f"{where}: give at least one of feeds or sitemaps")
    for url in (*feeds, *sitemaps):
        if not url.startswith(("http://", "https://")):
            raise SourceConfigError(f"{where}: {url!r} is not an http(s) URL")
    zone = entry.get("timezone", "WIB")
    if zone not in _ZONES:
        raise SourceConfigError(f"{where}: timezone must be one of {', '.join(_ZONES)}")
    pattern = entry.get("article_url_pattern") or (
        r"https://(?:" + "|".join(re.escape(h) for h in hosts) + r")(?::\d+)?/.+"
    )
    _regex_list((pattern,), "article_url_pattern", where)
    listings = []
    for item in entry.get("listings", []):
        if not isinstance(item, Mapping) or "{page}" not in str(item.get("url_template", "")):
            raise SourceConfigError(f"{where}: each listing needs a url_template containing {{page}}")
        listings.append(Listing(str(item["url_template"]), str(item.get("link_selector", "a")),
                                int(item.get("first_page", 1)), int(item.get("max_pages", 20))))
    parsers: tuple[ParserSpec, ...] = ()
    parser = entry.get("parser")
    if parser is not None:
        if not isinstance(parser, Mapping) or set(parser) - _PARSER_FIELDS:
            raise SourceConfigError(f"{where}: parser accepts only {', '.join(sorted(_PARSER_FIELDS))}")
        text_fields = {name: parser[name] for name in parser if name.endswith("_selector")}
        if not all(isinstance(v, str) for v in text_fields.values()):
            raise SourceConfigError(f"{where}: parser selectors must be strings")
        parsers = (ParserSpec(
            version=f"config-{key}.1",
            marker_selector=text_fields.get("body_selector"),
            **text_fields,
            drop_selectors=_strings(parser, "drop_selectors", where),
            drop_paragraph_patterns=_regex_list(_strings(parser, "drop_paragraph_patterns", where),
                                                "drop_paragraph_patterns", where),
            strip_prefix_patterns=_regex_list(_strings(parser, "strip_prefix_patterns", where),
                                              "strip_prefix_patterns", where),
            strip_suffix_patterns=_regex_list(_strings(parser, "strip_suffix_patterns", where),
                                              "strip_suffix_patterns", where),
            title_suffixes=_strings(parser, "title_suffixes", where),
            favor_precision=bool(parser.get("favor_precision", False)),
            drop_inline_patterns=_regex_list(_strings(parser, "drop_inline_patterns", where),
                                             "drop_inline_patterns", where),
            full_page_query=_full_page_query(parser, where),
        ),)
    return Source(
        key=key,
        name=str(entry.get("name", key)),
        outlet_type=str(entry.get("outlet_type", "regional")),
        region=str(entry["region"]) if entry.get("region") else None,
        hosts=hosts,
        homepage=str(entry.get("homepage", f"https://{hosts[0]}/")),
        feeds=feeds,
        sitemaps=sitemaps,
        listings=tuple(listings),
        article_url_pattern=pattern,
        exclude_path_prefixes=_strings(entry, "exclude_path_prefixes", where),
        timezone=zone,
        language=str(entry.get("language", "id")),
        is_wire_agency=bool(entry.get("is_wire_agency", False)),
        parsers=parsers,
    )
