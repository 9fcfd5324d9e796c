"""Honours robots.txt `Crawl-delay`, which Scrapy's robots.txt middleware reads but does not apply.

When a site's robots.txt is parsed, the delay it asks of our user agent becomes a floor for that site's
download slot; after every response (when AutoThrottle may have lowered the delay) the floor is applied
again, so no setting can make Sorot faster than the site asked.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

#: never wait longer than this between two requests to one site, whatever robots.txt says
MAX_CRAWL_DELAY = 120.0


class CrawlDelayExtension:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.user_agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get("USER_AGENT")
        self.floors: dict[str, float] = {}
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelayExtension:
        return cls(crawler)

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay is None:
            return
        delay = min(float(delay), MAX_CRAWL_DELAY)
        key = self._slot_key(request)
        self.floors[key] = delay
        self._apply(key)

    def response_downloaded(self, response: Response, request: Request, spider: Any = None) -> None:
        key = self._slot_key(request)
        if key in self.floors:
            self._apply(key)

    def _slot_key(self, request: Request) -> str:
        assert self.crawler.engine is not None
        return self.crawler.engine.downloader.get_slot_key(request)

    def _apply(self, key: str) -> None:
        assert self.crawler.engine is not None
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is None:
            return
        if slot.delay < self.floors[key]:
            slot.delay = self.floors[key]
        # random jitter would shorten some waits below what the site asked for
        slot.jitter = 0.0

    def floor_for(self, key: str) -> float | None:
        return self.floors.get(key)
