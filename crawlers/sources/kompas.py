"""Kompas.com regional channel: `regional.kompas.com/read/YYYY/MM/DD/<id>/<slug>`; `?page=all` for one page.

Kompas's robots.txt forbids AI crawlers entirely and tracking/search URLs for everyone: Sorot obeys it.
Bodies open with "KOMPAS.com -" and carry inline "Baca juga" blocks and WhatsApp-channel promotions.
"""

from __future__ import annotations

from .model import ParserSpec, Source

KOMPAS_READ = ParserSpec(
    version="kompas-read.1",
    marker_selector="div.read__content",
    title_selector="h1.read__title",
    date_selector="div.read__time",
    author_selector="div.credit-title-name",
    section_selector="ul.breadcrumb__wrap li a",
    body_selector="div.read__content",
    drop_selectors=(
        "[class^=inject-baca-juga]",
        "div.kompasidRec",
        "div.ads-on-body",
        "div.ads-partner-wrap",
        "figure",
        "script",
        "iframe",
    ),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"Simak breaking news",
        r"saluran WhatsApp",
        r"^\s*Dapatkan update berita",
    ),
    # "KOMPAS.com - " without a place; "PALANGKA RAYA, KOMPAS.com - " is a dateline, read as one later
    strip_prefix_patterns=(r"^KOMPAS\.com\s*[-–—]+\s*",),
    # the inline related link Kompas glues into a paragraph: "... kata dia. Baca juga: Judul lain"
    drop_inline_patterns=(r"\s*Baca juga\s*:\s*[^.!?\n]*$",),
    title_suffixes=(" - Kompas.com", " | Kompas.com", " Halaman all - Kompas.com"),
    pagination_selector="div.paging",
    full_page_query="page=all",
)

#: the 2015-2016 "kcm-read" template; writer and editor in a table under the text
KOMPAS_KCM_2015 = ParserSpec(
    version="kompas-kcm-2015.1",
    marker_selector="div.kcm-read-text",
    title_selector="div.kcm-read-top h2, div.kcm-read h2",
    date_selector="div.kcm-read-top div.msmall, div.kcm-date",
    author_selector="div.kcm-read-copy tr:nth-of-type(1) td:nth-of-type(2)",
    editor_selector="div.kcm-read-copy tr:nth-of-type(2) td:nth-of-type(2)",
    section_selector="ul.kcm-breadcrumb li a",
    body_selector="div.kcm-read-text",
    drop_selectors=("div.kcm-read-copy", "div.photo", "script", "iframe"),
    drop_paragraph_patterns=(r"^\s*Baca juga\s*:", r"^\s*(?:Penulis|Editor)\s*:"),
    title_suffixes=(" - Kompas.com Regional", " - Kompas.com"),
)

KOMPAS_REGIONAL = Source(
    key="kompas-regional",
    name="Kompas.com Regional",
    outlet_type="national",
    region=None,
    hosts=("regional.kompas.com",),
    homepage="https://regional.kompas.com/",
    sitemaps=("https://www.kompas.com/sitemap.xml",),
    article_url_pattern=r"https://regional\.kompas\.com/read/\d{4}/\d{2}/\d{2}/\d+/[^/?#]+",
    timezone="WIB",
    parsers=(KOMPAS_READ, KOMPAS_KCM_2015),
)

SOURCES: tuple[Source, ...] = (KOMPAS_REGIONAL,)
