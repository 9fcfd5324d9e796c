"""Account management shared by `sorot users` and the admin page: one place checks names and passwords."""

from __future__ import annotations

import re

from .auth import hash_password
from .store import ROLES, StaffStore, User

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")


def add_account(store: StaffStore, username: str, password: str, role: str = "staff") -> User:
    """Create an account; names are lower-case letters, digits, dot, dash and underscore (2-40 characters)."""
    if not _USERNAME.fullmatch(username):
        raise ValueError("a user name is 2-40 characters: lower-case letters, digits, '.', '-' or '_'")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles are: {', '.join(ROLES)}")
    return store.add_user(username, hash_password(password), role)
