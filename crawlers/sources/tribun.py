"""Tribun network regional sites (Tribun Kalteng first): one CMS for every *.tribunnews.com subdomain.

Articles at `/YYYY/MM/DD/<slug>` (older) or `/<kanal>/<id>/<slug>`; long articles are split over pages and
read whole with `?page=all`; the daily index `index-news?date=YYYY-MM-DD&page=N` serves backfill.
"""

from __future__ import annotations

from .model import Listing, ParserSpec, Source

TRIBUN_ARTICLE = ParserSpec(
    version="tribun-article.1",
    marker_selector="div.txt-article",
    title_selector="h1#arttitle",
    date_selector="time",
    author_selector="div#penulis a",
    tags_selector="div.tagcloud3 a",
    body_selector="div.txt-article",
    drop_selectors=("p.baca", "div.baca", "blockquote", "figure", "script", "iframe", "div.ads"),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"^\s*Baca Juga\s*:",
        r"^\s*Artikel ini telah tayang di",
        r"^\s*Ikuti berita",
        r"^\s*Simak berita",
        r"^\s*Laporan\s+(?:Wartawan|Reporter|Kontributor)\b[^.]{0,80}$",
    ),
    # the reporter's credit that opens the text ("Laporan Wartawan Tribunkalteng.com, Nama ");
    # the dateline after it ("TRIBUNKALTENG.COM, PALANGKA RAYA - ") is read as a dateline later
    strip_prefix_patterns=(r"^Laporan\s+(?:Wartawan|Reporter|Kontributor)\s+\S+,\s*[^,]{2,60}?\s+(?=\S+\.COM\b)",),
    title_suffixes=(" - Tribunkalteng.com", " - Tribun Kalteng"),
    pagination_selector="div.paging",
    full_page_query="page=all",
)


def _tribun(key: str, sub: str, region: str, zone: str) -> Source:
    host = f"{sub}.tribunnews.com"
    escaped = host.replace(".", r"\.")
    return Source(
        key=key,
        name=f"Tribun {sub.capitalize()}",
        outlet_type="regional",
        region=region,
        hosts=(host,),
        homepage=f"https://{host}/",
        feeds=(f"https://{host}/rss",),
        sitemaps=(f"https://{host}/sitemap-news.xml",),
        listings=(Listing(f"https://{host}/index-news?page={{page}}", link_selector="li.ptb15 h3 a"),),
        article_url_pattern=rf"https://{escaped}/(?:\d{{4}}/\d{{2}}/\d{{2}}/[^/?#]+|[a-z-]+/\d+/[^/?#]+)",
        timezone=zone,
        parsers=(TRIBUN_ARTICLE,),
    )


SOURCES: tuple[Source, ...] = (
    _tribun("tribun-kalteng", "kalteng", "Kalimantan Tengah", "WIB"),
    _tribun("tribun-kalbar", "pontianak", "Kalimantan Barat", "WIB"),
    _tribun("tribun-kaltim", "kaltim", "Kalimantan Timur", "WITA"),
    _tribun("tribun-kalsel", "banjarmasin", "Kalimantan Selatan", "WITA"),
)
