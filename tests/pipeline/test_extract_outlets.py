"""Per-outlet clean-up declared with the source: what each template leaks into bare text is gone.

The pages are the committed replica fixtures (`tests/fixtures/extraction/replica/`, see its README for
their licences); each test names the leak it guards against.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from sorot.crawlers.sources import Source, all_sources, source_for_url
from sorot.pipeline.extract import extract_page
from sorot.pipeline.process import ArticleProcessor, ProcessedArticle

REPLICA = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "replica"
WITA = timedelta(hours=8)


@pytest.fixture(scope="module")
def processor() -> ArticleProcessor:
    return ArticleProcessor()


def _page(name: str) -> bytes:
    return (REPLICA / name).read_bytes()


def _process(processor: ArticleProcessor, name: str, url: str) -> ProcessedArticle:
    return processor.process(_page(name), url)


def _paragraphs(article: ProcessedArticle) -> list[str]:
    return article.text.split("\n\n")


# ------------------------------------------------------------------ ANTARA
ANTARA_GLUED = ("antara-wrap-glued-footer-repeat.html",
                "https://kaltim.antaranews.com/berita/45120/penari-kbri-quito-pukau-warga-ekuador")


def test_antara_glued_footer_is_read_then_removed(processor: ArticleProcessor) -> None:
    article = _process(processor, *ANTARA_GLUED)
    for leak in ("Pewarta", "Editor:", "Copyright", "COPYRIGHT", "Dilarang", "Baca juga"):
        assert leak not in article.text
    # the footer was glued to the last sentence ("...SetiapnyaPewarta: X"): the sentence keeps its end
    assert _paragraphs(article)[-1].endswith(".")
    assert (article.author, article.editor) == ("Ahmad Budiman", "Rr. Cahyani")


def test_antara_ai_notice_and_caption_are_not_text(processor: ArticleProcessor) -> None:
    article = _process(processor, *ANTARA_GLUED)
    assert "kecerdasan buatan" not in article.text.casefold()
    assert "HO-KBRI Quito" not in article.text


def test_antara_body_repeated_from_its_third_paragraph_is_kept_once(processor: ArticleProcessor) -> None:
    article = _process(processor, *ANTARA_GLUED)
    paragraphs = _paragraphs(article)
    assert len(paragraphs) == len(set(paragraphs))
    openings = [p[:60] for p in paragraphs]
    assert len(openings) == len(set(openings)), "a copy cut short is still a copy"


def test_antara_time_on_a_wita_bureau_keeps_its_offset(processor: ArticleProcessor) -> None:
    article = _process(processor, *ANTARA_GLUED)
    assert article.published_at is not None and article.published_at.utcoffset() == WITA
    assert article.dateline == "London"
    assert not article.is_wire_copy, "ANTARA's own article is not a copy of itself"


def test_antara_older_template_with_an_empty_editor(processor: ArticleProcessor) -> None:
    article = _process(processor, "antara-post-content-empty-editor.html",
                       "https://kalsel.antaranews.com/berita/50213/contoh-berita-lama")
    assert article.author == "Rina Oktaviani"
    assert article.editor is None
    assert "Editor" not in article.text and "Pewarta" not in article.text
    assert article.published_at is not None and article.published_at.utcoffset() == WITA


# ------------------------------------------------------------------ Kompas
KOMPAS_URL = "https://regional.kompas.com/read/2015/08/25/10040051/jokowi-minta-masyarakat-tak-pesimistis"


def test_kompas_prefix_and_inline_baca_juga_are_removed(processor: ArticleProcessor) -> None:
    article = _process(processor, "kompas-read-prefix.html", KOMPAS_URL)
    assert article.text.startswith("Presiden Jokowi")
    assert "Baca juga" not in article.text
    assert "Harga cabai naik" not in article.text  # the link glued inside a paragraph went with it
    assert any(p.endswith("jelasnya.") for p in _paragraphs(article))  # and the paragraph kept its text
    assert "KOMPAS.com/Dok" not in article.text  # photo caption


def test_kompas_dateline_is_a_field_not_text(processor: ArticleProcessor) -> None:
    article = _process(processor, "kompas-read-dateline.html", KOMPAS_URL)
    assert article.dateline == "Jakarta"
    assert not article.text.upper().startswith("JAKARTA")


# ------------------------------------------------------------------ detik
DETIK_PAGE = "replica-detik-309f823f8027.html"


def _url_of(page_name: str) -> str:
    """The page's URL as recorded in the ground truth."""
    for line in (REPLICA.parent / "replica.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["page"] == page_name:
            return row["url"]
    raise AssertionError(f"no ground-truth row for {page_name}")


def test_detik_initials_trailer_and_scroll_notice_are_removed(processor: ArticleProcessor) -> None:
    page = _page(DETIK_PAGE)
    assert b"SCROLL TO CONTINUE WITH CONTENT" in page and re.search(rb"\((\w+/\w+)\)", page)
    article = processor.process(page, _url_of(DETIK_PAGE))
    assert "SCROLL TO CONTINUE" not in article.text
    assert not re.search(r"\(\w{2,5}/\w{2,5}\)\s*$", article.text)


# ------------------------------------------------------------------ Tribun: articles split over pages
TRIBUN_URL = "https://kalteng.tribunnews.com/2015/08/25/lewat-twitter-sby-berkicau-soal-gejolak-ekonomi-di-indonesia"


def test_tribun_first_page_names_the_whole_article() -> None:
    page = extract_page(_page("tribun-kalteng-page1.html"), TRIBUN_URL, source_for_url(TRIBUN_URL))
    assert page.full_text_url == TRIBUN_URL + "?page=all"
    assert any("split over pages" in warning for warning in page.warnings)


def test_tribun_whole_article_page_is_complete_and_clean(processor: ArticleProcessor) -> None:
    whole_url = TRIBUN_URL + "?page=all"
    whole = extract_page(_page("tribun-kalteng-all.html"), whole_url, source_for_url(whole_url))
    assert whole.full_text_url is None and not whole.warnings
    article = processor.process(_page("tribun-kalteng-all.html"), TRIBUN_URL + "?page=all")
    first = processor.process(_page("tribun-kalteng-page1.html"), TRIBUN_URL)
    assert len(article.text) > len(first.text)
    assert "Artikel ini telah tayang" not in article.text
    assert not article.text.startswith("Laporan Wartawan")
    assert article.dateline == "Jakarta"


# ------------------------------------------------------------------ registry
@pytest.mark.parametrize("source", all_sources(), ids=lambda source: source.key)
def test_every_registry_outlet_declares_its_clean_up(source: Source) -> None:
    """Clean-up is data on the source, not `if outlet == ...` in shared code: each outlet has a spec,
    and every outlet whose pages Sorot has seen names its content block."""
    assert source.parsers, source.key
    assert len({spec.version for spec in source.parsers}) == len(source.parsers)
    if source.key != "borneonews":  # no page of it was available: trafilatura reads it, see prokalteng.py
        assert any(spec.body_selector for spec in source.parsers)
