"""The repository's shared machinery: the engine, one transaction per call, versioned writes."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection, Engine

from bodymap.geometry import Atlas
from bodymap.model import Visit
from bodymap.store.database import mapped_errors
from bodymap.store.errors import ConflictError, NotFoundError


class RepositoryBase:
    """What every part of the Store shares: the engine, transactions and version bumps."""

    def __init__(self, engine: Engine, url: str, path: Path | None, atlas: Atlas | None = None):
        self.engine, self.url, self.path, self.atlas = engine, url, path, atlas
        self.upgraded_from: str | None = None

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
