"""Backs off when a site answers 429 or 503 with `Retry-After`, for the whole site, then retries once more.

Scrapy's RetryMiddleware retries these statuses immediately, ignoring the header. Here the site's download
slot waits at least as long as asked before its next request (any request to that site, not just the
retried one), and a wait longer than the configured maximum gives the request up with a recorded reason
instead of holding the crawl for hours.
"""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

BACKOFF_STATUSES = (429, 503)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment is None:
        return None
    return max(0.0, moment.timestamp() - (now if now is not None else time.time()))


class RetryAfterTooLongError(IgnoreRequest):
    """The site asked us to come back later than this crawl is willing to wait."""


class RetryAfterMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("SOROT_RETRY_AFTER_MAX", 300.0)
        self.default_wait = crawler.settings.getfloat("SOROT_BACKOFF_DEFAULT", 30.0)
        self.max_retries = crawler.settings.getint("RETRY_TIMES", 2)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if response.status not in BACKOFF_STATUSES:
            return response
        wait = retry_after_seconds(response.headers.get("Retry-After", b"").decode("latin-1"))
        if wait is None:
            if response.status == 503:
                return response  # an ordinary server error: RetryMiddleware's normal retries apply
            wait = self.default_wait
        if wait > self.max_wait:
            raise RetryAfterTooLongError(
                f"HTTP {response.status}: the site asked to wait {wait:.0f} s (more than {self.max_wait:.0f} s)"
            )
        self._slow_down(request, wait)
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"HTTP {response.status}",
                                  max_retry_times=self.max_retries)
        if retry is None:
            return response
        return retry

    def _slow_down(self, request: Request, wait: float) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        downloader = engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.delay = max(slot.delay, wait)
            slot.jitter = 0.0  # a random shortening would come back sooner than the site asked
            slot.lastseen = time.monotonic()  # the clock Scrapy's downloader measures delays with
