"""Verified copies of a SQLite database (sqlite3 backup API) and rolling daily backups."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

from bodymap.files import FileWriteError, private_dir, publish
from bodymap.files.atomic import FILE_MODE, partial_path, reason
from bodymap.store.errors import StoreError
from bodymap.store.sqlitefile import connect, integrity, row_counts

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


def copy_database(db_path: Path, dest: Path) -> Path:
    """A consistent, verified copy of a live database, safe while other processes write to it.

    The copy is written beside `dest` under a temporary name, then opened, integrity-checked
    and its row counts compared with the source's before it is renamed into place: a backup
    that is reported was read back whole. On any failure nothing is left at `dest`.
    """
    private_dir(dest.parent)
    tmp = partial_path(dest)
    try:
        counts = _copy(db_path, tmp)
        _verify(tmp, counts, dest)
        return publish(tmp, dest)
    except (sqlite3.Error, OSError) as exc:
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


def _copy(db_path: Path, tmp: Path) -> dict[str, int]:
    """Copy one snapshot of the source into `tmp`; returns that snapshot's row counts."""
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    src = connect(db_path, read_only=True)
    try:
        src.isolation_level = None
        src.execute("BEGIN")  # the counts and the pages copied come from one snapshot
        counts = row_counts(src)
        out = connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
        src.execute("ROLLBACK")
    finally:
        src.close()
    return counts


def _verify(tmp: Path, expected: dict[str, int], dest: Path) -> None:
    con = connect(tmp, read_only=True)
    try:
        checked = integrity(con)
        got = row_counts(con) if checked == "ok" else {}
    finally:
        con.close()
    if checked != "ok" or got != expected:
        why = checked if checked != "ok" else _count_difference(expected, got)
        raise BackupError(f"the backup {dest} did not verify ({why}); no backup was made")


def _count_difference(expected: dict[str, int], got: dict[str, int]) -> str:
    for name in sorted(set(expected) | set(got)):
        if expected.get(name) != got.get(name):
            return f"table {name}: {got.get(name)} rows in the copy, {expected.get(name)} in the database"
    return "row counts differ"


def daily_backup(
    db_path: Path, *, keep: int = KEEP_DAILY, today: date | None = None
) -> Path | None:
    """Take today's backup if there is none yet and keep only the last `keep` daily ones.

    Returns the new backup, or None when today's already exists.
    """
    day = (today or date.today()).isoformat()
    folder = backups_dir(db_path)
    target = folder / f"{db_path.stem}-{DAILY_PREFIX}{day}.sqlite"
    made = None
    if not target.exists():
        made = copy_database(db_path, target)
        log.info("daily backup written to %s", target)
    dailies = sorted(folder.glob(f"{db_path.stem}-{DAILY_PREFIX}*.sqlite"))
    for old in dailies[: max(0, len(dailies) - keep)]:
        old.unlink(missing_ok=True)
    return made


def upgrade_backup(db_path: Path, from_revision: str | None) -> Path:
    """A copy taken before a schema upgrade; these are never pruned automatically."""
    name = f"{db_path.stem}-{UPGRADE_PREFIX}{from_revision or 'none'}-{_stamp()}.sqlite"
    return copy_database(db_path, backups_dir(db_path) / name)


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
