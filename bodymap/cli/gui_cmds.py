"""Command `bodymap screenshot`: render the charting window offscreen to a PNG."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bodymap.cli.context import CliContext, CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "screenshot",
        help="save a picture of the charting window (demo client in a temporary DB by default)",
    )
    p.add_argument("--client", metavar="ID", help="client id (a unique prefix will do)")
    p.add_argument("--visit", metavar="ID", help="visit id (default: the client's latest)")
    p.add_argument("-o", "--output", metavar="FILE.png", required=True)
    p.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT (1280x800)")
    p.add_argument("--dark", action="store_true", help="use the dark palette")
    p.add_argument("--mode", choices=("tap", "shade", "findings"), default="tap")
    p.add_argument("--post", action="store_true", help="show the post-treatment chart")
    p.set_defaults(handler=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise CliError(f"--size: {args.size!r} is not WIDTHxHEIGHT") from None
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="bodymap-shot-") as tmp:
        demo = ctx.db is None and args.client is None
        if demo:
            ctx.db = str(Path(tmp) / "demo.sqlite")
        from bodymap.ui.shell.screenshot import render_window

        try:
            render_window(
                ctx.open_store(create=demo), ctx.atlas, Path(args.output), client=args.client, visit=args.visit,
                size=(width, height), dark=args.dark, mode=args.mode, post=args.post,
            )  # fmt: skip
        except (LookupError, ValueError) as exc:
            raise CliError(str(exc)) from None
        finally:
            ctx.close()
    print(args.output)
    return 0
