"""Staff accounts for the desk, from the command line.

    python -m desk accounts add ana --role tier1 --name "Ana"   # prints a new password once
    python -m desk accounts list
    python -m desk accounts set-password ana                    # prints a new password once
    python -m desk accounts disable ana | enable ana
    python -m desk bootstrap-local                              # make run: one account per role, once

The database is CONTACT_CENTER_DB_URL (default sqlite:///var/contact_center.db).
A password can be given on standard input (--password-stdin) instead of generated.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from contact_center import settings
from contact_center.production_check import ENVIRONMENT
from contact_center.storage import ROLES, ContactCenterStore
from desk import passwords
from desk.staff import Staff

LOCAL_ACCOUNTS = (("tier1", "Tier 1 representative", "tier1"), ("tier2", "Tier 2 officer", "tier2"),
                  ("supervisor", "Supervisor", "supervisor"))
LOCAL_FILE = Path("var/desk-accounts.txt")


def _password(args) -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\n")
    return passwords.generate()


def _staff() -> Staff:
    store = ContactCenterStore()
    store.migrate()
    return Staff(store)


def bootstrap_local(staff: Staff, file: Path) -> bool:
    """On a local run, one account per role the first time; the passwords go to an owner-only file."""
    if (settings.text(ENVIRONMENT) or "").lower() == "production":
        print("production configuration: no local accounts are created (use `python -m desk accounts add`)")
        return False
    if staff.count_accounts():
        return False
    lines = []
    for username, name, role in LOCAL_ACCOUNTS:
        password = passwords.generate()
        staff.create_account(username, name, role, password)
        lines.append(f"{username}\t{role}\t{password}")
    file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("# desk accounts made by make run (username, role, password); change them with\n"
                     "# python -m desk accounts set-password USERNAME\n" + "\n".join(lines) + "\n")
    os.chmod(file, 0o600)
    print(f"Desk accounts created (kept in {file}, readable only by you):")
    for line in lines:
        print("  " + line.replace("\t", "  "))
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desk", description="The representatives' desk: staff accounts.")
    commands = parser.add_subparsers(dest="command", required=True)
    accounts = commands.add_parser("accounts", help="add, list, change or disable staff accounts")
    verbs = accounts.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="a new account; prints its password once")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--name", default="", help="the name applicants and colleagues see (first name)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    verbs.add_parser("list", help="every account with its role")
    change = verbs.add_parser("set-password", help="a new password (signs out every session)")
    change.add_argument("username")
    change.add_argument("--password-stdin", action="store_true")
    for verb in ("disable", "enable"):
        verbs.add_parser(verb, help=f"{verb} an account").add_argument("username")
    boot = commands.add_parser("bootstrap-local", help="one account per role on a local run's first start")
    boot.add_argument("--file", type=Path, default=LOCAL_FILE)
    args = parser.parse_args(argv)
    staff = _staff()
    try:
        if args.command == "bootstrap-local":
            bootstrap_local(staff, args.file)
        elif args.verb == "add":
            password = _password(args)
            staff.create_account(args.username, args.name or args.username, args.role, password)
            print(f"account {args.username} ({args.role}) created" + ("" if args.password_stdin else f"; password: {password}"))
        elif args.verb == "list":
            for account in staff.accounts():
                state = "" if account.active else "  (disabled)"
                print(f"{account.username}\t{account.role}\t{account.display_name}{state}")
        elif args.verb == "set-password":
            password = _password(args)
            staff.set_password(args.username, password)
            print("password changed" + ("" if args.password_stdin else f": {password}"))
        else:
            staff.set_active(args.username, args.verb == "enable")
            print(f"account {args.username} {args.verb}d")
    except (ValueError, LookupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        staff.store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
