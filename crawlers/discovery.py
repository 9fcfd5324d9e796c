"""Reading discovery documents: RSS/Atom feeds, sitemaps (news sitemaps included) and listing pages.

Pure functions over bytes, so each format's quirks are tested without a crawl. Publishers' XML is untrusted:
the parser never resolves entities or fetches DTDs, and recovers what it can from malformed files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from lxml import etree, html

_XML_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class Entry:
    """A link found in a feed, sitemap or listing, with what the document said of it."""

    url: str
    title: str | None = None
    date: str | None = None


def parse_any_date(value: str | None) -> datetime | None:
    """RFC 822 (feeds) or ISO 8601 (Atom, sitemaps) into an aware datetime; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is None:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def in_window(value: str | None, since: date | None, until: date | None) -> bool:
    """True when a document date falls inside [since, until]; an undated entry is always kept."""
    moment = parse_any_date(value)
    if moment is None:
        return True
    day = moment.date()
    return (since is None or day >= since) and (until is None or day <= until)


def _root(body: bytes) -> etree._Element | None:
    if not body.strip():
        return None
    try:
        return etree.fromstring(body, _XML_PARSER)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(element: etree._Element, *names: str) -> str | None:
    for child in element:
        if _local(child.tag) in names and child.text and child.text.strip():
            return " ".join(child.text.split())
    return None


def feed_entries(body: bytes) -> list[Entry]:
    """Items of an RSS 2.0/1.0 feed or entries of an Atom feed; empty for anything else."""
    root = _root(body)
    if root is None:
        return []
    entries = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":
            link = _child_text(element, "link") or _child_text(element, "guid")
            if link:
                entries.append(Entry(link, _child_text(element, "title"),
                                     _child_text(element, "pubDate", "date", "published")))
        elif name == "entry":
            link = None
            for child in element:
                if _local(child.tag) == "link" and child.get("href") and child.get("rel", "alternate") == "alternate":
                    link = child.get("href")
                    break
            if link:
                entries.append(Entry(link, _child_text(element, "title"),
                                     _child_text(element, "published", "updated")))
    return entries


@dataclass(frozen=True)
class SitemapDocument:
    is_index: bool
    entries: list[Entry]


def sitemap_entries(body: bytes) -> SitemapDocument | None:
    """A sitemap index (child sitemaps) or a URL set (pages, with news publication dates when present)."""
    root = _root(body)
    if root is None or _local(root.tag) not in ("sitemapindex", "urlset"):
        return None
    is_index = _local(root.tag) == "sitemapindex"
    entries = []
    for element in root:
        if _local(element.tag) not in ("sitemap", "url"):
            continue
        loc = _child_text(element, "loc")
        if not loc:
            continue
        title, when = None, _child_text(element, "lastmod")
        for child in element:
            if _local(child.tag) == "news":
                title = _child_text(child, "title") or title
                when = _child_text(child, "publication_date") or when
        entries.append(Entry(loc, title, when))
    return SitemapDocument(is_index, entries)


def listing_links(body: bytes, base_url: str, selector: str) -> Iterator[str]:
    """Absolute links of a listing page selected by CSS."""
    try:
        tree = html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        return
    tree.make_links_absolute(base_url, resolve_base_href=True)
    for element in tree.cssselect(selector):
        anchors = [element] if element.tag == "a" else element.iter("a")
        for anchor in anchors:
            href = anchor.get("href")
            if href and href.startswith(("http://", "https://")):
                yield href
