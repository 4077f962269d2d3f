"""SQLite connections and engines: read-only or read-write, WAL, busy waits, driver errors mapped."""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from bodymap.files import FileWriteError
from bodymap.store.backup import latest_backup
from bodymap.store.errors import (
    CorruptDatabaseError,
    ReadOnlyStoreError,
    StorageFullError,
    StoreBusyError,
    StoreError,
)
from bodymap.store.keys import DatabaseKey
from bodymap.store.location import Location
from bodymap.store.server import server_error
from bodymap.store.sqlitefile import DRIVER_ERRORS, connect, driver

log = logging.getLogger(__name__)


BUSY_TIMEOUT_MS = 5000
# An edit that meets a busy database keeps waiting this long in all before it gives up.
BUSY_PATIENCE_S = 30.0
# Below this much free space an I/O error is the disk being full (SQLite then says only
# "disk I/O error", e.g. when it cannot grow its shared-memory file).
NEARLY_FULL_BYTES = 1 << 20


def _configure(dbapi_conn: Any, read_only: bool) -> None:
    # The driver's own transaction handling is off: we issue BEGIN ourselves (see _on_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    if not read_only:
        mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("SQLite refused WAL mode (journal mode is %s)", mode)
        # FULL: a committed edit survives a power cut, not only a crash.
        cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _is_busy(exc: BaseException | None) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _on_begin(conn: Any) -> None:
    # Writers take the lock up front (IMMEDIATE) so two processes queue instead of failing
    # with SQLITE_BUSY when a read transaction tries to become a write transaction. BEGIN that
    # meets a busy database has done nothing yet, so waiting and trying again loses nothing.
    mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    raw = conn.connection.driver_connection
    deadline = time.monotonic() + BUSY_PATIENCE_S
    while True:
        try:
            raw.execute(f"BEGIN {mode}")
            return
        except DRIVER_ERRORS as exc:
            if not _is_busy(exc) or time.monotonic() >= deadline:
                raise
            log.info("database busy (another bodymap is writing); waiting to try again")


def make_engine(
    location: Location, *, read_only: bool = False, key: DatabaseKey | None = None
) -> Engine:
    """An engine with bodymap's settings: WAL, foreign keys, busy waits (SQLite); pre-ping (server)."""
    path = location.path
    if path is None:
        return create_engine(location.url, pool_pre_ping=True)
    engine = create_engine(
        location.url,
        creator=lambda: connect(path, read_only=read_only, key=key),
        module=driver(key),  # SQLCipher's errors are wrapped like sqlite3's
    )
    event.listen(engine, "connect", lambda conn, _rec: _configure(conn, read_only))
    event.listen(engine, "begin", _on_begin)
    return engine


def _disk_full(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def driver_error(exc: BaseException, path: Path | None) -> StoreError:
    """A StoreError with an actionable message for a database driver failure."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if path is None and (found := server_error(str(orig))) is not None:
        return found
    text = str(orig).lower()
    where = str(path) if path else "the database"
    full = "disk is full" in text or getattr(orig, "errno", None) in (28, 122)
    if full or ("disk i/o error" in text and _disk_full(path)):
        return StorageFullError(
            f"{where}: the disk is full; free some space and try again (a change that failed "
            "was NOT saved; everything saved before it is safe)"
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyStoreError(
            f"{where} cannot be written (read-only file or folder, or no permission); "
            "nothing was changed; choose a writable location with --db"
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptDatabaseError(path, str(orig), latest_backup(path))
    if "constraint" in text:
        return StoreError(
            f"{where}: the change clashes with stored data ({orig}); nothing was saved"
        )
    if _is_busy(orig):
        return StoreBusyError(
            f"{where} is busy (another bodymap is writing); the change was not saved, try again"
        )
    return StoreError(f"{where}: database error: {orig}")


@contextlib.contextmanager
def mapped_errors(path: Path | None) -> Iterator[None]:
    """Turn driver errors (SQLAlchemy or sqlite3) and file errors into StoreErrors."""
    try:
        yield
    except (DBAPIError,) + DRIVER_ERRORS as exc:
        raise driver_error(exc, path) from exc
    except FileWriteError as exc:
        raise (StorageFullError if exc.disk_full else StoreError)(str(exc)) from exc
    except OSError as exc:
        raise driver_error(exc, path) from exc
