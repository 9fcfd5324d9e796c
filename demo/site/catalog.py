"""The replica's content: `demo/data/articles.jsonl` loaded into per-host sites, pages and feeds.

Three outlets: ANTARA Kalteng, detik (five hosts) and CNN Indonesia (one host, a feed per section).

The catalog knows nothing about HTTP or HTML; it answers "which article lives at this host and path",
"what does this host's feed list" and "which other stories does a page link to". Every choice that
looks random on a page (related links, editor initials) is derived from the article id so that the
same data always renders the same pages: tests and extraction fixtures can rely on them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

KALTENG_HOST = "kalteng.antaranews.com"
KALTENG_FEED_PATH = "/rss/terkini.xml"
DETIK_FEED_PATH = "/rss"
CNN_FEED_PATH = "/{section}/rss"  # one feed per section, named by the URL's first path segment

SITE_KINDS = {"antara-kalteng": "antara", "detik": "detik", "cnn-indonesia": "cnn"}
REQUIRED_FIELDS = (
    "id", "dataset", "licence", "source_url", "site", "url", "title", "published", "date_text", "author",
    "section", "tags", "caption", "paragraphs", "kind",
)
KINDS = {"original", "seed", "syndicated"}

_ANTARA_PATH = re.compile(r"^/berita/(?P<id>\d+)(?:/[^/]*)?/?$")
_BACA_JUGA = re.compile(r"^\(?Baca juga\s*:\s*\(?(?P<title>.*?)\)?\)?\s*$")
# A closing "(ptr)" or "(rah/rah)": CNN bodies often carry their own, and the page must not add a second.
_INITIALS_TRAILER = re.compile(r"\(\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4})?\s*\)\s*$")
# Pools for the invented parts of detik pages (see demo/data/ATTRIBUTION.md).
_EDITOR_INITIALS = ("afr", "rdp", "imk", "knv", "aik", "fas", "mae", "ygs", "whn", "dnu", "azh", "dhn")


class CatalogError(ValueError):
    """The data file does not describe a usable replica (a missing field, a duplicate URL...)."""


def stable_int(*parts: str) -> int:
    """A deterministic integer from strings (Python's own hash() changes between processes)."""
    return int(hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12], 16)


@dataclass(frozen=True)
class Article:
    """One replica page; mirrors a row of articles.jsonl plus what the URL implies."""

    id: str
    dataset: str
    licence: str
    source_url: str
    site: str
    url: str
    title: str
    published: datetime
    date_text: str
    author: str
    editor: str | None
    section: str
    tags: tuple[str, ...]
    caption: str
    paragraphs: tuple[str, ...]
    kind: str
    syndicated_from: str | None = None
    footer_style: str = "standard"

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def site_kind(self) -> str:
        """'antara', 'detik' or 'cnn': which template family renders the page."""
        return SITE_KINDS[self.site]

    @property
    def section_slug(self) -> str:
        """The section's URL name: on CNN the first path segment ("gaya-hidup"), elsewhere its name slugged."""
        if self.site_kind == "cnn":
            return self.path.strip("/").split("/")[0]
        return slugify(self.section)

    @property
    def ends_with_initials(self) -> bool:
        """Whether the story already closes with writer/editor initials such as "(ptr)"."""
        return bool(_INITIALS_TRAILER.search(self.paragraphs[-1])) if self.paragraphs else False

    @property
    def text(self) -> str:
        """The story without the inline related-link lines."""
        return "\n\n".join(p for p in self.paragraphs if not baca_juga_title(p))

    @property
    def lead(self) -> str:
        """The first sentence, dateline included: what feeds and meta descriptions show."""
        flat = " ".join(self.text.split())
        m = re.search(r"^.*?[.!?](?=\s+[\"“]?[A-Z0-9]|$)", flat)
        return (m.group(0) if m else flat)[:300]

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def editor_initials(self) -> tuple[str, str]:
        """detik (and CNN, where the text has none) close a story with '(abc/xyz)': invented initials."""
        n = stable_int(self.id, "initials")
        first = _EDITOR_INITIALS[n % len(_EDITOR_INITIALS)]
        second = _EDITOR_INITIALS[(n // len(_EDITOR_INITIALS)) % len(_EDITOR_INITIALS)]
        return first, second

    @classmethod
    def from_row(cls, row: dict, line: int) -> Article:
        missing = [f for f in REQUIRED_FIELDS if row.get(f) in (None, "") and f != "editor"]
        if missing:
            raise CatalogError(f"line {line}: missing {', '.join(missing)}")
        if row["site"] not in SITE_KINDS:
            raise CatalogError(f"line {line}: unknown site {row['site']!r}")
        if row["kind"] not in KINDS:
            raise CatalogError(f"line {line}: unknown kind {row['kind']!r}")
        url = urlsplit(row["url"])
        if url.scheme != "https" or not url.hostname:
            raise CatalogError(f"line {line}: url must be an https URL on the real host: {row['url']!r}")
        try:
            published = datetime.fromisoformat(row["published"])
        except ValueError as exc:
            raise CatalogError(f"line {line}: bad published date {row['published']!r}") from exc
        if published.tzinfo is None:
            raise CatalogError(f"line {line}: published date needs an offset: {row['published']!r}")
        return cls(
            id=str(row["id"]), dataset=row["dataset"], licence=row["licence"], source_url=row["source_url"],
            site=row["site"], url=row["url"], title=row["title"], published=published,
            date_text=row["date_text"], author=row["author"], editor=row.get("editor"),
            section=row["section"], tags=tuple(row["tags"]), caption=row["caption"],
            paragraphs=tuple(row["paragraphs"]), kind=row["kind"], syndicated_from=row.get("syndicated_from"),
            footer_style=row.get("footer_style") or "standard",
        )


def baca_juga_title(paragraph: str) -> str | None:
    """The linked headline if a paragraph is an inline 'Baca juga: ...' line, else None."""
    m = _BACA_JUGA.match(paragraph.strip())
    return m.group("title").strip() if m else None


def slugify(text: str) -> str:
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


@dataclass
class Site:
    """One virtual host of the replica, with its articles newest first."""

    host: str
    name: str  # "antara-kalteng", "detik" or "cnn-indonesia"
    articles: list[Article] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return SITE_KINDS[self.name]

    @property
    def feed_paths(self) -> tuple[str, ...]:
        """Every RSS path of the host: one on ANTARA and detik hosts, one per section on CNN."""
        if self.kind == "antara":
            return (KALTENG_FEED_PATH,)
        if self.kind == "detik":
            return (DETIK_FEED_PATH,)
        return tuple(CNN_FEED_PATH.format(section=slug) for slug, _ in sorted(self.sections))

    @property
    def feed_urls(self) -> list[str]:
        return [f"https://{self.host}{path}" for path in self.feed_paths]

    @property
    def feed_url(self) -> str:
        """The host's main feed (the first of `feed_urls`), as a listing page's <link rel=alternate>."""
        return self.feed_urls[0]

    def feed_section(self, path: str) -> str | None:
        """The section a CNN feed path names ('/nasional/rss' -> 'nasional'); None for any other path."""
        m = re.fullmatch(r"/([a-z0-9-]+)/rss/?", path)
        if self.kind != "cnn" or m is None or CNN_FEED_PATH.format(section=m.group(1)) not in self.feed_paths:
            return None
        return m.group(1)

    @property
    def home_url(self) -> str:
        return f"https://{self.host}/"

    @property
    def sections(self) -> list[tuple[str, str]]:
        """(slug, name) of the sections that have articles, in order of first appearance."""
        seen: dict[str, str] = {}
        for article in self.articles:
            seen.setdefault(article.section_slug, article.section)
        return list(seen.items())

    def find(self, path: str) -> Article | None:
        """The article a request path names (trailing slash and, on ANTARA, the slug are forgiven)."""
        if self.kind == "antara":
            m = _ANTARA_PATH.match(path)
            if not m:
                return None
            return next((a for a in self.articles if _ANTARA_PATH.match(a.path).group("id") == m["id"]), None)
        wanted = path.rstrip("/") or "/"
        return next((a for a in self.articles if a.path.rstrip("/") == wanted), None)

    def in_section(self, slug: str) -> list[Article]:
        return [a for a in self.articles if a.section_slug == slug]

    def tagged(self, slug: str) -> list[Article]:
        return [a for a in self.articles if any(slugify(t) == slug for t in a.tags)]

    def others(self, article: Article, count: int, salt: str) -> list[Article]:
        """`count` other articles of this site, chosen deterministically from the article id."""
        pool = [a for a in self.articles if a.id != article.id]
        pool.sort(key=lambda other: stable_int(article.id, salt, other.id))
        return pool[:count]


class Catalog:
    """All sites of the replica, loaded once from the data file."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.sites: dict[str, Site] = {}
        seen_urls: set[str] = set()
        seen_ids: set[str] = set()
        for article in articles:
            if article.url in seen_urls:
                raise CatalogError(f"two articles share the URL {article.url}")
            if article.id in seen_ids:
                raise CatalogError(f"two articles share the id {article.id}")
            seen_urls.add(article.url)
            seen_ids.add(article.id)
            site = self.sites.setdefault(article.host, Site(article.host, article.site))
            if site.name != article.site:
                raise CatalogError(f"{article.host} holds articles of both {site.name} and {article.site}")
            site.articles.append(article)
        if not self.sites:
            raise CatalogError("the data file holds no articles")
        for site in self.sites.values():
            site.articles.sort(key=lambda a: (a.published, a.id), reverse=True)
        self._by_title = {a.title: a for site in self.sites.values() for a in site.articles}

    @classmethod
    def load(cls, path: Path | None = None) -> Catalog:
        """Read articles.jsonl: the given file, or the one bundled with the package."""
        if path is None:
            text = resources.files("sorot.demo").joinpath("data/articles.jsonl").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        articles = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CatalogError(f"line {number}: not JSON ({exc.msg})") from exc
            articles.append(Article.from_row(row, number))
        return cls(articles)

    @property
    def hosts(self) -> tuple[str, ...]:
        """Kalteng first (the project's home outlet), then the others, news.detik.com before its siblings."""
        return tuple(sorted(self.sites, key=lambda h: (h != KALTENG_HOST, not h.startswith("news."), h)))

    @property
    def feed_urls(self) -> dict[str, list[str]]:
        feeds: dict[str, list[str]] = {}
        for host in self.hosts:
            site = self.sites[host]
            feeds.setdefault(site.name, []).extend(site.feed_urls)
        return feeds

    @property
    def articles(self) -> list[Article]:
        return [a for host in self.hosts for a in self.sites[host].articles]

    def related_url(self, title: str, host: str) -> str:
        """Where an inline 'Baca juga' headline points.

        A headline of the replica links to its page. The seed capture also names stories that are not in
        the replica: they get an invented URL just below the seed's id on the same host, which answers
        404 like any page the replica does not hold.
        """
        known = self._by_title.get(title)
        if known is not None:
            return known.url
        return f"https://{host}/berita/{834400 + stable_int(title) % 100}/{slugify(title)}"
