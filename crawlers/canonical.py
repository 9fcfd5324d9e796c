"""Canonical article URLs: one spelling per article, so that an article is fetched and stored once.

Variants seen on Indonesian news sites: tracking parameters (`utm_*`, `fbclid`, `jxrecoid`...), AMP and
mobile hosts or paths (`m.`, `/amp/`), trailing slashes, `?page=all` / `?single=1` one-page switches,
fragments, upper-case hosts and plain http.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

_TRACKING_PREFIXES = ("utm_", "fb_", "ga_", "mc_")
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "yclid", "msclkid", "jxrecoid", "source", "ref", "src", "amp", "_ga",
     "page", "single", "utm", "tag_from", "mode", "share"}
)
_MOBILE_PREFIXES = ("m.", "amp.", "mobile.")


def canonicalize_url(url: str) -> str:
    """Return the canonical form of an article URL (https, lower-case host, no tracking, no fragment)."""
    parts = urlsplit(safe_url_string(url.strip()))
    host = (parts.hostname or "").lower()
    for prefix in _MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = "www." + host[len(prefix):]
            break
    path = parts.path or "/"
    if path.startswith("/amp/"):
        path = path[len("/amp"):]
    if path.endswith("/amp"):
        path = path[: -len("/amp")] or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _TRACKING_PARAMS and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    scheme = "https" if parts.scheme in ("http", "https", "") else parts.scheme
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))
