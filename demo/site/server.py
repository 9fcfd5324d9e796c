"""The offline replica of the demo news network: a small HTTP server with one virtual host per outlet.

`sorot demo` crawls it with the real Scrapy spiders, so the pages imitate the real sites' markup
(ANTARA's "wrap__article-detail" theme, detik's "detail__body-text", CNN Indonesia's "detail-text") closely
enough that the real extraction code is exercised, quirks included: inline "Baca juga" links, the
Pewarta/Editor footer, the no-AI-crawling notice, the advertisement blocks and editor initials of detik
and CNN (whose CMS is a detik sibling), CNN's per-section feeds and day-first numeric dates.

Requests are routed by their Host header: the crawler asks `http://127.0.0.1:PORT/<path>` with
`Host: kalteng.antaranews.com`, while every URL inside pages and feeds is the real `https://` URL. A
request for the server's own address gets a Bahasa Indonesia index that explains the replica and links
path-prefixed views (`/<host>/<path>`) so a person can browse every page in an ordinary browser.

Scraped text is untrusted: templates autoescape, JSON-LD is escaped for a <script> element.
"""

from __future__ import annotations

import argparse
import errno
import json
import re
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from sorot.demo.site.catalog import Article, Catalog, Site, baca_juga_title, slugify, stable_int

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
SVG = "image/svg+xml"

REPLICA_PREFIX = "/_replika"  # the replica's own pages, on every host
LISTING_PAGE_SIZE = 20
AI_NOTICE = (
    "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI di situs web ini "
    "tanpa izin tertulis dari Kantor Berita ANTARA."
)
PLACEHOLDER_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">'
    b'<rect width="640" height="360" fill="#d9dde3"/>'
    b'<text x="320" y="185" font-family="sans-serif" font-size="24" text-anchor="middle" fill="#5b6470">'
    b"Foto (replika)</text></svg>"
)
ROBOTS = {
    # ANTARA's real robots.txt is unknown; this keeps search pages out, as news sites do.
    "antara": "User-agent: *\nDisallow: /search\nDisallow: /cari\n",
    "detik": "User-agent: *\nDisallow: /search\nDisallow: /api/\n",
    "cnn": "User-agent: *\nDisallow: /search\n",
    "index": "User-agent: *\nDisallow:\n",
}
DATASET_CREDITS = {
    "indosum": "IndoSum (Kurniawan & Louvan, 2018)",
    "detik-may2026": "Korpus detik Mei 2026 (github.com/KamigonNoMercy/indonesian-news-intelligence-apps)",
    "sorot-seed": "Artikel awal proyek Sorot (tangkapan pembaca atas berita ANTARA Kalteng)",
}
KALTENG_MENU = ("Terkini", "Kabar Daerah", "Bisnis", "Nasional", "Internasional", "Olahraga", "Hiburan")
DETIK_CHANNELS = (
    ("news.detik.com", "detikNews"), ("finance.detik.com", "detikFinance"), ("sport.detik.com", "detikSport"),
    ("inet.detik.com", "detikInet"), ("health.detik.com", "detikHealth"),
)
#: CNN Indonesia's channel bar order; sections the replica lacks are not shown
CNN_MENU = (
    "nasional", "internasional", "ekonomi", "olahraga", "teknologi", "hiburan", "gaya-hidup", "politik",
)
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
_IP_LIKE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]*)$")


class PortInUseError(RuntimeError):
    """The replica's port is taken by another program."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            f"Port {port} on {host} is already in use, so the demo replica cannot start. Stop the program "
            f"that uses it, or choose another port with --port (--port 0 picks any free port)."
        )
        self.host = host
        self.port = port


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes


def jsonld(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json"> element; '<', '>' and '&' cannot end the element."""
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def rfc822(article: Article) -> str:
    """RSS pubDate, e.g. 'Wed, 04 Sep 2024 15:30:00 +0700'."""
    return format_datetime(article.published)


class ReplicaApp:
    """Routing and rendering: (Host header, request path) -> Response. No sockets, so it is easy to test."""

    def __init__(self, catalog: Catalog, fail_paths: Iterable[str] = ()) -> None:
        self.catalog = catalog
        self.fail_paths = {self._normalise(p) for p in fail_paths}
        self.env = Environment(
            loader=PackageLoader("sorot.demo.site", "templates"),
            autoescape=True,  # every template: the article text comes from scraped pages
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["slug"] = slugify
        self.env.filters["rfc822"] = rfc822

    @staticmethod
    def _normalise(path: str) -> str:
        path = urlsplit(path).path or "/"
        return path.rstrip("/") or "/"

    # ---------------------------------------------------------------- dispatch
    def handle(self, host_header: str | None, target: str) -> Response:
        hostname = _hostname(host_header)
        path = unquote(urlsplit(target).path) or "/"
        if not hostname or hostname in _LOOPBACK_NAMES or _IP_LIKE.match(hostname):
            return self._bare(path)
        site = self.catalog.sites.get(hostname)
        if site is None:
            return self._not_found(f"Host {hostname} tidak dilayani replika ini.")
        return self._site(site, path, _direct)

    def _bare(self, path: str) -> Response:
        """The server's own address: the index, the replica's pages, and path-prefixed views of each host."""
        if path == "/":
            return self._page("index.html.j2", sites=[self.catalog.sites[h] for h in self.catalog.hosts],
                              href=_browse(self.catalog))
        if path == "/robots.txt":
            return Response(200, TEXT, ROBOTS["index"].encode())
        if path == "/img/placeholder.svg" or path.startswith(REPLICA_PREFIX + "/"):
            return self._common(path, _browse(self.catalog)) or self._not_found()
        first, _, rest = path.lstrip("/").partition("/")
        site = self.catalog.sites.get(first.lower())
        if site is None:
            return self._not_found()
        return self._site(site, "/" + rest, _browse(self.catalog))

    def _site(self, site: Site, path: str, href: Callable[[str], str]) -> Response:
        if self._normalise(path) in self.fail_paths:
            return self._page("error.html.j2", status=500, href=href)
        common = self._common(path, href)
        if common is not None:
            return common
        if site.kind == "antara":
            return self._kalteng(site, path, href)
        if site.kind == "cnn":
            return self._cnn(site, path, href)
        return self._detik(site, path, href)

    def _common(self, path: str, href: Callable[[str], str]) -> Response | None:
        """Pages every host answers: the placeholder image and the replica's attribution pages."""
        if path == "/img/placeholder.svg":
            return Response(200, SVG, PLACEHOLDER_SVG)
        if path.rstrip("/") == f"{REPLICA_PREFIX}/atribusi":
            attribution = _data_text("ATTRIBUTION.md")
            licences = sorted(p.name for p in _data_dir("LICENSES").iterdir() if p.is_file())
            return self._page("attribution.html.j2", attribution=attribution, licences=licences, href=href)
        m = re.fullmatch(rf"{REPLICA_PREFIX}/lisensi/([A-Za-z0-9._-]+)", path)
        if m:
            licence = _data_dir("LICENSES").joinpath(m.group(1))
            if licence.is_file():
                return Response(200, TEXT, licence.read_bytes())
        return None

    # ---------------------------------------------------------------- ANTARA Kalteng
    def _kalteng(self, site: Site, path: str, href: Callable[[str], str]) -> Response:
        if path == "/robots.txt":
            return Response(200, TEXT, ROBOTS["antara"].encode())
        if path in site.feed_paths:
            return self._feed(site)
        if path in ("/", "/terkini", "/terkini/"):
            return self._kalteng_listing(site, site.articles, "Terkini", "/terkini", 1, href)
        m = re.fullmatch(r"/terkini/(\d+)/?", path)
        if m:
            return self._kalteng_listing(site, site.articles, "Terkini", "/terkini", int(m.group(1)), href)
        article = site.find(path)
        if article is not None:
            return self._kalteng_article(site, article, href)
        m = re.fullmatch(r"/tag/([^/]+)/?", path)
        if m and site.tagged(m.group(1)):
            return self._kalteng_listing(site, site.tagged(m.group(1)), f"Tag: {m.group(1)}",
                                         f"/tag/{m.group(1)}", 1, href)
        m = re.fullmatch(r"/([a-z0-9-]+)(?:/(\d+))?/?", path)
        if m and site.in_section(m.group(1)):
            name = dict(site.sections)[m.group(1)]
            return self._kalteng_listing(site, site.in_section(m.group(1)), name, f"/{m.group(1)}",
                                         int(m.group(2) or 1), href)
        return self._not_found(href=href)

    def _kalteng_listing(self, site: Site, articles: list[Article], heading: str, base: str, page: int,
                         href: Callable[[str], str]) -> Response:
        pages = max(1, -(-len(articles) // LISTING_PAGE_SIZE))
        if page < 1 or page > pages:
            return self._not_found(href=href)
        shown = articles[(page - 1) * LISTING_PAGE_SIZE : page * LISTING_PAGE_SIZE]
        next_url = f"https://{site.host}{base}/{page + 1}" if page < pages else None
        return self._page("antara_listing.html.j2", site=site, articles=shown, heading=heading,
                          next_url=next_url, menu=self._kalteng_menu(site), href=href)

    def _kalteng_menu(self, site: Site) -> list[tuple[str, str]]:
        """The nav bar: the real site's sections, linked only where the replica has pages for them."""
        sections = dict(site.sections)
        menu = [("Terkini", f"https://{site.host}/terkini")]
        menu += [(name, f"https://{site.host}/{slugify(name)}") for name in KALTENG_MENU[1:]
                 if slugify(name) in sections]
        return menu

    def _kalteng_article(self, site: Site, article: Article, href: Callable[[str], str]) -> Response:
        items = self._antara_content(site, article)
        ld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "datePublished": article.published.isoformat(), "mainEntityOfPage": article.url,
            "publisher": {"@type": "Organization", "name": "ANTARA News Kalimantan Tengah"},
        }
        if article.editor:  # ANTARA's JSON-LD names the editor as "author"
            ld["author"] = {"@type": "Person", "name": article.editor}
        return self._page(
            "antara_article.html.j2", site=site, a=article, items=items, ld=jsonld(ld),
            minutes=max(1, round(article.word_count / 200)), notice=AI_NOTICE,
            popular=site.others(article, 5, "terpopuler"), menu=self._kalteng_menu(site),
            credit=DATASET_CREDITS.get(article.dataset, article.dataset), href=href,
        )

    def _antara_content(self, site: Site, article: Article) -> list[dict]:
        """Paragraphs and 'Baca juga' lines in page order.

        The seed is rendered exactly as captured (its own related lines and repeat). Other stories get a
        related link after every three or four paragraphs, as ANTARA's CMS inserts them.
        """
        items: list[dict] = []
        every = 3 + stable_int(article.id, "baca") % 2
        inserted = site.others(article, len(article.paragraphs) // every + 1, "baca-juga")
        for index, paragraph in enumerate(article.paragraphs, start=1):
            related = baca_juga_title(paragraph)
            if related is not None:
                items.append({"baca": related, "url": self.catalog.related_url(related, site.host)})
                continue
            items.append({"text": paragraph})
            last = index == len(article.paragraphs)
            if article.kind != "seed" and index % every == 0 and not last and inserted:
                other = inserted.pop(0)
                items.append({"baca": other.title, "url": other.url})
        return items

    # ---------------------------------------------------------------- detik
    def _detik(self, site: Site, path: str, href: Callable[[str], str]) -> Response:
        if path == "/robots.txt":
            return Response(200, TEXT, ROBOTS["detik"].encode())
        if path.rstrip("/") in site.feed_paths:
            return self._feed(site)
        if path == "/":
            return self._page("detik_listing.html.j2", site=site, articles=site.articles, heading="Terbaru",
                              channels=self._channels(), href=href)
        article = site.find(path)
        if article is not None:
            return self._detik_article(site, article, href)
        m = re.fullmatch(r"/tag/([^/]+)/?", path)
        if m and site.tagged(m.group(1)):
            return self._page("detik_listing.html.j2", site=site, articles=site.tagged(m.group(1)),
                              heading=f"Tag: {m.group(1)}", channels=self._channels(), href=href)
        return self._not_found(href=href)

    def _channels(self) -> list[tuple[str, str]]:
        return [(f"https://{h}/", name) for h, name in DETIK_CHANNELS if h in self.catalog.sites]

    def _detik_article(self, site: Site, article: Article, href: Callable[[str], str]) -> Response:
        channel = dict(DETIK_CHANNELS).get(site.host, "detikcom")
        ld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "datePublished": article.published.isoformat(), "mainEntityOfPage": article.url,
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": "detikcom"},
        }
        related = site.others(article, 6, "detik-related")
        return self._page(
            "detik_article.html.j2", site=site, a=article, ld=jsonld(ld), channel=channel,
            baca=related[0] if related else None, related=related[1:], initials=article.editor_initials,
            channels=self._channels(), credit=DATASET_CREDITS.get(article.dataset, article.dataset), href=href,
        )

    # ---------------------------------------------------------------- CNN Indonesia
    def _cnn(self, site: Site, path: str, href: Callable[[str], str]) -> Response:
        if path == "/robots.txt":
            return Response(200, TEXT, ROBOTS["cnn"].encode())
        section = site.feed_section(path)
        if section is not None:
            return self._feed(site, section)
        if path == "/":
            return self._cnn_listing(site, site.articles, "Berita Terbaru", href)
        article = site.find(path)
        if article is not None:
            return self._cnn_article(site, article, href)
        m = re.fullmatch(r"/tag/([^/]+)/?", path)
        if m and site.tagged(m.group(1)):
            return self._cnn_listing(site, site.tagged(m.group(1)), f"Tag: {m.group(1)}", href)
        m = re.fullmatch(r"/([a-z0-9-]+)/?", path)
        if m and site.in_section(m.group(1)):
            return self._cnn_listing(site, site.in_section(m.group(1)), dict(site.sections)[m.group(1)], href)
        return self._not_found(href=href)

    def _cnn_menu(self, site: Site) -> list[tuple[str, str]]:
        """The header nav: the sections the replica has articles in, in the real site's order."""
        return [(name, f"https://{site.host}/{slug}") for slug, name in sorted(
            site.sections, key=lambda s: (CNN_MENU.index(s[0]) if s[0] in CNN_MENU else len(CNN_MENU), s[0]))]

    def _cnn_listing(self, site: Site, articles: list[Article], heading: str,
                     href: Callable[[str], str]) -> Response:
        return self._page("cnn_listing.html.j2", site=site, articles=articles, heading=heading,
                          menu=self._cnn_menu(site), href=href)

    def _cnn_article(self, site: Site, article: Article, href: Callable[[str], str]) -> Response:
        ld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "datePublished": article.published.isoformat(), "mainEntityOfPage": article.url,
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": "CNN Indonesia"},
        }
        others = site.others(article, 6, "cnn-related")
        return self._page(
            "cnn_article.html.j2", site=site, a=article, ld=jsonld(ld), menu=self._cnn_menu(site),
            baca=others[0] if others else None, popular=others[1:], initials=article.editor_initials,
            credit=DATASET_CREDITS.get(article.dataset, article.dataset), href=href,
        )

    # ---------------------------------------------------------------- shared
    def _feed(self, site: Site, section: str | None = None) -> Response:
        """A host's RSS feed; on CNN the feed of one section (`section` is its URL segment)."""
        articles = site.articles
        self_url = site.feed_url
        if site.kind == "antara":
            title, description = "ANTARA News Kalimantan Tengah - Terkini", "Berita terkini ANTARA Kalteng"
        elif site.kind == "cnn" and section is not None:
            articles = site.in_section(section)
            name = dict(site.sections)[section]
            self_url = f"https://{site.host}/{section}/rss"
            title, description = f"CNN Indonesia - {name}", f"Berita {name} terbaru CNN Indonesia"
        else:
            channel = dict(DETIK_CHANNELS).get(site.host, "detikcom")
            title, description = f"{channel} - Berita Terbaru", f"Berita terbaru {channel}"
        body = self.env.get_template("rss.xml.j2").render(
            site=site, title=title, description=description, articles=articles, self_url=self_url)
        return Response(200, RSS, body.encode("utf-8"))

    def _not_found(self, message: str = "Halaman tidak ditemukan.",
                   href: Callable[[str], str] | None = None) -> Response:
        return self._page("not_found.html.j2", status=404, message=message, href=href or _direct)

    def _page(self, template: str, status: int = 200, **context: object) -> Response:
        body = self.env.get_template(template).render(replica_prefix=REPLICA_PREFIX, **context)
        return Response(status, HTML, body.encode("utf-8"))


def _hostname(host_header: str | None) -> str:
    """The host name of a Host header, without port, brackets or trailing dot ('' when absent)."""
    host = (host_header or "").strip().lower()
    try:
        name = urlsplit(f"//{host}").hostname or ""
    except ValueError:  # a bare IPv6 address without brackets
        name = host
    return name.rstrip(".")


def _direct(url: str) -> str:
    """Links as the real site has them (virtual-host mode, what crawlers see)."""
    return url


def _browse(catalog: Catalog) -> Callable[[str], str]:
    """Links rewritten to the path-prefixed views, so a browser pointed at the bare address can follow them."""

    def href(url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.hostname in catalog.sites:
            query = f"?{parts.query}" if parts.query else ""
            return f"/{parts.hostname}{parts.path or '/'}{query}"
        return url

    return href


def _data_dir(name: str) -> Traversable:
    return resources.files("sorot.demo").joinpath("data").joinpath(name)


def _data_text(name: str) -> str:
    return _data_dir(name).read_text(encoding="utf-8")


class _Handler(BaseHTTPRequestHandler):
    """Thin HTTP adapter around ReplicaApp."""

    server: _ReplicaHTTPServer
    server_version = "SorotReplica/1.0"
    sys_version = ""

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        try:
            response = self.server.app.handle(self.headers.get("Host"), self.path)
        except Exception:
            # A bug, not a request the replica refuses: answer 500 and let handle_error show the traceback.
            self._send(Response(500, TEXT, b"Internal Server Error\n"), head)
            raise
        self._send(response, head)

    def _send(self, response: Response, head: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if not head:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log_requests:
            super().log_message(format, *args)


class _ReplicaHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], app: ReplicaApp, log_requests: bool) -> None:
        self.app = app
        self.log_requests = log_requests
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the client hung up (a crawler stopping): nothing worth a traceback
        super().handle_error(request, client_address)


class ReplicaServer:
    """The replica on 127.0.0.1 in a daemon thread; a context manager for tests and `sorot demo`.

    >>> with ReplicaServer() as replica:          # port 0: any free port
    ...     replica.base_url, replica.feed_urls["antara-kalteng"]
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, data_path: Path | None = None,
                 *, fail_paths: Iterable[str] = (), log_requests: bool = False) -> None:
        self.host = host
        self.port = port
        self.catalog = Catalog.load(data_path)
        self._app = ReplicaApp(self.catalog, fail_paths)
        self._log_requests = log_requests
        self._httpd: _ReplicaHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def hosts(self) -> tuple[str, ...]:
        """The virtual hosts served, e.g. ('kalteng.antaranews.com', 'news.detik.com', ...)."""
        return self.catalog.hosts

    @property
    def feed_urls(self) -> dict[str, list[str]]:
        """Site name -> the real https feed URLs, e.g. {'antara-kalteng': ['https://kalteng...terkini.xml']}."""
        return self.catalog.feed_urls

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the replica server is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        if self._httpd is not None:
            return
        try:
            httpd = _ReplicaHTTPServer((self.host, self.port), self._app, self._log_requests)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUseError(self.host, self.port) from exc
            raise
        self._httpd = httpd
        self.port = httpd.server_address[1]
        self._thread = threading.Thread(target=httpd.serve_forever, name="sorot-replica", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def wait(self) -> None:
        """Block until the server stops (Ctrl+C in `serve_forever`)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout=0.5)

    def __enter__(self) -> ReplicaServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def serve_forever(host: str, port: int) -> None:
    """Run the replica for a person to browse, logging requests, until Ctrl+C."""
    replica = ReplicaServer(host, port, log_requests=True)
    replica.start()
    print(f"Sorot demo replica: open {replica.base_url}/ in a browser (Ctrl+C stops it).", flush=True)
    print(f"Sites: {', '.join(replica.hosts)}", flush=True)
    try:
        replica.wait()
    except KeyboardInterrupt:
        pass
    finally:
        replica.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the offline replica of the Sorot demo news sites.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks any free port")
    args = parser.parse_args(argv)
    try:
        serve_forever(args.host, args.port)
    except PortInUseError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

