"""Media Indonesia: national daily; `mediaindonesia.com/<kanal>/<id>/<slug>`, sitemap and an "all" feed."""

from __future__ import annotations

from .model import ParserSpec, Source

MEDIA_INDONESIA_ARTICLE = ParserSpec(
    version="mediaindonesia-article.1",
    marker_selector="div.article",
    title_selector="h1",
    date_selector="div.datetime",
    author_selector="div.author-2",
    section_selector="div.mi-breadcrumb a",
    body_selector="div.article",
    drop_selectors=("p.related-news", "div.flying-carpet", "div.ext-channel", "div.info-author", "div.dfp-ad",
                    "figure", "script", "iframe"),
    drop_paragraph_patterns=(r"^\s*Baca juga\s*:",),
    title_suffixes=(" - Media Indonesia",),
)

MEDIA_INDONESIA = Source(
    key="media-indonesia",
    name="Media Indonesia",
    outlet_type="national",
    region=None,
    hosts=("mediaindonesia.com", "www.mediaindonesia.com"),
    homepage="https://mediaindonesia.com/",
    feeds=("https://mediaindonesia.com/feed/all",),
    sitemaps=("https://mediaindonesia.com/sitemap.xml",),
    article_url_pattern=r"https://mediaindonesia\.com/[a-z-]+/\d+/[^/?#]+",
    timezone="WIB",
    parsers=(MEDIA_INDONESIA_ARTICLE,),
)

SOURCES: tuple[Source, ...] = (MEDIA_INDONESIA,)
