"""Articles split over several pages (Tribun, Kompas): notice a partial page and name the whole one.

Tribun's CMS splits long stories into pages and serves the whole story with `?page=all`; a crawler that
stored page 1 alone would keep a third of the article. The outlet declares both the marker of a partial
page (its pager) and the query that shows everything, so the extractor can say which URL holds the whole
article and the crawler can fetch that one instead.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import html

from sorot.crawlers.sources import ParserSpec

from .dom import select

__all__ = ["full_article_url", "is_partial_page"]


def full_article_url(url: str, spec: ParserSpec | None) -> str | None:
    """The URL that shows the whole article (`url` with the spec's full-page query), or None if unknown."""
    if spec is None or not spec.full_page_query:
        return None
    parts = urlsplit(url)
    wanted = parse_qsl(spec.full_page_query, keep_blank_values=True)
    names = {name for name, _ in wanted}
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in names] + wanted
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def is_partial_page(tree: html.HtmlElement, url: str, spec: ParserSpec | None) -> bool:
    """True when the page shows one part of a split article (its pager is there and the URL is not whole)."""
    if spec is None or not spec.pagination_selector:
        return False
    whole = full_article_url(url, spec)
    if whole is not None and _query_holds(url, spec.full_page_query or ""):
        return False
    return bool(select(tree, spec.pagination_selector))


def _query_holds(url: str, query: str) -> bool:
    present = set(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    return all(pair in present for pair in parse_qsl(query, keep_blank_values=True))
