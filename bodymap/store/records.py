"""A client's whole record (client, intakes, visits, plans) read or written on one connection."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from bodymap.model import ClientRecord
from bodymap.model.values import trusted
from bodymap.store import bulk
from bodymap.store import visits as vstore
from bodymap.store.repo_clients import read_client
from bodymap.store.repo_plans import read_intakes, read_plans


def read_record(conn: Connection, client_id: str) -> ClientRecord:
    """A client's whole record, read on `conn` (one snapshot when `conn` is in a transaction)."""
    client = read_client(conn, client_id)
    intake_list = tuple(read_intakes(conn, client_id))
    vs = tuple(vstore.load_visits(conn, "client", client_id))
    plan_list = tuple(read_plans(conn, client_id))
    # Not re-validated: every part was checked when written, and ids are primary keys
    # (checking thousands of item ids again would cost more than reading them).
    return trusted(ClientRecord, {
        "client": client, "intakes": intake_list, "visits": vs, "plans": plan_list,
    })  # fmt: skip


def write_record(conn: Connection, record: ClientRecord) -> None:
    """Insert a whole record (the caller's transaction makes it all or nothing)."""
    bulk.write_rows(conn, bulk.record_rows(record, vstore.now_stamp()))
