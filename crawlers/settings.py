"""Scrapy settings for Sorot's crawlers: polite by default.

A deployment overrides these through the `sorot` configuration (crawl section), never by editing this
file. See docs/crawling.md for what each choice protects.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    _VERSION = version("sorot")
except PackageNotFoundError:  # running from a source tree without installation
    _VERSION = "0"

BOT_NAME = "sorot"
SPIDER_MODULES = ["sorot.crawlers.spiders"]
NEWSPIDER_MODULE = "sorot.crawlers.spiders"

#: Identifies the crawler and how to reach its operator; `sorot` adds the configured contact.
USER_AGENT = f"Sorot/{_VERSION} (news monitoring; +https://github.com/sorot-id/sorot)"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 2.0
RANDOMIZE_DOWNLOAD_DELAY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REDIRECT_MAX_TIMES = 5

ITEM_PIPELINES = {"sorot.crawlers.item_pipelines.ArchivePipeline": 300}
#: after RetryMiddleware (550) in the response path, so it sees 429/503 first
DOWNLOADER_MIDDLEWARES = {"sorot.crawlers.middlewares.retry_after.RetryAfterMiddleware": 560}
EXTENSIONS = {"sorot.crawlers.extensions.crawl_delay.CrawlDelayExtension": 500}
#: give up on a request whose site asks (Retry-After) for a longer wait than this, in seconds
SOROT_RETRY_AFTER_MAX = 300.0
#: wait this long after a 429 without Retry-After
SOROT_BACKOFF_DEFAULT = 30.0

LOG_LEVEL = "WARNING"
FEED_EXPORT_ENCODING = "utf-8"
