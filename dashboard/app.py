"""The review dashboard as a Starlette application (`sorot serve`).

Security is decided in one place, ``_endpoint``: every route except the login page and its stylesheet needs a
valid session, admin routes need the admin role, and every POST must carry the session's CSRF token (the login
form carries a token bound to a cookie instead, since there is no session yet). Pages are Jinja templates with
autoescaping on, and a strict Content-Security-Policy forbids scripts altogether: the dashboard needs none.
"""

from __future__ import annotations

import functools
import tempfile
import threading
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sorot.models import taxonomy
from sorot.warehouse.corrections import CorrectionError, corrected_labels
from sorot.warehouse.publish import published_path_for
from sorot.warehouse.queries import iso_week_bounds
from sorot.warehouse.reports import format_date_id, format_datetime_id, format_number_id, safe_href

from . import auth
from .exports import to_csv, to_xlsx
from .filters import ANY_TOPIC, ArticleFilter, parse_filter
from .i18n import DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGES, translator
from .published import PublishedWarehouse
from .queries import EXPORT_LIMIT, article, choices, latest_week, list_articles, overlay_for, overview
from .store import ROLES, StaffStore, store_path
from .text import masked_quotes, render_text

PACKAGE_DIR = Path(__file__).parent
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"
PUBLIC_PATHS = ("/login", "/static/")

Handler = Callable[..., Awaitable[Response]]


class SecurityHeaders:
    """Headers every response carries: no framing, no sniffing, no referrer leaks, no scripts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = {
                    b"content-security-policy": CSP.encode(), b"x-content-type-options": b"nosniff",
                    b"x-frame-options": b"DENY", b"referrer-policy": b"same-origin",
                    b"cache-control": b"no-store",
                }
                headers.extend((name, value) for name, value in extra.items() if name not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Dashboard:
    """What every request needs: the store, the published warehouse, templates, settings."""

    def __init__(self, data_dir: Path, *, secure_cookies: bool = False, warehouse_path: Path | None = None) -> None:
        self.data_dir = data_dir
        self.store = StaffStore(store_path(data_dir))
        self.warehouse = PublishedWarehouse(warehouse_path or published_path_for(data_dir / "warehouse.duckdb"))
        self.secure_cookies = secure_cookies
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(PACKAGE_DIR / "templates"),
            autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        )
        self.templates.filters.update(tanggal=format_date_id, waktu=format_datetime_id, angka=format_number_id,
                                      safe_href=safe_href)
        self.templates.globals.update(LABEL_NAMES=taxonomy.LABEL_NAMES_ID, STAGE_NAMES=taxonomy.STAGE_NAMES_ID,
                                      LABELS=taxonomy.LABELS, STAGES=taxonomy.STAGES, ANY_TOPIC=ANY_TOPIC)
        self._reports: dict[tuple[str, tuple[int, int, int]], bytes] = {}
        self._reports_lock = threading.Lock()

    def render(self, request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        language = language_of(request)
        session = request.scope.get("sorot_session")
        html = self.templates.get_template(name).render(
            t=translator(language), lang=language, session=session, path=request.url.path,
            query=request.url.query, csrf=session.csrf_token if session else "", **context)
        response = HTMLResponse(html, status_code=status_code)
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, request.query_params["lang"], max_age=365 * 86400,
                                httponly=True, samesite="lax", secure=self.cookie_secure(request))
        return response

    def cookie_secure(self, request: Request) -> bool:
        """Secure cookies behind TLS: the request came over https (uvicorn honours X-Forwarded-Proto from a
        trusted proxy) or the operator said so."""
        return self.secure_cookies or request.url.scheme == "https"


def language_of(request: Request) -> str:
    chosen = request.query_params.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def _endpoint(role: str | None = "staff", *, public: bool = False) -> Callable[[Handler], Handler]:
    """Wrap a handler with the session check, the role check and, for POST, the CSRF check."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            app: Dashboard = request.app.state.dashboard
            session = await run_in_threadpool(auth.load_session, app.store, request.cookies.get(auth.SESSION_COOKIE))
            request.scope["sorot_session"] = session
            if not public:
                if session is None:
                    if request.method != "GET":
                        return Response("login required", status_code=401)
                    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
                if role == "admin" and not session.user.is_admin:
                    return app.render(request, "error.html.j2", 403, message_key="forbidden")
            form: FormData | None = None
            if request.method == "POST":
                form = await request.form()
                expected = session.csrf_token if session and not public else request.cookies.get(
                    auth.LOGIN_CSRF_COOKIE)
                if not auth.tokens_match(expected, str(form.get("csrf_token") or "")):
                    return app.render(request, "error.html.j2", 403, message_key="csrf_failed")
            return await handler(request, app, form) if request.method == "POST" else await handler(request, app)

        return endpoint

    return decorate


def _local(target: str | None) -> str:
    """Only same-site paths after login (no open redirect to another host)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


# -- login ----------------------------------------------------------------------------------------------------

@_endpoint(public=True)
async def login_page(request: Request, app: Dashboard) -> Response:
    return _login_form(request, app)


def _login_form(request: Request, app: Dashboard, error: str | None = None, status_code: int = 200) -> Response:
    token = auth.new_token()
    response = app.render(request, "login.html.j2", status_code, login_csrf=token, error=error,
                          next=_local(request.query_params.get("next")))
    response.set_cookie(auth.LOGIN_CSRF_COOKIE, token, max_age=3600, httponly=True, samesite="strict",
                        secure=app.cookie_secure(request), path="/login")
    return response


@_endpoint(public=True)
async def login_submit(request: Request, app: Dashboard, form: FormData) -> Response:
    username = str(form.get("username") or "").strip()[:100]
    password = str(form.get("password") or "")[:1000]
    address = request.client.host if request.client else "unknown"
    try:
        user = await run_in_threadpool(auth.authenticate, app.store, username, password, address)
    except auth.LoginThrottled:
        return _login_form(request, app, "login_throttled", 429)
    if user is None:
        return _login_form(request, app, "login_failed", 401)
    session = await run_in_threadpool(auth.start_session, app.store, user)
    response = RedirectResponse(_local(str(form.get("next") or "/")), status_code=303)
    response.set_cookie(auth.SESSION_COOKIE, session.token, max_age=int(auth.SESSION_HOURS * 3600), httponly=True,
                        samesite="lax", secure=app.cookie_secure(request), path="/")
    response.delete_cookie(auth.LOGIN_CSRF_COOKIE, path="/login")
    return response


@_endpoint()
async def logout(request: Request, app: Dashboard, form: FormData) -> Response:
    await run_in_threadpool(auth.end_session, app.store, request.cookies.get(auth.SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


# -- pages ----------------------------------------------------------------------------------------------------

@_endpoint()
async def overview_page(request: Request, app: Dashboard) -> Response:
    requested = request.query_params.get("week")

    def build() -> dict[str, Any]:
        with app.warehouse.cursor() as (cur, snap):
            weeks = choices(cur).weeks
            week = weeks[0] if weeks else None
            if requested and week is not None:
                try:
                    iso_week_bounds(requested)
                    week = requested
                except ValueError:
                    pass
                if week not in weeks:
                    weeks = [week, *weeks]
            if week is None:
                return {"data": None, "weeks": [], "published": snap.published_at}
            return {"data": overview(cur, snap, overlay_for(cur, snap, app.store), week), "weeks": weeks,
                    "published": snap.published_at}

    context = await run_in_threadpool(build)
    return app.render(request, "overview.html.j2", published=datetime.fromtimestamp(context.pop("published")),
                      **context)


def _filtered(request: Request, app: Dashboard, *, limit: int | None = None) -> dict[str, Any]:
    with app.warehouse.cursor() as (cur, snap):
        f = parse_filter(dict(request.query_params), default_week=latest_week(cur))
        result = list_articles(cur, snap, overlay_for(cur, snap, app.store), f, limit=limit)
        return {"filter": f, "result": result, "choices": choices(cur),
                "published": datetime.fromtimestamp(snap.published_at)}


@_endpoint()
async def articles_page(request: Request, app: Dashboard) -> Response:
    context = await run_in_threadpool(_filtered, request, app)
    f: ArticleFilter = context["filter"]
    # an empty query would mean "first visit" (this week's topics): say "all articles" explicitly
    return app.render(request, "articles.html.j2", export_query=f.query_string(page=1) or "label=", **context)


@_endpoint()
async def export_csv(request: Request, app: Dashboard) -> Response:
    context = await run_in_threadpool(_filtered, request, app, limit=EXPORT_LIMIT)
    return Response(to_csv(context["result"].rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="sorot-artikel.csv"'})


@_endpoint()
async def export_xlsx(request: Request, app: Dashboard) -> Response:
    context = await run_in_threadpool(_filtered, request, app, limit=EXPORT_LIMIT)
    data = await run_in_threadpool(to_xlsx, context["result"].rows)
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": 'attachment; filename="sorot-artikel.xlsx"'})


@_endpoint()
async def article_page(request: Request, app: Dashboard) -> Response:
    article_id = request.path_params["article_id"]

    def build() -> dict[str, Any] | None:
        with app.warehouse.cursor() as (cur, snap):
            view = article(cur, snap, overlay_for(cur, snap, app.store), app.store, article_id)
        if view is None:
            return None
        names = [label.label for label in view.labels]
        evidence = [(label.label, item) for label in view.labels for item in label.evidence]
        return {"a": view, "body": render_text(view.text, view.title, names, evidence),
                "quotes": masked_quotes(view.text, view.title, names, view.quotes)}

    context = await run_in_threadpool(build)
    if context is None:
        return app.render(request, "error.html.j2", 404, message_key="not_found")
    return app.render(request, "article.html.j2", notice=request.query_params.get("notice"), **context)


@_endpoint()
async def review_article(request: Request, app: Dashboard, form: FormData) -> Response:
    article_id = request.path_params["article_id"]
    session = request.scope["sorot_session"]
    if not await run_in_threadpool(_exists, app, article_id):
        return app.render(request, "error.html.j2", 404, message_key="not_found")
    await run_in_threadpool(app.store.mark_reviewed, article_id, session.user.username)
    return RedirectResponse(f"/articles/{quote(article_id, safe='')}?notice=review_saved", status_code=303)


@_endpoint()
async def correct_labels(request: Request, app: Dashboard, form: FormData) -> Response:
    article_id = request.path_params["article_id"]
    session = request.scope["sorot_session"]
    add = [str(x) for x in form.getlist("add") if str(x)]
    remove = [str(x) for x in form.getlist("remove") if str(x)]
    note = str(form.get("note") or "").strip()[:1000] or None
    if not await run_in_threadpool(_exists, app, article_id):
        return app.render(request, "error.html.j2", 404, message_key="not_found")
    if not add and not remove:
        return RedirectResponse(f"/articles/{quote(article_id, safe='')}", status_code=303)
    try:
        corrected_labels([], add, remove)  # validates labels and contradictions before storing
    except CorrectionError as error:
        return app.render(request, "error.html.j2", 400, message_key="correction_error", detail=str(error))
    await run_in_threadpool(app.store.add_correction, article_id, add, remove, note, session.user.username)
    return RedirectResponse(f"/articles/{quote(article_id, safe='')}?notice=correction_saved", status_code=303)


def _exists(app: Dashboard, article_id: str) -> bool:
    with app.warehouse.cursor() as (cur, _snap):
        return cur.execute("SELECT count(*) FROM articles WHERE article_id = ?", [article_id]).fetchone()[0] > 0


@_endpoint()
async def report_page(request: Request, app: Dashboard) -> Response:
    """This week's report (the same HTML ``sorot report`` writes), rendered once per week and published copy."""

    def build() -> bytes | None:
        with app.warehouse.cursor() as (cur, snap):
            week = request.query_params.get("week") or latest_week(cur)
            if week is None:
                return None
            try:
                iso_week_bounds(week)
            except ValueError:
                return None
            key = (week, snap.identity)
            with app._reports_lock:
                if key in app._reports:
                    return app._reports[key]
            from sorot.warehouse.reports.weekly import write_weekly_report

            with tempfile.TemporaryDirectory() as folder:
                path = write_weekly_report(cur, week, Path(folder) / "laporan.html")
                data = path.read_bytes()
            with app._reports_lock:
                app._reports = {k: v for k, v in app._reports.items() if k[1] == snap.identity}
                app._reports[key] = data
            return data

    data = await run_in_threadpool(build)
    if data is None:
        return app.render(request, "error.html.j2", 404, message_key="not_found")
    return Response(data, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": REPORT_CSP})


# -- admin ----------------------------------------------------------------------------------------------------

@_endpoint("admin")
async def users_page(request: Request, app: Dashboard) -> Response:
    users = await run_in_threadpool(app.store.users)
    return app.render(request, "users.html.j2", users=users, roles=ROLES, error=request.query_params.get("error"))


@_endpoint("admin")
async def add_user(request: Request, app: Dashboard, form: FormData) -> Response:
    username = str(form.get("username") or "").strip()
    password = str(form.get("password") or "")
    role = str(form.get("role") or "staff")
    try:
        from .accounts import add_account

        await run_in_threadpool(add_account, app.store, username, password, role)
    except ValueError as error:
        return RedirectResponse(f"/admin/users?error={quote(str(error))}", status_code=303)
    return RedirectResponse("/admin/users", status_code=303)


@_endpoint("admin")
async def remove_user(request: Request, app: Dashboard, form: FormData) -> Response:
    username = str(form.get("username") or "")
    if username == request.scope["sorot_session"].user.username:
        return RedirectResponse("/admin/users?error=cannot+remove+yourself", status_code=303)
    await run_in_threadpool(app.store.remove_user, username)
    return RedirectResponse("/admin/users", status_code=303)


@_endpoint("admin")
async def sources_page(request: Request, app: Dashboard) -> Response:
    def build() -> list[tuple]:
        with app.warehouse.cursor() as (cur, _snap):
            return cur.execute(
                "SELECT s.source_id, s.name, s.outlet_type, s.region, s.is_wire_agency, h.status, h.note, "
                "h.articles_7d, h.last_published_at FROM sources s LEFT JOIN (SELECT * FROM source_health "
                "QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY computed_at DESC) = 1) h "
                "ON h.source_id = s.source_id ORDER BY s.name").fetchall()

    return app.render(request, "sources.html.j2", sources=await run_in_threadpool(build))


def create_app(data_dir: Path, *, secure_cookies: bool = False, warehouse_path: Path | None = None) -> Starlette:
    """The dashboard over ``data_dir`` (its published warehouse and its own store ``dashboard.sqlite``)."""
    routes = [
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login_submit, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/", overview_page, methods=["GET"]),
        Route("/articles", articles_page, methods=["GET"]),
        Route("/articles/{article_id}", article_page, methods=["GET"]),
        Route("/articles/{article_id}/review", review_article, methods=["POST"]),
        Route("/articles/{article_id}/labels", correct_labels, methods=["POST"]),
        Route("/export.csv", export_csv, methods=["GET"]),
        Route("/export.xlsx", export_xlsx, methods=["GET"]),
        Route("/report", report_page, methods=["GET"]),
        Route("/admin/users", users_page, methods=["GET"]),
        Route("/admin/users", add_user, methods=["POST"]),
        Route("/admin/users/remove", remove_user, methods=["POST"]),
        Route("/admin/sources", sources_page, methods=["GET"]),
        Mount("/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.dashboard = Dashboard(data_dir, secure_cookies=secure_cookies, warehouse_path=warehouse_path)
    app.add_middleware(SecurityHeaders)
    return app
