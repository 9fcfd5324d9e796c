"""A download handler that sends chosen hosts to another address, like `curl --resolve`.

Used for the offline demo replica and for tests: the spider, robots.txt handling, throttling, canonical
URLs and the archive all see the real `https://kalteng.antaranews.com/...` URLs, while the bytes come from a
local server over real HTTP. Production crawls configure no overrides and use Scrapy's handler unchanged.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response


class HostOverrideDownloadHandler(HTTP11DownloadHandler):
    """Downloads requests for overridden hosts from a local base URL, keeping the original Host header."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        overrides = crawler.settings.getdict("SOROT_HOST_OVERRIDES")
        self._overrides = {host.lower(): base.rstrip("/") for host, base in overrides.items()}

    async def download_request(self, request: Request) -> Response:
        parts = urlsplit(request.url)
        base = self._overrides.get((parts.hostname or "").lower())
        if base is None:
            return await super().download_request(request)
        target = urlsplit(base)
        local_url = urlunsplit((target.scheme, target.netloc, parts.path or "/", parts.query, ""))
        headers = request.headers.copy()
        headers["Host"] = parts.netloc
        local_request = request.replace(url=local_url, headers=headers)
        response = await super().download_request(local_request)
        return response.replace(url=request.url, request=request)
