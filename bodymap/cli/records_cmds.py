"""Commands about clinical records: clients, visits, demo, backup, export-json, import-json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bodymap.cli.context import CliContext, CliError, reported
from bodymap.cli.crypt_cmds import (
    SEAL_HELP,
    SEALED_SUFFIX,
    file_passphrase,
    new_database_key,
)
from bodymap.model import ClientHeader, VisitSummary


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new, empty records database (at --db or the default)")
    p.add_argument("--encrypt", action="store_true",
                   help="encrypt it (SQLCipher): a random key kept in the system keyring, or a "
                        "passphrase where there is no keyring")  # fmt: skip
    p.add_argument("--passphrase", action="store_true",
                   help="with --encrypt: a passphrase asked at every start, not the keyring")  # fmt: skip
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("clients", help="list clients")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=cmd_clients)

    p = sub.add_parser("visits", help="list a client's visits, oldest first")
    p.add_argument("client_id", metavar="CLIENT_ID", help="client id (a unique prefix will do)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=cmd_visits)

    p = sub.add_parser("demo", help="add a synthetic demo client with eight weeks of visits")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("backup", help="make a consistent copy of the database (safe while in use)")
    p.add_argument("--to", metavar="PATH", help="where to write it (default: the backups folder)")
    p.add_argument("--encrypt", action="store_true", help=SEAL_HELP)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("export-json", help="write one client's whole record as portable JSON")
    p.add_argument("client_id", metavar="CLIENT_ID")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--encrypt", action="store_true", help=SEAL_HELP)
    p.set_defaults(handler=cmd_export_json)

    p = sub.add_parser("import-json", help="add a client from portable JSON (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_import_json)


def _client_json(c: ClientHeader) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "date_of_birth": c.date_of_birth.isoformat() if c.date_of_birth else None,
        "archived": c.archived,
    }


def _visit_json(v: VisitSummary) -> dict[str, Any]:
    o = v.outcomes
    return {
        "id": v.id,
        "started_at": v.started_at.isoformat(),
        "kind": v.kind.value,
        "status": v.status.value,
        "therapist": v.therapist,
        "pain_now": o.pain_now,
        "pain_worst": o.pain_worst,
        "peg": round(o.peg.score, 2) if o.peg else None,
        "psfs": round(o.psfs_score, 2) if o.psfs_score is not None else None,
        "pre_marks": v.pre.marks,
        "post_marks": v.post.marks,
        "amendments": v.amendments,
    }


def _print_json(items: list[dict[str, Any]]) -> None:
    json.dump(items, sys.stdout, indent=1, ensure_ascii=False)
    print()


@reported
def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.store import MissingDatabaseError, Store

    try:
        existing = Store.open(ctx.db)
    except MissingDatabaseError as missing:
        key = new_database_key(missing.path, args.passphrase) if args.encrypt else None
        print(f"created {ctx.open_store(create=True, key=key).path}")
        return 0
    with existing:
        where = existing.path or "the database"
        if existing.upgraded_from != "empty":
            raise CliError(f"{where} already holds a bodymap database; nothing was changed")
    print(f"created the bodymap tables in {where}")
    return 0


@reported
def cmd_clients(args: argparse.Namespace, ctx: CliContext) -> int:
    clients = ctx.store.list_client_headers()
    if args.json:
        _print_json([_client_json(c) for c in clients])
        return 0
    for c in clients:
        born = c.date_of_birth.isoformat() if c.date_of_birth else "-"
        print(f"{c.id}  {born:10}  {c.name}{'  (archived)' if c.archived else ''}")
    print(f"{len(clients)} client(s)")
    return 0


@reported
def cmd_visits(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    # The timeline read: counts come from SQL, no chart item is loaded.
    visits = store.open_client(store.resolve_client_id(args.client_id)).visits
    if args.json:
        _print_json([_visit_json(v) for v in visits])
        return 0
    for v in visits:
        d = _visit_json(v)
        pain = "-" if d["pain_worst"] is None else f"{d['pain_worst']}/10"
        print(
            f"{v.id}  {v.started_at:%Y-%m-%d %H:%M}  {d['kind']:12} {d['status']:6}  worst {pain}"
        )
    print(f"{len(visits)} visit(s)")
    return 0


@reported
def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.ops.demo import create_demo

    record = create_demo(ctx.open_store(create=True), ctx.atlas)
    print(f"client {record.client.id}")
    for v in record.visits:
        print(f"visit {v.id} {v.started_at:%Y-%m-%d} {v.kind.value} {v.status.value}")
    for p in record.plans:
        print(f"plan {p.id}")
    return 0


@reported
def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.store.backup import manual_backup_path

    store = ctx.store
    if args.to:
        dest = Path(args.to)
    else:
        if store.path is None:
            raise CliError("give --to PATH for a backup of a database server")
        dest = manual_backup_path(store.path)
    if args.encrypt:
        print(store.sealed_backup(dest.with_name(dest.name + SEALED_SUFFIX), file_passphrase(True)))
    else:
        print(store.backup(dest))
    return 0


@reported
def cmd_export_json(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.ops.portable import export_client_json

    store = ctx.store
    sealing = file_passphrase(True) if args.encrypt else None
    record = export_client_json(
        store, store.resolve_client_id(args.client_id), Path(args.output), passphrase=sealing
    )
    print(f"exported client {record.client.id} with {len(record.visits)} visit(s) to {args.output}")
    return 0


@reported
def cmd_import_json(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.ops.portable import read_client_file

    # A bad file creates no database; a sealed one asks for its passphrase.
    record = read_client_file(Path(args.file), ctx.atlas, lambda: file_passphrase(False))
    ctx.open_store(create=True).import_record(record)
    print(f"imported client {record.client.id} with {len(record.visits)} visit(s)")
    return 0
