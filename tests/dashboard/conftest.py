"""Fixtures: a published test warehouse, a dashboard over it, accounts, and a logged-in client."""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's note about its test client's HTTP library
    from starlette.testclient import TestClient

from sorot.dashboard.accounts import add_account
from sorot.dashboard.app import create_app
from sorot.dashboard.store import StaffStore, store_path

from .warehouse_factory import build_warehouse

STAFF_PASSWORD = "staff-password-1"
ADMIN_PASSWORD = "admin-password-1"


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: the warehouse, its published copy and the accounts (argon2 hashing is slow on purpose)."""
    folder = tmp_path_factory.mktemp("dashboard-template")
    build_warehouse(folder)
    store = StaffStore(store_path(folder))
    add_account(store, "staf", STAFF_PASSWORD, "staff")
    add_account(store, "admin", ADMIN_PASSWORD, "admin")
    return folder


@pytest.fixture
def data_dir(template_dir: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template for each test (tests write staff actions and publish new copies)."""
    target = tmp_path / "data"
    shutil.copytree(template_dir, target)
    return target


@pytest.fixture
def client(data_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(data_dir), follow_redirects=False) as test_client:
        yield test_client


def csrf_from(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def log_in(client: TestClient, username: str = "staf", password: str = STAFF_PASSWORD) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert response.status_code == 303, response.text


@pytest.fixture
def staff(client: TestClient) -> TestClient:
    log_in(client)
    return client


@pytest.fixture
def admin(client: TestClient) -> TestClient:
    log_in(client, "admin", ADMIN_PASSWORD)
    return client
