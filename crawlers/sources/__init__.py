"""The source registry: every outlet Sorot knows, looked up by key or by URL.

Built-in outlets are declared in this package, one small module per publisher group; a deployment adds
outlets that need no special parsing in its configuration file (`[[sources]]`, see docs/configuration.md),
registered at start-up with `register_config_sources`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from . import antara, cnn_indonesia, detik, kompas, media_indonesia, prokalteng, tribun
from .config_sources import SourceConfigError, source_from_config
from .model import Listing, ParserSpec, Source

__all__ = [
    "Listing", "ParserSpec", "Source", "SourceConfigError", "UnknownSourceError", "all_sources", "get_source",
    "register_config_sources", "source_for_url",
]

_BUILT_IN = (antara, detik, cnn_indonesia, tribun, kompas, prokalteng, media_indonesia)
_REGISTRY: dict[str, Source] = {s.key: s for module in _BUILT_IN for s in module.SOURCES}


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


def register_config_sources(entries: Iterable[Mapping[str, object]]) -> list[Source]:
    """Add (or replace) outlets declared in the configuration; raises SourceConfigError naming the entry."""
    added = []
    for position, entry in enumerate(entries, start=1):
        source = source_from_config(entry, position)
        for other in _REGISTRY.values():
            shared = set(other.hosts) & set(source.hosts)
            if other.key != source.key and shared:
                raise SourceConfigError(
                    f"source {source.key!r} (entry {position}) claims host {sorted(shared)[0]}, "
                    f"already served by {other.key!r}"
                )
        _REGISTRY[source.key] = source
        added.append(source)
    return added
