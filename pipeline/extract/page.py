"""Extract one article page: the outlet's declared template when it fits, trafilatura when it does not.

The steps, each in its own module: decode the body (`decode`), parse it (`dom`), read metadata
(`metadata`) and the template's fields (`template`), find the body (`body`), clean it with the outlet's
rules and the common ones (`cleanup`, `boilerplate`), and choose the dates (`timestamps`). The result is
still raw (strings, not datetimes): normalisation is the next stage's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura
from lxml import html

from sorot.crawlers.sources import Source

from .body import extract_body
from .cleanup import clean_paragraphs
from .decode import decode_page
from .dom import parse_document
from .errors import NotAnArticleError
from .metadata import read_metadata
from .pagination import full_article_url, is_partial_page
from .template import choose_spec, printed_byline, read_template
from .timestamps import choose_dates, printed_dates_near

__all__ = [
    "EXTRACTOR_VERSION", "MAX_ARTICLE_CHARS", "MIN_ARTICLE_WORDS", "ExtractedPage", "NotAnArticleError",
    "decode_page", "extract_page",
]

EXTRACTOR_VERSION = f"sorot-extract-2+trafilatura-{trafilatura.__version__}"
#: fewer words than this is a menu, an error message or a stub, not an article (the shortest news items,
#: a photo with a caption-length text, have a dozen or more)
MIN_ARTICLE_WORDS = 8
#: more text than this is no news article (the longest of the reference corpus has 14,000 characters, of
#: the ScrapingHub benchmark 53,000); refusing it keeps one page from holding a worker for minutes
MAX_ARTICLE_CHARS = 200_000


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
    #: how the body was found: "template", "trafilatura" or "trafilatura+lead"
    method: str = "template"
    #: an agency named by a closing credit ("ANTARA"), removed from the text: the page is a wire copy
    wire_agency: str | None = None
    #: the URL that shows the whole article when this page shows one part of it
    full_text_url: str | None = None
    #: what was noticed and set aside (rejected dates, a partial page)
    warnings: list[str] = field(default_factory=list)


def extract_page(body: bytes | str, url: str, source: Source | None, content_type: str | None = None
                 ) -> ExtractedPage:
    """Extract text and metadata strings from one page; raises NotAnArticleError when there is no article."""
    text = decode_page(body, content_type)
    tree = parse_document(text)
    spec = choose_spec(tree, source)
    meta = read_metadata(tree)
    fields = read_template(tree, spec, meta)
    declared = [*fields.declared_dates, *meta.published]
    printed = fields.printed_dates or printed_dates_near(tree, fields.headline, whole_page=not declared)
    zone = source.timezone if source is not None else "WIB"
    dates = choose_dates(printed, declared, fields.printed_modified, meta.modified, zone)
    warnings = list(dates.warnings)
    full_text_url = None
    if is_partial_page(tree, url, spec):
        full_text_url = full_article_url(url, spec)
        warnings.append("this page shows part of an article split over pages; "
                        f"the whole is at {full_text_url}")

    found = extract_body(tree, spec, url)
    cleaned = clean_paragraphs(found.paragraphs, spec, fields.title)
    if not cleaned.paragraphs:
        if found.paragraphs:
            raise NotAnArticleError("no article text left after removing the outlet's boilerplate")
        raise NotAnArticleError("no article text found on the page")
    words = sum(len(p.split()) for p in cleaned.paragraphs)
    if words < MIN_ARTICLE_WORDS:
        raise NotAnArticleError(f"no article text found on the page (only {words} words: a menu or a stub)")
    size = sum(len(p) for p in cleaned.paragraphs)
    if size > MAX_ARTICLE_CHARS:
        raise NotAnArticleError(f"the text is too long for a news article ({size:,} characters; at most "
                                f"{MAX_ARTICLE_CHARS:,}): a data dump or an endless listing")

    author, editor = fields.author, fields.editor
    if cleaned.byline is not None:
        author = cleaned.byline.author or author
        editor = cleaned.byline.editor or editor
    if cleaned.closing_byline is not None:
        author = author or cleaned.closing_byline.author
        editor = editor or cleaned.closing_byline.editor
    # without a template: a byline printed beside the headline, then a person named in JSON-LD
    author = author or printed_byline(fields.headline) or meta.declared_person
    return ExtractedPage(
        paragraphs=cleaned.paragraphs,
        title=fields.title,
        date_text=dates.published_text,
        modified_text=dates.modified_text,
        author=author,
        editor=editor,
        section=fields.section,
        tags=fields.tags,
        canonical_link=meta.canonical,
        html_language=meta.language,
        parser_version=spec.version if spec else "generic",
        method=found.method,
        wire_agency=cleaned.wire_agency,
        full_text_url=full_text_url,
        warnings=warnings,
    )


def page_tree(body: bytes | str, content_type: str | None = None) -> html.HtmlElement:
    """The parsed document of a page, for callers that inspect it (tests, evaluation)."""
    return parse_document(decode_page(body, content_type))
