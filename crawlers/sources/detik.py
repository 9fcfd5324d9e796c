"""detik.com: national portal with regional channels (detikKalimantan among them).

Articles live at `/<kanal>/d-<id>/<slug>` on several hosts (news., health., finance., www.detik.com/<region>).
Bodies carry an inline "Baca juga" table, a "SCROLL TO CONTINUE WITH CONTENT" advert block and an
editors' initials trailer such as "(rdp/imk)".
"""

from __future__ import annotations

from .model import ParserSpec, Source

DETIK_DETAIL_2020 = ParserSpec(
    version="detik-detail-2020.1",
    marker_selector="div.detail__body-text",
    title_selector="h1.detail__title",
    date_selector="div.detail__date",
    author_selector="div.detail__author",
    tags_selector="div.detail__body-tag a",
    body_selector="div.detail__body-text",
    drop_selectors=(
        "table.linksisip",
        "div.lihatjg",
        "div.parallaxindetail",
        "p.para_caption",
        ".detail__media",
        "div.detail__body-tag",
        "script",
        "iframe",
    ),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"^\s*ADVERTISEMENT\s*$",
        r"^\s*SCROLL TO CONTINUE WITH CONTENT\s*$",
        r"^\s*\(\s*[a-z]{2,4}\s*/\s*[a-z]{2,4}\s*\)\s*$",
        r"^\s*\[Gambas:[^\]]*\]\s*$",
    ),
    title_suffixes=(" - detikNews", " - detikHealth", " - detikFinance", " - detikKalimantan"),
    favor_precision=True,
)

#: the 2015-2017 "read" template: title, author and date above div.text_detail; "(fyk/ash)" closes the text
DETIK_READ_2015 = ParserSpec(
    version="detik-read-2015.1",
    marker_selector="div.text_detail",
    title_selector="h1.l_blue2_detik, div.jdl h1",
    date_selector="div.date",
    author_selector="div.author strong, div.author",
    tags_selector="div.detail_tag a",
    body_selector="div.text_detail",
    drop_selectors=("div.detail_tag", "div.lihatjg", "table.linksisip", "div.pic_artikel", "script",
                    "iframe"),
    drop_paragraph_patterns=(
        r"^\s*Baca juga\s*:",
        r"^\s*\(\s*[a-z]{2,4}\s*/\s*[a-z]{2,4}\s*\)\s*$",
    ),
    title_suffixes=(" - detikNews", " - detikInet", " - detikFinance", " - detikHealth"),
)

#: the 2015-2017 photo story ("readfoto"): one description paragraph under the photographer's credit
DETIK_FOTO_2015 = ParserSpec(
    version="detik-readfoto-2015.1",
    marker_selector="div.text_gal",
    title_selector="div.detail_profil h1",
    date_selector="div.detail_profil div.date",
    author_selector="div.detail_profil strong",
    body_selector="div.text_gal",
    drop_selectors=("script", "iframe"),
)

_HOSTS = (
    "www.detik.com",
    "news.detik.com",
    "health.detik.com",
    "finance.detik.com",
    "inet.detik.com",
    "sport.detik.com",
    "hot.detik.com",
    "food.detik.com",
    "travel.detik.com",
    "oto.detik.com",
    "wolipop.detik.com",
    "edukasi.detik.com",
)

DETIK = Source(
    key="detik",
    name="detikcom",
    outlet_type="national",
    region=None,
    hosts=_HOSTS,
    homepage="https://www.detik.com/",
    feeds=(
        "https://news.detik.com/rss",
        "https://www.detik.com/kalimantan/rss",
    ),
    article_url_pattern=r"https://[a-z]+\.detik\.com/(?:[a-z-]+/)*d-\d+/[^/?#]+/?",
    timezone="WIB",
    parsers=(DETIK_DETAIL_2020, DETIK_READ_2015, DETIK_FOTO_2015),
)

SOURCES: tuple[Source, ...] = (DETIK,)
