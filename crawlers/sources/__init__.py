"""The source registry: every outlet Sorot knows, looked up by key or by URL."""

from __future__ import annotations

from urllib.parse import urlsplit

from . import antara, cnn_indonesia, detik
from .model import ParserSpec, Source

__all__ = ["ParserSpec", "Source", "UnknownSourceError", "all_sources", "get_source", "source_for_url"]

_REGISTRY: dict[str, Source] = {s.key: s for module in (antara, detik, cnn_indonesia) for s in module.SOURCES}


class UnknownSourceError(KeyError):
    """Raised for a source key the registry does not have."""

    def __str__(self) -> str:
        known = ", ".join(sorted(_REGISTRY))
        return f"unknown source {self.args[0]!r}; known sources: {known}"


def all_sources() -> tuple[Source, ...]:
    return tuple(_REGISTRY.values())


def get_source(key: str) -> Source:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise UnknownSourceError(key) from None


def source_for_url(url: str) -> Source | None:
    """The outlet that owns the URL's host, or None for an outlet Sorot does not know."""
    host = (urlsplit(url).hostname or "").lower()
    for source in _REGISTRY.values():
        if source.owns_host(host):
            return source
    return None
