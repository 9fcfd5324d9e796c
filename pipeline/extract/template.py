"""Read the fields an outlet's template declares (title, dates, byline, section, tags), or guess them.

The outlet's ParserSpec names CSS selectors for each field; the newest spec whose marker is on the page
wins. Without a spec (an unknown outlet or template) the same fields are guessed from the headline and the
page's metadata, the way a reader would: the <h1> that the page's own title repeats is the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html

from sorot.crawlers.sources import ParserSpec, Source

from ..normalise.bylines import Byline, split_footer
from ..normalise.text import strip_title_suffix
from .blocks import block_paragraphs
from .dom import select
from .metadata import PageMetadata

__all__ = ["TemplateFields", "choose_spec", "printed_byline", "read_template"]

# "KapanLagi.com: Judul", "Kapanlagi.com: Musik - Judul": a site name before the headline
_SITE_PREFIX_RE = re.compile(r"^[\w.-]+\.(?:com|co\.id|id|net|co)\s*:\s*(?:[\w ]{1,20}\s+[-–—]\s+)?",
                             re.IGNORECASE)
_TITLE_CLASS_RE = re.compile(r"title|judul|headline|heading", re.IGNORECASE)
# elements printing a byline, by their class or id (matched lower-cased)
_BYLINE_CLASS_RE = re.compile(r"byline|author|penulis|pewarta|reporter|wartawan|jurnalis|writer")
# ... but not a photo's credit ("photo__author", "caption-credit")
_PHOTO_CLASS_RE = re.compile(r"photo|foto|image|img|pic|caption|credit|thumb")
# what is left of a byline once its role label is gone must look like a name: no "/", "@", digits
_NAME_RE = re.compile(r"^(?:[A-Za-z]+\s*:\s*)?[A-Z][A-Za-z.'’ -]*(?:,\s*[A-Za-z.'’ -]+)?$")
# "Vania Ika Aldida, Jurnalis · Jum'at 17 Februari 2017": the name is the first part
_BYLINE_PARTS_RE = re.compile(r"\s*[|·•]\s*|\s+-\s+")
_MAX_BYLINE_CHARS = 80
_MAX_NAME_WORDS = 6
_BYLINE_SCOPE_LEVELS = 4
_MIN_HEADLINE_WORDS = 2


@dataclass
class TemplateFields:
    title: str | None = None
    headline: html.HtmlElement | None = None
    printed_dates: list[str] = field(default_factory=list)
    declared_dates: list[str] = field(default_factory=list)
    printed_modified: list[str] = field(default_factory=list)
    author: str | None = None
    editor: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)


def choose_spec(tree: html.HtmlElement, source: Source | None) -> ParserSpec | None:
    """The newest of the outlet's specs whose marker is on the page (a spec without marker always fits)."""
    if source is None:
        return None
    for spec in source.parsers:
        if spec.marker_selector is None or select(tree, spec.marker_selector):
            return spec
    return None


def _texts(tree: html.HtmlElement, selector: str | None) -> list[str]:
    values = []
    for element in select(tree, selector):
        value = " ".join(element.text_content().split())
        if value and value not in values:
            values.append(value)
    return values


def _attributes(tree: html.HtmlElement, selector: str | None) -> list[str]:
    values = []
    for element in select(tree, selector):
        for name in ("datetime", "content", "data-date"):
            value = (element.get(name) or "").strip()
            if value and value not in values:
                values.append(value)
    return values


def read_template(tree: html.HtmlElement, spec: ParserSpec | None, meta: PageMetadata) -> TemplateFields:
    """Fields from the spec's selectors, falling back to metadata; read only."""
    fields = TemplateFields()
    if spec is not None:
        titles = _texts(tree, spec.title_selector)
        fields.title = titles[0] if titles else None
        heads = select(tree, spec.title_selector)
        fields.headline = heads[0] if heads else None
        fields.printed_dates = _texts(tree, spec.date_selector)[:1]
        fields.declared_dates = _attributes(tree, spec.date_selector)
        fields.printed_modified = [*_attributes(tree, spec.modified_selector),
                                   *_texts(tree, spec.modified_selector)]
        authors = _texts(tree, spec.author_selector)
        fields.author = authors[0] if authors else None
        editors = _texts(tree, spec.editor_selector)
        fields.editor = editors[0] if editors else None
        if spec.section_selector:
            items = [item for item in _texts_in_order(tree, spec.section_selector)
                     if item.lower() not in ("beranda", "home", "news", "berita")]
            fields.section = items[-1] if items else None
        fields.tags = _split_tags(_texts(tree, spec.tags_selector))
        byline = _footer_byline(tree, spec)
        if byline is not None:
            fields.author = byline.author or fields.author
            fields.editor = byline.editor or fields.editor
    if fields.title is None:
        fields.title, fields.headline = _guess_title(tree, meta)
    fields.author = fields.author or meta.author
    fields.section = fields.section or meta.section
    fields.tags = fields.tags or meta.tags
    return fields


def printed_byline(headline: html.HtmlElement | None) -> str | None:
    """A byline printed beside the headline ("Pewarta: Monalisa"), for pages without a template.

    Looked for only in the headline's container, a few levels up: author boxes, comment authors and the
    bylines of other stories elsewhere on the page are not the article's. Returned raw; normalisation
    removes the role label.
    """
    if headline is None:
        return None
    scope = headline
    for _ in range(_BYLINE_SCOPE_LEVELS):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
    for element in scope.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if not _BYLINE_CLASS_RE.search(marks) or _PHOTO_CLASS_RE.search(marks):
            continue
        if any(_PHOTO_CLASS_RE.search(f"{a.get('class', '')} {a.get('id', '')}".lower())
               for a in element.iterancestors() if a is not scope and scope in a.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > _MAX_BYLINE_CHARS:
            continue
        name = _BYLINE_PARTS_RE.split(text)[0].strip(" ,")
        if name and len(name.split()) <= _MAX_NAME_WORDS + 1 and _NAME_RE.match(name):
            return name
    return None


def _split_tags(values: list[str]) -> list[str]:
    """Tags as a list: one element listing them with commas ("banjir, Sampit") is split."""
    tags: list[str] = []
    for value in values:
        for tag in value.split(",") if "," in value else [value]:
            tag = tag.strip()
            if tag and tag not in tags:
                tags.append(tag)
    return tags


def _texts_in_order(tree: html.HtmlElement, selector: str) -> list[str]:
    return [t for t in (" ".join(e.text_content().split()) for e in select(tree, selector)) if t]


def _footer_byline(tree: html.HtmlElement, spec: ParserSpec) -> Byline | None:
    if not spec.footer_format or not spec.footer_selector:
        return None
    for element in select(tree, spec.footer_selector):
        # <br> separates the parts; keep them apart so glued names stay readable
        text = "\n".join(block_paragraphs(element))
        _, byline = split_footer(text, spec.footer_format)
        if byline is not None:
            return byline
    return None


def _guess_title(tree: html.HtmlElement, meta: PageMetadata) -> tuple[str | None, html.HtmlElement | None]:
    """The headline: an <h1> that the page's declared titles repeat, else the declared title, trimmed."""
    declared = [" ".join(t.casefold().split()) for t in meta.titles]
    best: tuple[str, html.HtmlElement] | None = None
    for element in tree.iter("h1"):
        text = " ".join(element.text_content().split())
        if len(text.split()) < _MIN_HEADLINE_WORDS:
            continue
        folded = text.casefold()
        if any(folded in title for title in declared) and (best is None or len(text) > len(best[0])):
            best = (text, element)
    if best is not None:
        return best
    for title in meta.titles:
        cleaned = _trim_site_name(title)
        if cleaned:
            return cleaned, _heading_for(tree, cleaned)
    headings = [h for h in meta.headings if len(h.split()) >= _MIN_HEADLINE_WORDS]
    return (headings[0], _heading_for(tree, headings[0])) if headings else (None, None)


def _trim_site_name(title: str) -> str:
    title = strip_title_suffix(_SITE_PREFIX_RE.sub("", title).strip())
    return title


def _heading_for(tree: html.HtmlElement, title: str) -> html.HtmlElement | None:
    """The element printing the headline: an <h1>/<h2>, else one whose class says title ("judul-konten").

    Carousels and lists of other stories repeat headlines in links, so elements inside <a> or <li> are not
    taken: the printed headline anchors the search for the printed date.
    """
    folded = title.casefold()
    for tag in ("h1", "h2"):
        for element in tree.iter(tag):
            if " ".join(element.text_content().split()).casefold() == folded:
                return element
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _TITLE_CLASS_RE.search(element.get("class", "")):
            continue
        if any(a.tag in ("a", "li") for a in element.iterancestors()) or element.tag in ("a", "li"):
            continue
        if " ".join(element.text_content().split()).casefold() == folded:
            return element
    return None
