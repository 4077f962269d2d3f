"""Verified copies of a SQLite database (sqlite3 backup API) and rolling daily backups."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bodymap.files import FileWriteError, private_dir, publish
from bodymap.files.atomic import FILE_MODE, partial_path, reason
from bodymap.store.errors import StoreError
from bodymap.store.keys import DatabaseKey
from bodymap.store.sqlitefile import DRIVER_ERRORS, connect, integrity, row_counts

log = logging.getLogger(__name__)

KEEP_DAILY = 7
DAILY_PREFIX = "daily-"
UPGRADE_PREFIX = "pre-upgrade-"
MANUAL_PREFIX = "manual-"


class BackupError(StoreError):
    """A backup could not be made or did not read back intact; nothing was left in its place."""


def backups_dir(db_path: Path) -> Path:
    """Where backups of a database file go: a `backups` folder beside it."""
    return db_path.parent / "backups"


def copy_database(db_path: Path, dest: Path, key: DatabaseKey | None = None) -> Path:
    """A consistent, verified copy of a live database, safe while other processes write to it.

    The copy is written beside `dest` under a temporary name, then opened, integrity-checked
    and its row counts compared with the source's before it is renamed into place: a backup
    that is reported was read back whole. On any failure nothing is left at `dest`. The copy
    of an encrypted database is encrypted with the same key.
    """
    private_dir(dest.parent)
    tmp = partial_path(dest)
    try:
        counts = _copy(db_path, tmp, key)
        check = connect(tmp, read_only=True, key=key)
        try:
            _verify(check, counts, dest)
        finally:
            check.close()
        return publish(tmp, dest)
    except DRIVER_ERRORS + (OSError,) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(
            f"could not make the backup {dest}: {_why(exc)}; no backup was made"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _why(exc: BaseException) -> str:
    if isinstance(exc, FileWriteError):
        return str(exc.strerror)
    if isinstance(exc, OSError):
        return reason(exc)
    text = str(exc)
    return "the disk is full (free some space and try again)" if "full" in text.lower() else text


def _copy(db_path: Path, tmp: Path, key: DatabaseKey | None = None) -> dict[str, int]:
    """Copy one snapshot of the source into a new file `tmp`; returns its row counts."""
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    out = connect(tmp, key=key)
    try:
        counts = _snapshot(db_path, out, key)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        out.close()
    return counts


def _snapshot(db_path: Path, out: Any, key: DatabaseKey | None) -> dict[str, int]:
    """Copy one snapshot of the source into the connection `out`; returns its row counts."""
    src = connect(db_path, read_only=True, key=key)
    try:
        src.isolation_level = None
        src.execute("BEGIN")  # the counts and the pages copied come from one snapshot
        counts = row_counts(src)
        src.backup(out)
        src.execute("ROLLBACK")
    finally:
        src.close()
    return counts


def image_of(db_path: Path) -> bytes:
    """A verified, consistent copy of an unencrypted database as bytes, made in memory only.

    For a backup sealed with a passphrase: the unsealed copy never touches the disk.
    """
    mem = sqlite3.connect(":memory:")
    try:
        counts = _snapshot(db_path, mem, None)
        _verify(mem, counts, Path(":memory:"))
        return bytes(mem.serialize())
    finally:
        mem.close()


def _verify(con: Any, expected: dict[str, int], dest: Path) -> None:
    checked = integrity(con)
    got = row_counts(con) if checked == "ok" else {}
    if checked != "ok" or got != expected:
        why = checked if checked != "ok" else _count_difference(expected, got)
        raise BackupError(f"the backup {dest} did not verify ({why}); no backup was made")


def _count_difference(expected: dict[str, int], got: dict[str, int]) -> str:
    for name in sorted(set(expected) | set(got)):
        if expected.get(name) != got.get(name):
            return f"table {name}: {got.get(name)} rows in the copy, {expected.get(name)} in the database"
    return "row counts differ"


def daily_backup(
    db_path: Path,
    *,
    keep: int = KEEP_DAILY,
    today: date | None = None,
    key: DatabaseKey | None = None,
) -> Path | None:
    """Take today's backup if there is none yet and keep only the last `keep` daily ones.

    Returns the new backup, or None when today's already exists.
    """
    day = (today or date.today()).isoformat()
    folder = backups_dir(db_path)
    target = folder / f"{db_path.stem}-{DAILY_PREFIX}{day}.sqlite"
    made = None
    if not target.exists():
        made = copy_database(db_path, target, key)
        log.info("daily backup written to %s", target)
    dailies = sorted(folder.glob(f"{db_path.stem}-{DAILY_PREFIX}*.sqlite"))
    for old in dailies[: max(0, len(dailies) - keep)]:
        old.unlink(missing_ok=True)
    return made


def upgrade_backup(
    db_path: Path, from_revision: str | None, key: DatabaseKey | None = None
) -> Path:
    """A copy taken before a schema upgrade; these are never pruned automatically."""
    name = f"{db_path.stem}-{UPGRADE_PREFIX}{from_revision or 'none'}-{_stamp()}.sqlite"
    return copy_database(db_path, backups_dir(db_path) / name, key)


def manual_backup_path(db_path: Path) -> Path:
    """Where a backup asked for by hand goes (beside the others, so latest_backup finds it)."""
    return backups_dir(db_path) / f"{db_path.stem}-{MANUAL_PREFIX}{_stamp()}.sqlite"


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def latest_backup(db_path: Path | None) -> Path | None:
    """The most recent backup of a database file, if any."""
    if db_path is None:
        return None
    folder = backups_dir(db_path)
    found = list(folder.glob(f"{db_path.stem}-*.sqlite")) if folder.is_dir() else []
    return max(found, key=lambda p: p.stat().st_mtime) if found else None
