"""Opening a database: locate it, refuse bad files, configure SQLite, map driver errors."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from bodymap.store.backup import latest_backup
from bodymap.store.errors import (
    CorruptDatabaseError,
    NotADatabaseError,
    ReadOnlyStoreError,
    StorageFullError,
    StoreBusyError,
    StoreError,
)
from bodymap.store.server import server_error

log = logging.getLogger(__name__)

DB_FILENAME = "bodymap.sqlite"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def default_db_path() -> Path:
    """bodymap.sqlite in the user's data folder (platformdirs)."""
    return platformdirs.user_data_path("bodymap", appauthor=False) / DB_FILENAME


def resolve(target: str | Path | None) -> tuple[str, Path | None]:
    """The SQLAlchemy URL for a path or URL (None: the default file), and the file if SQLite."""
    if target is None:
        target = default_db_path()
    text = str(target)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise StoreError(f"{text!r} is not a database path or URL: {exc}") from None
        if url.get_backend_name() != "sqlite":
            return text, None
        db = url.database
        if not db or db == ":memory:":
            raise StoreError("an in-memory database would lose every edit; give a file")
        return text, Path(db).resolve()
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}", path


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before the driver touches it; make room for a new one."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file")
    if path.exists():
        try:
            with open(path, "rb") as f:
                head = f.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise ReadOnlyStoreError(f"cannot read {path}: {exc.strerror}") from None
        if head and head != SQLITE_MAGIC:
            raise NotADatabaseError(
                f"{path} is not a bodymap database (it is not an SQLite file); nothing was changed"
            )
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReadOnlyStoreError(
            f"cannot create the database folder {path.parent}: {exc.strerror}"
        ) from None


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling is off: we issue BEGIN ourselves (see _on_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("SQLite refused WAL mode (journal mode is %s)", mode)
    # FULL: a committed edit survives a power cut, not only a crash.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _on_begin(conn: Any) -> None:
    # Writers take the lock up front (IMMEDIATE) so two processes queue instead of failing
    # with SQLITE_BUSY when a read transaction tries to become a write transaction.
    mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """An engine with bodymap's SQLite settings (WAL, foreign keys, busy timeout)."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def driver_error(exc: BaseException, path: Path | None) -> StoreError:
    """A StoreError with an actionable message for a database driver failure."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if path is None and (found := server_error(str(orig))) is not None:
        return found
    text = str(orig).lower()
    where = str(path) if path else "the database"
    if "disk is full" in text or "database or disk is full" in text:
        return StorageFullError(
            f"{where}: the disk is full, so the last change was NOT saved (everything before it "
            "is safe); free some space and try again"
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
    if "locked" in text or "busy" in text:
        return StoreBusyError(
            f"{where} is busy (another bodymap is writing); the change was not saved, try again"
        )
    return StoreError(f"{where}: database error: {orig}")


@contextlib.contextmanager
def mapped_errors(path: Path | None) -> Iterator[None]:
    """Turn driver errors (SQLAlchemy or sqlite3) into StoreErrors with clear messages."""
    try:
        yield
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        raise driver_error(exc, path) from exc
    except OSError as exc:
        raise driver_error(exc, path) from exc
