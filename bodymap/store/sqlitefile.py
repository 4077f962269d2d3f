"""Connections to a SQLite database file, read-write or strictly read-only, by path (never by URL)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


def writable(path: Path) -> bool:
    """Whether bodymap may change the file (the file and its folder, for the WAL files)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_only_uri(path: Path) -> str:
    """A `file:` URI that opens `path` read-only; the path is percent-escaped (#, ?, %)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    # In a folder nobody may write, SQLite cannot make the shared-memory file a WAL database
    # needs; with no WAL file left there is nothing it could miss by reading the file as is.
    if not os.access(path.parent, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    return uri


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A DB-API connection to a database file (a read-only one never changes the file)."""
    if read_only:
        return sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    return sqlite3.connect(str(path), check_same_thread=False)


def row_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (SQLite's own tables left out), for comparing a copy with its source."""
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        n: int(
            con.execute(f'SELECT count(*) FROM "{n.replace(chr(34), chr(34) * 2)}"').fetchone()[0]
        )
        for n in sorted(names)
    }


def integrity(con: sqlite3.Connection, *, quick: bool = False) -> str:
    """SQLite's integrity check: "ok", or the first problems found."""
    found = [r[0] for r in con.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}")]
    return "ok" if found == ["ok"] else "; ".join(str(f) for f in found[:5])
