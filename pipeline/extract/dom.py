"""Parse page text into an lxml tree, turning the parser's failures into a readable refusal.

The parser is configured like trafilatura's own (comments and processing instructions dropped, UTF-8
bytes in), so the tree can be handed to trafilatura as it is, instead of letting it parse the page a
second time. libxml2 caps nesting at 256 levels (deeper elements are attached at the cap), so a
maliciously deep page costs no recursion anywhere downstream; what remains to handle is the parser
giving up altogether.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree, html
from lxml.cssselect import CSSSelector

from .errors import NotAnArticleError

__all__ = ["parse_document", "select"]

_PARSER = html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                          remove_pis=True)


def parse_document(text: str) -> html.HtmlElement:
    """The document tree of `text`; NotAnArticleError when lxml cannot build one."""
    try:
        tree = html.fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise NotAnArticleError(f"the page cannot be parsed as HTML ({error})") from None
    if tree is None or not isinstance(tree.tag, str):
        raise NotAnArticleError("the page cannot be parsed as HTML (no document)")
    return tree


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
