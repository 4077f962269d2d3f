"""The Store's clients: add, change, read, list by name, open with visit summaries."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bodymap.model import Client
from bodymap.model.accounts import Permission
from bodymap.model.overview import ClientHeader, ClientOverview, VisitSummary
from bodymap.store import rows, summaries
from bodymap.store import visits as vstore
from bodymap.store.errors import NotFoundError
from bodymap.store.repo_base import RepositoryBase
from bodymap.store.schema import clients
from bodymap.store.visits import now_stamp


class ClientRecords(RepositoryBase):
    """Clients and the light views of them (list lines, overviews, visit summaries)."""

    def add_client(self, client: Client) -> Client:
        self._allow(Permission.EDIT_CLIENTS)
        with self._write() as conn:
            insert_client(conn, client)
            self._audit(conn, "created", client.id, "client", client.id)
        return dataclasses.replace(client, version=1)

    def update_client(self, client: Client) -> Client:
        """Save a changed client; its version must be the stored one."""
        self._allow(Permission.EDIT_CLIENTS)
        row = rows.client_row(client)
        del row["id"]
        with self._write() as conn:
            v = self._bump(
                conn, clients, "client", client.id, client.version, updated_at=now_stamp(), **row
            )
            self._audit(conn, "changed", client.id, "client", client.id)
        return dataclasses.replace(client, version=v)

    def get_client(self, client_id: str) -> Client:
        self._allow(Permission.READ_CLIENTS)
        with self._read() as conn:
            return read_client(conn, client_id)

    def list_clients(self, *, include_archived: bool = True) -> list[Client]:
        """Every client, by name (a list screen needs only list_client_headers)."""
        self._allow(Permission.READ_CLIENTS)
        stmt = select(clients).order_by(*summaries.LIST_ORDER)
        if not include_archived:
            stmt = stmt.where(clients.c.archived.is_(False))
        with self._read() as conn, vstore.paused_gc():
            return [rows.client_from(r) for r in conn.execute(stmt).all()]

    def list_client_headers(self, *, include_archived: bool = True) -> list[ClientHeader]:
        """Every client's list line (id, name, date of birth, archived), by name.

        Reads only those columns, from an index that holds them: the fast way to fill a
        client list or search box.
        """
        self._allow(Permission.READ_CLIENTS)
        with self._read() as conn:
            return summaries.client_headers(conn, include_archived=include_archived)

    def open_client(self, client_id: str) -> ClientOverview:
        """What opening a client shows: the client, latest intake, plans and visit summaries.

        No chart item is read (counts and top intensities come from SQL); open the chosen
        visit with get_visit. Archived clients open like any other. A role that may not read
        clinical records gets no visits, and one that may not read intakes or plans none of those.
        """
        self._allow(Permission.READ_CLIENTS)
        with self._read() as conn:
            found = summaries.client_overview(conn, client_id)
        if found is None:
            raise NotFoundError(f"no client with id {client_id}")
        if not self.accounts_required:
            return found
        self._audit_read("opened", client_id, "client", client_id)
        return dataclasses.replace(
            found,
            visits=found.visits if self.may(Permission.READ_CLINICAL) else (),
            intake=found.intake if self.may(Permission.INTAKES) else None,
            plans=found.plans if self.may(Permission.PLANS) else (),
        )

    def visit_summary(self, visit_id: str) -> VisitSummary:
        """One visit's timeline entry (e.g. to refresh it after the visit was edited)."""
        self._allow(Permission.READ_CLINICAL)
        with self._read() as conn:
            found = summaries.visit_summaries(conn, "visit", visit_id)
        if not found:
            raise NotFoundError(f"no visit with id {visit_id}")
        return found[0]

    def resolve_client_id(self, prefix: str) -> str:
        """The id of the one client whose id starts with `prefix` (ids are long to type)."""
        self._allow(Permission.READ_CLIENTS)
        pattern = prefix.replace("\\", "").replace("%", "").replace("_", "")
        stmt = select(clients.c.id).where(clients.c.id.like(f"{pattern}%")).limit(2)
        with self._read() as conn:
            found = list(conn.execute(stmt).scalars()) if pattern else []
        if len(found) != 1:
            raise NotFoundError(
                f"no client with id {prefix}"
                if not found
                else f"{prefix!r} matches several clients"
            )
        return str(found[0])


def insert_client(conn: Connection, client: Client) -> None:
    conn.execute(
        clients.insert(), {**rows.client_row(client), "version": 1, "updated_at": now_stamp()}
    )


def read_client(conn: Connection, client_id: str) -> Client:
    row = conn.execute(select(clients).where(clients.c.id == client_id)).first()
    if row is None:
        raise NotFoundError(f"no client with id {client_id}")
    return rows.client_from(row)
