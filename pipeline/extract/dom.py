"""Parse page text into an lxml tree, turning the parser's failures into a readable refusal.

The parser is configured like trafilatura's own (comments and processing instructions dropped, UTF-8
bytes in), so the tree can be handed to trafilatura as it is, instead of letting it parse the page a
second time.

Nesting: libxml2 stops reading at 256 levels and silently drops everything deeper, and old pages reach
that with unclosed tags (`<font>` or `<div>` opened per paragraph and never closed), losing the article.
Such a page is parsed again with the parser's limit raised (2,048 levels), and the tags that make the
nesting are then unwrapped (their text stays where it was) until the tree is shallow again, so that no
recursive code downstream (trafilatura's, Python's) meets a tree thousands of levels deep.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree, html
from lxml.cssselect import CSSSelector

from .errors import NotAnArticleError

__all__ = ["MAX_DEPTH", "parse_document", "select"]

_OPTIONS = {"collect_ids": False, "default_doctype": False, "encoding": "utf-8", "remove_comments": True,
            "remove_pis": True}
_PARSER = html.HTMLParser(**_OPTIONS)
_DEEP_PARSER = html.HTMLParser(**_OPTIONS, huge_tree=True)
#: nesting kept after unwrapping; real article pages stay far below it (a few dozen levels)
MAX_DEPTH = 128
_MAX_FLATTEN_ROUNDS = 4
_KEEP_TAGS = frozenset({"html", "head", "body"})


def parse_document(text: str) -> html.HtmlElement:
    """The document tree of `text`; NotAnArticleError when lxml cannot build one."""
    data = text.encode("utf-8", "surrogatepass")
    tree = _parse(data, _PARSER)
    if _hit_depth_limit(_PARSER):
        tree = _parse(data, _DEEP_PARSER)
        for _ in range(_MAX_FLATTEN_ROUNDS):
            if not _hit_depth_limit(_DEEP_PARSER):
                break
            # Deeper than even the raised limit: remove the nesting tags from the markup itself.
            tags = _repeated_tags(tree, _deepest(tree))
            if not tags:
                break
            pattern = rb"</?(?:" + b"|".join(re.escape(t.encode()) for t in tags) + rb")\b[^>]*>"
            data = re.sub(pattern, b"", data, flags=re.IGNORECASE)
            tree = _parse(data, _DEEP_PARSER)
        _flatten(tree)
    return tree


def _parse(data: bytes, parser: html.HTMLParser) -> html.HtmlElement:
    try:
        tree = html.fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise NotAnArticleError(f"the page cannot be parsed as HTML ({error})") from None
    if tree is None or not isinstance(tree.tag, str):
        raise NotAnArticleError("the page cannot be parsed as HTML (no document)")
    return tree


def _hit_depth_limit(parser: html.HTMLParser) -> bool:
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _flatten(tree: html.HtmlElement) -> None:
    """Unwrap the tags that repeat along the deepest branch until the tree is at most MAX_DEPTH deep."""
    for _ in range(_MAX_FLATTEN_ROUNDS):
        deepest = _deepest(tree)
        if deepest[1] <= MAX_DEPTH:
            return
        repeated = _repeated_tags(tree, deepest)
        if not repeated:
            return
        etree.strip_tags(tree, *repeated)


def _repeated_tags(tree: html.HtmlElement, deepest: tuple[html.HtmlElement, int]) -> list[str]:
    """The tags that make up most of the deepest branch: unwrapping them everywhere keeps all the text."""
    element, depth = deepest
    counts: dict[str, int] = {}
    for ancestor in element.iterancestors():
        if isinstance(ancestor.tag, str) and ancestor.tag not in _KEEP_TAGS:
            counts[ancestor.tag] = counts.get(ancestor.tag, 0) + 1
    return [tag for tag, count in counts.items() if count * 8 >= depth]


def _deepest(tree: html.HtmlElement) -> tuple[html.HtmlElement, int]:
    """The deepest element and its depth (iteratively: the tree may be thousands of levels deep)."""
    depths = {tree: 0}
    deepest, most = tree, 0
    for element in tree.iterdescendants():
        depth = depths[element.getparent()] + 1
        depths[element] = depth
        if depth > most:
            deepest, most = element, depth
    return deepest, most


@lru_cache(maxsize=1024)
def _compiled(selector: str) -> CSSSelector | None:
    """The selector translated to XPath once per process: translating it is dearer than running it."""
    try:
        return CSSSelector(selector, translator="html")
    except Exception:  # a malformed selector from a configured outlet must not stop extraction
        return None


def select(element: html.HtmlElement, selector: str | None) -> list[html.HtmlElement]:
    """The elements under `element` (itself included) that match a CSS selector; none for a bad one."""
    if not selector:
        return []
    compiled = _compiled(selector)
    if compiled is None:
        return []
    try:
        return compiled(element)
    except Exception:  # an XPath evaluation error on a strange tree: treat as no match
        return []
