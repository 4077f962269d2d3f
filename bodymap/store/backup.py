"""Consistent copies of a SQLite database (sqlite3 backup API) and rolling daily backups."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

log = logging.getLogger(__name__)

KEEP_DAILY = 7
DAILY_PREFIX = "daily-"
UPGRADE_PREFIX = "pre-upgrade-"
MANUAL_PREFIX = "manual-"


def backups_dir(db_path: Path) -> Path:
    """Where backups of a database file go: a `backups` folder beside it."""
    return db_path.parent / "backups"


def copy_database(db_path: Path, dest: Path) -> Path:
    """A consistent copy of a live database, safe while other processes write to it.

    Written to a temporary file and renamed, so `dest` is never half-written.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    finally:
        src.close()
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, dest)
    return dest


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
