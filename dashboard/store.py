"""The dashboard's own durable store (SQLite in the data directory): users, sessions, login attempts,
label corrections and review marks.

The warehouse has exactly one writer (the pipeline, under its lock) and the dashboard only reads the published
copy, so staff actions cannot go straight into the warehouse without blocking, or being blocked by, a load.
They are written here at once (WAL mode: the dashboard and the ingest job may open the file together) and
the ingest job merges them into the warehouse later (``sorot.dashboard.merge``). Until then the dashboard
shows them on top of the published data.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

STORE_NAME = "dashboard.sqlite"
ROLES = ("staff", "admin")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
    created_at    REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    username   TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS login_attempts (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    username  TEXT NOT NULL,
    address   TEXT NOT NULL,
    at        REAL NOT NULL,
    succeeded INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS login_attempts_at ON login_attempts(at);
CREATE TABLE IF NOT EXISTS corrections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  TEXT NOT NULL,
    added       TEXT NOT NULL,
    removed     TEXT NOT NULL,
    note        TEXT,
    username    TEXT NOT NULL,
    created_at  REAL NOT NULL,
    merged_at   REAL,
    merge_error TEXT
);
CREATE INDEX IF NOT EXISTS corrections_article ON corrections(article_id);
CREATE TABLE IF NOT EXISTS reviews (
    article_id  TEXT PRIMARY KEY,
    username    TEXT NOT NULL,
    reviewed_at REAL NOT NULL,
    merged_at   REAL
);
"""


@dataclass(frozen=True)
class User:
    username: str
    role: str
    created_at: float

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class StaffCorrection:
    id: int
    article_id: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    note: str | None
    username: str
    created_at: float
    merged_at: float | None
    merge_error: str | None


@dataclass(frozen=True)
class Review:
    article_id: str
    username: str
    reviewed_at: float
    merged_at: float | None


def store_path(data_dir: Path) -> Path:
    """Where the dashboard keeps its store: beside the warehouse, so one data directory holds everything."""
    return data_dir / STORE_NAME


class StaffStore:
    """Short-lived connections per operation: safe across threads and beside another process (the ingest job)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect() as con:
            con.executescript(_SCHEMA)

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA synchronous=FULL")  # staff actions must survive a power cut
            yield con
        finally:
            con.close()

    # -- users --------------------------------------------------------------------------------------------

    def add_user(self, username: str, password_hash: str, role: str) -> User:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; roles are: {', '.join(ROLES)}")
        now = time.time()
        with self.connect() as con:
            try:
                con.execute("INSERT INTO users VALUES (?, ?, ?, ?)", (username, password_hash, role, now))
            except sqlite3.IntegrityError:
                raise ValueError(f"user {username!r} exists already") from None
        return User(username, role, now)

    def remove_user(self, username: str) -> bool:
        with self.connect() as con:
            con.execute("DELETE FROM sessions WHERE username = ?", (username,))
            return con.execute("DELETE FROM users WHERE username = ?", (username,)).rowcount > 0

    def users(self) -> list[User]:
        with self.connect() as con:
            rows = con.execute("SELECT username, role, created_at FROM users ORDER BY username").fetchall()
        return [User(*row) for row in rows]

    def user(self, username: str) -> User | None:
        with self.connect() as con:
            row = con.execute("SELECT username, role, created_at FROM users WHERE username = ?",
                              (username,)).fetchone()
        return User(*row) if row else None

    def password_hash(self, username: str) -> str | None:
        with self.connect() as con:
            row = con.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
        return row[0] if row else None

    def set_password_hash(self, username: str, password_hash: str) -> None:
        with self.connect() as con:
            con.execute("UPDATE users SET password_hash = ? WHERE username = ?", (password_hash, username))

    # -- sessions and login attempts ----------------------------------------------------------------------

    def create_session(self, token_hash: str, username: str, csrf_token: str, lifetime_seconds: float) -> None:
        now = time.time()
        with self.connect() as con:
            con.execute("DELETE FROM sessions WHERE expires_at < ?", (now,))
            con.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                        (token_hash, username, csrf_token, now, now + lifetime_seconds))

    def session(self, token_hash: str) -> tuple[User, str] | None:
        """The session's user and CSRF token, or None when unknown or expired."""
        with self.connect() as con:
            row = con.execute(
                "SELECT u.username, u.role, u.created_at, s.csrf_token FROM sessions s "
                "JOIN users u ON u.username = s.username WHERE s.token_hash = ? AND s.expires_at > ?",
                (token_hash, time.time()),
            ).fetchone()
        return (User(row[0], row[1], row[2]), row[3]) if row else None

    def delete_session(self, token_hash: str) -> None:
        with self.connect() as con:
            con.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))

    def record_login_attempt(self, username: str, address: str, succeeded: bool) -> None:
        now = time.time()
        with self.connect() as con:
            con.execute("DELETE FROM login_attempts WHERE at < ?", (now - 86400,))
            con.execute("INSERT INTO login_attempts (username, address, at, succeeded) VALUES (?, ?, ?, ?)",
                        (username, address, now, int(succeeded)))

    def recent_failures(self, *, username: str, address: str, window_seconds: float) -> tuple[int, int]:
        """Failed logins within the window: (for this username, from this address)."""
        since = time.time() - window_seconds
        with self.connect() as con:
            by_user = con.execute("SELECT count(*) FROM login_attempts WHERE username = ? AND at >= ? "
                                  "AND succeeded = 0", (username, since)).fetchone()[0]
            by_address = con.execute("SELECT count(*) FROM login_attempts WHERE address = ? AND at >= ? "
                                     "AND succeeded = 0", (address, since)).fetchone()[0]
        return int(by_user), int(by_address)

    # -- staff actions ------------------------------------------------------------------------------------

    def add_correction(self, article_id: str, added: Sequence[str], removed: Sequence[str], note: str | None,
                       username: str) -> int:
        with self.connect() as con:
            cursor = con.execute(
                "INSERT INTO corrections (article_id, added, removed, note, username, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, json.dumps(sorted(set(added))), json.dumps(sorted(set(removed))), note or None,
                 username, time.time()),
            )
            return int(cursor.lastrowid or 0)

    def corrections(self, *, article_id: str | None = None, pending_only: bool = False,
                    merged_since: float | None = None) -> list[StaffCorrection]:
        """Corrections, oldest first. ``merged_since`` keeps those not merged yet or merged after that time
        (merged after the published copy was made, so not in it yet); failed merges are left out then."""
        sql = "SELECT * FROM corrections WHERE 1 = 1"
        params: list[object] = []
        if article_id is not None:
            sql += " AND article_id = ?"
            params.append(article_id)
        if pending_only:
            sql += " AND merged_at IS NULL AND merge_error IS NULL"
        if merged_since is not None:
            sql += " AND merge_error IS NULL AND (merged_at IS NULL OR merged_at >= ?)"
            params.append(merged_since)
        with self.connect() as con:
            rows = con.execute(sql + " ORDER BY id", params).fetchall()
        return [StaffCorrection(r[0], r[1], tuple(json.loads(r[2])), tuple(json.loads(r[3])), r[4], r[5], r[6],
                                r[7], r[8]) for r in rows]

    def mark_correction_merged(self, correction_id: int, error: str | None = None) -> None:
        with self.connect() as con:
            con.execute("UPDATE corrections SET merged_at = ?, merge_error = ? WHERE id = ?",
                        (time.time(), error, correction_id))

    def mark_reviewed(self, article_id: str, username: str) -> None:
        with self.connect() as con:
            con.execute(
                "INSERT INTO reviews VALUES (?, ?, ?, NULL) ON CONFLICT(article_id) DO UPDATE SET "
                "username = excluded.username, reviewed_at = excluded.reviewed_at, merged_at = NULL",
                (article_id, username, time.time()),
            )

    def reviews(self, *, pending_only: bool = False) -> list[Review]:
        sql = "SELECT article_id, username, reviewed_at, merged_at FROM reviews"
        if pending_only:
            sql += " WHERE merged_at IS NULL"
        with self.connect() as con:
            rows = con.execute(sql + " ORDER BY reviewed_at").fetchall()
        return [Review(*row) for row in rows]

    def review(self, article_id: str) -> Review | None:
        with self.connect() as con:
            row = con.execute("SELECT article_id, username, reviewed_at, merged_at FROM reviews "
                              "WHERE article_id = ?", (article_id,)).fetchone()
        return Review(*row) if row else None

    def mark_reviews_merged(self, marks: Sequence[tuple[str, float]]) -> None:
        """Mark reviews merged, unless re-marked since (then the newer mark is still pending)."""
        now = time.time()
        with self.connect() as con:
            con.executemany("UPDATE reviews SET merged_at = ? WHERE article_id = ? AND reviewed_at = ?",
                            [(now, article_id, reviewed_at) for article_id, reviewed_at in marks])
