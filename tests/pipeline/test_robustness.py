"""Property tests: whatever a crawl brings back, processing never crashes and says why a page failed.

Truncated, binary, enormous, deeply nested, mis-encoded and malformed pages go through the runner's
per-page path (`process_archived_page`, what the ingest job and the worker processes call). A page
either gives an article or a refusal whose reason a person can read; "processing failed: ..." is the
runner's catch-all for an unexpected exception and must never be the outcome.

Hypothesis runs derandomized (the same examples on every run, so CI is reproducible) and keeps no
example database in the working tree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sorot.crawlers.archive import ArchivedPage
from sorot.pipeline.extract.decode import MAX_PAGE_BYTES
from sorot.pipeline.process import ArticleProcessor
from sorot.pipeline.runner import PageResult, process_archived_page

REPLICA = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "replica"
PAGES = {name: (REPLICA / name).read_bytes() for name in (
    "antara-wrap-glued-footer-repeat.html", "replica-detik-309f823f8027.html", "tribun-kalteng-all.html",
    "kompas-read-prefix.html",
)}
URL = "https://kalteng.antaranews.com/berita/1/contoh"
PROCESSOR = ArticleProcessor()
SENTENCE = ("Pemerintah Kota Palangka Raya terus berupaya memperkuat perlindungan terhadap perempuan dan "
            "anak melalui berbagai program pencegahan kekerasan.")

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _run(body: bytes, content_type: str = "text/html; charset=utf-8", url: str = URL) -> PageResult:
    page = ArchivedPage(url=url, canonical_url=url, source_key="", status=200, content_type=content_type,
                        body=body, fetched_at="2024-09-04T08:00:00+00:00", feed_title=None, feed_date=None,
                        archive_file="fuzz.warc.gz", offset=0)
    return process_archived_page(page, PROCESSOR)


def _handled(result: PageResult) -> None:
    """An article, or a readable refusal: never the catch-all of an unexpected exception."""
    if result.article is not None:
        assert result.error is None
        assert result.article.text.strip()
        return
    assert result.error, "a page without an article must say why"
    assert not result.error.startswith("processing failed"), result.error


@settings(FUZZ, max_examples=25)
@given(name=st.sampled_from(sorted(PAGES)), cut=st.floats(min_value=0.0, max_value=1.0))
def test_truncated_pages(name: str, cut: float) -> None:
    body = PAGES[name]
    _handled(_run(body[: int(len(body) * cut)]))


@FUZZ
@given(body=st.binary(max_size=4096))
def test_binary_bodies(body: bytes) -> None:
    _handled(_run(body))


@FUZZ
@given(prefix=st.sampled_from([b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b\x08\x00", b""]),
       noise=st.binary(min_size=16, max_size=2048))
def test_binary_files_served_as_html_are_refused(prefix: bytes, noise: bytes) -> None:
    result = _run(prefix + noise + b"<html><body><p>tail</p></body></html>")
    _handled(result)
    assert result.article is None


@FUZZ
@given(
    tags=st.lists(st.sampled_from(["div", "span", "font", "b", "i", "td", "li", "section", "center", "table"]),
                  min_size=1, max_size=3),
    depth=st.integers(min_value=1, max_value=6000),
    closed=st.booleans(),
)
def test_deeply_nested_pages(tags: list[str], depth: int, closed: bool) -> None:
    opening = "".join(f"<{tag}>" for tag in tags) * depth
    closing = "".join(f"</{tag}>" for tag in reversed(tags)) * depth if closed else ""
    paragraphs = "".join(f"<p>{SENTENCE} Bagian {n}.</p>" for n in range(4))
    result = _run(f"<html><body><h1>Judul berita</h1>{opening}{paragraphs}{closing}</body></html>".encode())
    _handled(result)
    assert result.article is not None and SENTENCE in result.article.text, "the text survives the nesting"


@FUZZ
@given(
    encoding=st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16", "shift_jis", "gb18030", "koi8-r"]),
    declared=st.sampled_from(["utf-8", "iso-8859-1", "windows-1252", "utf-16", "shift_jis", "bogus-charset", None]),
    in_header=st.booleans(),
)
def test_mis_encoded_pages(encoding: str, declared: str | None, in_header: bool) -> None:
    text = (f"<html><head>{'' if in_header or declared is None else f'<meta charset={declared}>'}"
            f"<title>Kota Palangka Raya</title></head><body><h1>Kota Palangka Raya</h1>"
            f"<p>“{SENTENCE}” — kata Wali Kota, Rabu.</p><p>{SENTENCE} Café Dua Dara ditutup sementara.</p>"
            f"</body></html>")
    body = text.encode(encoding, errors="replace")
    content_type = f"text/html; charset={declared}" if in_header and declared else "text/html"
    result = _run(body, content_type)
    _handled(result)
    if encoding in ("utf-8", "cp1252", "latin-1") and result.article is not None:
        assert "Palangka Raya" in result.article.text


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
_NODE = st.recursive(
    _TEXT.map(lambda t: t.replace("<", " ")),
    lambda children: st.tuples(
        st.sampled_from(["p", "div", "span", "a", "table", "tr", "td", "ul", "li", "script", "style", "h1",
                         "article", "br", "img", "figure", "figcaption", "time", "meta"]),
        st.lists(children, max_size=4),
        st.booleans(),
    ).map(lambda node: f"<{node[0]} class=x>{''.join(node[1])}{f'</{node[0]}>' if node[2] else ''}"),
    max_leaves=30,
)


@FUZZ
@given(nodes=st.lists(_NODE, max_size=6), title=_TEXT)
def test_random_tag_soup(nodes: list[str], title: str) -> None:
    _handled(_run(f"<html><head><title>{title}</title></head><body>{''.join(nodes)}</body></html>".encode(
        "utf-8", errors="surrogatepass")))


def test_enormous_page_is_refused_before_parsing() -> None:
    body = b"<html><body>" + (b"<p>" + SENTENCE.encode() + b"</p>") * (MAX_PAGE_BYTES // 150 + 100)
    result = _run(body)
    assert result.article is None and "too large" in (result.error or "")


def test_enormous_text_under_the_byte_limit_is_refused_with_its_reason() -> None:
    paragraphs = "".join(f"<p>{SENTENCE} Nomor {n}.</p>" for n in range(2000))
    result = _run(f"<html><body><h1>Daftar</h1><article>{paragraphs}</article></body></html>".encode())
    assert result.article is None and "too long for a news article" in (result.error or "")


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_error_responses_are_recorded_with_their_status(status: int) -> None:
    page = ArchivedPage(url=URL, canonical_url=URL, source_key="", status=status, content_type="text/html",
                        body=PAGES["tribun-kalteng-all.html"], fetched_at="2024-09-04T08:00:00+00:00",
                        feed_title=None, feed_date=None, archive_file="x.warc.gz", offset=0)
    result = process_archived_page(page, PROCESSOR)
    assert result.article is None and result.error == f"HTTP {status}"
