"""PROKALTENG.CO (Kalteng Pos, Jawa Pos network): WordPress with the tagDiv Newspaper theme.

Articles at `/<kanal>/<subkanal>/DD/MM/YYYY/<slug>/` (note the day-first date in the path); the WordPress
feed at `/feed/`; category listings at `/<kanal>/<subkanal>/page/N/`.
"""

from __future__ import annotations

from .model import Listing, ParserSpec, Source

PROKALTENG_TDB = ParserSpec(
    version="prokalteng-tdb.1",
    marker_selector="div.td-post-content",
    title_selector="h1.tdb-title-text",
    date_selector="time.entry-date",
    author_selector="a.tdb-author-name",
    tags_selector="ul.tdb-tags a",
    body_selector="div.td-post-content",
    drop_selectors=("figure", "div.td-a-rec", "script", "iframe", "div.jp-relatedposts"),
    drop_paragraph_patterns=(r"^\s*Baca juga\s*:", r"^\s*Baca Juga\s*:"),
    strip_prefix_patterns=(r"^PROKALTENG\.CO\s*[-–—]+\s*",),
    title_suffixes=(" - PROKALTENG", " | PROKALTENG.CO"),
)

PROKALTENG = Source(
    key="prokalteng",
    name="PROKALTENG.CO (Kalteng Pos)",
    outlet_type="regional",
    region="Kalimantan Tengah",
    hosts=("prokalteng.jawapos.com",),
    homepage="https://prokalteng.jawapos.com/",
    feeds=("https://prokalteng.jawapos.com/feed/",),
    listings=(Listing("https://prokalteng.jawapos.com/prohukrim/kasuistika/page/{page}/",
                      link_selector="p.entry-title a"),),
    article_url_pattern=r"https://prokalteng\.jawapos\.com/[a-z0-9-]+/(?:[a-z0-9-]+/)?\d{2}/\d{2}/\d{4}/[^/?#]+",
    timezone="WIB",
    parsers=(PROKALTENG_TDB,),
)

# No page of the current site was available (see ../shared/docs/sources-antara-and-peers.md, 3.5): no body
# selector, trafilatura finds the article; the spec declares only what is safe on any Indonesian outlet's
# page, the "Baca juga" lines and the site name after the headline.
BORNEONEWS_GENERIC = ParserSpec(
    version="borneonews-generic.1",
    drop_paragraph_patterns=(r"^\s*Baca [Jj]uga\s*:",),
    title_suffixes=(" - Borneonews", " | Borneonews", " - Borneonews.co.id", " | Borneonews.co.id"),
)

BORNEONEWS = Source(
    key="borneonews",
    name="Borneonews",
    outlet_type="regional",
    region="Kalimantan Tengah",
    hosts=("www.borneonews.co.id", "borneonews.co.id"),
    homepage="https://www.borneonews.co.id/",
    sitemaps=("https://www.borneonews.co.id/sitemap.xml",),
    article_url_pattern=r"https://www\.borneonews\.co\.id/berita/\d+-[^/?#]+",
    timezone="WIB",
    parsers=(BORNEONEWS_GENERIC,),
)

SOURCES: tuple[Source, ...] = (PROKALTENG, BORNEONEWS)
