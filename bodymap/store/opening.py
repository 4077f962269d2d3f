"""Opening a database: look before touching (read-only), create only when asked, then connect.

Nothing about an existing file changes (not even its journal mode) until it has been read
read-only and accepted: a SQLite file, intact, bodymap's tables at a schema this version knows.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from bodymap.files import FileWriteError, clean_partials, private_dir
from bodymap.files.atomic import FILE_MODE
from bodymap.store import backup as backups
from bodymap.store import sqlitefile
from bodymap.store.database import make_engine, mapped_errors
from bodymap.store.errors import (
    CorruptDatabaseError,
    KeyRequiredError,
    MissingDatabaseError,
    NotADatabaseError,
    ReadOnlyStoreError,
    StoreError,
    WrongKeyError,
)
from bodymap.store.keys import DatabaseKey, keyring_key
from bodymap.store.location import Location, locate
from bodymap.store.migrate import ensure_schema, judge_revision
from bodymap.store.sqlitefile import DRIVER_ERRORS, SQLITE_MAGIC, integrity, writable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Opened:
    """An engine on an accepted database, and how it was opened."""

    engine: Engine
    location: Location
    read_only: bool
    upgraded_from: str | None
    key: DatabaseKey | None = None


def open_database(
    target: str | Path | None, *, create: bool = False, key: DatabaseKey | None = None
) -> Opened:
    """Open the database at a path or URL; only `create` makes a missing file (and its folder).

    A new file is encrypted (SQLCipher) when a key is given; an encrypted one is opened with
    the key given, else the one the system keyring holds for it (KeyRequiredError if none).
    """
    location = locate(target)
    path = location.path
    if path is None:
        engine = make_engine(location)
        with _disposed_on_error(engine), mapped_errors(None):
            return Opened(engine, location, False, ensure_schema(engine, None))
    created = _prepare_file(path, create)
    key = key if created else _key_for(path, key)
    read_only = not writable(path)
    if not created:
        with mapped_errors(path):
            needs_upgrade = _inspect(path, key)
        if needs_upgrade and read_only:
            raise ReadOnlyStoreError(
                f"{path} was written by an older bodymap and must be upgraded, but it cannot be "
                "written (read-only file or folder); nothing was changed; copy it somewhere "
                "writable, or open it with the bodymap that wrote it"
            )
    if not read_only:
        clean_partials(path.parent)
        clean_partials(backups.backups_dir(path))
    engine = make_engine(location, read_only=read_only, key=key)
    with _disposed_on_error(engine), mapped_errors(path):
        upgraded = None if read_only else ensure_schema(engine, path, key)
    if read_only:
        log.info("database opened read-only (its file or folder cannot be written)")
    return Opened(engine, location, read_only, upgraded, key)


def _key_for(path: Path, given: DatabaseKey | None) -> DatabaseKey | None:
    """The key an existing file needs: None for a plain one, else the given or keyring one."""
    if sqlitefile.is_plain(path):
        if given is not None:
            log.info("the database is not encrypted; the key given is not used")
        return None
    key = given or keyring_key(path)
    if key is None:
        raise KeyRequiredError(path)
    return key


@contextlib.contextmanager
def _disposed_on_error(engine: Engine):  # type: ignore[no-untyped-def]
    try:
        yield
    except BaseException:
        engine.dispose()
        raise


def _prepare_file(path: Path, create: bool) -> bool:
    """Refuse what is not a database file; create an empty one if asked. True if created."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file")
    if path.exists():
        try:
            with open(path, "rb") as f:
                head = f.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise ReadOnlyStoreError(f"cannot read {path}: {exc.strerror}") from None
        if head and head != SQLITE_MAGIC and not _may_be_encrypted(path, head):
            raise NotADatabaseError(
                f"{path} is not a bodymap database (it is not an SQLite file); nothing was changed"
            )
        return False
    if not create:
        raise MissingDatabaseError(path)
    try:
        private_dir(path.parent)
        # Made here, owner-only, so SQLite's journal files inherit the same permissions.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileWriteError as exc:
        raise ReadOnlyStoreError(f"cannot create the database: {exc}") from None
    except OSError as exc:
        raise ReadOnlyStoreError(
            f"cannot create the database {path}: {exc.strerror}; nothing was created"
        ) from None
    log.info("new database file created")
    return True


def _may_be_encrypted(path: Path, head: bytes) -> bool:
    # SQLCipher files are whole pages of random bytes; a text or other file rarely is.
    size = path.stat().st_size
    return size % 512 == 0 and not head.isascii()


def _inspect(path: Path, key: DatabaseKey | None = None) -> bool:
    """Read an existing file read-only and judge it; True when its schema needs an upgrade."""
    if path.stat().st_size == 0:
        return True
    con = sqlitefile.connect(path, read_only=True, key=key)
    try:
        try:
            checked = integrity(con, quick=True)
        except DRIVER_ERRORS as exc:
            if key is not None and "not a database" in str(exc):
                raise WrongKeyError(path) from None
            if "unable to open" not in str(exc):
                raise
            raise StoreError(f"cannot read {path} ({exc}); nothing was changed") from None
        if checked != "ok":
            raise CorruptDatabaseError(path, checked, backups.latest_backup(path))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        con.close()
    return judge_revision(revision, tables - {"alembic_version"}, path)
