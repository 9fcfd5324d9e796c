"""The offline replica over real HTTP: virtual hosts, feeds, the seed page, escaping and failure modes."""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import lxml.html
import pytest

from sorot.demo.site import PortInUseError, ReplicaServer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "demo" / "data" / "articles.jsonl"
CAPTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed-antara-kalteng-capture.txt"
KALTENG = "kalteng.antaranews.com"
CNN = "www.cnnindonesia.com"
SEED_PATH = "/berita/834512/pemkot-palangka-raya-susun-rencana-aksi-pencegahan-kekerasan-terhadap-perempuan-dan-anak"
# The footer parser's pattern from the project's source notes: every variant the replica renders must match.
FOOTER_RE = re.compile(
    r"Pewarta\s*:\s*(?P<pewarta>.*?)\s*Editor\s*:\s*(?P<editor>.*?)\s*(?:COPYRIGHT|Copyright)\s*©\s*ANTARA\s*"
    r"(?P<year>\d{4})", re.I | re.S)
# No proxy from the environment: the replica is on loopback.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def fetch(server: ReplicaServer, target: str, host: str | None = None,
          method: str = "GET") -> tuple[int, str, bytes]:
    headers = {"Host": host} if host else {}
    request = urllib.request.Request(server.base_url + target, headers=headers, method=method)
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def fetch_url(server: ReplicaServer, url: str) -> tuple[int, str, bytes]:
    """Fetch a real https URL of the replica the way the crawler does: loopback + Host header."""
    parts = urlsplit(url)
    return fetch(server, parts.path + (f"?{parts.query}" if parts.query else ""), parts.hostname)


def cnn_rows(kind: str = "original") -> list[dict]:
    return [r for r in rows() if r["site"] == "cnn-indonesia" and r["kind"] == kind]


def cnn_section(row: dict) -> str:
    return urlsplit(row["url"]).path.split("/")[1]


def content_paragraphs(page: bytes) -> list[lxml.html.HtmlElement]:
    tree = lxml.html.fromstring(page)
    (content,) = tree.xpath("//div[contains(@class, 'wrap__article-detail-content')]")
    return content.xpath("./p")


@pytest.fixture(scope="module")
def replica():
    with ReplicaServer(port=0) as server:
        yield server


def test_serves_every_host_of_the_data_and_names_its_feeds(replica):
    hosts = {urlsplit(r["url"]).hostname for r in rows()}
    assert set(replica.hosts) == hosts
    assert replica.hosts[0] == KALTENG
    assert replica.base_url.startswith("http://127.0.0.1:")
    assert replica.feed_urls["antara-kalteng"] == [f"https://{KALTENG}/rss/terkini.xml"]
    assert sorted(replica.feed_urls["detik"]) == sorted(f"https://{h}/rss" for h in hosts if h.endswith("detik.com"))
    sections = {cnn_section(r) for r in rows() if r["site"] == "cnn-indonesia"}
    assert {"nasional", "internasional", "hiburan"} <= sections
    assert sorted(replica.feed_urls["cnn-indonesia"]) == sorted(f"https://{CNN}/{s}/rss" for s in sections)
    assert set(replica.feed_urls) == {"antara-kalteng", "detik", "cnn-indonesia"}


def test_robots_txt(replica):
    status, content_type, body = fetch(replica, "/robots.txt", KALTENG)
    assert status == 200 and content_type.startswith("text/plain")
    lines = body.decode().splitlines()
    assert "User-agent: *" in lines and "Disallow: /search" in lines and "Disallow: /cari" in lines
    assert not any(line.lower().startswith("crawl-delay") for line in lines)
    status, content_type, body = fetch(replica, "/robots.txt", "news.detik.com")
    assert status == 200 and body.decode().startswith("User-agent: *")
    status, content_type, body = fetch(replica, "/robots.txt", CNN)
    assert status == 200 and content_type.startswith("text/plain")
    assert body.decode().splitlines() == ["User-agent: *", "Disallow: /search"]
    # A Host header may carry a port or a different case; it still names the same site.
    assert fetch(replica, "/robots.txt", "Kalteng.Antaranews.com:443")[2] == fetch(replica, "/robots.txt", KALTENG)[2]


def test_kalteng_feed_lists_every_kalteng_article_newest_first(replica):
    status, content_type, body = fetch(replica, "/rss/terkini.xml", KALTENG)
    assert status == 200 and content_type == "application/rss+xml; charset=utf-8"
    channel = ElementTree.fromstring(body).find("channel")
    items = channel.findall("item")
    kalteng = {r["url"]: r for r in rows() if urlsplit(r["url"]).hostname == KALTENG}
    assert len(items) == len(kalteng)
    dates = []
    for item in items:
        link = item.findtext("link")
        assert urlsplit(link).scheme == "https" and urlsplit(link).hostname == KALTENG
        assert item.findtext("guid") == link
        row = kalteng[link]
        assert item.findtext("title") == row["title"]
        published = parsedate_to_datetime(item.findtext("pubDate"))
        assert published.isoformat() == row["published"]
        assert re.fullmatch(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700", item.findtext("pubDate"))
        assert item.findtext("description").strip()
        dates.append(published)
    assert dates == sorted(dates, reverse=True)
    assert items[0].findtext("link") == f"https://{KALTENG}{SEED_PATH}"


def test_detik_feeds_list_their_host_only(replica):
    for url in replica.feed_urls["detik"]:
        status, content_type, body = fetch_url(replica, url)
        assert status == 200 and content_type.startswith("application/rss+xml")
        links = [i.findtext("link") for i in ElementTree.fromstring(body).iter("item")]
        host = urlsplit(url).hostname
        assert links and all(urlsplit(link).hostname == host for link in links)
        assert len(links) == sum(1 for r in rows() if urlsplit(r["url"]).hostname == host)


def test_cnn_section_feeds_list_their_section_newest_first(replica):
    by_url = {r["url"]: r for r in rows() if r["site"] == "cnn-indonesia"}
    seen = set()
    for url in replica.feed_urls["cnn-indonesia"]:
        section = urlsplit(url).path.split("/")[1]
        status, content_type, body = fetch_url(replica, url)
        assert status == 200 and content_type == "application/rss+xml; charset=utf-8"
        root = ElementTree.fromstring(body)
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        assert channel.find("{http://www.w3.org/2005/Atom}link").get("href") == url
        items = channel.findall("item")
        assert len(items) == sum(1 for r in by_url.values() if cnn_section(r) == section)
        dates = []
        for item in items:
            row = by_url[item.findtext("link")]
            assert cnn_section(row) == section and item.findtext("guid") == row["url"]
            assert item.findtext("title") == row["title"] and item.findtext("category") == row["section"]
            assert item.findtext("pubDate").endswith(" +0700")
            published = parsedate_to_datetime(item.findtext("pubDate"))
            assert published.isoformat() == row["published"]
            dates.append(published)
        assert dates == sorted(dates, reverse=True)
        seen.update(i.findtext("link") for i in items)
    assert seen == set(by_url)  # every CNN article is in exactly the feed of its section
    assert fetch(replica, "/nasional/rss/", CNN)[0] == 200
    assert fetch(replica, "/sepakbola/rss", CNN)[0] == 404  # no such section in the replica


def test_seed_page_reproduces_the_capture_exactly(replica):
    status, content_type, page = fetch(replica, SEED_PATH, KALTENG)
    assert status == 200 and content_type == "text/html; charset=utf-8"
    capture = [line for line in CAPTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = content_paragraphs(page)
    texts = [p.text_content() for p in paragraphs]
    assert texts[: len(capture)] == capture  # dateline line, body, Baca juga lines, the repeat: in order
    repeat_start = capture.index(capture[2], 3)
    for line in capture[2:repeat_start]:
        assert texts.count(line) == 2, line  # the capture's repeated block is there twice
    assert texts[len(capture) - 1].endswith("Pemkot dan Pertamina gelar operasi pasar")
    assert any(t.endswith("Kota Palangka") for t in texts)  # the truncated sentence, kept as captured
    baca = [p for p in paragraphs if p.xpath("./span[@class='baca-juga']/a[@href]")]
    assert len(baca) == sum(1 for line in capture if line.startswith("Baca juga:")) == 8
    footer, notice = paragraphs[len(capture)], paragraphs[len(capture) + 1]
    assert footer.get("class") == "text-muted mt-2 small"
    fields = FOOTER_RE.search(footer.text_content())
    assert fields and fields["pewarta"] and fields["editor"] and fields["year"] == "2024"
    assert notice.text_content().startswith("Dilarang keras mengambil konten")
    assert len(paragraphs) == len(capture) + 2


def test_seed_page_metadata_and_template(replica):
    page = fetch(replica, SEED_PATH, KALTENG)[2]
    tree = lxml.html.fromstring(page)
    url = f"https://{KALTENG}{SEED_PATH}"
    title = "Pemkot Palangka Raya susun rencana aksi pencegahan kekerasan terhadap perempuan dan anak"
    assert tree.findtext(".//title") == f"{title} - ANTARA News Kalimantan Tengah"
    assert tree.xpath("//link[@rel='canonical']/@href") == [url]
    assert tree.xpath("//meta[@property='og:url']/@content") == [url]
    assert tree.xpath("string(//div[@class='wrap__article-detail-title']/h1)") == title
    date = tree.xpath("string(//div[@class='wrap__article-detail-info']//span[contains(@class,'text-secondary')])")
    assert date == "Rabu, 4 September 2024 15:30 WIB"
    assert tree.xpath("//span[@class='breadcrumbs__item']")[1].text_content() == "Kabar Daerah"
    (ld,) = tree.xpath("//script[@type='application/ld+json']/text()")
    ld = json.loads(ld)
    assert ld["@type"] == "NewsArticle" and ld["headline"] == title
    assert ld["datePublished"] == "2024-09-04T15:30:00+07:00" and ld["author"]["name"]
    assert tree.xpath("//ul[@class='blog-tags']/li/a")
    assert len(tree.xpath("//aside//li/a")) == 5
    footer = tree.xpath("string(//footer)")
    assert "Replika luring Sorot" in footer and "SEED-ARTICLE-NOTE" in footer
    assert tree.xpath("//footer//a[@href='/_replika/atribusi']")


def test_article_urls_with_trailing_slash_or_tracking_query_answer_the_same_page(replica):
    plain = fetch(replica, SEED_PATH, KALTENG)
    assert fetch(replica, SEED_PATH + "/", KALTENG) == plain
    assert fetch(replica, SEED_PATH + "?utm_source=antaranews&utm_medium=desktop", KALTENG) == plain


def test_other_kalteng_articles_get_inserted_related_links_and_footer(replica):
    article = next(r for r in rows() if r["site"] == "antara-kalteng" and r["kind"] == "original"
                   and len(r["paragraphs"]) >= 8 and r["editor"] and r["footer_style"] == "standard"
                   and not any("Baca juga" in p for p in r["paragraphs"]))
    status, _, page = fetch_url(replica, article["url"])
    assert status == 200
    paragraphs = content_paragraphs(page)
    plain = [p.text_content() for p in paragraphs if not p.xpath("./span") and not p.get("class")][:-1]
    assert plain == article["paragraphs"]
    links = [p.xpath("./span[@class='baca-juga']/a/@href")[0] for p in paragraphs if p.xpath("./span")]
    assert links and all(fetch_url(replica, link)[0] == 200 for link in links)
    fields = FOOTER_RE.search(paragraphs[-2].text_content())
    assert (fields["pewarta"], fields["editor"]) == (article["author"], article["editor"])


@pytest.mark.parametrize("variant", ["glued", "empty-editor"])
def test_footer_variants_parse(replica, variant):
    if variant == "glued":
        article = next(r for r in rows() if r.get("footer_style") == "glued")
    else:
        article = next(r for r in rows() if r.get("editor") == "")
    paragraphs = content_paragraphs(fetch_url(replica, article["url"])[2])
    footer = paragraphs[-2].text_content()
    fields = FOOTER_RE.search(footer)
    assert fields["pewarta"] == article["author"]
    assert fields["editor"] == article["editor"]
    if variant == "glued":
        assert f"{article['author']}Editor:" in footer


def test_detik_page(replica):
    article = next(r for r in rows() if r["site"] == "detik" and r["kind"] == "original"
                   and len(r["paragraphs"]) >= 4)
    status, content_type, page = fetch_url(replica, article["url"])
    assert status == 200 and content_type == "text/html; charset=utf-8"
    tree = lxml.html.fromstring(page)
    assert tree.xpath("string(//h1[@class='detail__title'])") == article["title"]
    assert tree.xpath("string(//div[@class='detail__date'])") == article["date_text"]
    assert tree.xpath("string(//div[@class='detail__author'])").startswith(article["author"] + " - detik")
    (body,) = tree.xpath("//div[contains(@class,'detail__body-text')]")
    children = list(body)
    texts = [c.text_content() for c in children if c.tag == "p"]
    assert texts[:-1] == article["paragraphs"]
    assert re.fullmatch(r"\([a-z]{3}/[a-z]{3}\)", texts[-1])
    assert children[2].tag == "table" and "linksisip" in children[2].get("class")
    assert children[2].xpath(".//a/@href") and "Baca juga" in children[2].text_content()
    assert "parallaxindetail" in children[4].get("class") and "ADVERTISEMENT" in children[4].text_content()
    assert tree.xpath("//div[contains(@class,'detail__body-tag')]//a")


def _cnn_body(page: bytes) -> tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]:
    tree = lxml.html.fromstring(page)
    (body,) = tree.xpath("//div[@class='detail-wrap']/div[@class='detail-text']")
    return tree, body


def test_cnn_page(replica):
    article = next(r for r in cnn_rows() if len(r["paragraphs"]) >= 5 and r["author"] == "Tim CNN Indonesia"
                   and not re.search(r"\([a-z/]+\)$", r["paragraphs"][-1]))
    status, content_type, page = fetch_url(replica, article["url"])
    assert status == 200 and content_type == "text/html; charset=utf-8"
    tree, body = _cnn_body(page)
    assert tree.xpath("//link[@rel='canonical']/@href") == [article["url"]]
    assert tree.xpath("string(//h1[@class='detail-title'])") == article["title"]
    assert tree.xpath("string(//div[@class='detail-author'])") == "Tim CNN Indonesia | CNN Indonesia"
    date = tree.xpath("string(//div[@class='detail-date'])")
    assert date == article["date_text"] and re.fullmatch(r"\w+, \d{2}/\d{2}/\d{4} \d{2}:\d{2} WIB", date)
    crumbs = tree.xpath("//div[@class='breadcrumb']/a")
    assert [a.text_content() for a in crumbs] == ["Home", article["section"]]
    assert crumbs[1].get("href") == f"https://{CNN}/{cnn_section(article)}"
    assert fetch_url(replica, crumbs[1].get("href"))[0] == 200
    assert tree.xpath("//div[@class='detail-image']/figure/img/@src") == ["/img/placeholder.svg"]
    assert tree.xpath("string(//div[@class='detail-image']//figcaption)") == article["caption"]
    children = list(body)
    assert [c.tag for c in children[:5]] == ["p", "p", "div", "p", "div"]
    assert children[0].text_content().startswith(article["paragraphs"][0][:25])
    assert "CNN Indonesia -- " in children[0].text_content()
    assert children[2].get("class") == "linksisip" and children[2].text_content().startswith("Baca juga:")
    baca = children[2].xpath("./a/@href")
    assert len(baca) == 1 and baca[0] != article["url"] and fetch_url(replica, baca[0])[0] == 200
    assert children[4].get("class") == "paradetail"
    assert [p.text_content() for p in children[4]] == ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"]
    texts = [c.text_content() for c in children if c.tag == "p"]
    assert texts[:-1] == article["paragraphs"]
    assert re.fullmatch(r"\([a-z]{3}/[a-z]{3}\)", texts[-1])  # invented initials: the text has none
    tags = tree.xpath("//div[@class='detail-tag']/a")
    assert [t.text_content() for t in tags] == article["tags"]
    assert all(fetch_url(replica, t.get("href"))[0] == 200 for t in tags)
    popular = tree.xpath("//aside//h2[.='Terpopuler']/following-sibling::ol/li/a/@href")
    assert len(popular) == 5 and article["url"] not in popular and baca[0] not in popular
    assert all(fetch_url(replica, url)[0] == 200 for url in popular)
    assert [a.text_content() for a in tree.xpath("//header//nav/a")][:2] == ["Nasional", "Internasional"]
    footer = tree.xpath("string(//footer)")
    assert "Replika luring Sorot" in footer and "CC BY-SA 4.0" in footer and article["source_url"] in footer
    (ld,) = tree.xpath("//script[@type='application/ld+json']/text()")
    assert json.loads(ld)["datePublished"] == article["published"]


def test_cnn_page_keeps_the_texts_own_initials_and_forgives_a_trailing_slash(replica):
    article = next(r for r in cnn_rows() if len(r["paragraphs"]) >= 4
                   and re.search(r" \([a-z]{2,5}(?:/[a-z]{2,5})?\)$", r["paragraphs"][-1]))
    page = fetch_url(replica, article["url"])[2]
    texts = [c.text_content() for c in _cnn_body(page)[1] if c.tag == "p"]
    assert texts == article["paragraphs"]  # no second "(abc/xyz)" after the text's own
    assert fetch_url(replica, article["url"] + "/")[2] == page
    assert fetch(replica, urlsplit(article["url"]).path.rsplit("/", 1)[0] + "/lain", CNN)[0] == 404


def test_cnn_listings_and_placeholder(replica):
    status, _, home = fetch(replica, "/", CNN)
    assert status == 200
    links = lxml.html.fromstring(home).xpath("//article//h3/a/@href")
    cnn = [r for r in rows() if r["site"] == "cnn-indonesia"]
    assert len(links) == len(cnn)
    assert links[0] == max(cnn, key=lambda r: (r["published"], r["id"]))["url"]  # newest first
    status, _, section = fetch(replica, "/hiburan", CNN)
    hrefs = lxml.html.fromstring(section).xpath("//article//h3/a/@href")
    assert status == 200 and hrefs and all(urlsplit(h).path.startswith("/hiburan/") for h in hrefs)
    status, content_type, svg = fetch(replica, "/img/placeholder.svg", CNN)
    assert status == 200 and content_type == "image/svg+xml" and svg.startswith(b"<svg")
    assert fetch(replica, "/search", CNN)[0] == 404


def test_syndicated_copy_keeps_the_antara_dateline(replica):
    by_id = {r["id"]: r for r in rows()}
    copies = [r for r in rows() if r["kind"] == "syndicated"]
    assert {c["site"] for c in copies} == {"detik", "cnn-indonesia"}
    for copy in copies:
        status, _, page = fetch_url(replica, copy["url"])
        assert status == 200
        tree = lxml.html.fromstring(page)
        if copy["site"] == "detik":
            first = tree.xpath("string(//div[contains(@class,'detail__body-text')]/p[1])")
        else:
            first = _cnn_body(page)[1].xpath("string(./p[1])")
            assert "CNN Indonesia --" not in first
        assert "(ANTARA) -" in first
        original = by_id[copy["syndicated_from"]]
        assert first.split(" (ANTARA) - ")[0] in original["paragraphs"][0]


def test_a_story_on_three_outlets_is_served_by_all_three(replica):
    """A CNN copy's original is on the Kalteng replica and detik carries it too: three hosts, one story."""
    by_id = {r["id"]: r for r in rows()}
    copies = cnn_rows("syndicated")
    assert 2 <= len(copies) <= 3
    for copy in copies:
        original = by_id[copy["syndicated_from"]]
        carriers = [original, by_id[f"{original['id']}-syn"], copy]
        assert [urlsplit(r["url"]).hostname for r in carriers] == [KALTENG, "news.detik.com", CNN]
        for row in carriers:
            assert fetch_url(replica, row["url"])[0] == 200
        feed = fetch_url(replica, f"https://{CNN}/{cnn_section(copy)}/rss")[2]
        assert copy["url"] in [i.findtext("link") for i in ElementTree.fromstring(feed).iter("item")]
        _, body = _cnn_body(fetch_url(replica, copy["url"])[2])
        texts = [p.text_content() for p in body.xpath("./p")][:-1]  # the invented initials close the page
        assert texts == copy["paragraphs"]


def test_unknown_paths_and_hosts_answer_404(replica):
    status, content_type, body = fetch(replica, "/tidak/ada", KALTENG)
    assert status == 404 and content_type == "text/html; charset=utf-8"
    assert b"tidak ditemukan" in body.lower()
    assert fetch(replica, "/berita/999999/tidak-ada", KALTENG)[0] == 404
    assert fetch(replica, "/berita/d-1/tidak-ada", "news.detik.com")[0] == 404
    assert fetch(replica, "/", "www.example.org")[0] == 404
    assert fetch(replica, "/tidak-ada.example/berita/1")[0] == 404
    # The seed's related stories are not in the replica: their links lead to a 404, like a dead link.
    seed_page = fetch(replica, SEED_PATH, KALTENG)[2]
    link = lxml.html.fromstring(seed_page).xpath("//span[@class='baca-juga']/a/@href")[0]
    assert fetch_url(replica, link)[0] == 404


def test_index_on_the_bare_address_links_browsable_views(replica):
    status, content_type, page = fetch(replica, "/")
    assert status == 200 and content_type == "text/html; charset=utf-8"
    assert fetch(replica, "/", "localhost:8080")[2] == page
    tree = lxml.html.fromstring(page)
    assert tree.get("lang") == "id" and "replika luring" in tree.text_content().lower()
    hrefs = set(tree.xpath("//a/@href"))
    for host in replica.hosts:
        assert f"/{host}/" in hrefs
    for url in replica.feed_urls["cnn-indonesia"]:
        assert f"/{CNN}{urlsplit(url).path}" in hrefs  # every section feed, browsable
    assert f"/{KALTENG}{SEED_PATH}" in hrefs
    assert len([h for h in hrefs if h.count("/") >= 3 and not h.startswith("/_")]) >= len(rows())
    status, _, seed_view = fetch(replica, f"/{KALTENG}{SEED_PATH}")
    assert status == 200
    view = lxml.html.fromstring(seed_view)
    assert [p.text_content() for p in content_paragraphs(seed_view)] == [
        p.text_content() for p in content_paragraphs(fetch(replica, SEED_PATH, KALTENG)[2])]
    popular = view.xpath("//aside//a/@href")
    assert popular and all(h.startswith(f"/{KALTENG}/berita/") for h in popular)
    assert fetch(replica, popular[0])[0] == 200
    status, _, attribution = fetch(replica, "/_replika/atribusi")
    assert status == 200 and b"CC BY-SA 4.0" in attribution and b"MIT" in attribution
    assert fetch(replica, "/_replika/lisensi/CC-BY-SA-4.0.txt")[0] == 200


def test_listings_tags_and_placeholder(replica):
    status, _, home = fetch(replica, "/", KALTENG)
    assert status == 200
    links = lxml.html.fromstring(home).xpath("//article[contains(@class,'simple-post')]//h3/a/@href")
    assert len(links) == 20 and links[0] == f"https://{KALTENG}{SEED_PATH}"  # newest first, 20 a page
    assert fetch(replica, "/terkini/2", KALTENG)[0] == 200
    assert fetch(replica, "/terkini/99", KALTENG)[0] == 404
    assert fetch(replica, "/tag/pemkot-palangka-raya", KALTENG)[0] == 200
    status, content_type, svg = fetch(replica, "/img/placeholder.svg", "health.detik.com")
    assert status == 200 and content_type == "image/svg+xml" and svg.startswith(b"<svg")
    status, _, head = fetch(replica, SEED_PATH, KALTENG, method="HEAD")
    assert status == 200 and head == b""


def test_scraped_text_is_escaped(tmp_path):
    hostile = "<script>alert('x')</script> Judul & \"kutipan\""
    base = next(r for r in rows() if r["site"] == "antara-kalteng" and r["kind"] == "original")
    injected = dict(base, id="hostile0001", title=hostile, url=f"https://{KALTENG}/berita/839999/judul",
                    paragraphs=["Palu (ANTARA) - <b>tebal</b> & <img src=x onerror=alert(1)>.", "Kedua."],
                    tags=["<i>tag</i>"])
    detik = next(r for r in rows() if r["site"] == "detik")
    cnn_base = cnn_rows()[0]
    cnn_url = f"https://{CNN}/nasional/20170101000000-20-1/judul"
    cnn = dict(cnn_base, id="hostile0002", title=hostile, url=cnn_url,
               paragraphs=["Jakarta, CNN Indonesia -- <b>tebal</b> & <img src=x onerror=alert(1)>.", "(abc)"],
               tags=["<i>tag</i>"], section="Nasional")
    data = tmp_path / "articles.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (injected, detik, cnn)) + "\n",
                    encoding="utf-8")
    with ReplicaServer(data_path=data) as server:
        status, _, page = fetch(server, "/berita/839999/judul", KALTENG)
        assert status == 200
        assert b"<script>alert" not in page and b"<b>tebal" not in page and b"<img src=x" not in page
        assert b"&lt;script&gt;alert" in page and b"&lt;b&gt;tebal&lt;/b&gt;" in page
        tree = lxml.html.fromstring(page)
        assert tree.xpath("string(//h1)") == hostile
        (ld,) = tree.xpath("//script[@type='application/ld+json']/text()")
        assert "</script" not in ld and json.loads(ld)["headline"] == hostile
        feed = fetch(server, "/rss/terkini.xml", KALTENG)[2]
        assert ElementTree.fromstring(feed).find("channel/item/title").text == hostile
        index = fetch(server, "/")[2]
        assert b"<script>alert" not in index and b"&lt;script&gt;" in index
        status, _, page = fetch(server, "/nasional/20170101000000-20-1/judul", CNN)
        assert status == 200
        assert b"<script>alert" not in page and b"<b>tebal" not in page and b"<img src=x" not in page
        assert b"&lt;b&gt;tebal&lt;/b&gt;" in page and b"&lt;i&gt;tag&lt;/i&gt;" in page
        assert lxml.html.fromstring(page).xpath("string(//h1[@class='detail-title'])") == hostile
        feed = fetch(server, "/nasional/rss", CNN)[2]
        assert ElementTree.fromstring(feed).find("channel/item/title").text == hostile


def test_port_in_use_raises_a_clear_error():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = ReplicaServer(port=port)
        with pytest.raises(PortInUseError) as raised:
            server.start()
    message = str(raised.value)
    assert str(port) in message and "--port" in message


def test_fail_paths_answer_500_and_nothing_else_fails():
    other = next(r for r in rows() if r["site"] == "antara-kalteng" and r["kind"] == "original")
    with ReplicaServer(fail_paths=["/rss/terkini.xml", SEED_PATH]) as server:
        assert fetch(server, "/rss/terkini.xml", KALTENG)[0] == 500
        assert fetch(server, SEED_PATH, KALTENG)[0] == 500
        assert fetch(server, SEED_PATH + "/?utm_source=x", KALTENG)[0] == 500
        assert fetch_url(server, other["url"])[0] == 200
        assert fetch(server, "/rss", "news.detik.com")[0] == 200


def test_server_is_quiet_and_stops(capfd):
    server = ReplicaServer()
    server.start()
    base = server.base_url
    assert fetch(server, "/", KALTENG)[0] == 200
    assert fetch(server, "/tidak-ada", KALTENG)[0] == 404
    server.stop()
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
    with pytest.raises(urllib.error.URLError):
        OPENER.open(base + "/", timeout=2)
