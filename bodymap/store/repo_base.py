"""The repository's shared machinery: the engine, one transaction per call, versioned writes,
and who is signed in (what their role allows, and the audit line each action leaves)."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, text, update
from sqlalchemy.engine import Connection, Engine

from bodymap.geometry import Atlas
from bodymap.model import Visit
from bodymap.model.accounts import Account, Permission
from bodymap.store import access
from bodymap.store.database import mapped_errors
from bodymap.store.errors import (
    ConflictError,
    ConnectionLostError,
    NotFoundError,
    PermissionDeniedError,
    SignInRequiredError,
)


class RepositoryBase:
    """What every part of the Store shares: the engine, transactions and version bumps."""

    def __init__(self, engine: Engine, url: str, path: Path | None, atlas: Atlas | None = None):
        self.engine, self.url, self.path, self.atlas = engine, url, path, atlas
        self.upgraded_from: str | None = None
        self.signed_in: Account | None = None
        self.computer = socket.gethostname()[:100] or "unknown"
        self._accounts_on: bool | None = None

    def reachable(self) -> bool:
        """Whether the database answers now (a server may be restarting, a cable out)."""
        try:
            with self._read() as conn:
                conn.execute(text("SELECT 1"))
        except ConnectionLostError:
            return False
        return True

    # -- who may do what ------------------------------------------------------------------

    @property
    def accounts_required(self) -> bool:
        """Whether this database has accounts, so people sign in (a solo file has none)."""
        if self._accounts_on is None:
            with self._read() as conn:
                self._accounts_on = access.has_accounts(conn)
        return self._accounts_on

    def may(self, what: Permission) -> bool:
        """Whether the signed-in account (anyone, on a database without accounts) may do it."""
        if not self.accounts_required:
            return True
        return self.signed_in is not None and self.signed_in.may(what)

    def _allow(self, what: Permission) -> None:
        if self.may(what):
            return
        if self.signed_in is None:
            raise SignInRequiredError(
                "this database has accounts: sign in first (nothing was read or changed)"
            )
        raise PermissionDeniedError(
            f"a {self.signed_in.role.label} may not {what.value}; nothing was changed"
        )

    def _audit(
        self,
        conn: Connection,
        action: str,
        client_id: str | None = None,
        kind: str | None = None,
        record_id: str | None = None,
    ) -> None:
        """Append one audit line in the caller's transaction (only where accounts are on)."""
        if self.accounts_required:
            who = self.signed_in.id if self.signed_in else None
            access.append(conn, who, self.computer, action, client_id, kind, record_id)

    def _audit_read(self, action: str, client_id: str | None, kind: str, record_id: str) -> None:
        """Append an audit line for a read, in a short transaction of its own."""
        if self.accounts_required:
            with self._write() as conn:
                self._audit(conn, action, client_id, kind, record_id)

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with mapped_errors(self.path), self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with mapped_errors(self.path), self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="DEFERRED")
            with conn.begin():
                yield conn

    @staticmethod
    def _bump(
        conn: Connection, table: Table, what: str, rid: str, expected: int, **values: Any
    ) -> int:
        res = conn.execute(
            update(table)
            .where(table.c.id == rid, table.c.version == expected)
            .values(version=table.c.version + 1, **values)
        )
        if res.rowcount != 1:
            actual = conn.execute(select(table.c.version).where(table.c.id == rid)).scalar()
            if actual is None:
                raise NotFoundError(f"no {what} with id {rid}")
            raise ConflictError(what, rid, expected, actual)
        return expected + 1


def versioned(visit: Visit, v: int, pre: int, post: int) -> Visit:
    """`visit` with the stored versions of itself and its two charts."""
    return dataclasses.replace(
        visit,
        version=v,
        pre_chart=dataclasses.replace(visit.pre_chart, version=pre),
        post_chart=dataclasses.replace(visit.post_chart, version=post),
    )
