"""`sorot users add|remove|list`: dashboard accounts (staff review and correct; admins also manage users)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from .common import EXIT_FAILED, EXIT_OK, config_from

ORDER = 81


def register(commands: Any) -> None:
    users = commands.add_parser("users", help="dashboard accounts: add, remove, list")
    sub = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="create an account (the password is asked for, or read from stdin)")
    add.add_argument("username")
    add.add_argument("--role", choices=("staff", "admin"), default="staff", help="staff (default) or admin")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input (for scripts)")
    add.set_defaults(handler=_cmd_add)
    remove = sub.add_parser("remove", help="delete an account and end its sessions")
    remove.add_argument("username")
    remove.set_defaults(handler=_cmd_remove)
    listing = sub.add_parser("list", help="list accounts and their roles")
    listing.set_defaults(handler=_cmd_list)


def _store(args: argparse.Namespace) -> Any:
    from sorot.dashboard.store import StaffStore, store_path

    return StaffStore(store_path(config_from(args).data_dir))


def _cmd_add(args: argparse.Namespace) -> int:
    from sorot.dashboard.accounts import add_account

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"password for {args.username}: ")
        if password != getpass.getpass("again: "):
            raise ValueError("the two passwords differ")
    user = add_account(_store(args), args.username, password, args.role)
    print(f"added {user.username} ({user.role})")
    return EXIT_OK


def _cmd_remove(args: argparse.Namespace) -> int:
    if not _store(args).remove_user(args.username):
        print(f"sorot: error: no user {args.username!r}", file=sys.stderr)
        return EXIT_FAILED
    print(f"removed {args.username}")
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    from datetime import datetime

    users = _store(args).users()
    if not users:
        print("no accounts yet; add one with `sorot users add NAME --role admin`")
    for user in users:
        print(f"{user.username}\t{user.role}\t{datetime.fromtimestamp(user.created_at):%Y-%m-%d %H:%M}")
    return EXIT_OK
