"""The raw archive: every fetched article response as a WARC record (gzip, one member per record).

WARC is the web-archiving standard, read by many tools; keeping raw responses lets `sorot reprocess`
re-extract and re-tag everything with a better extractor or model without fetching a page again.
Each record is compressed and flushed on its own, so a crawl killed mid-write leaves every earlier record
readable.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .items import FetchedPage

SOROT_HEADER_PREFIX = "WARC-Sorot-"


@dataclass(frozen=True)
class ArchivedPage:
    """An article response read back from the archive."""

    url: str
    canonical_url: str
    source_key: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str
    feed_title: str | None
    feed_date: str | None
    archive_file: str
    offset: int


class ArchiveWriter:
    """Appends response records to one WARC file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file = open(path, "ab")  # noqa: SIM115 - kept open for the crawl's lifetime
        self._writer = WARCWriter(self._file, gzip=True)

    def write(self, page: FetchedPage) -> int:
        """Write one page and flush it to disk; returns the record's offset in the file."""
        offset = self._file.tell()
        http_headers = StatusAndHeaders(str(page.status), page.headers, protocol="HTTP/1.1")
        extra = {
            "WARC-Date": page.fetched_at,
            f"{SOROT_HEADER_PREFIX}Source": page.source_key,
            f"{SOROT_HEADER_PREFIX}Canonical-URL": page.canonical_url,
        }
        if page.feed_title:
            extra[f"{SOROT_HEADER_PREFIX}Feed-Title"] = _header_safe(page.feed_title)
        if page.feed_date:
            extra[f"{SOROT_HEADER_PREFIX}Feed-Date"] = _header_safe(page.feed_date)
        record = self._writer.create_warc_record(
            page.url,
            "response",
            payload=io.BytesIO(page.body),
            http_headers=http_headers,
            warc_headers_dict=extra,
        )
        self._writer.write_record(record)
        self._file.flush()
        return offset

    def close(self) -> None:
        self._file.close()


def _header_safe(value: str) -> str:
    """WARC headers are single lines: fold whitespace so feed text cannot break the record."""
    return " ".join(value.split())


def iter_archive(path: Path) -> Iterator[ArchivedPage]:
    """Yield the article responses of one WARC file in order; a truncated tail ends the file quietly."""
    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream)
        try:
            for record in iterator:
                if record.rec_type != "response":
                    continue
                headers = record.rec_headers
                http = record.http_headers
                body = record.content_stream().read()
                yield ArchivedPage(
                    url=headers.get_header("WARC-Target-URI"),
                    canonical_url=headers.get_header(f"{SOROT_HEADER_PREFIX}Canonical-URL") or "",
                    source_key=headers.get_header(f"{SOROT_HEADER_PREFIX}Source") or "",
                    status=int(http.get_statuscode() or 0) if http else 0,
                    content_type=(http.get_header("Content-Type") if http else "") or "",
                    body=body,
                    fetched_at=headers.get_header("WARC-Date") or "",
                    feed_title=headers.get_header(f"{SOROT_HEADER_PREFIX}Feed-Title"),
                    feed_date=headers.get_header(f"{SOROT_HEADER_PREFIX}Feed-Date"),
                    archive_file=path.name,
                    offset=iterator.get_record_offset(),
                )
        except (ArchiveLoadFailed, EOFError, OSError):
            # A crawl killed mid-record leaves a partial gzip member: everything before it is intact.
            return
