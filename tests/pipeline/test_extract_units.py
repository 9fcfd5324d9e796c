"""The extraction steps one by one: decoding, parsing, metadata, dates, body, clean-up, pagination."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from lxml import etree

from sorot.crawlers.sources import ParserSpec, register_config_sources
from sorot.crawlers.sources.config_sources import SourceConfigError, source_from_config
from sorot.pipeline.extract import NotAnArticleError, extract_page
from sorot.pipeline.extract.body import extract_body
from sorot.pipeline.extract.cleanup import clean_paragraphs
from sorot.pipeline.extract.decode import MAX_PAGE_BYTES, decode_page
from sorot.pipeline.extract.dom import MAX_DEPTH, parse_document, select
from sorot.pipeline.extract.metadata import read_metadata
from sorot.pipeline.extract.pagination import full_article_url, is_partial_page
from sorot.pipeline.extract.timestamps import choose_dates, printed_dates_near
from sorot.pipeline.normalise.dates import parse_indonesian_datetime
from sorot.pipeline.process import ArticleProcessor

WIB = timezone(timedelta(hours=7))
SENTENCE = ("Pemerintah Kota Palangka Raya terus berupaya memperkuat perlindungan terhadap perempuan dan anak "
            "melalui berbagai program pencegahan kekerasan di tingkat kelurahan.")


def _article_html(body: str, head: str = "", title: str = "Judul berita") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Beranda</a></nav>"
            f"<h1>{title}</h1><article>{body}</article><footer>Hak cipta</footer></body></html>")


# ------------------------------------------------------------------ decode
def test_empty_and_whitespace_bodies_are_refused() -> None:
    for body in (b"", b"   \n ", ""):
        with pytest.raises(NotAnArticleError, match="empty"):
            decode_page(body)


def test_binary_bodies_are_refused_as_not_html() -> None:
    with pytest.raises(NotAnArticleError, match="binary"):
        decode_page(b"%PDF-1.4\x00\x01\x02\x03" + bytes(range(256)) * 20)
    with pytest.raises(NotAnArticleError, match="not HTML"):
        decode_page(b"just some text without any markup at all")


def test_oversized_pages_are_refused_before_parsing() -> None:
    body = b"<html><body>" + b"<p>kata</p>" * (MAX_PAGE_BYTES // 11 + 10) + b"</body></html>"
    with pytest.raises(NotAnArticleError, match="too large"):
        decode_page(body)


def test_utf8_page_declaring_latin1_is_read_as_utf8() -> None:
    body = _article_html(f"<p>“{SENTENCE}” — kata Wali Kota.</p>",
                         head='<meta charset="iso-8859-1">').encode("utf-8")
    text = decode_page(body)
    assert "“" in text and "—" in text and "â€" not in text


def test_windows_1252_page_without_charset_is_detected() -> None:
    body = _article_html(f"<p>“{SENTENCE}”</p>").encode("cp1252")
    assert "“" in decode_page(body)


def test_http_header_charset_wins_over_guessing() -> None:
    body = _article_html("<p>Café Dua Dara</p>").encode("latin-1")
    assert "Café" in decode_page(body, "text/html; charset=ISO-8859-1")


def test_xml_declaration_and_nul_bytes_do_not_stop_parsing() -> None:
    body = ('<?xml version="1.0" encoding="utf-8"?>' + _article_html(f"<p>{SENTENCE}</p>")).encode()
    body = body.replace(b"Pemerintah", b"Peme\x00rintah", 1)
    tree = parse_document(decode_page(body))
    assert "Pemerintah Kota" in tree.text_content()


# ------------------------------------------------------------------ dom
def test_select_answers_nothing_for_a_malformed_selector() -> None:
    tree = parse_document(_article_html(f"<p>{SENTENCE}</p>"))
    assert select(tree, "article p")
    assert select(tree, "div[[[") == []
    assert select(tree, None) == []


@pytest.mark.parametrize("depth", [100, 300, 1_500, 20_000])
def test_deeply_nested_pages_keep_their_text_and_come_out_shallow(depth: int) -> None:
    """Unclosed tags nest an old page thousands of levels deep; libxml2 alone would drop the text."""
    page = ("<html><body><p>awal</p>" + "<div class='x'><font>" * depth + f"<p>{SENTENCE}</p>"
            + "</font></div>" * depth + "<p>akhir</p></body></html>")
    tree = parse_document(page)
    assert SENTENCE in tree.text_content()
    deepest = max(sum(1 for _ in element.iterancestors()) for element in tree.iter())
    # a page within libxml2's own limit is left alone; a deeper one is unwrapped
    assert deepest <= (2 * depth + 2 if 2 * depth < 256 else MAX_DEPTH)


def test_nesting_of_two_kinds_deeper_than_the_raised_limit_is_unwrapped() -> None:
    page = "<html><body>" + "<div>" * 5000 + "<span>" * 5000 + f"<p>{SENTENCE}</p></body></html>"
    assert SENTENCE in parse_document(page).text_content()


# ------------------------------------------------------------------ metadata
def test_metadata_reads_meta_tags_and_json_ld_graph() -> None:
    head = """
    <meta property="og:title" content="Banjir rendam Katingan - ANTARA News">
    <meta name="author" content="PT Media Nusantara">
    <meta property="article:section" content="Daerah">
    <meta name="keywords" content="banjir, Katingan, banjir">
    <link rel="canonical" href="https://kalteng.antaranews.com/berita/1/banjir">
    <script type="application/ld+json">{"@graph": [{"@type": "WebPage"},
      {"@type": "NewsArticle", "headline": "Banjir rendam Katingan", "datePublished": "2024-09-04T15:30:00+07:00",
       "dateModified": "2024-09-04T16:00:00+07:00"}]}</script>
    <script type="application/ld+json">{not json</script>"""
    meta = read_metadata(parse_document(_article_html(f"<p>{SENTENCE}</p>", head=head)))
    assert meta.titles[0] == "Banjir rendam Katingan - ANTARA News"
    assert "Banjir rendam Katingan" in meta.titles
    assert meta.published == ["2024-09-04T15:30:00+07:00"]
    assert meta.modified == ["2024-09-04T16:00:00+07:00"]
    assert meta.author is None, "a company in meta author is not a person"
    assert meta.section == "Daerah"
    assert meta.tags == ["banjir", "Katingan"]
    assert meta.canonical == "https://kalteng.antaranews.com/berita/1/banjir"


# ------------------------------------------------------------------ dates
def test_printed_time_wins_over_a_careless_declared_one() -> None:
    # detik 2015: WIB wall-clock time declared as UTC ("Z"); the printed time is the truth
    choice = choose_dates(["Kamis, 05 Nov 2015 10:08 WIB"], ["2015-11-05T10:08:58Z"], [], [], "WIB")
    published = parse_indonesian_datetime(choice.published_text or "", default_zone="WIB")
    assert published == datetime(2015, 11, 5, 10, 8, tzinfo=WIB)


def test_declared_time_adds_seconds_when_it_names_the_printed_minute() -> None:
    choice = choose_dates(["05/11/2015 10:08"], ["2015-11-05T10:08:58+07:00"], [], [], "WIB")
    assert choice.published_text == "2015-11-05T10:08:58+07:00"


def test_impossible_dates_are_passed_over_and_reported() -> None:
    choice = choose_dates(["Senin, 31 Februari 2016 10:00 WIB"], ["1970-01-01T00:00:00Z", "2016-02-01T09:00:00+07:00"],
                          [], [], "WIB")
    assert choice.published_text == "2016-02-01T09:00:00+07:00"
    assert any("1970" in warning for warning in choice.warnings)


def test_a_date_in_the_future_is_rejected_and_reported() -> None:
    future = (datetime.now(UTC) + timedelta(days=400)).replace(microsecond=0).isoformat()
    choice = choose_dates([], [future], [], [], "WIB")
    assert choice.warnings and "future" in choice.warnings[0]
    page = _article_html(f"<p>{SENTENCE}</p>" * 3, head=f'<meta property="article:published_time" content="{future}">')
    article = ArticleProcessor().process(page.encode(), "https://example.id/berita/2")
    assert article.published_at is None
    assert any("rejected" in warning and "future" in warning for warning in article.warnings)


def test_printed_date_next_to_the_headline_beats_a_listing_date() -> None:
    page = f"""<html><body><div class="main"><h1>Judul</h1><span class="date">Jum'at, 17 Februari 2017 - 13:30 wib</span>
    <p>{SENTENCE}</p></div><aside><ul><li><span class="date">Kamis, 16 Februari 2017 09:00</span>Lain</li></ul>
    </aside></body></html>"""
    tree = parse_document(page)
    dates = printed_dates_near(tree, tree.find(".//h1"))
    assert dates[0].startswith("Jum'at, 17 Februari 2017")


# ------------------------------------------------------------------ body
def test_generic_body_leaves_the_page_tree_intact() -> None:
    tree = parse_document(_article_html("".join(f"<p>{SENTENCE} Bagian {i}.</p>" for i in range(6))))
    before = etree.tostring(tree)
    body = extract_body(tree, None, "https://example.id/berita/1")
    assert body.paragraphs and body.method.startswith("trafilatura")
    assert etree.tostring(tree) == before, "trafilatura must work on its own copy of the page"


def test_declared_block_is_read_directly_with_its_drops() -> None:
    spec = ParserSpec(version="t.1", body_selector="div.isi", drop_selectors=("div.iklan",))
    tree = parse_document(f"<html><body><div class='isi'><p>{SENTENCE}</p><div class='iklan'>Promo murah "
                          f"sekali hari ini saja untuk pembaca setia kami</div><p>Kalimat kedua yang cukup panjang "
                          f"untuk dibaca.</p></div></body></html>")
    body = extract_body(tree, spec, None)
    assert body.method == "template"
    assert body.paragraphs == [SENTENCE, "Kalimat kedua yang cukup panjang untuk dibaca."]


def test_lead_written_directly_in_the_container_is_recovered() -> None:
    lead = "JAKARTA - Kalimat pembuka berita ini ditulis langsung di dalam wadah tanpa elemen paragraf sama sekali."
    paragraphs = "".join(f"<p>{SENTENCE} Bagian {i}.</p>" for i in range(5))
    page = f"<html><body><h1>Judul</h1><div class='content'>{lead}<br><br>{paragraphs}</div></body></html>"
    body = extract_body(parse_document(page), None, "https://example.id/a")
    assert body.paragraphs[0] == lead


# ------------------------------------------------------------------ clean-up
def test_common_boilerplate_goes_whatever_the_outlet() -> None:
    cleaned = clean_paragraphs(
        ["Berita » Daerah", "Judul berita", SENTENCE, "Baca juga: Banjir di Katingan", "ADVERTISEMENT",
         "Warga mengungsi ke balai desa. Foto: Dok. BPBD", "Kalimat penutup berita ini.", "(rdp/imk)",
         "Editor: Ade Marboen", "COPYRIGHT © ANTARA 2016"],
        None, title="Judul berita")
    assert cleaned.paragraphs == [SENTENCE, "Kalimat penutup berita ini."]
    assert cleaned.closing_byline is not None and cleaned.closing_byline.editor == "Ade Marboen"


def test_a_closing_agency_credit_marks_the_agency() -> None:
    cleaned = clean_paragraphs([SENTENCE, "Kalimat penutup.", "(Ant)"], None)
    assert cleaned.paragraphs == [SENTENCE, "Kalimat penutup."]
    assert cleaned.wire_agency == "ANTARA"


def test_initials_glued_to_the_last_sentence_are_cut() -> None:
    cleaned = clean_paragraphs([SENTENCE, "Kata dia kepada wartawan. (dhn/rdp)"], None)
    assert cleaned.paragraphs[-1] == "Kata dia kepada wartawan."


def test_outlet_rules_apply_inline_then_prefix() -> None:
    spec = ParserSpec(version="t.1", drop_inline_patterns=(r"Baca juga\s*:[^.]*$",),
                      strip_prefix_patterns=(r"^KOMPAS\.com\s*-\s*",))
    cleaned = clean_paragraphs([f"KOMPAS.com - {SENTENCE}", "Dia mengatakan hal itu. Baca juga: Harga cabai naik"],
                               spec)
    assert cleaned.paragraphs == [SENTENCE, "Dia mengatakan hal itu."]


def test_antara_footer_is_read_for_the_byline() -> None:
    spec = ParserSpec(version="t.1", footer_format="antara")
    cleaned = clean_paragraphs([SENTENCE, "Pewarta: Rendhik AndikaEditor: Ade P Marboen",
                                "COPYRIGHT © ANTARA 2024"], spec)
    assert cleaned.paragraphs == [SENTENCE]
    assert cleaned.byline is not None
    assert (cleaned.byline.author, cleaned.byline.editor) == ("Rendhik Andika", "Ade P Marboen")


# ------------------------------------------------------------------ pagination and configured outlets
TRIBUN_LIKE = ParserSpec(version="t.1", body_selector="div.txt-article", pagination_selector="div.paging",
                         full_page_query="page=all")


def test_partial_page_names_its_whole_article() -> None:
    tree = parse_document(f"<html><body><div class='txt-article'><p>{SENTENCE}</p></div>"
                          f"<div class='paging'><a href='?page=2'>2</a></div></body></html>")
    url = "https://kalteng.tribunnews.com/2024/09/04/judul?utm_source=x"
    assert is_partial_page(tree, url, TRIBUN_LIKE)
    assert full_article_url(url, TRIBUN_LIKE) == ("https://kalteng.tribunnews.com/2024/09/04/judul"
                                                   "?utm_source=x&page=all")
    assert not is_partial_page(tree, url + "&page=all", TRIBUN_LIKE)


def test_configured_outlet_accepts_the_new_parser_settings() -> None:
    entry = {
        "key": "contoh-kalteng", "hosts": ["contoh-kalteng.example"], "feeds": ["https://contoh-kalteng.example/rss"],
        "parser": {"body_selector": "div.isi", "editor_selector": "span.editor", "modified_selector": "time.upd",
                   "drop_inline_patterns": [r"Baca juga\s*:.*$"], "pagination_selector": "div.paging",
                   "full_page_query": "page=all"},
    }
    source = source_from_config(entry)
    spec = source.parsers[0]
    assert (spec.editor_selector, spec.modified_selector, spec.pagination_selector) == (
        "span.editor", "time.upd", "div.paging")
    assert spec.drop_inline_patterns == (r"Baca juga\s*:.*$",) and spec.full_page_query == "page=all"
    with pytest.raises(SourceConfigError, match="full_page_query"):
        source_from_config({**entry, "parser": {"full_page_query": "all"}})
    with pytest.raises(SourceConfigError, match="invalid regular expression"):
        source_from_config({**entry, "parser": {"drop_inline_patterns": ["(unclosed"]}})


def test_configured_outlet_is_extracted_with_its_editor_and_modified_time() -> None:
    [source] = register_config_sources([{
        "key": "contoh-sampit", "hosts": ["contoh-sampit.example"], "feeds": ["https://contoh-sampit.example/rss"],
        "parser": {"body_selector": "div.isi", "title_selector": "h1", "date_selector": "span.tgl",
                   "editor_selector": "span.editor", "modified_selector": "time.upd"},
    }])
    page = (f"<html><body><h1>Banjir di Sampit</h1><span class='tgl'>Rabu, 4 September 2024 15:30 WIB</span>"
            f"<time class='upd' datetime='2024-09-04T17:00:00+07:00'>diperbarui</time>"
            f"<span class='editor'>Editor: Ade Marboen</span><div class='isi'><p>{SENTENCE}</p></div></body></html>")
    extracted = extract_page(page.encode(), "https://contoh-sampit.example/berita/1", source)
    assert extracted.title == "Banjir di Sampit"
    assert extracted.date_text == "Rabu, 4 September 2024 15:30 WIB"
    assert extracted.modified_text == "2024-09-04T17:00:00+07:00"
    assert extracted.paragraphs == [SENTENCE]
    article = ArticleProcessor().process(page.encode(), "https://contoh-sampit.example/berita/1", source=source)
    assert article.editor == "Ade Marboen"  # the label is normalisation's to remove
    assert article.published_at == datetime(2024, 9, 4, 15, 30, tzinfo=WIB)
    assert article.modified_at == datetime(2024, 9, 4, 17, 0, tzinfo=WIB)


def test_byline_printed_beside_the_headline_is_read_but_not_a_photo_credit() -> None:
    page = (f"<html><body><div class='main'><h1>Banjir di Sampit</h1><div class='byline'>Pewarta: Monalisa</div>"
            f"<figure><img src='x.jpg'><span class='photo-author'>KOMPAS.com/NABILLA</span></figure>"
            f"<p>{SENTENCE}</p><p>{SENTENCE} Dua.</p></div></body></html>")
    article = ArticleProcessor().process(page.encode(), "https://example.id/berita/3")
    assert article.author == "Monalisa"
    credit_only = page.replace("<div class='byline'>Pewarta: Monalisa</div>", "")
    assert ArticleProcessor().process(credit_only.encode(), "https://example.id/berita/3").author is None


def test_json_ld_person_is_the_last_resort_for_the_author() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Judul berita",'
            ' "author": [{"@type": "Person", "name": "Corry Anestia"}]}</script>')
    article = ArticleProcessor().process(_article_html(f"<p>{SENTENCE}</p>", head=head).encode(),
                                         "https://example.id/berita/4")
    assert article.author == "Corry Anestia"
    organisation = head.replace('"Person", "name": "Corry Anestia"', '"Organization", "name": "Liputan6"')
    assert ArticleProcessor().process(_article_html(f"<p>{SENTENCE}</p>", head=organisation).encode(),
                                      "https://example.id/berita/4").author is None
