from datetime import date

import pytest

from sorot.crawlers.discovery import feed_entries, in_window, listing_links, parse_any_date, sitemap_entries
from sorot.crawlers.sources import SourceConfigError, get_source, register_config_sources, source_for_url
from sorot.crawlers.sources.config_sources import source_from_config


def test_rss_and_atom_entries():
    rss = (b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>A</title><link>https://x/a</link>"
           b"<pubDate>Thu, 28 May 2026 13:27:46 +0700</pubDate></item><item><guid>https://x/b</guid></item>"
           b"</channel></rss>")
    assert [(e.url, e.title, e.date) for e in feed_entries(rss)] == [
        ("https://x/a", "A", "Thu, 28 May 2026 13:27:46 +0700"), ("https://x/b", None, None)]
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>B</title>"
            b"<link rel='alternate' href='https://x/b'/><published>2024-09-04T15:30:00+07:00</published></entry></feed>")
    assert [(e.url, e.date) for e in feed_entries(atom)] == [("https://x/b", "2024-09-04T15:30:00+07:00")]


def test_malformed_and_hostile_feeds_do_not_break_parsing():
    assert feed_entries(b"") == []
    assert feed_entries(b"<html><body>not a feed</body></html>") == []
    truncated = b"<rss><channel><item><link>https://x/a</link></item><item><link>https://x/b"
    assert [e.url for e in feed_entries(truncated)][:1] == ["https://x/a"]
    billion_laughs = (b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>]>"
                      b"<rss><channel><item><title>&b;</title><link>https://x/a</link></item></channel></rss>")
    assert [e.url for e in feed_entries(billion_laughs)] == ["https://x/a"]


def test_news_sitemap_and_index():
    urlset = (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
              b"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
              b"<url><loc>https://x/a</loc><news:news><news:publication_date>2024-09-04T15:30:00+07:00"
              b"</news:publication_date><news:title>Judul</news:title></news:news></url>"
              b"<url><loc>https://x/b</loc><lastmod>2024-08-01</lastmod></url></urlset>")
    document = sitemap_entries(urlset)
    assert not document.is_index
    assert [(e.url, e.title, e.date) for e in document.entries] == [
        ("https://x/a", "Judul", "2024-09-04T15:30:00+07:00"), ("https://x/b", None, "2024-08-01")]
    index = sitemap_entries(b"<sitemapindex><sitemap><loc>https://x/s1.xml</loc></sitemap></sitemapindex>")
    assert index.is_index and index.entries[0].url == "https://x/s1.xml"
    assert sitemap_entries(b"<rss/>") is None


def test_date_window():
    assert parse_any_date("Wed, 04 Sep 2024 15:30:00 +0700").isoformat() == "2024-09-04T15:30:00+07:00"
    assert in_window("2024-09-04", date(2024, 9, 1), date(2024, 9, 30))
    assert not in_window("2024-08-31T23:00:00+07:00", date(2024, 9, 1), None)
    assert in_window(None, date(2024, 9, 1), None)  # undated entries are kept


def test_listing_links_are_absolute():
    page = b"<html><body><ul><li class='x'><a href='/berita/1/a'>A</a></li></ul><a href='/lain'>x</a></body></html>"
    assert list(listing_links(page, "https://kalteng.tribunnews.com/index-news", "li.x a")) == [
        "https://kalteng.tribunnews.com/berita/1/a"]


def test_a_configured_outlet_needs_no_code():
    entry = {"key": "kalteng-ekspres", "name": "Kalteng Ekspres", "hosts": ["kaltengekspres.com"],
             "feeds": ["https://kaltengekspres.com/feed/"], "region": "Kalimantan Tengah",
             "parser": {"body_selector": "div.entry-content", "drop_paragraph_patterns": ["^Baca juga"]}}
    source = source_from_config(entry)
    assert source.is_article_url("https://kaltengekspres.com/2024/09/04/judul")
    assert not source.is_article_url("https://lain.com/2024/09/04/judul")
    assert source.parsers[0].body_selector == "div.entry-content"
    register_config_sources([entry])
    assert get_source("kalteng-ekspres").name == "Kalteng Ekspres"
    assert source_for_url("https://kaltengekspres.com/x").key == "kalteng-ekspres"


@pytest.mark.parametrize(("entry", "message"), [
    ({"key": "x1", "hosts": ["a.com"]}, "feeds or sitemaps"),
    ({"key": "x2", "hosts": ["a.com"], "feeds": ["ftp://a.com/f"]}, "not an http"),
    ({"key": "x3", "hosts": ["a.com"], "feeds": ["https://a.com/f"], "timezone": "UTC"}, "timezone"),
    ({"key": "x4", "hosts": ["a.com"], "feeds": ["https://a.com/f"], "colour": "red"}, "unknown setting"),
    ({"key": "x5", "hosts": ["a.com"], "feeds": ["https://a.com/f"], "article_url_pattern": "("}, "invalid regular"),
    ({"key": "x6", "hosts": ["kalteng.antaranews.com"], "feeds": ["https://a.com/f"]}, "already served"),
])
def test_configuration_mistakes_are_named(entry, message):
    with pytest.raises(SourceConfigError, match=message):
        register_config_sources([entry])


def test_registry_still_knows_builtins_after_config():
    assert get_source("antara-kalteng").is_wire_agency
