"""Security: login everywhere, CSRF on every form, inert scraped HTML, parameterised filters, throttled logins."""

from __future__ import annotations

import re
import sqlite3

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from sorot.dashboard.auth import MAX_FAILURES_PER_USER
from sorot.dashboard.store import StaffStore, store_path

from .conftest import STAFF_PASSWORD, csrf_from, log_in
from .warehouse_factory import XSS_TITLE

FILTER_FIELDS = ("week", "since", "until", "label", "outlet", "region", "stage", "wire", "reviewed", "q", "page")
HOSTILE = ["' OR '1'='1", "x'); DROP TABLE articles; --", "\" OR 1=1 --", "1; SELECT * FROM users", "%' --"]


def _routes(client: TestClient) -> list[tuple[str, str]]:
    """Every (method, concrete path) the application serves, found from its routing table."""
    found = []
    for route in client.app.routes:
        if isinstance(route, Mount):
            found.append(("GET", "/static/style.css"))
            continue
        assert isinstance(route, Route)
        path = route.path.replace("{article_id}", "a-violence-1")
        for method in sorted(route.methods - {"HEAD"}):
            found.append((method, path))
    return found


def test_every_route_but_login_refuses_an_anonymous_request(client: TestClient) -> None:
    routes = _routes(client)
    assert len(routes) >= 15
    for method, path in routes:
        if path == "/login" or path.startswith("/static/"):
            continue
        response = client.request(method, path, data={"csrf_token": "x"} if method == "POST" else None)
        if method == "GET":
            assert response.status_code == 303, path
            assert response.headers["location"].startswith("/login?next="), path
        else:
            assert response.status_code in (401, 403), (method, path)
        assert "Palangka" not in response.text and "dianiaya" not in response.text, path


def test_the_only_public_files_are_the_login_page_and_its_stylesheet(client: TestClient) -> None:
    assert client.get("/login").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_every_form_post_without_the_csrf_token_is_refused(staff: TestClient, data_dir) -> None:
    store = StaffStore(store_path(data_dir))
    for method, path in _routes(staff):
        if method != "POST":
            continue
        response = staff.post(path, data={"username": "x", "add": "kdrt", "remove": "kekerasan"})
        assert response.status_code == 403, path
        wrong = staff.post(path, data={"csrf_token": "forged", "add": "kdrt", "username": "x"})
        assert wrong.status_code == 403, path
    assert store.corrections() == [] and store.reviews() == []
    assert staff.get("/").status_code == 200  # the logout post above was refused too


def test_login_form_needs_its_csrf_token(client: TestClient) -> None:
    response = client.post("/login", data={"username": "staf", "password": STAFF_PASSWORD})
    assert response.status_code == 403
    assert "sorot_session" not in response.headers.get("set-cookie", "")


def test_session_cookie_is_httponly_samesite_and_secure_behind_tls(client: TestClient) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post("/login", data={"username": "staf", "password": STAFF_PASSWORD, "csrf_token": token})
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("sorot_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    secure = TestClient(client.app, base_url="https://testserver", follow_redirects=False)
    token = csrf_from(secure.get("/login").text)
    response = secure.post("/login", data={"username": "staf", "password": STAFF_PASSWORD, "csrf_token": token})
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("sorot_session="))
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_passwords_are_stored_as_argon2_hashes(data_dir) -> None:
    rows = sqlite3.connect(store_path(data_dir)).execute("SELECT password_hash FROM users").fetchall()
    assert rows and all(row[0].startswith("$argon2id$") for row in rows)
    assert all(STAFF_PASSWORD not in row[0] for row in rows)


def test_logins_are_rate_limited(client: TestClient) -> None:
    for _ in range(MAX_FAILURES_PER_USER):
        token = csrf_from(client.get("/login").text)
        response = client.post("/login", data={"username": "staf", "password": "wrong-password", "csrf_token": token})
        assert response.status_code == 401
    token = csrf_from(client.get("/login").text)
    response = client.post("/login", data={"username": "staf", "password": STAFF_PASSWORD, "csrf_token": token})
    assert response.status_code == 429  # even the right password waits out the window
    assert "sorot_session" not in response.headers.get("set-cookie", "")


def test_staff_cannot_reach_admin_pages(staff: TestClient) -> None:
    assert staff.get("/admin/users").status_code == 403
    response = staff.post("/admin/users", data={"csrf_token": csrf_from(staff.get("/").text),
                                                "username": "eve", "password": "eve-password-1", "role": "admin"})
    assert response.status_code == 403


def test_login_redirect_stays_on_this_site(client: TestClient) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post("/login", data={"username": "staf", "password": STAFF_PASSWORD, "csrf_token": token,
                                           "next": "//evil.example/"})
    assert response.headers["location"] == "/"


def test_html_and_script_in_title_and_text_render_inertly(staff: TestClient) -> None:
    page = staff.get("/articles/a-xss")
    assert page.status_code == 200
    assert "<script>window.__pwned" not in page.text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page.text
    assert "<img src=x" not in page.text and "<b>tebal</b>" not in page.text
    assert 'href="javascript:' not in page.text  # the javascript: "original link" is shown as text only
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    listing = staff.get("/articles?week=2024-W36&label=")
    assert XSS_TITLE not in listing.text and "&lt;script&gt;" in listing.text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_quotes_and_sql_in_every_filter_field_are_only_values(staff: TestClient, hostile: str) -> None:
    for field in FILTER_FIELDS:
        response = staff.get("/articles", params={field: hostile})
        assert response.status_code == 200, field
        total = int(re.search(r'id="total"><b>([\d.]+)</b>', response.text).group(1).replace(".", ""))
        if field in ("outlet", "region"):
            assert total == 0, field  # taken literally: no outlet, region or word is called that
        for export in ("/export.csv", "/export.xlsx"):
            assert staff.get(export, params={field: hostile}).status_code == 200
    every = staff.get("/articles", params={field: hostile for field in FILTER_FIELDS})
    assert every.status_code == 200
    intact = staff.get("/articles", params={"label": ""})
    assert int(re.search(r'id="total"><b>(\d+)</b>', intact.text).group(1)) == 7  # nothing was dropped


def test_an_article_id_with_sql_is_only_a_value(staff: TestClient) -> None:
    assert staff.get("/articles/x' OR '1'='1").status_code == 404
    token = csrf_from(staff.get("/").text)
    response = staff.post("/articles/x' OR '1'='1/review", data={"csrf_token": token})
    assert response.status_code == 404


def test_logout_ends_the_session(client: TestClient) -> None:
    log_in(client)
    token = csrf_from(client.get("/").text)
    cookie = client.cookies.get("sorot_session")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    client.cookies.set("sorot_session", cookie)
    assert client.get("/").status_code == 303
