"""Find the article's paragraphs: in the outlet's declared content block, or with trafilatura.

With a template the content block is known, so it is read directly (after dropping the elements the spec
names): faster than a generic extractor, and it cannot lose a paragraph that a classifier judged too short.
Without one, trafilatura finds the article; its known blind spot is text that sits directly in a container
instead of a <p> (the lead of KapanLagi, Kompas Otomotif and VIVA pages), so such runs before the first
extracted paragraph are taken back from the same container.

trafilatura runs first in its fast mode (without the readability and justext second opinions: a third
cheaper, and no worse on the ScrapingHub benchmark). Its two failure modes are recognised by their output,
and only then is a second, dearer pass paid for: a fallback to the whole page or to a handful of links
(asked again in full mode), and a list of other stories chosen over the article (asked again in precision
mode). Both outputs are mostly lines that are the text of links, which lists that are content (a recipe,
a results table) are not.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import trafilatura
from lxml import html

from sorot.crawlers.sources import ParserSpec

from .blocks import BLOCK_TAGS, SKIP_TAGS, block_paragraphs
from .dom import select

__all__ = ["BodyText", "extract_body"]

#: elements dropped from every content block: never article text, whatever the outlet
_ALWAYS_DROP = ("script", "style", "noscript", "iframe", "figcaption", "[class*=caption]")
_MIN_BLOCK_WORDS = 8  # a declared block with less text than this is empty (rendered by script, or moved)
_MIN_PRECISE_WORDS = 25
_LISTING_MIN_LINES = 8
_LISTING_SHORT_WORDS = 12
_LISTING_SHORT_SHARE = 0.6
# Headline lists and whole-page fallbacks: 0.48-0.9 of lines end like link texts; lists that are content
# (recipes, results, meal plans) at most 0.12 (ScrapingHub benchmark and the Indonesian pages).
_LISTING_MIN_LINK_SHARE = 0.3
_LINK_TAIL_CHARS = 25
_WHOLE_PAGE_MIN_LINES = 60
_MIN_FAST_WORDS = 80  # a fast pass shorter than this may have missed the article: ask again in full
_WHOLE_PAGE_SHORT_SHARE = 0.75
_NEEDLE_CHARS = 36
_MIN_RECOVERED_WORDS = 8
_MAX_LINK_SHARE = 0.5
_SENTENCE_RE = re.compile(r"[.!?…\"”]")


@dataclass
class BodyText:
    paragraphs: list[str]
    method: str  # "template", "trafilatura", "trafilatura-precision", with "+lead" when a lead was recovered


def extract_body(tree: html.HtmlElement, spec: ParserSpec | None, url: str | None) -> BodyText:
    """The article's paragraphs (raw: boilerplate rules come later)."""
    if spec is not None and spec.body_selector:
        paragraphs = _template_block(tree, spec)
        if paragraphs and sum(len(p.split()) for p in paragraphs) >= _MIN_BLOCK_WORDS:
            return BodyText(paragraphs, "template")
    favor_precision = bool(spec is not None and spec.favor_precision)
    extracted = _trafilatura(tree, url, favor_precision=favor_precision, fast=True)
    method = "trafilatura"
    links = _LinkText(tree)
    if not extracted or (
        (_looks_like_whole_page(extracted) or _words(extracted) < _MIN_FAST_WORDS) and links.cover(extracted)
    ):
        # The fast pass found nothing, or fell back to the whole page (menus, lists of stories: lines that
        # are links) or to a few links: ask again with the readability and justext second opinions. Long
        # lists that are the article (a meal plan, results) are not links, and a second pass never
        # changed them on the ScrapingHub benchmark, so it is not paid for them.
        extracted = _trafilatura(tree, url, favor_precision=favor_precision, fast=False)
    if not favor_precision and _looks_like_listing(extracted) and links.cover(extracted):
        # Headline lists (okezone's and republika's "more stories") beat the article in trafilatura's
        # default mode; its precision mode finds the article there. Kept only when it yields a text made of
        # sentences. Recipes, results tables and lists inside articles are short lines too, but not link
        # texts: on the ScrapingHub benchmark the precision pass never helped them, and it costs a full
        # extraction, so it is asked only when the short lines are headlines.
        precise = _trafilatura(tree, url, favor_precision=True, fast=False)
        if precise and not _looks_like_listing(precise) and _words(precise) >= _MIN_PRECISE_WORDS:
            extracted, method = precise, "trafilatura-precision"
    if not extracted:
        return BodyText([], "none")
    lead = _missed_lead(tree, extracted)
    if lead:
        return BodyText([*lead, *extracted], f"{method}+lead")
    return BodyText(extracted, method)


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _looks_like_listing(paragraphs: list[str]) -> bool:
    """Mostly short lines (headlines, bullets, dates): a list of stories rather than an article."""
    if len(paragraphs) < _LISTING_MIN_LINES:
        return False
    short = sum(1 for p in paragraphs if len(p.split()) < _LISTING_SHORT_WORDS)
    return short / len(paragraphs) >= _LISTING_SHORT_SHARE


class _LinkText:
    """The texts of a page's links, gathered on first use (most pages never need them)."""

    def __init__(self, tree: html.HtmlElement) -> None:
        self._tree = tree
        self._text: str | None = None

    def cover(self, paragraphs: list[str]) -> bool:
        """Whether many lines end like the text of a link: a list of headlines pointing to other stories.

        The end of a line is compared, not all of it: listings often print the date outside the link.
        """
        lines = [p for p in paragraphs if len(p.split()) >= 3]
        if not lines:
            return False
        if self._text is None:
            self._text = "\n".join(" ".join(a.text_content().split()) for a in self._tree.iter("a"))
        linked = sum(1 for line in lines if line[-_LINK_TAIL_CHARS:] in self._text)
        return linked / len(lines) >= _LISTING_MIN_LINK_SHARE


def _looks_like_whole_page(paragraphs: list[str]) -> bool:
    """Many lines, nearly all short: menus and story lists, the fast pass's fallback to the whole page."""
    if len(paragraphs) < _WHOLE_PAGE_MIN_LINES:
        return False
    short = sum(1 for p in paragraphs if len(p.split()) < _LISTING_SHORT_WORDS)
    return short / len(paragraphs) >= _WHOLE_PAGE_SHORT_SHARE


def _template_block(tree: html.HtmlElement, spec: ParserSpec) -> list[str]:
    blocks = select(tree, spec.body_selector)  # none for a malformed selector: read the page generically
    if not blocks:
        return []
    block = copy.deepcopy(blocks[0])
    for selector in (*_ALWAYS_DROP, *spec.drop_selectors):
        for element in select(block, selector):
            if element is not block:
                element.drop_tree()
    return block_paragraphs(block)


def _trafilatura(tree: html.HtmlElement, url: str | None, *, favor_precision: bool, fast: bool) -> list[str]:
    """trafilatura on the parsed page: handing it the tree saves parsing the text a second time.

    trafilatura (2.x) works on its own copy of a tree it is given, so the page stays intact for the
    metadata and lead-recovery readers (tests/pipeline guard this, as an upgrade could change it).

    `fast` leaves out readability's and justext's second opinions: a third faster and no worse on the
    ScrapingHub benchmark, but on some old Indonesian pages it falls back to the whole page, which the
    caller notices (a listing of short lines) and asks again without it.
    """
    extracted = trafilatura.extract(
        tree,
        url=url,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,  # upstream's process-wide cache drops text on repeated calls (issue #778)
        favor_precision=favor_precision,
        fast=fast,
    )
    return [" ".join(line.split()) for line in (extracted or "").split("\n") if line.strip()]


def _missed_lead(tree: html.HtmlElement, extracted: list[str]) -> list[str]:
    """Runs of text directly in the article's container, before the first paragraph trafilatura kept."""
    anchor = _element_holding(tree, extracted[0])
    if anchor is None:
        return []
    paragraph = anchor
    while paragraph.getparent() is not None and (paragraph.tag not in BLOCK_TAGS or paragraph.tag == "br"):
        paragraph = paragraph.getparent()
    container = paragraph.getparent()
    if container is None or container.tag in ("body", "html"):
        return []
    known = " ".join(extracted).casefold()
    lead: list[str] = []
    for run, link_share in _runs_before(container, paragraph):
        if len(run.split()) < _MIN_RECOVERED_WORDS or link_share > _MAX_LINK_SHARE:
            continue
        if not _SENTENCE_RE.search(run) or run.casefold() in known:
            continue
        lead.append(run)
    return lead


def _element_holding(tree: html.HtmlElement, paragraph: str) -> html.HtmlElement | None:
    """The element whose own text holds the start of `paragraph` (XPath in C, so cheap)."""
    words = paragraph.split()
    for start in range(0, min(len(words), 24), 6):
        needle = " ".join(words[start:])[:_NEEDLE_CHARS].rstrip()
        if len(needle) < 12:
            break
        try:
            # plain contains() first: far cheaper, and enough unless the needle spans a line break
            hits = (tree.xpath("//body//text()[contains(., $needle)]", needle=needle)
                    or tree.xpath("//body//text()[contains(normalize-space(.), $needle)]", needle=needle))
        except Exception:
            return None
        for hit in hits[:1]:
            owner = hit.getparent()
            if owner is None:
                continue
            if getattr(hit, "is_tail", False) and owner.getparent() is not None:
                return owner.getparent()  # a tail belongs to the element that holds the one it follows
            return owner
    return None


def _runs_before(container: html.HtmlElement, stop: html.HtmlElement) -> list[tuple[str, float]]:
    """Direct-text runs of `container` that come before its child `stop`, with their share of link text."""
    runs: list[tuple[str, float]] = []
    pieces: list[str] = [container.text or ""]
    link_chars = 0

    def close() -> None:
        nonlocal link_chars
        run = " ".join("".join(pieces).split())
        if run:
            runs.append((run, link_chars / max(1, len(run))))
        pieces.clear()
        link_chars = 0

    for child in container:
        if child is stop:
            break
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in BLOCK_TAGS:
            close()
        elif tag and tag not in SKIP_TAGS:
            text = " ".join(child.text_content().split())
            pieces.append(text)
            if tag == "a" or child.find(".//a") is not None:
                link_chars += len(text)
        pieces.append(child.tail or "")
    close()
    return runs

