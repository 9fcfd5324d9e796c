"""The feed spider: reads the RSS/Atom feeds of the chosen sources and fetches the articles they link.

Feeds first (the publishers' own list of what is new, and ANTARA's only sanctioned entry point), article
pages second; nothing else is followed. A URL already archived is never requested again.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ..canonical import canonicalize_url
from ..items import CrawlEvent, FetchedPage
from ..sources import Source, get_source
from ..state import CrawlState


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FeedSpider(scrapy.Spider):
    name = "feeds"

    def __init__(self, sources: str = "", feeds_json: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        keys = [key.strip() for key in sources.split(",") if key.strip()]
        self.sources: list[Source] = [get_source(key) for key in keys]
        #: optional {source key: [feed urls]} replacing the registry's feeds (demo replica, tests)
        self.feed_overrides: dict[str, list[str]] = json.loads(feeds_json) if feeds_json else {}
        self._queued: set[str] = set()

    def _state(self) -> CrawlState:
        if not hasattr(self, "_crawl_state"):
            self._crawl_state = CrawlState(Path(self.settings["SOROT_STATE_PATH"]))
        return self._crawl_state

    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources:
            for feed_url in self.feed_overrides.get(source.key, source.feeds):
                yield scrapy.Request(
                    feed_url,
                    callback=self.parse_feed,
                    errback=self.feed_failed,
                    cb_kwargs={"source_key": source.key},
                    dont_filter=True,
                )

    def parse_feed(self, response: Response, source_key: str) -> Iterator[Any]:
        source = get_source(source_key)
        entries = list(_feed_entries(response))
        if not entries:
            yield CrawlEvent("feed_empty", response.url, source_key,
                             reason="the feed answered but holds no readable items", at=_now())
            return
        yield CrawlEvent("feed_ok", response.url, source_key, at=_now(), details={"items": len(entries)})
        for link, title, date in entries:
            absolute = response.urljoin(link)
            canonical = canonicalize_url(absolute)
            if not source.is_article_url(canonical):
                yield CrawlEvent("skipped", absolute, source_key, at=_now(),
                                 reason="not an article URL of this source (off-site or excluded path)")
                continue
            if canonical in self._queued or self._state().is_known(canonical):
                continue
            self._queued.add(canonical)
            yield scrapy.Request(
                absolute,
                callback=self.parse_article,
                errback=self.article_failed,
                cb_kwargs={"source_key": source_key, "canonical_url": canonical,
                           "feed_title": title, "feed_date": date, "feed_url": response.url},
                # duplicates are already excluded above; the scheduler's filter would silently drop the
                # repeated hop of a redirect loop, which must instead end in a recorded error
                dont_filter=True,
            )

    def parse_article(self, response: Response, source_key: str, canonical_url: str,
                      feed_title: str | None, feed_date: str | None, feed_url: str) -> Iterator[Any]:
        headers = [(key.decode("latin-1"), b", ".join(values).decode("latin-1"))
                   for key, values in response.headers.items()]
        yield FetchedPage(
            url=response.url,
            canonical_url=canonical_url,
            source_key=source_key,
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=_now(),
            feed_title=feed_title,
            feed_date=feed_date,
            feed_url=feed_url,
        )

    def feed_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        yield CrawlEvent("feed_error", request.url, request.cb_kwargs.get("source_key"),
                         reason=_failure_reason(failure), at=_now())

    def article_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        reason = _failure_reason(failure)
        kind = "skipped" if reason == ROBOTS_REASON else "fetch_error"
        yield CrawlEvent(kind, request.url, request.cb_kwargs.get("source_key"), reason=reason, at=_now())


ROBOTS_REASON = "forbidden by robots.txt"


def _failure_reason(failure: Failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(IgnoreRequest):
        message = str(failure.value) or "request ignored"
        return ROBOTS_REASON if "robots" in message.lower() else message
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"


def _feed_entries(response: Response) -> Iterator[tuple[str, str | None, str | None]]:
    """(link, title, date) of every RSS item or Atom entry; nothing for a page that is not a feed."""
    try:
        selector = scrapy.Selector(text=response.text, type="xml")
    except (AttributeError, ValueError):
        return
    selector.remove_namespaces()
    for item in selector.xpath("//item"):
        link = (item.xpath("link/text()").get() or item.xpath("guid/text()").get() or "").strip()
        if link:
            yield link, _clean(item.xpath("title/text()").get()), _clean(item.xpath("pubDate/text()").get())
    for entry in selector.xpath("//entry"):
        link = (entry.xpath("link[@rel='alternate']/@href").get() or entry.xpath("link/@href").get() or "").strip()
        if link:
            date = entry.xpath("published/text()").get() or entry.xpath("updated/text()").get()
            yield link, _clean(entry.xpath("title/text()").get()), _clean(date)


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None
