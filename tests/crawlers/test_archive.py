from sorot.crawlers.archive import ArchiveWriter, iter_archive
from sorot.crawlers.items import FetchedPage


def _page(n: int) -> FetchedPage:
    return FetchedPage(
        url=f"https://kalteng.antaranews.com/berita/{n}/judul",
        canonical_url=f"https://kalteng.antaranews.com/berita/{n}/judul",
        source_key="antara-kalteng",
        status=200,
        headers=[("Content-Type", "text/html; charset=utf-8")],
        body=f"<html><body><p>Artikel {n} ü</p></body></html>".encode(),
        fetched_at="2026-11-28T04:00:00Z",
        feed_title="Judul\nberita dengan baris baru",
        feed_date="Wed, 04 Sep 2024 15:30:00 +0700",
    )


def test_pages_round_trip_through_the_warc_archive(tmp_path):
    path = tmp_path / "run.warc.gz"
    writer = ArchiveWriter(path)
    offsets = [writer.write(_page(n)) for n in range(3)]
    writer.close()
    pages = list(iter_archive(path))
    assert [p.url for p in pages] == [_page(n).url for n in range(3)]
    assert pages[1].body == _page(1).body
    assert pages[0].feed_title == "Judul berita dengan baris baru"
    assert pages[2].content_type.startswith("text/html")
    assert [p.offset for p in pages] == offsets


def test_a_torn_last_record_keeps_every_earlier_record(tmp_path):
    path = tmp_path / "run.warc.gz"
    writer = ArchiveWriter(path)
    for n in range(3):
        writer.write(_page(n))
    writer.close()
    data = path.read_bytes()
    path.write_bytes(data[:-40])  # as if the crawler was killed while writing the last record
    pages = list(iter_archive(path))
    assert [p.url for p in pages][:2] == [_page(0).url, _page(1).url]
