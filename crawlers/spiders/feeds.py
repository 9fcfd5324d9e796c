"""The discovery spider: feeds, sitemaps and (for backfill) listing pages of the chosen sources, then the
article pages they point to.

Feeds come first (the publishers' own list of what is new, and ANTARA's only sanctioned entry point) and are
read with conditional requests; sitemaps are filtered by date; listing pages are read only for a backfill and
only for sources that declare them. Nothing else is followed, and a URL already archived is never requested
again.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ..canonical import canonicalize_url
from ..discovery import Entry, feed_entries, in_window, listing_links, sitemap_entries
from ..items import CrawlEvent, FetchedPage
from ..sources import Listing, Source, get_source
from ..state import CrawlState

ROBOTS_REASON = "forbidden by robots.txt"
#: without --since, sitemaps are read for this many recent days (a sitemap can list a whole archive)
DEFAULT_SITEMAP_DAYS = 3


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


class FeedSpider(scrapy.Spider):
    name = "feeds"

    def __init__(self, sources: str = "", feeds_json: str = "", since: str = "", until: str = "",
                 backfill: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        keys = [key.strip() for key in sources.split(",") if key.strip()]
        self.sources: list[Source] = [get_source(key) for key in keys]
        #: optional {source key: [feed urls]} replacing the registry's feeds (demo replica, tests)
        self.feed_overrides: dict[str, list[str]] = json.loads(feeds_json) if feeds_json else {}
        self.since, self.until = _day(since), _day(until)
        self.backfill = bool(backfill)
        self._queued: set[str] = set()

    def _state(self) -> CrawlState:
        if not hasattr(self, "_crawl_state"):
            self._crawl_state = CrawlState(Path(self.settings["SOROT_STATE_PATH"]))
        return self._crawl_state

    def _sitemap_since(self) -> date:
        return self.since or (datetime.now(UTC).date() - timedelta(days=DEFAULT_SITEMAP_DAYS))

    # -- start ---------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources:
            for feed_url in self.feed_overrides.get(source.key, source.feeds):
                yield self._feed_request(feed_url, source)
            if source.key in self.feed_overrides:
                continue  # an explicit feed list replaces every other entry point
            for sitemap_url in source.sitemaps:
                yield scrapy.Request(sitemap_url, callback=self.parse_sitemap, errback=self.discovery_failed,
                                     cb_kwargs={"source_key": source.key}, dont_filter=True)
            if self.backfill:
                for listing in source.listings:
                    yield self._listing_request(source, listing, listing.first_page)

    def _feed_request(self, url: str, source: Source) -> scrapy.Request:
        headers = {}
        etag, last_modified = self._state().validators(url)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return scrapy.Request(url, callback=self.parse_feed, errback=self.discovery_failed, headers=headers,
                              cb_kwargs={"source_key": source.key}, dont_filter=True,
                              meta={"handle_httpstatus_list": [304]})

    def _listing_request(self, source: Source, listing: Listing, page: int) -> scrapy.Request:
        return scrapy.Request(listing.url_template.format(page=page), callback=self.parse_listing,
                              errback=self.discovery_failed, dont_filter=True,
                              cb_kwargs={"source_key": source.key, "listing": listing, "page": page})

    # -- discovery documents -------------------------------------------------------------------------
    def parse_feed(self, response: Response, source_key: str) -> Iterator[Any]:
        if response.status == 304:
            yield CrawlEvent("feed_not_modified", response.url, source_key, at=_now())
            return
        entries = feed_entries(response.body)
        if not entries:
            yield CrawlEvent("feed_empty", response.url, source_key,
                             reason="the feed answered but holds no readable items", at=_now())
            return
        self._state().remember_validators(
            response.url, _header(response, "ETag"), _header(response, "Last-Modified"), _now())
        yield CrawlEvent("feed_ok", response.url, source_key, at=_now(), details={"items": len(entries)})
        yield from self._follow(entries, response, source_key, self.since, self.until)

    def parse_sitemap(self, response: Response, source_key: str) -> Iterator[Any]:
        document = sitemap_entries(response.body)
        if document is None:
            yield CrawlEvent("sitemap_empty", response.url, source_key,
                             reason="not a sitemap (or unreadable)", at=_now())
            return
        yield CrawlEvent("sitemap_ok", response.url, source_key, at=_now(),
                         details={"entries": len(document.entries), "index": document.is_index})
        since = self._sitemap_since()
        if document.is_index:
            for entry in document.entries:
                if in_window(entry.date, since, None):
                    yield scrapy.Request(response.urljoin(entry.url), callback=self.parse_sitemap,
                                         errback=self.discovery_failed, cb_kwargs={"source_key": source_key},
                                         dont_filter=True)
            return
        dated = [entry for entry in document.entries if entry.date]
        yield from self._follow(dated or document.entries, response, source_key, since, self.until)

    def parse_listing(self, response: Response, source_key: str, listing: Listing, page: int) -> Iterator[Any]:
        links = [Entry(url) for url in listing_links(response.body, response.url, listing.link_selector)]
        source = get_source(source_key)
        articles = [e for e in links if source.is_article_url(canonicalize_url(e.url))]
        yield CrawlEvent("listing_ok", response.url, source_key, at=_now(), details={"articles": len(articles)})
        new = list(self._follow(articles, response, source_key, None, None, log_skips=False))
        yield from new
        # page on while a page still brings unknown articles (incremental backfill)
        if new and page < listing.first_page + listing.max_pages - 1:
            yield self._listing_request(source, listing, page + 1)

    def _follow(self, entries: list[Entry], response: Response, source_key: str, since: date | None,
                until: date | None, *, log_skips: bool = True) -> Iterator[Any]:
        source = get_source(source_key)
        for entry in entries:
            absolute = response.urljoin(entry.url)
            canonical = canonicalize_url(absolute)
            if not source.is_article_url(canonical):
                if log_skips:
                    yield CrawlEvent("skipped", absolute, source_key, at=_now(),
                                     reason="not an article URL of this source (off-site or excluded path)")
                continue
            if not in_window(entry.date, since, until):
                continue
            if canonical in self._queued or self._state().is_known(canonical):
                continue
            self._queued.add(canonical)
            yield scrapy.Request(
                absolute,
                callback=self.parse_article,
                errback=self.article_failed,
                cb_kwargs={"source_key": source_key, "canonical_url": canonical,
                           "feed_title": entry.title, "feed_date": entry.date, "feed_url": response.url},
                # duplicates are already excluded above; the scheduler's filter would silently drop the
                # repeated hop of a redirect loop, which must instead end in a recorded error
                dont_filter=True,
            )

    # -- articles ------------------------------------------------------------------------------------
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

    # -- failures ------------------------------------------------------------------------------------
    def discovery_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        kind = {"parse_feed": "feed_error", "parse_sitemap": "sitemap_error"}.get(
            getattr(request.callback, "__name__", ""), "listing_error")
        yield CrawlEvent(kind, request.url, request.cb_kwargs.get("source_key"),
                         reason=_failure_reason(failure), at=_now())

    def article_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        reason = _failure_reason(failure)
        kind = "skipped" if reason == ROBOTS_REASON else "fetch_error"
        yield CrawlEvent(kind, request.url, request.cb_kwargs.get("source_key"), reason=reason, at=_now())


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _failure_reason(failure: Failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(IgnoreRequest):
        message = str(failure.value) or "request ignored"
        return ROBOTS_REASON if "robots" in message.lower() else message
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"
