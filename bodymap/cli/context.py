"""Lazily opened shared resources (atlas, store) for command-line commands."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bodymap.cli.errors import CliError
from bodymap.geometry import Atlas, AtlasError, load_atlas

if TYPE_CHECKING:
    from bodymap.store import DatabaseKey, Store


Handler = Callable[[argparse.Namespace, "CliContext"], int]


def reported(handler: Handler) -> Handler:
    """Turn storage, validation and file errors into one-line CLI errors (never a traceback)."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        from bodymap.store import StoreError

        try:
            return handler(args, ctx)
        except (StoreError, ValueError, KeyError) as exc:
            raise CliError(str(exc).strip("'\"")) from None
        except OSError as exc:
            raise CliError(file_error(exc)) from None

    return run


def file_error(exc: OSError) -> str:
    """An OSError as one line: what could not be done to which file, in plain words."""
    from bodymap.files import FileWriteError
    from bodymap.files.atomic import reason

    if isinstance(exc, FileWriteError):
        return str(exc)
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{reason(exc)}"


@dataclass
class CliContext:
    """What commands share: options, and the atlas/store opened on first use."""

    db: str | None = None
    atlas_path: str | None = None
    user: str | None = None  # --user or BODYMAP_USER: who signs in where the database has accounts
    password_stdin: bool = False
    _atlas: Atlas | None = field(default=None, repr=False)
    _store: Store | None = field(default=None, repr=False)
    _closers: list[Any] = field(default_factory=list, repr=False)

    @property
    def atlas(self) -> Atlas:
        if self._atlas is None:
            try:
                self._atlas = load_atlas(self.atlas_path)
            except AtlasError as exc:
                lines = "\n  ".join(str(p) for p in exc.problems)
                raise CliError(f"the atlas is not valid:\n  {lines}") from None
        return self._atlas

    @property
    def store(self) -> Store:
        """The records database (--db, or the default file), opened on first use; never created."""
        return self.open_store()

    def open_store(self, *, create: bool = False, key: DatabaseKey | None = None) -> Store:
        """The records database; only commands that make data on purpose pass `create`.

        An encrypted database opens with the keyring's key, else with a passphrase from
        BODYMAP_DB_PASSPHRASE or the terminal; a new one is encrypted with `key`.
        """
        if self._store is None:
            from bodymap.cli.passwords import DB_PASSPHRASE_ENV, read_passphrase
            from bodymap.store import DatabaseKey, KeyRequiredError, Store, StoreError

            try:
                try:
                    self._store = Store.open(self.db, create=create, key=key)
                except KeyRequiredError as exc:
                    typed = read_passphrase(f"passphrase for {exc.path}: ", DB_PASSPHRASE_ENV)
                    self._store = Store.open(self.db, key=DatabaseKey(typed))
            except (StoreError, ValueError) as exc:
                raise CliError(str(exc)) from None
            self.on_close(self._store.close)
            self._sign_in(self._store)
        return self._store

    def _sign_in(self, store: Store) -> None:
        """Sign in where the database has accounts (a solo database has none)."""
        from bodymap.cli.passwords import read_password
        from bodymap.store import StoreError

        if not store.accounts_required:
            return
        if not self.user:
            raise CliError(
                "this database has accounts: give --user NAME (or set BODYMAP_USER) to sign in"
            )
        password = read_password(f"password for {self.user}: ", from_stdin=self.password_stdin)
        try:
            store.sign_in(self.user, password)
        except StoreError as exc:
            raise CliError(f"sign-in refused: {exc}") from None

    def on_close(self, closer: Any) -> None:
        """Register a callable to run when the command finishes."""
        self._closers.append(closer)

    def close(self) -> None:
        while self._closers:
            self._closers.pop()()
