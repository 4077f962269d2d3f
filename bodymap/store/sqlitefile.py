"""Connections to a SQLite or SQLCipher database file, read-write or read-only, by path (never URL)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from bodymap.store.keys import DatabaseKey

SQLITE_MAGIC = b"SQLite format 3\x00"
# What either driver raises for a database problem (SQLCipher's classes are its own).
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)


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


def driver(key: DatabaseKey | None) -> ModuleType:
    """The DB-API module for a database: SQLCipher when it has a key, else plain sqlite3."""
    return sqlcipher if key is not None else sqlite3


def connect(path: Path, *, read_only: bool = False, key: DatabaseKey | None = None) -> Any:
    """A DB-API connection to a database file (a read-only one never changes the file).

    With a key the file is SQLCipher's: encrypted page by page, the key given before anything.
    """
    target, uri = (read_only_uri(path), True) if read_only else (str(path), False)
    con = driver(key).connect(target, uri=uri, check_same_thread=False)
    if key is not None:
        con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log
        con.execute(key.pragma())
    return con


def is_plain(path: Path) -> bool:
    """Whether a file starts as an unencrypted SQLite database (an empty file counts)."""
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    return not head or head == SQLITE_MAGIC


def row_counts(con: Any) -> dict[str, int]:
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


def integrity(con: Any, *, quick: bool = False) -> str:
    """SQLite's integrity check: "ok", or the first problems found."""
    found = [r[0] for r in con.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}")]
    return "ok" if found == ["ok"] else "; ".join(str(f) for f in found[:5])
