"""`sorot analyze`: run the processing path on a saved page, no crawl and no database."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .process import ArticleProcessor, NotAnArticleError

_CANONICAL = re.compile(
    rb"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']|<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']""",
    re.IGNORECASE,
)


def guess_page_url(body: bytes) -> str | None:
    """The page's own canonical URL, so the right outlet parser applies when no --url is given."""
    match = _CANONICAL.search(body[:200_000])
    if not match:
        return None
    value = (match.group(1) or match.group(2)).decode("utf-8", "replace").strip()
    return value if value.startswith(("http://", "https://")) else None


def analyze_file(path: Path, processor: ArticleProcessor, url: str | None = None) -> dict[str, Any]:
    """One JSON-ready record for a file: the article, or `error` with a reason."""
    try:
        body = path.read_bytes()
    except OSError as error:
        return {"file": str(path), "url": url, "error": f"cannot read the file: {error.strerror or error}"}
    page_url = url or guess_page_url(body) or path.resolve().as_uri()
    try:
        article = processor.process(body, page_url)
    except NotAnArticleError as error:
        return {"file": str(path), "url": page_url, "error": str(error)}
    except Exception as error:  # a malformed page must not hide the other files' results
        return {"file": str(path), "url": page_url, "error": f"processing failed: {type(error).__name__}: {error}"}
    return {"file": str(path), **article.to_json()}
