"""Where the records live: a file path or a database URL, told apart once, in one place.

A path is never pasted into a URL by hand: `sqlite_url` lets SQLAlchemy escape it, so a folder
named "Clinic #1" or "a?b" or "100%" is the folder it says. A server URL passes untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bodymap.store.errors import StoreError

DB_FILENAME = "bodymap.sqlite"
# "scheme://" or "scheme+driver://": anything else is a file path, even with ":" or "?" in it.
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\+[A-Za-z0-9_]+)?://")


def default_db_path() -> Path:
    """bodymap.sqlite in the user's data folder (platformdirs)."""
    return platformdirs.user_data_path("bodymap", appauthor=False) / DB_FILENAME


def is_url(target: str | Path) -> bool:
    """Whether `target` is a database URL rather than a file path (a Path is always a path)."""
    return isinstance(target, str) and bool(_URL_RE.match(target))


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a database file, escaped by SQLAlchemy itself."""
    return URL.create("sqlite", database=str(path)).render_as_string()


@dataclass(frozen=True)
class Location:
    """A database: its SQLAlchemy URL, and the file when it is SQLite (None for a server)."""

    url: str
    path: Path | None
    is_default: bool = False

    @property
    def shown(self) -> str:
        """How to name it in a message: the path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def locate(target: str | Path | None) -> Location:
    """The Location of a path or URL (None: the default file in the user's data folder)."""
    if target is None:
        return Location(sqlite_url(default_db_path()), default_db_path(), is_default=True)
    if not is_url(target):
        path = Path(target).expanduser().resolve()
        return Location(sqlite_url(path), path, is_default=path == default_db_path())
    text = str(target)
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise StoreError(f"{text!r} is not a database path or URL: {exc}") from None
    if url.get_backend_name() != "sqlite":
        return Location(text, None)
    db = url.database
    if not db or db == ":memory:" or db.startswith("file::memory:"):
        raise StoreError("an in-memory database would lose every edit; give a file")
    if url.query:
        raise StoreError(
            f"{text!r}: options after '?' are not used for a database file; give its path"
        )
    return locate(Path(db))
