"""Commands for a shared clinic database: clinic setup/check, accounts, and the audit trail."""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date

from bodymap.cli.context import CliContext, CliError, reported
from bodymap.cli.passwords import read_password

ROLES = ("administrator", "therapist", "front_desk")


def register(sub: argparse._SubParsersAction) -> None:
    clinic = sub.add_parser("clinic", help="set up or check a shared clinic database (PostgreSQL)")
    csub = clinic.add_subparsers(dest="clinic_command", metavar="ACTION", required=True)
    p = csub.add_parser("setup", help="create or upgrade the schema, add the first administrator")
    p.add_argument(
        "url", metavar="URL", help="the database, as its owner: postgresql+psycopg://..."
    )
    p.add_argument("--admin", default="admin", metavar="NAME", help="administrator's sign-in name")
    p.add_argument("--full-name", default="Administrator", help="the administrator's full name")
    p.add_argument("--app-role", metavar="ROLE", help="the database role the rooms connect as")
    p.add_argument("--password-stdin", action="store_true", dest="new_password_stdin",
                   help="read the administrator's new password from standard input")  # fmt: skip
    p.set_defaults(handler=cmd_setup)
    p = csub.add_parser("check", help="is the server reachable, which schema, which accounts")
    p.add_argument("url", metavar="URL")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("accounts", help="list, add, disable or enable accounts (administrators)")
    p.add_argument("action", choices=("list", "add", "disable", "enable", "password"),
                   nargs="?", default="list")  # fmt: skip
    p.add_argument("name", nargs="?", metavar="NAME", help="the account's sign-in name")
    p.add_argument("--role", choices=ROLES, help="for add: the account's role")
    p.add_argument("--full-name", help="for add: the name signatures and reports show")
    p.add_argument("--credentials", default="", help='for add: e.g. "LMT, NMT"')
    p.add_argument("--new-password-stdin", action="store_true",
                   help="read the new password from standard input (after your own, if both)")  # fmt: skip
    p.set_defaults(handler=cmd_accounts)

    p = sub.add_parser("audit", help="who opened, changed, signed or exported which record, when")
    p.add_argument("--client", metavar="ID", help="one client's entries (a unique prefix will do)")
    p.add_argument("--user", dest="filter_user", metavar="NAME", help="one account's entries")
    p.add_argument("--since", metavar="DATE", type=date.fromisoformat, help="from this day on")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=cmd_audit)


@reported
def cmd_setup(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.store import clinic

    status = clinic.check(args.url)
    password = ""
    if not status.accounts:  # a new database (or one not reached yet) gets its administrator
        password = read_password(f"new password for {args.admin}: ",
                                 from_stdin=args.new_password_stdin, confirm=True)  # fmt: skip
    done = clinic.setup(args.url, admin=args.admin, full_name=args.full_name,
                        password=password, app_role=args.app_role)  # fmt: skip
    print(f"clinic database ready: {clinic.shown_url(args.url)} (schema {done.schema})")
    if done.admin:
        print(f"administrator account: {done.admin} (signs in to add therapists and front desk)")
    else:
        print("accounts: already there, unchanged (manage them with bodymap accounts)")
    if done.app_role:
        print(f"database role of the rooms: {done.app_role} (may add to the audit trail, never "
              "change or delete it)")  # fmt: skip
    print("on each room's computer, start bodymap once with (the window remembers it):")
    print(f"  bodymap --db {clinic.shown_url(done.room_url)}")
    print("and keep the role's password in that computer's ~/.pgpass, not in the URL")
    return 0


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.store import clinic

    status = clinic.check(args.url)
    print("\n".join(status.lines()))
    return 0 if status.current else 1


@reported
def cmd_accounts(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.model.accounts import Account, Role

    store = ctx.store
    if args.action == "list":
        for a in store.accounts():
            state = "disabled" if a.disabled else "enabled"
            print(f"{a.name:<16} {a.role.label:<14} {state:<9} {a.signature}")
        return 0
    if not args.name:
        raise CliError(f"accounts {args.action}: give the account's NAME")
    if args.action == "add":
        if not args.role or not args.full_name:
            raise CliError("accounts add: give --role and --full-name")
        account = Account(args.name, args.full_name, Role(args.role), args.credentials)
        store.add_account(account, _new_password(args))
        print(f"added {args.name} ({account.role.label})")
    elif args.action == "password":
        store.set_password(args.name, _new_password(args))
        print(f"new password set for {args.name}")
    else:
        disabled = args.action == "disable"
        store.update_account(dataclasses.replace(store.account(args.name), disabled=disabled))
        print(f"{args.name} {'disabled (its history stays)' if disabled else 'enabled'}")
    return 0


def _new_password(args: argparse.Namespace) -> str:
    return read_password(f"new password for {args.name}: ",
                         from_stdin=args.new_password_stdin, confirm=True)  # fmt: skip


@reported
def cmd_audit(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    client_id = store.resolve_client_id(args.client) if args.client else None
    found = store.audit_trail(client_id=client_id, user=args.filter_user, since=args.since)
    if args.json:
        rows = [{**dataclasses.asdict(e), "at": e.at.isoformat()} for e in found]
        print(json.dumps(rows, indent=2))
        return 0
    for e in found:
        who = e.account_name or "-"
        what = f"{e.record_kind or ''} {(e.record_id or '')[:8]}".strip()
        client = f"client {e.client_id[:8]}" if e.client_id else ""
        print(f"{e.at:%Y-%m-%d %H:%M:%S}  {who:<12} {e.action:<16} {what:<16} {client:<15} "
              f"on {e.computer}")  # fmt: skip
    print(f"{len(found)} entr{'y' if len(found) == 1 else 'ies'}")
    return 0
