"""Encryption on the command line: keys for new databases, sealed files, and `decrypt`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from bodymap.cli.context import CliContext, CliError, reported
from bodymap.cli.passwords import DB_PASSPHRASE_ENV, FILE_PASSPHRASE_ENV, read_passphrase

if TYPE_CHECKING:
    from bodymap.store import DatabaseKey

SEALED_SUFFIX = ".sealed"
SEAL_HELP = (
    "seal the file with a passphrase (AES-256-GCM; from BODYMAP_FILE_PASSPHRASE or asked); "
    "`bodymap decrypt` opens it"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("decrypt", help="open a sealed backup or export with its passphrase")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(handler=cmd_decrypt)


def file_passphrase(confirm: bool) -> str:
    """The passphrase that seals (asked twice) or opens a file."""
    from bodymap.files.sealed import SealError, check_passphrase

    typed = read_passphrase("passphrase for the file: ", FILE_PASSPHRASE_ENV, confirm=confirm)
    try:
        return check_passphrase(typed) if confirm else typed
    except SealError as exc:
        raise CliError(str(exc)) from None


def new_database_key(path: Path, passphrase: bool) -> DatabaseKey:
    """The key for a new encrypted database: a random one the keyring keeps, else a passphrase.

    The keyring must hold the key before the database exists, so no file is ever made with a
    key that was not kept.
    """
    from bodymap.files.sealed import MIN_PASSPHRASE
    from bodymap.store import DatabaseKey
    from bodymap.store.keys import keep_in_keyring, new_raw_key

    if not passphrase:
        key = new_raw_key()
        if keep_in_keyring(path, key):
            print("the database key is kept in the system keyring")
            return key
        print("no system keyring answered: the database is locked with a passphrase instead")
    typed = read_passphrase(f"new passphrase for {path}: ", DB_PASSPHRASE_ENV, confirm=True)
    if len(typed) < MIN_PASSPHRASE:
        raise CliError(f"passphrase: use at least {MIN_PASSPHRASE} characters")
    return DatabaseKey(typed)


@reported
def cmd_decrypt(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.files import write_atomic
    from bodymap.files.sealed import unseal

    data = unseal(Path(args.file).read_bytes(), file_passphrase(False))
    print(write_atomic(Path(args.output), data))
    return 0
