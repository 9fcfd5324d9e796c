"""`sorot users add|remove|list` manage the dashboard's accounts; passwords never on the command line."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from sorot.dashboard.store import StaffStore, store_path
from sorot.pipeline.cli import main


def _run(monkeypatch: pytest.MonkeyPatch, data_dir: Path, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["--data-dir", str(data_dir), *args])


def test_add_list_remove(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    assert _run(monkeypatch, tmp_path, "users", "add", "rina", "--role", "admin", "--password-stdin",
                stdin="kata-sandi-panjang\n") == 0
    assert _run(monkeypatch, tmp_path, "users", "list") == 0
    assert "rina\tadmin" in capsys.readouterr().out
    hashed = StaffStore(store_path(tmp_path)).password_hash("rina")
    assert hashed and hashed.startswith("$argon2id$")
    assert _run(monkeypatch, tmp_path, "users", "remove", "rina") == 0
    assert StaffStore(store_path(tmp_path)).users() == []
    assert _run(monkeypatch, tmp_path, "users", "remove", "rina") == 1


def test_short_passwords_and_bad_names_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture) -> None:
    assert _run(monkeypatch, tmp_path, "users", "add", "rina", "--password-stdin", stdin="pendek\n") == 1
    assert "at least 10" in capsys.readouterr().err
    assert _run(monkeypatch, tmp_path, "users", "add", "Rina Ayu", "--password-stdin", stdin="x" * 12 + "\n") == 1
    assert StaffStore(store_path(tmp_path)).users() == []


def test_serve_is_a_command() -> None:
    from sorot.pipeline.cli import build_parser

    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9000"])
    assert (args.host, args.port) == ("0.0.0.0", 9000)
