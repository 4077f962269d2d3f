"""A server database dumped into a bodymap SQLite file: every record, account and audit line."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection, Engine

from bodymap.store import visits as vstore
from bodymap.store.database import mapped_errors
from bodymap.store.errors import StoreError
from bodymap.store.opening import open_database
from bodymap.store.records import read_record, write_record
from bodymap.store.schema import (
    ITEM_TABLES,
    accounts,
    amendments,
    audit,
    clients,
    intakes,
    plans,
    visits,
)

log = logging.getLogger(__name__)

# Counted on both sides after the dump: a backup is only reported when they agree.
COUNTED: tuple[Table, ...] = (clients, intakes, visits, amendments, plans, accounts, audit,
                              *ITEM_TABLES.values())  # fmt: skip


def dump_database(source: Engine, dest: Path) -> Path:
    """Write every record of the database behind `source` (one snapshot) to a new SQLite file.

    Records go through the repository's own reading and writing (store.records), so the copy
    opens in any bodymap, solo or clinic; it is written beside `dest` and renamed into place
    once its counts match.
    """
    dest = Path(dest)
    if dest.exists():
        raise StoreError(f"{dest} already exists; choose a new name for the backup")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    copy = open_database(partial, create=True).engine
    try:
        with mapped_errors(None), source.connect() as conn:
            # One snapshot for the whole dump, while the rooms go on writing.
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                expected = _counts(conn)
                ids = conn.execute(select(clients.c.id).order_by(clients.c.id)).scalars().all()
                with mapped_errors(partial), copy.begin() as out, vstore.paused_gc():
                    for client_id in ids:
                        write_record(out, read_record(conn, client_id))
                    for table in (accounts, audit):
                        _copy_rows(conn, out, table)
        with copy.connect() as check:
            found = _counts(check)
    finally:
        copy.dispose()
    if found != expected:
        partial.unlink(missing_ok=True)
        raise StoreError(f"the backup did not match the database ({found} != {expected})")
    with open(partial, "rb") as f:
        os.fsync(f.fileno())
    os.replace(partial, dest)
    log.info("server database dumped (%d clients)", expected["clients"])
    return dest


def _counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in COUNTED}  # fmt: skip


def _copy_rows(conn: Connection, out: Connection, table: Table) -> None:
    found = [dict(r._mapping) for r in conn.execute(select(table))]
    if found:
        out.execute(table.insert(), found)
