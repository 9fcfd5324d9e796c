"""Article extraction: from a raw page to clean text and raw metadata strings, per outlet template."""

from .page import ExtractedPage, NotAnArticleError, extract_page

__all__ = ["ExtractedPage", "NotAnArticleError", "extract_page"]
