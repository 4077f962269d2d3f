"""Storage errors, each with a message a therapist can act on (and never client data)."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class of every storage problem."""


class NotFoundError(StoreError, KeyError):
    """No record with that id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class ConflictError(StoreError):
    """The record was changed elsewhere (another window or computer) since it was read."""

    def __init__(self, what: str, record_id: str, expected: int, actual: int | None):
        now = "deleted" if actual is None else f"now at version {actual}"
        super().__init__(
            f"the {what} {record_id} was changed elsewhere (you had version {expected}, it is "
            f"{now}); reload it and make the change again"
        )
        self.what, self.record_id, self.expected, self.actual = what, record_id, expected, actual


class MissingDatabaseError(StoreError):
    """No database at the path given, and this command does not create one."""

    def __init__(self, path: Path):
        super().__init__(
            f"there is no database at {path}; nothing was created (check the path; "
            "`bodymap --db PATH init` makes a new one)"
        )
        self.path = path


class KeyRequiredError(StoreError):
    """The database file is encrypted and no key for it was given or found in the keyring."""

    def __init__(self, path: Path):
        super().__init__(f"{path} is encrypted: give its passphrase (nothing was read or changed)")
        self.path = path


class WrongKeyError(StoreError):
    """The passphrase or key does not open the encrypted file (or it is no database at all)."""

    def __init__(self, path: Path):
        super().__init__(
            f"{path} could not be opened: the passphrase is wrong, or the file is not a "
            "bodymap database; nothing was changed"
        )
        self.path = path


class NotADatabaseError(StoreError):
    """The file exists but is not a bodymap database."""


class CorruptDatabaseError(StoreError):
    """The database file is damaged; the message offers the latest backup."""

    def __init__(self, path: Path | None, detail: str, backup: Path | None):
        where = str(path) if path else "the database"
        hint = (
            f"the latest backup is {backup}; close bodymap, keep the damaged file aside and copy "
            "the backup in its place"
            if backup
            else "no backup was found"
        )
        super().__init__(f"{where} is damaged ({detail}); {hint}")
        self.path, self.backup = path, backup


class NewerSchemaError(StoreError):
    """The database was written by a newer bodymap; it is never downgraded."""


class ReadOnlyStoreError(StoreError):
    """The database or its folder cannot be written."""


class StorageFullError(StoreError):
    """The disk (or the database's size limit) is full; the last edit was not saved."""


class StoreBusyError(StoreError):
    """Another program held the database lock for too long."""


class SignInRequiredError(StoreError):
    """The database has accounts and nobody is signed in."""


class PermissionDeniedError(StoreError):
    """The signed-in account's role may not do this (or a wrong password, a disabled account)."""


class ConnectionLostError(StoreError):
    """The database server cannot be reached (restarted, network down); nothing was saved."""
