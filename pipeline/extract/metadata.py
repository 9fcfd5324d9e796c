"""What a page says about itself in machine-readable form: meta tags, microdata and JSON-LD.

These are candidates, not answers: outlets fill them inconsistently (detik labels WIB wall-clock time as
UTC, ANTARA's JSON-LD names the editor as "author", many sites put the publisher in meta author), so the
template reader and the date resolver weigh them against what the page prints.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import html

__all__ = ["PageMetadata", "read_metadata"]

_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report", re.IGNORECASE)
# meta author values that name a publisher or a desk rather than a person
_ORGANISATION_RE = re.compile(
    r"\b(?:PT\.?|Media|Cyber|Group|Network|Redaksi|Newsroom|Team|Tim)\b|\.(?:com|co\.id|id|net|org|tv)\b",
    re.IGNORECASE,
)
_MAX_JSON_LD_CHARS = 200_000


@dataclass
class PageMetadata:
    """Machine-readable hints, each the first non-empty value found (lists keep every value)."""

    titles: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    author: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    canonical: str | None = None
    language: str | None = None
    #: a person named as author in JSON-LD (an Organization there is the publisher, not a byline)
    declared_person: str | None = None


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


class _Meta:
    """Every <meta> of the page indexed once by name, property, itemprop and http-equiv (lower-cased)."""

    def __init__(self, tree: html.HtmlElement) -> None:
        self.by_key: dict[str, list[str]] = {}
        for element in tree.iter("meta"):
            content = " ".join((element.get("content") or "").split())
            if not content:
                continue
            for attribute in ("property", "name", "itemprop", "http-equiv"):
                key = element.get(attribute)
                if key:
                    values = self.by_key.setdefault(key.strip().lower(), [])
                    if content not in values:
                        values.append(content)

    def values(self, *keys: str) -> list[str]:
        found: list[str] = []
        for key in keys:
            for value in self.by_key.get(key.lower(), ()):
                if value not in found:
                    found.append(value)
        return found


def _attribute_values(tree: html.HtmlElement, xpath: str) -> list[str]:
    return [v for v in (" ".join(str(x).split()) for x in tree.xpath(xpath)) if v]


def read_metadata(tree: html.HtmlElement) -> PageMetadata:
    """Collect title, date, author, section, tag, canonical and language hints from `tree` (read only)."""
    meta = PageMetadata()
    tags = _Meta(tree)
    titles = tags.values("og:title", "twitter:title")
    for element in tree.iter("title"):
        text = " ".join(element.text_content().split())
        if text and text not in titles:
            titles.append(text)
        break
    meta.titles = titles
    meta.headings = [h for h in (" ".join(e.text_content().split()) for e in tree.iter("h1")) if h]
    meta.published = tags.values(
        "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
        "content_publisheddate", "dc.date.issued", "parsely-pub-date", "sailthru.date", "date",
    )
    for value in _attribute_values(tree, "//*[@itemprop='datePublished']/@content | "
                                         "//time[@itemprop='datePublished' or @pubdate]/@datetime"):
        if value not in meta.published:
            meta.published.append(value)
    meta.modified = tags.values("article:modified_time", "datemodified", "og:updated_time")
    author = _first(tags.values("author", "content_author", "article:author"))
    meta.author = author if author and not _ORGANISATION_RE.search(author) else None
    meta.section = _first(tags.values("article:section", "content_category"))
    keywords = _first(tags.values("news_keywords", "keywords"))
    meta.tags = _split_tags(keywords) if keywords else tags.values("article:tag")
    canonical = _attribute_values(tree, "//link[@rel='canonical']/@href")
    meta.canonical = _first(canonical) or _first(tags.values("og:url"))
    root = tree.getroottree().getroot()
    meta.language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or _first(
        tags.values("content-language"))
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        _merge_json_ld(meta, script)
    return meta


def _split_tags(value: str) -> list[str]:
    tags = []
    for tag in value.split(","):
        tag = tag.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _merge_json_ld(meta: PageMetadata, script: str) -> None:
    if len(script) > _MAX_JSON_LD_CHARS:
        return
    try:
        data = json.loads(script)
    except (json.JSONDecodeError, ValueError, RecursionError):
        return
    for node in _article_nodes(data):
        headline = node.get("headline")
        if isinstance(headline, str) and headline.strip() and headline.strip() not in meta.titles:
            meta.titles.append(" ".join(headline.split()))
        for key, target in (("datePublished", meta.published), ("dateModified", meta.modified)):
            value = node.get(key)
            if isinstance(value, str) and value.strip() and value.strip() not in target:
                target.append(value.strip())
        section = node.get("articleSection")
        if meta.section is None and isinstance(section, str) and section.strip():
            meta.section = section.strip()
        elif meta.section is None and isinstance(section, list) and section and isinstance(section[0], str):
            meta.section = section[0].strip() or None
        keywords = node.get("keywords")
        if not meta.tags and isinstance(keywords, str):
            meta.tags = _split_tags(keywords)
        elif not meta.tags and isinstance(keywords, list):
            meta.tags = [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
        # JSON-LD "author" only as a last resort, and only a Person: ANTARA has named the editor there,
        # many outlets their publisher (an Organization).
        if meta.declared_person is None:
            meta.declared_person = _person(node.get("author"))


def _person(value: object) -> str | None:
    """The name of the first Person in a JSON-LD author value (an object or a list of them)."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and str(item.get("@type", "")) == "Person":
            name = item.get("name")
            if isinstance(name, str) and name.strip() and not _ORGANISATION_RE.search(name):
                return " ".join(name.split())
    return None


def _article_nodes(data: object) -> list[dict]:
    """Article-typed objects in a JSON-LD document: top level, lists and @graph, one level deep."""
    nodes: list[dict] = []
    candidates = data if isinstance(data, list) else [data]
    for item in candidates:
        if not isinstance(item, dict):
            continue
        graph = item.get("@graph")
        for node in ([item] + (graph if isinstance(graph, list) else [])):
            if isinstance(node, dict) and _ARTICLE_TYPES.search(str(node.get("@type", ""))):
                nodes.append(node)
    return nodes
