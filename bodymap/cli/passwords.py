"""Reading a password: a prompt that does not echo, or one line of standard input for scripts."""

from __future__ import annotations

import getpass
import os
import sys

from bodymap.cli.errors import CliError


def read_password(prompt: str, *, from_stdin: bool, confirm: bool = False) -> str:
    """The password typed at a prompt (twice with `confirm`), or the first line of stdin."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise CliError("--password-stdin: standard input is empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError("no terminal to ask for the password on: give it with --password-stdin")
    try:
        password = getpass.getpass(prompt)
        if confirm and getpass.getpass("the same again: ") != password:
            raise CliError("the two passwords differ; nothing was changed")
    except EOFError:
        raise CliError("no password given") from None
    return password


DB_PASSPHRASE_ENV = "BODYMAP_DB_PASSPHRASE"  # unlocks an encrypted database
FILE_PASSPHRASE_ENV = "BODYMAP_FILE_PASSPHRASE"  # seals and opens sealed backups and exports


def read_passphrase(prompt: str, env: str, *, confirm: bool = False) -> str:
    """A passphrase from the environment variable `env`, else typed at a prompt (twice with
    `confirm`); a script without a terminal is told which variable to set."""
    given = os.environ.get(env)
    if given:
        return given
    if not sys.stdin.isatty():
        raise CliError(f"no terminal to ask for the passphrase on: set {env}")
    try:
        passphrase = getpass.getpass(prompt)
        if confirm and getpass.getpass("the same again: ") != passphrase:
            raise CliError("the two passphrases differ; nothing was changed")
    except EOFError:
        raise CliError("no passphrase given") from None
    return passphrase
