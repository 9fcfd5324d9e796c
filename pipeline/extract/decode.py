"""Turn a response body into text, refusing what cannot be an article page before any parser sees it.

Crawls meet every kind of body: empty responses, PDFs and images served as text/html, pages of tens of
megabytes, pages whose declared charset is wrong. Each is either decoded sensibly or refused with a
reason, so one bad page costs a line in the fetch log and never a crash or a stalled worker.
"""

from __future__ import annotations

import re

import charset_normalizer
from w3lib.encoding import html_to_unicode

from .errors import NotAnArticleError

__all__ = ["MAX_PAGE_BYTES", "decode_page"]

#: Larger pages are refused: a news article with its markup is a few hundred kilobytes, and parsing and
#: extracting a many-megabyte page (a data dump, an endless listing) would stall a worker for minutes.
MAX_PAGE_BYTES = 8_000_000

_MIN_HTML_SIGNS = re.compile(r"<\s*(html|body|head|div|p|article|title|main|section|span)\b", re.IGNORECASE)
_MIN_HTML_SIGNS_BYTES = re.compile(_MIN_HTML_SIGNS.pattern.encode(), re.IGNORECASE)
# An XML declaration with an encoding makes lxml refuse an already decoded string (old XHTML pages).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SNIFF_BYTES = 4096
# Control characters other than tab, line feed, form feed and carriage return: text never has many.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # NUL included
_MAX_CONTROL_SHARE = 0.1
# Formats served as text/html by misconfigured servers: PDF, ZIP/Office, PNG, GIF, JPEG, gzip, WebP.
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"RIFF")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Single-byte encodings that pages declare by habit while serving UTF-8 (KapanLagi declares ISO-8859-1).
_LATIN_NAMES = frozenset({"cp1252", "windows-1252", "iso8859-1", "iso-8859-1", "latin-1", "latin1", "ascii",
                          "us-ascii", "iso8859-15", "iso-8859-15"})


def decode_page(body: bytes | str, content_type: str | None = None) -> str:
    """Decode a response body (HTTP header charset, then the page's own, then detection) and check it.

    Raises NotAnArticleError for an empty, binary, non-HTML or oversized body.
    """
    if isinstance(body, str):
        text = body
        if len(text) > MAX_PAGE_BYTES:
            raise NotAnArticleError(_too_large(len(text.encode("utf-8", "replace"))))
    else:
        text = _decode_bytes(body, content_type)
    text = _XML_DECLARATION.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        raise NotAnArticleError("the page is empty")
    if not _MIN_HTML_SIGNS.search(text[:65536]):
        raise NotAnArticleError("the page is not HTML")
    return text


def _decode_bytes(body: bytes, content_type: str | None) -> str:
    if not body.strip():
        raise NotAnArticleError("the page is empty")
    if len(body) > MAX_PAGE_BYTES:
        raise NotAnArticleError(_too_large(len(body)))
    head = body[:_SNIFF_BYTES]
    if _looks_binary(head):
        raise NotAnArticleError("the page is not HTML (binary content)")
    if not head.startswith(_UTF16_BOMS) and not _MIN_HTML_SIGNS_BYTES.search(body[:65536]):
        raise NotAnArticleError("the page is not HTML")
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_guess_encoding)
    if encoding.lower() in _LATIN_NAMES and _is_multibyte_utf8(body):
        return body.decode("utf-8")
    return text


def _too_large(size: int) -> str:
    return (f"the page is too large ({size / 1e6:.1f} MB; "
            f"pages over {MAX_PAGE_BYTES / 1e6:.0f} MB are not read)")


def _looks_binary(head: bytes) -> bool:
    """A known binary format, or a head full of control bytes; a stray NUL in a real page is not enough."""
    if head.startswith(_UTF16_BOMS):
        return False  # UTF-16 text: every other byte is NUL, and the decoder reads it
    return head.lstrip().startswith(_BINARY_MAGIC) or _control_share(head) > _MAX_CONTROL_SHARE


def _control_share(head: bytes) -> float:
    if not head:
        return 0.0
    return sum(head.count(bytes([b])) for b in _CONTROL_BYTES) / len(head)


def _is_multibyte_utf8(body: bytes) -> bool:
    """True when the bytes are valid UTF-8 and use it (pure ASCII decodes the same either way)."""
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess_encoding(body: bytes) -> str:
    """Encoding of a page that declares none: UTF-8 when it decodes cleanly, else a detector's best guess.

    Older Indonesian sites serve windows-1252 pages without a charset; reading them as UTF-8 would turn
    every curly quote and accented letter into a replacement character.
    """
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    return best.encoding if best is not None else "cp1252"
