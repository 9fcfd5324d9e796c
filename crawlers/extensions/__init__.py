"""Scrapy extensions: crawl-wide behaviour hooked on signals (robots.txt Crawl-delay)."""
