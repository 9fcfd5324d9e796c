"""ANTARA, Indonesia's national news agency: the national site, its regional bureaus and the English site.

Structure as documented in docs/sources.md: articles at `/berita/<id>/<slug>` (regional ids are a separate,
smaller sequence per host), RSS at `/rss/<feed>.xml`. Several bureau hosts do not follow the province code
(mataram, kupang, manado, makassar, ambon). ANTARA's pages forbid crawling "for AI" without written
permission, so Sorot's default reads only the RSS feeds and the article pages they link.
"""

from __future__ import annotations

import re
from datetime import date

from .model import ParserSpec, Source

#: today's "wrap__article-detail" theme (www since 2023, and the bureaus that moved to it)
ANTARA_WRAP_2023 = ParserSpec(
    version="antara-wrap-2023.1",
    valid_from=date(2023, 1, 1),
    marker_selector="div.wrap__article-detail-content",
    title_selector=".wrap__article-detail-title h1",
    date_selector=".wrap__article-detail-info span.text-secondary",
    section_selector=".breadcrumbs__item",
    tags_selector="ul.blog-tags a",
    body_selector="div.wrap__article-detail-content",
    footer_format="antara",
    footer_selector="p.text-muted",
    drop_selectors=(
        "span.baca-juga",
        "p.text-muted",
        "ul.blog-tags",
        "ins.adsbygoogle",
        "script",
        "iframe",
        ".related-news",
        "figure",
        "figcaption",
    ),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"^\s*Related news\s*:",
        r"dilarang keras mengambil konten",
        r"^\s*(?:Pewarta|Reporter|Translator)\s*:",
        r"^\s*Editor\s*:",
        r"^\s*COPYRIGHT\s*©",
    ),
    # "Baca juga: ..." glued to a paragraph when the related link sits inside the <p> of the text
    drop_inline_patterns=(r"\s*Baca juga\s*:\s*[^.!?\n]*$",),
    title_suffixes=(" - ANTARA News", " - ANTARA News Kalimantan Tengah"),
)

#: the older regional "post-content" template (2017-2025 on most bureaus)
ANTARA_POST_CONTENT = ParserSpec(
    version="antara-post-content-2017.1",
    marker_selector="div.post-content",
    title_selector="header.post-header h1.post-title",
    date_selector="header.post-header span.article-date time",
    tags_selector="ul.tags-widget a",
    body_selector="div.post-content",
    footer_format="antara",
    footer_selector="footer.post-meta",
    drop_selectors=("span.baca-juga", "footer.post-meta", "script", "iframe", "ins.adsbygoogle"),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"dilarang keras mengambil konten",
        r"^\s*Pewarta\s*:",
        r"^\s*Editor\s*:",
        r"^\s*COPYRIGHT\s*©",
    ),
    title_suffixes=(" - ANTARA News",),
)

#: www.antaranews.com in 2015-2017: "content_news" block, byline above it, "Editor:" and copyright inside it
ANTARA_WWW_2015 = ParserSpec(
    version="antara-www-2015.1",
    marker_selector="div#content_news",
    title_selector="div.bjbrt h1.title, h1.title",
    date_selector="div.bjbrt div.date time, div.bjbrt div.date",
    author_selector="div.bjbrt div.byline",
    editor_selector="[itemprop=editor]",
    tags_selector="span[itemprop=keywords]",
    body_selector="div#content_news",
    drop_selectors=("p.mt10", "p.date", "div.baca-juga", "ins.adsbygoogle", "script", "iframe", "style"),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"^\s*Editor\s*:",
        r"^\s*COPYRIGHT\s*©",
    ),
    title_suffixes=(" - ANTARA News",),
)

ANTARA_PARSERS = (ANTARA_WRAP_2023, ANTARA_POST_CONTENT, ANTARA_WWW_2015)

_ARTICLE_PATH = r"/(?:nasional/)?berita/\d+(?:/[^/?#]*)?/?"
_EXCLUDED = ("/foto/", "/video/", "/infografik/", "/tag/", "/search", "/redaksi", "/about", "/kontak", "/iklan")

#: (source key suffix, host label, province, home time zone)
BUREAUS: tuple[tuple[str, str, str, str], ...] = (
    ("aceh", "aceh", "Aceh", "WIB"),
    ("sumut", "sumut", "Sumatera Utara", "WIB"),
    ("sumbar", "sumbar", "Sumatera Barat", "WIB"),
    ("riau", "riau", "Riau", "WIB"),
    ("kepri", "kepri", "Kepulauan Riau", "WIB"),
    ("jambi", "jambi", "Jambi", "WIB"),
    ("bengkulu", "bengkulu", "Bengkulu", "WIB"),
    ("sumsel", "sumsel", "Sumatera Selatan", "WIB"),
    ("babel", "babel", "Kepulauan Bangka Belitung", "WIB"),
    ("lampung", "lampung", "Lampung", "WIB"),
    ("banten", "banten", "Banten", "WIB"),
    ("megapolitan", "megapolitan", "DKI Jakarta", "WIB"),
    ("jabar", "jabar", "Jawa Barat", "WIB"),
    ("jateng", "jateng", "Jawa Tengah", "WIB"),
    ("jogja", "jogja", "DI Yogyakarta", "WIB"),
    ("jatim", "jatim", "Jawa Timur", "WIB"),
    ("bali", "bali", "Bali", "WITA"),
    ("ntb", "mataram", "Nusa Tenggara Barat", "WITA"),
    ("ntt", "kupang", "Nusa Tenggara Timur", "WITA"),
    ("kalbar", "kalbar", "Kalimantan Barat", "WIB"),
    ("kalteng", "kalteng", "Kalimantan Tengah", "WIB"),
    ("kalsel", "kalsel", "Kalimantan Selatan", "WITA"),
    ("kaltim", "kaltim", "Kalimantan Timur", "WITA"),
    ("kaltara", "kaltara", "Kalimantan Utara", "WITA"),
    ("sulut", "manado", "Sulawesi Utara", "WITA"),
    ("gorontalo", "gorontalo", "Gorontalo", "WITA"),
    ("sulteng", "sulteng", "Sulawesi Tengah", "WITA"),
    ("sultra", "sultra", "Sulawesi Tenggara", "WITA"),
    ("sulsel", "makassar", "Sulawesi Selatan", "WITA"),
    ("maluku", "ambon", "Maluku", "WIT"),
    ("papua", "papua", "Papua", "WIT"),
    ("papuabarat", "papuabarat", "Papua Barat", "WIT"),
)


def _bureau(key: str, label: str, province: str, zone: str) -> Source:
    host = f"{label}.antaranews.com"
    return Source(
        key=f"antara-{key}",
        name=f"ANTARA {province}",
        outlet_type="wire",
        region=province,
        hosts=(host,),
        homepage=f"https://{host}/",
        feeds=(f"https://{host}/rss/terkini.xml",),
        article_url_pattern="https://" + re.escape(host) + _ARTICLE_PATH,
        exclude_path_prefixes=_EXCLUDED,
        timezone=zone,
        is_wire_agency=True,
        parsers=ANTARA_PARSERS,
    )


ANTARA_NATIONAL = Source(
    key="antara",
    name="ANTARA",
    outlet_type="wire",
    region=None,
    hosts=("www.antaranews.com", "antaranews.com", "m.antaranews.com"),
    homepage="https://www.antaranews.com/",
    feeds=("https://www.antaranews.com/rss/terkini.xml",),
    article_url_pattern=r"https://www\.antaranews\.com" + _ARTICLE_PATH,
    exclude_path_prefixes=_EXCLUDED,
    timezone="WIB",
    is_wire_agency=True,
    parsers=ANTARA_PARSERS,
)

ANTARA_ENGLISH = Source(
    key="antara-en",
    name="ANTARA News (English)",
    outlet_type="wire",
    region=None,
    hosts=("en.antaranews.com",),
    homepage="https://en.antaranews.com/",
    feeds=("https://en.antaranews.com/rss/news.xml",),
    article_url_pattern=r"https://en\.antaranews\.com/news/\d+(?:/[^/?#]*)?/?",
    exclude_path_prefixes=_EXCLUDED,
    timezone="WIB",
    language="en",
    is_wire_agency=True,
    parsers=ANTARA_PARSERS,
)

SOURCES: tuple[Source, ...] = (
    ANTARA_NATIONAL,
    ANTARA_ENGLISH,
    *(_bureau(*row) for row in BUREAUS),
)
