"""Extract one article page: trafilatura for the text, the outlet's declared template for the rest.

The outlet's ParserSpec (declared with its source in `crawlers/sources/`) names the content block, the
elements to drop before extraction (related links, captions, adverts, byline footers) and the lines to drop
after it. Pages of unknown outlets or templates fall back to trafilatura alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape

import charset_normalizer
import trafilatura
from lxml import etree, html
from w3lib.encoding import html_to_unicode

from sorot.crawlers.sources import ParserSpec, Source

from ..normalise.bylines import Byline, parse_antara_footer

EXTRACTOR_VERSION = f"sorot-extract-1+trafilatura-{trafilatura.__version__}"

_MIN_HTML_SIGNS = re.compile(rb"<\s*(html|body|head|div|p|article|title)\b", re.IGNORECASE)


class NotAnArticleError(ValueError):
    """The input cannot be read as an article page (not HTML, empty, or no article text)."""


@dataclass
class ExtractedPage:
    """Raw findings from a page, before normalisation (dates and names are still strings)."""

    paragraphs: list[str]
    title: str | None
    date_text: str | None
    modified_text: str | None
    author: str | None
    editor: str | None
    section: str | None
    tags: list[str] = field(default_factory=list)
    canonical_link: str | None = None
    html_language: str | None = None
    parser_version: str = "generic"


def decode_page(body: bytes | str, content_type: str | None = None) -> str:
    """Decode a response body using the HTTP header, the page's meta charset or detection, in that order."""
    if isinstance(body, str):
        return body
    if not body.strip():
        raise NotAnArticleError("the page is empty")
    if b"\x00" in body[:2048] or not _MIN_HTML_SIGNS.search(body[:65536]):
        raise NotAnArticleError("the page is not HTML")
    _, text = html_to_unicode(content_type, body, auto_detect_fun=_guess_encoding)
    return text


def _guess_encoding(body: bytes) -> str:
    """Encoding of a page that declares none: UTF-8 when it decodes cleanly, else a detector's best guess.

    Older Indonesian sites serve windows-1252 pages without a charset; reading them as UTF-8 would turn
    every curly quote and accented letter into a replacement character.
    """
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    return best.encoding if best is not None else "cp1252"


def extract_page(body: bytes | str, url: str, source: Source | None, content_type: str | None = None
                 ) -> ExtractedPage:
    """Extract text and metadata strings from one page; raises NotAnArticleError when there is no article."""
    text = decode_page(body, content_type)
    try:
        tree = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise NotAnArticleError(f"the page cannot be parsed as HTML ({error})") from None
    spec = _choose_spec(tree, source)
    found = _template_fields(tree, spec)

    body_html = _body_html(tree, spec)
    extracted = trafilatura.extract(
        body_html,
        url=url,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,  # upstream's process-wide cache drops text on repeated calls
        favor_precision=bool(spec and spec.favor_precision),
    ) if body_html is not None else None
    if not extracted and body_html is not None and spec is not None:
        # A template block trafilatura finds too short: read its paragraphs directly.
        extracted = _block_text(body_html)
    if not extracted:
        extracted = trafilatura.extract(text, url=url, output_format="txt", include_comments=False,
                                        include_tables=False, deduplicate=False, favor_precision=True)
    if not extracted:
        raise NotAnArticleError("no article text found on the page")

    paragraphs = [line.strip() for line in extracted.split("\n") if line.strip()]
    if spec is not None:
        paragraphs = _apply_paragraph_rules(paragraphs, spec)
    if not paragraphs:
        raise NotAnArticleError("no article text left after removing the outlet's boilerplate")

    meta = _page_metadata(tree)
    return ExtractedPage(
        paragraphs=paragraphs,
        title=found.get("title") or meta.get("title"),
        date_text=found.get("date") or meta.get("published"),
        modified_text=meta.get("modified"),
        author=found.get("author") or meta.get("author"),
        editor=found.get("editor"),
        section=found.get("section") or meta.get("section"),
        tags=found.get("tags") or meta.get("tags") or [],
        canonical_link=meta.get("canonical"),
        html_language=meta.get("language"),
        parser_version=spec.version if spec else "generic",
    )


def _choose_spec(tree: html.HtmlElement, source: Source | None) -> ParserSpec | None:
    if source is None:
        return None
    for spec in source.parsers:
        if spec.marker_selector is None or tree.cssselect(spec.marker_selector):
            return spec
    return None


def _first_text(tree: html.HtmlElement, selector: str | None) -> str | None:
    if not selector:
        return None
    for element in tree.cssselect(selector):
        value = " ".join(element.text_content().split())
        if value:
            return value
    return None


def _template_fields(tree: html.HtmlElement, spec: ParserSpec | None) -> dict:
    if spec is None:
        return {}
    found: dict = {
        "title": _first_text(tree, spec.title_selector),
        "date": _first_text(tree, spec.date_selector),
        "author": _first_text(tree, spec.author_selector),
    }
    if spec.section_selector:
        items = [" ".join(e.text_content().split()) for e in tree.cssselect(spec.section_selector)]
        items = [item for item in items if item and item.lower() not in ("beranda", "home")]
        found["section"] = items[-1] if items else None
    if spec.tags_selector:
        tags = (" ".join(e.text_content().split()) for e in tree.cssselect(spec.tags_selector))
        found["tags"] = [tag for tag in tags if tag]
    if spec.footer_format == "antara" and spec.footer_selector:
        byline = _antara_byline(tree, spec.footer_selector)
        if byline is not None:
            found["author"] = byline.author or found["author"]
            found["editor"] = byline.editor
    return found


def _antara_byline(tree: html.HtmlElement, selector: str) -> Byline | None:
    for element in tree.cssselect(selector):
        # <br> separates the parts; keep them apart so glued names stay readable
        parts = [part.strip() for part in element.itertext()]
        byline = parse_antara_footer(" ".join(p for p in parts if p))
        if byline is not None:
            return byline
    return None


def _body_html(tree: html.HtmlElement, spec: ParserSpec | None) -> str | None:
    if spec is None or not spec.body_selector:
        return None
    blocks = tree.cssselect(spec.body_selector)
    if not blocks:
        return None
    block = html.fromstring(html.tostring(blocks[0]))
    for selector in spec.drop_selectors:
        for element in block.cssselect(selector):
            element.drop_tree()
    title = _first_text(tree, spec.title_selector) or ""
    return (
        f"<html><head><title>{escape(title)}</title></head><body><article>"
        f"{html.tostring(block, encoding='unicode')}</article></body></html>"
    )


def _block_text(body_html: str) -> str:
    block = html.fromstring(body_html)
    lines = [" ".join(p.text_content().split()) for p in block.iter("p")]
    return "\n".join(line for line in lines if line)


def _apply_paragraph_rules(paragraphs: list[str], spec: ParserSpec) -> list[str]:
    kept = [p for p in paragraphs if not any(rule.search(p) for rule in spec.drop_paragraph_res)]
    if kept:
        for rule in spec.strip_prefix_res:
            kept[0] = rule.sub("", kept[0], count=1).strip()
        for rule in spec.strip_suffix_res:
            kept[-1] = rule.sub("", kept[-1], count=1).strip()
    return [p for p in kept if p]


def _page_metadata(tree: html.HtmlElement) -> dict:
    """Title, dates, author, section, tags and canonical link from meta tags and JSON-LD."""
    meta: dict = {}

    def content(*xpaths: str) -> str | None:
        for xpath in xpaths:
            values = tree.xpath(xpath)
            for value in values:
                value = " ".join(str(value).split())
                if value:
                    return value
        return None

    meta["title"] = content("//meta[@property='og:title']/@content", "//title/text()", "//h1//text()")
    meta["published"] = content(
        "//meta[@property='article:published_time']/@content",
        "//meta[@itemprop='datePublished']/@content",
        "//time[@itemprop='datePublished']/@datetime",
        "//meta[@name='pubdate']/@content",
    )
    meta["modified"] = content("//meta[@property='article:modified_time']/@content",
                               "//meta[@itemprop='dateModified']/@content")
    meta["author"] = content("//meta[@name='author']/@content", "//meta[@name='content_author']/@content")
    meta["section"] = content("//meta[@property='article:section']/@content",
                              "//meta[@name='content_category']/@content")
    meta["canonical"] = content("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
    meta["language"] = content("/html/@lang")
    keywords = content("//meta[@name='keywords']/@content", "//meta[@name='news_keywords']/@content")
    meta["tags"] = [k.strip() for k in keywords.split(",") if k.strip()] if keywords else []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        _merge_json_ld(meta, script)
    return meta


def _merge_json_ld(meta: dict, script: str) -> None:
    try:
        data = json.loads(script)
    except (json.JSONDecodeError, ValueError):
        return
    for node in data if isinstance(data, list) else [data]:
        if not isinstance(node, dict) or ("NewsArticle" not in str(node.get("@type", "")) and \
                "Article" not in str(node.get("@type", ""))):
            continue
        meta["title"] = meta["title"] or node.get("headline")
        meta["published"] = meta["published"] or node.get("datePublished")
        meta["modified"] = meta["modified"] or node.get("dateModified")
        # ANTARA's JSON-LD has named the editor as "author": never take a byline from it.
