"""A tiny real HTTP server for crawler tests: routes by path, answers what each test declares."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


class LocalSite:
    """Serves `routes` (path -> Reply or callable returning Reply) on 127.0.0.1 in a thread."""

    def __init__(self, routes: dict[str, Reply | Callable[[], Reply]]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, str]] = []  # (Host header, path)
        self.times: list[tuple[float, str]] = []  # (monotonic time, path)
        self.headers: list[dict[str, str]] = []  # request headers, in request order
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.headers.get("Host", ""), self.path))
                site.times.append((time.monotonic(), self.path))
                site.headers.append(dict(self.headers.items()))
                route = site.routes.get(self.path)
                try:
                    reply = route(dict(self.headers.items())) if callable(route) else route
                except TypeError:
                    reply = route()  # type: ignore[misc]
                if reply is None:
                    reply = Reply(404, b"<html><body>Tidak ditemukan</body></html>")
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    for name, value in reply.headers:
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up (timeouts, size limits): expected in these tests

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
