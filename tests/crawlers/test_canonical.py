from sorot.crawlers.canonical import canonicalize_url


def test_tracking_parameters_fragment_and_trailing_slash_are_removed():
    url = ("http://Kalteng.antaranews.com/berita/834512/judul/?utm_source=antaranews&utm_medium=desktop"
           "&utm_campaign=editor_picks#komentar")
    assert canonicalize_url(url) == "https://kalteng.antaranews.com/berita/834512/judul"


def test_amp_and_mobile_variants_map_to_the_desktop_url():
    assert canonicalize_url("https://m.antaranews.com/amp/berita/5435930/judul") == \
        "https://www.antaranews.com/berita/5435930/judul"


def test_one_page_switches_are_dropped_but_real_parameters_kept_in_order():
    assert canonicalize_url("https://news.detik.com/berita/d-1/x?single=1&b=2&a=1") == \
        "https://news.detik.com/berita/d-1/x?a=1&b=2"


def test_three_variants_of_one_article_share_one_canonical_url():
    variants = [
        "https://kalteng.antaranews.com/berita/834512/judul",
        "https://kalteng.antaranews.com/berita/834512/judul/",
        "http://kalteng.antaranews.com/berita/834512/judul?utm_source=rss",
    ]
    assert len({canonicalize_url(v) for v in variants}) == 1
