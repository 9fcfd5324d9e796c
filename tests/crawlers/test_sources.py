import re

import pytest

from sorot.crawlers.sources import UnknownSourceError, all_sources, get_source, source_for_url


def test_bureau_hosts_that_do_not_follow_the_province_code_are_registered():
    for host, region in [("mataram", "Nusa Tenggara Barat"), ("kupang", "Nusa Tenggara Timur"),
                         ("manado", "Sulawesi Utara"), ("makassar", "Sulawesi Selatan"), ("ambon", "Maluku")]:
        source = source_for_url(f"https://{host}.antaranews.com/berita/1/x")
        assert source is not None and source.region == region


def test_article_url_patterns_accept_articles_and_reject_other_pages():
    kalteng = get_source("antara-kalteng")
    assert kalteng.is_article_url("https://kalteng.antaranews.com/berita/834512/judul-berita")
    assert not kalteng.is_article_url("https://kalteng.antaranews.com/foto/834512/galeri")
    assert not kalteng.is_article_url("https://www.antaranews.com/berita/834512/judul")  # another host
    detik = get_source("detik")
    assert detik.is_article_url("https://news.detik.com/berita/d-8508621/berawal-dari-rumahan")
    assert not detik.is_article_url("https://news.detik.com/indeks")


def test_unknown_source_key_names_the_known_ones():
    with pytest.raises(UnknownSourceError) as raised:
        get_source("no-such-outlet")
    assert "antara-kalteng" in str(raised.value)


def test_every_source_is_consistent():
    keys = [s.key for s in all_sources()]
    assert len(keys) == len(set(keys))
    for source in all_sources():
        assert source.timezone in {"WIB", "WITA", "WIT"}
        assert source.feeds or source.sitemaps, f"{source.key} has no way to discover articles"
        for feed in source.feeds:
            assert feed.startswith("https://") and source.owns_host(re.sub(r"https://([^/]+)/.*", r"\1", feed))


def test_the_outlets_covering_central_kalimantan_are_registered():
    keys = {s.key for s in all_sources()}
    assert {"antara-kalteng", "tribun-kalteng", "kompas-regional", "detik", "prokalteng", "borneonews",
            "media-indonesia"} <= keys
    assert get_source("antara-kalteng").listings == ()  # ANTARA: feeds and the pages they link, nothing else


def test_parser_versions_are_unique_per_template():
    versions = {}
    for source in all_sources():
        for spec in source.parsers:
            assert versions.setdefault(spec.version, spec) == spec, spec.version
