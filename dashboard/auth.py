"""Passwords, sessions and CSRF tokens.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile). A session is a random
token in an HttpOnly cookie; the store keeps only its SHA-256, so a copy of the store does not let anyone log in.
Each session has its own CSRF token that every form sends back (synchroniser token). Failed logins are counted
per user name and per address in the store, so the limit holds across restarts.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .store import StaffStore, User

SESSION_COOKIE = "sorot_session"
LOGIN_CSRF_COOKIE = "sorot_login_csrf"
SESSION_HOURS = 12.0
MIN_PASSWORD_LENGTH = 10
FAILURE_WINDOW_SECONDS = 15 * 60
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("a password nobody has, for timing")


class LoginThrottled(Exception):
    """Too many failed logins for this user name or from this address within the window."""


@dataclass(frozen=True)
class Session:
    token: str
    user: User
    csrf_token: str


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def authenticate(store: StaffStore, username: str, password: str, address: str) -> User | None:
    """The user when the password is right; raises LoginThrottled before checking when over the limit.

    An unknown user name costs the same hashing time as a known one, so timing does not reveal accounts.
    """
    by_user, by_address = store.recent_failures(username=username, address=address,
                                                window_seconds=FAILURE_WINDOW_SECONDS)
    if by_user >= MAX_FAILURES_PER_USER or by_address >= MAX_FAILURES_PER_ADDRESS:
        raise LoginThrottled(username)
    stored = store.password_hash(username)
    ok = False
    try:
        ok = _hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    store.record_login_attempt(username, address, ok)
    if not ok:
        return None
    if stored and _hasher.check_needs_rehash(stored):
        store.set_password_hash(username, _hasher.hash(password))
    return store.user(username)


def start_session(store: StaffStore, user: User, hours: float = SESSION_HOURS) -> Session:
    token, csrf = new_token(), new_token()
    store.create_session(token_hash(token), user.username, csrf, hours * 3600)
    return Session(token, user, csrf)


def load_session(store: StaffStore, token: str | None) -> Session | None:
    if not token:
        return None
    found = store.session(token_hash(token))
    if found is None:
        return None
    user, csrf = found
    return Session(token, user, csrf)


def end_session(store: StaffStore, token: str) -> None:
    store.delete_session(token_hash(token))
