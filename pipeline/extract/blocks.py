"""Read an element's text as a reader sees it: one paragraph per block, inline markup joined into words.

Used on an outlet's declared content block, and on the container of an article trafilatura found, to take
back text that sits directly in a <div> or after a <br> rather than inside a <p> (KapanLagi's lead, Kompas's
first paragraphs, VIVA's opening): trafilatura drops such runs, and with them the first sentences of the
article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html

__all__ = ["BLOCK_TAGS", "SKIP_TAGS", "block_paragraphs", "direct_runs"]

#: elements that start a new line for a reader
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
    "ul",
})
#: elements whose content a reader never sees as text
SKIP_TAGS = frozenset({
    "audio", "button", "canvas", "embed", "head", "iframe", "input", "map", "noscript", "object", "option",
    "script", "select", "style", "svg", "template", "textarea", "video",
})
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def _clean(pieces: list[str]) -> str:
    return " ".join(_INVISIBLE_RE.sub("", "".join(pieces)).split())


def block_paragraphs(element: html.HtmlElement) -> list[str]:
    """The visible text of `element` split into paragraphs at block elements and line breaks."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _clean(current)
        if text:
            paragraphs.append(text)
        current.clear()

    for kind, node in _walk(element):
        if kind == "text":
            current.append(node)
        elif kind == "break":
            flush()
    flush()
    return paragraphs


def direct_runs(element: html.HtmlElement) -> list[str]:
    """Text that sits directly in `element` (its own text and inline children), split at block children.

    These are the runs trafilatura misses; text inside block children is left to trafilatura's judgement.
    """
    runs: list[str] = []
    current: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in BLOCK_TAGS:
            runs.append(_clean(current))
            current = []
        elif tag and tag not in SKIP_TAGS:
            current.append(_inline_text(child))
        current.append(child.tail or "")
    runs.append(_clean(current))
    return [run for run in runs if run]


def _inline_text(element: html.HtmlElement) -> str:
    pieces = [node for kind, node in _walk(element) if kind == "text"]
    return "".join(pieces)


def _walk(root: html.HtmlElement) -> Iterator[tuple[str, str]]:
    """Yield ("text", piece) and ("break", "") events in reading order, without recursion."""
    if root.text:
        yield "text", root.text
    stack: list[tuple[html.HtmlElement, int]] = [(child, 0) for child in reversed(list(root))]
    while stack:
        node, state = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else None
        if state == 1:  # leaving an element: close its block, then its tail continues the parent's text
            if tag in BLOCK_TAGS:
                yield "break", ""
            if node.tail:
                yield "text", node.tail
            continue
        if tag is None or tag.lower() in SKIP_TAGS:  # comments, processing instructions, scripts...
            if node.tail:
                yield "text", node.tail
            continue
        if tag.lower() in BLOCK_TAGS:
            yield "break", ""
        if node.text:
            yield "text", node.text
        stack.append((node, 1))
        stack.extend((child, 0) for child in reversed(list(node)))
