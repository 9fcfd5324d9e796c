"""CNN Indonesia: national outlet; articles at `/<section>/<14-digit timestamp>-<n>-<id>/<slug>`.

Bodies open with "Jakarta, CNN Indonesia --", carry an inline "Baca juga" block, an advert interstitial and
an editors' initials trailer such as "(ptr)"; dates are numeric, day first ("Jumat, 20/10/2017 12:34 WIB").
"""

from __future__ import annotations

from .model import ParserSpec, Source

CNN_DETAIL = ParserSpec(
    version="cnnindonesia-detail.1",
    marker_selector="div.detail-text",
    title_selector="h1.detail-title",
    date_selector="div.detail-date",
    author_selector="div.detail-author",
    tags_selector="div.detail-tag a",
    section_selector="div.breadcrumb a",
    body_selector="div.detail-text",
    drop_selectors=("div.linksisip", "table.linksisip", "div.paradetail", "figure", "script", "iframe"),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"^\s*ADVERTISEMENT\s*$",
        r"^\s*SCROLL TO CONTINUE WITH CONTENT\s*$",
        r"^\s*\(\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4})?\s*\)\s*$",
    ),
    # the trailer glued to the last sentence: "... kata Ronaldo. (ptr)"
    strip_suffix_patterns=(r"\s*\(\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4})?\s*\)\s*$",),
    title_suffixes=(" - CNN Indonesia",),
)

CNN_INDONESIA = Source(
    key="cnn-indonesia",
    name="CNN Indonesia",
    outlet_type="national",
    region=None,
    hosts=("www.cnnindonesia.com", "cnnindonesia.com"),
    homepage="https://www.cnnindonesia.com/",
    feeds=tuple(
        f"https://www.cnnindonesia.com/{section}/rss"
        for section in ("nasional", "internasional", "ekonomi", "olahraga", "teknologi", "hiburan", "gaya-hidup")
    ),
    article_url_pattern=r"https://www\.cnnindonesia\.com/[a-z-]+/\d{14}-\d+-\d+/[^/?#]+",
    timezone="WIB",
    parsers=(CNN_DETAIL,),
)

SOURCES: tuple[Source, ...] = (CNN_INDONESIA,)
