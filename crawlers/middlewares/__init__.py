"""Scrapy downloader middlewares: per-request behaviour (backing off when a site asks us to)."""
