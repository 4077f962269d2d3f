"""Keys of encrypted databases: a random key kept in the system keyring, or a passphrase."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

KEYRING_SERVICE = "bodymap-database"


@dataclass(frozen=True)
class DatabaseKey:
    """What unlocks a SQLCipher database: a passphrase, or a raw 256-bit key (64 hex digits)."""

    secret: str
    raw: bool = False

    def __post_init__(self) -> None:
        if not self.secret:
            raise ValueError("passphrase: must not be empty")
        if self.raw and (
            len(self.secret) != 64 or not all(c in "0123456789abcdef" for c in self.secret)
        ):
            raise ValueError("key: a raw key is 64 lowercase hex digits")

    def __repr__(self) -> str:
        return f"DatabaseKey(raw={self.raw})"  # never the secret

    def pragma(self) -> str:
        """The PRAGMA key statement (a passphrase goes through SQLCipher's PBKDF2)."""
        if self.raw:
            return f"PRAGMA key = \"x'{self.secret}'\""
        return "PRAGMA key = '{}'".format(self.secret.replace("'", "''"))


def new_raw_key() -> DatabaseKey:
    return DatabaseKey(secrets.token_hex(32), raw=True)


def keyring_key(path: Path) -> DatabaseKey | None:
    """The key the system keyring holds for this database file, if a keyring answers."""
    try:
        import keyring

        found = keyring.get_password(KEYRING_SERVICE, str(path))
    except Exception as exc:  # no keyring service, locked, refused: all mean "ask instead"
        log.info("system keyring not available: %s", type(exc).__name__)
        return None
    try:
        return DatabaseKey(found, raw=True) if found else None
    except ValueError:
        return None


def keep_in_keyring(path: Path, key: DatabaseKey) -> bool:
    """Store a raw key in the system keyring; False when there is no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, str(path), key.secret)
        return keyring.get_password(KEYRING_SERVICE, str(path)) == key.secret
    except Exception as exc:
        log.info("system keyring not available: %s", type(exc).__name__)
        return False
