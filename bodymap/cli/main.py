"""Entry point: parses global options, dispatches a subcommand, or starts the GUI."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from bodymap.cli import (
    atlas_cmds,
    clinic_cmds,
    crypt_cmds,
    explain_cmds,
    export_cmds,
    gui_cmds,
    records_cmds,
    referral_cmds,
)
from bodymap.cli.context import CliContext, CliError, file_error

# Each module adds its subcommands with register(subparsers); order sets the help listing.
COMMAND_MODULES = [
    atlas_cmds, records_cmds, crypt_cmds, export_cmds, referral_cmds, explain_cmds, clinic_cmds,
    gui_cmds,
]  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bodymap",
        description="Chart pain on an anatomical body map. Without a command, opens the app.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: bodymap.sqlite in the user data folder)",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=os.environ.get("BODYMAP_USER") or None,
        help="sign in as NAME where the database has accounts (default: $BODYMAP_USER)",
    )
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    parser.add_argument("--atlas", metavar="PATH", help="a custom atlas (SVG file or folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (or the GUI) and return the process exit status."""
    if os.name == "posix":
        os.umask(0o077)  # health records: every file and folder made is its user's alone
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    ctx = CliContext(
        db=args.db, atlas_path=args.atlas, user=args.user, password_stdin=args.password_stdin
    )
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from bodymap.app import run_gui

            return run_gui(ctx)
        return int(handler(args, ctx) or 0)
    except CliError as exc:
        print(f"bodymap: {exc}", file=sys.stderr)
        return exc.status
    except OSError as exc:  # a file problem no command turned into a message
        print(f"bodymap: {file_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
