"""The one error extraction raises: the input holds no article, with a reason a person can read."""

from __future__ import annotations

__all__ = ["NotAnArticleError"]


class NotAnArticleError(ValueError):
    """The input cannot be read as an article page (not HTML, empty, too large, or no article text).

    The message is stored per page in the fetch log, so it names the cause ("the page is not HTML"),
    never a traceback.
    """
