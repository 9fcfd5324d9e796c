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
    strip_prefix_patterns=(r"^[A-Z .,]*KOMPAS\.com\s*[-–—]+\s*",),
    title_suffixes=(" - Kompas.com", " | Kompas.com", " Halaman all - Kompas.com"),
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
    parsers=(KOMPAS_READ,),
)

SOURCES: tuple[Source, ...] = (KOMPAS_REGIONAL,)
