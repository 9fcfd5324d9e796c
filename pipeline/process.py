"""Process one article page end to end, without a database: extract, normalise, mark wire copies, tag.

This is the pure core that `sorot analyze`, the demo and `sorot reprocess` share; de-duplication against
other articles (stories) happens when the warehouse loads the results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sorot.crawlers.canonical import canonicalize_url
from sorot.crawlers.sources import Source, source_for_url
from sorot.models import taxonomy
from sorot.models.rules import LabelHit, RuleTagger, Tagging

from .dedupe.hashing import content_hash
from .extract import NotAnArticleError, extract_page
from .extract.page import EXTRACTOR_VERSION
from .facets import Quoted, Region, extract_facets
from .normalise.bylines import clean_person_name
from .normalise.dateline import split_dateline
from .normalise.dates import implausible_date_reason, parse_feed_date, parse_indonesian_datetime
from .normalise.language import detect_language
from .normalise.repeats import remove_repeated_paragraphs
from .normalise.text import join_paragraphs, normalise_whitespace, strip_title_suffix

__all__ = ["ArticleProcessor", "NotAnArticleError", "ProcessedArticle"]


@dataclass
class ProcessedArticle:
    """One clean article with its metadata and tags: the record the warehouse loads."""

    url: str
    canonical_url: str
    outlet: str | None
    outlet_name: str | None
    title: str | None
    published_at: datetime | None
    modified_at: datetime | None
    published_text: str | None
    author: str | None
    editor: str | None
    dateline: str | None
    section: str | None
    tags: list[str]
    text: str
    language: str
    is_wire_copy: bool
    wire_agency: str | None
    content_hash: str
    labels: list[LabelHit]
    tahap: str
    tagger_version: str
    extractor_version: str
    parser_version: str
    warnings: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    quoted: list[Quoted] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_json(self) -> dict[str, Any]:
        """The `sorot analyze` record (a documented contract: add fields, never rename them)."""
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "outlet": self.outlet,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "modified_at": self.modified_at.isoformat() if self.modified_at else None,
            "author": self.author,
            "editor": self.editor,
            "dateline": self.dateline,
            "section": self.section,
            "tags": self.tags,
            "text": self.text,
            "language": self.language,
            "is_wire_copy": self.is_wire_copy,
            "wire_agency": self.wire_agency,
            "content_hash": self.content_hash,
            "labels": [
                {
                    "label": hit.label,
                    "score": round(hit.score, 4),
                    "evidence": [
                        {"field": e.field, "start": e.start, "end": e.end, "text": e.text, "rule": e.rule}
                        for e in hit.evidence
                    ],
                }
                for hit in self.labels
            ],
            "tahap": self.tahap,
            "tagger_version": self.tagger_version,
            "extractor_version": self.extractor_version,
            "parser_version": self.parser_version,
            "warnings": self.warnings,
            "victims": self.victims,
            "regions": [region.to_json() for region in self.regions],
            "quoted": [person.to_json() for person in self.quoted],
        }


class Tagger(Protocol):
    """What the processor needs of a tagger: the rules tagger and the trained model both fit."""

    def tag(self, title: str, text: str) -> Tagging: ...


class ArticleProcessor:
    """Turns raw pages into ProcessedArticle records; holds the (reusable) tagger."""

    def __init__(self, tagger: Tagger | None = None) -> None:
        self.tagger: Tagger = tagger or RuleTagger()

    def process(
        self,
        body: bytes | str,
        url: str,
        *,
        content_type: str | None = None,
        source: Source | None = None,
        feed_title: str | None = None,
        feed_date: str | None = None,
    ) -> ProcessedArticle:
        """Process one page; raises NotAnArticleError with a readable reason when it holds no article."""
        source = source or source_for_url(url)
        page = extract_page(body, url, source, content_type)
        warnings: list[str] = []

        paragraphs = [normalise_whitespace(p) for p in page.paragraphs]
        paragraphs = remove_repeated_paragraphs([p for p in paragraphs if p])
        dateline = split_dateline(join_paragraphs(paragraphs))
        text = dateline.rest.strip()
        if not text:
            raise NotAnArticleError("the article has no text after its dateline")

        suffixes = tuple(s for spec in (source.parsers if source else ()) for s in spec.title_suffixes)
        title = page.title or feed_title
        title = strip_title_suffix(normalise_whitespace(title), suffixes) if title else None

        zone = source.timezone if source else "WIB"
        published = _parse_date(page.date_text, zone) or (parse_feed_date(feed_date) if feed_date else None)
        if published is None and page.date_text:
            warnings.append(f"unreadable publication date: {page.date_text!r}")
        if published is not None:
            reason = implausible_date_reason(published)
            if reason:
                warnings.append(f"publication date rejected ({reason}): {published.isoformat()}")
                published = None
        modified = _parse_date(page.modified_text, zone)

        own_agency = source is not None and source.is_wire_agency
        wire_agency = dateline.agency if dateline.agency and not own_agency else None
        tagging = self.tagger.tag(title or "", text)
        facets = extract_facets(title, text, dateline.place)

        return ProcessedArticle(
            url=url,
            canonical_url=canonicalize_url(url),
            outlet=source.key if source else None,
            outlet_name=source.name if source else None,
            title=title,
            published_at=published,
            modified_at=modified,
            published_text=page.date_text,
            author=clean_person_name(page.author) if page.author else None,
            editor=clean_person_name(page.editor) if page.editor else None,
            dateline=dateline.place,
            section=page.section,
            tags=page.tags,
            text=text,
            language=detect_language(text),
            is_wire_copy=wire_agency is not None,
            wire_agency=wire_agency,
            content_hash=content_hash(text),
            labels=list(tagging.labels),
            tahap=tagging.tahap,
            tagger_version=tagging.tagger_version,
            extractor_version=EXTRACTOR_VERSION,
            parser_version=page.parser_version,
            warnings=warnings,
            victims=[hit.label for hit in tagging.labels if hit.label in taxonomy.VICTIM_FLAGS],
            regions=facets.regions,
            quoted=facets.quoted,
        )


def _parse_date(value: str | None, zone: str) -> datetime | None:
    if not value:
        return None
    return parse_indonesian_datetime(value, default_zone=zone) or parse_feed_date(value)
