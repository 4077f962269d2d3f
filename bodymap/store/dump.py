"""A server database dumped into a bodymap SQLite file: every record, account and audit line."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from bodymap.store import visits as vstore
from bodymap.store.database import mapped_errors
from bodymap.store.errors import StoreError
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

if TYPE_CHECKING:
    from bodymap.store.repository import Store

log = logging.getLogger(__name__)

# Counted on both sides after the dump: a backup is only reported when they agree.
COUNTED: tuple[Table, ...] = (clients, intakes, visits, amendments, plans, accounts, audit,
                              *ITEM_TABLES.values())  # fmt: skip


def dump_database(source: Store, dest: Path) -> Path:
    """Write every record of `source` (read in one snapshot) to a new SQLite file at `dest`.

    Records go through the repository's own reading and writing, so the copy opens in any
    bodymap, solo or clinic; it is written beside `dest` and renamed when its counts match.
    """
    from bodymap.store.repository import Store, read_record

    dest = Path(dest)
    if dest.exists():
        raise StoreError(f"{dest} already exists; choose a new name for the backup")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    with mapped_errors(None), source.engine.connect() as conn:
        # One snapshot for the whole dump, while the rooms go on writing.
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            expected = _counts(conn)
            with Store.open(partial, create=True) as copy, vstore.paused_gc():
                ids = conn.execute(select(clients.c.id).order_by(clients.c.id)).scalars().all()
                for client_id in ids:
                    copy.import_record(read_record(conn, client_id))
                _copy_rows(conn, copy, accounts)
                _copy_rows(conn, copy, audit)
                with copy.engine.connect() as check:
                    found = _counts(check)
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


def _copy_rows(conn: Connection, copy: Store, table: Table) -> None:
    found = [dict(r._mapping) for r in conn.execute(select(table))]
    if found:
        with copy.engine.begin() as out:
            out.execute(table.insert(), found)
