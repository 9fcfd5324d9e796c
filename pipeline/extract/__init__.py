"""Article extraction: from a raw page to clean paragraphs and raw metadata strings, per outlet template."""

from .errors import NotAnArticleError
from .page import EXTRACTOR_VERSION, ExtractedPage, extract_page

__all__ = ["EXTRACTOR_VERSION", "ExtractedPage", "NotAnArticleError", "extract_page"]
