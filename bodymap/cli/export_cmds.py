"""'bodymap export visit|compare|progress': printable PDF reports written to a file."""

from __future__ import annotations

import argparse
import functools
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bodymap.cli.context import CliContext, CliError

log = logging.getLogger(__name__)
Handler = Callable[[argparse.Namespace, CliContext], int]
EXPORT_DIR = Path("exports")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a printable PDF report")
    kinds = p.add_subparsers(dest="report", metavar="REPORT", required=True)

    k = kinds.add_parser("visit", help="the session chart of one visit")
    k.add_argument("visit_id", metavar="VISIT_ID")
    _common(k)
    k.set_defaults(handler=cmd_visit)
    _register_more(kinds)


def _register_more(kinds: argparse._SubParsersAction) -> None:
    k = kinds.add_parser("compare", help="before/after: pre vs post of a visit, or two visits")
    k.add_argument("visit_id", metavar="VISIT_ID")
    k.add_argument(
        "--with",
        dest="other_id",
        metavar="VISIT_ID",
        help="compare with this visit (the earlier one is 'before')",
    )
    k.add_argument("--chart", choices=("pre", "post"), default="pre",
                   help="between two visits: which chart of each (default: pre)")  # fmt: skip
    _common(k)
    k.set_defaults(handler=cmd_compare)

    k = kinds.add_parser("progress", help="a client's progress over visits (plots and trends)")
    k.add_argument("client_id", metavar="CLIENT_ID", help="client id (a unique prefix will do)")
    k.add_argument(
        "--from",
        dest="start",
        type=parse_day,
        metavar="DATE",
        help="first day (YYYY-MM-DD, default: the first visit)",
    )
    k.add_argument("--to", dest="end", type=parse_day, metavar="DATE",
                   help="last day (YYYY-MM-DD, default: the latest visit)")  # fmt: skip
    _common(k)
    k.set_defaults(handler=cmd_progress)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help="where to write it (default: a generated name in ./exports/)",
    )
    p.add_argument("--page-size", choices=("a4", "letter"), default="a4", type=str.lower,
                   help="paper size (default: a4)")  # fmt: skip


def _reported(handler: Handler) -> Handler:
    """Turn storage and validation errors into one-line CLI errors."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        from bodymap.store import StoreError

        try:
            return handler(args, ctx)
        except (StoreError, ValueError, KeyError) as exc:
            raise CliError(str(exc).strip("'\"")) from None

    return run


def _write(data: bytes, output: str | None, default_name: str) -> Path:
    """Write the PDF to -o FILE, or under ./exports/ with a generated name (never overwriting)."""
    from bodymap.ops.reports import free_path

    if output:
        path = Path(output)
    else:
        EXPORT_DIR.mkdir(parents=True, exist_ok=True)
        path = free_path(EXPORT_DIR, default_name)
    if path.parent and not path.parent.exists():
        raise CliError(f"folder {path.parent} does not exist")
    path.write_bytes(data)
    print(path)
    return path


@_reported
def cmd_visit(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.export import render_visit_chart
    from bodymap.export.naming import visit_filename

    visit = ctx.store.get_visit(args.visit_id)
    client = ctx.store.get_client(visit.client_id)
    data = render_visit_chart(client, visit, ctx.atlas, page_size=args.page_size)
    _write(data, args.output, visit_filename(visit))
    ctx.store.record_event("exported", client_id=client.id, kind="visit", record_id=visit.id)
    return 0


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


@_reported
def cmd_compare(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.export import render_comparison
    from bodymap.export.naming import comparison_filename

    store = ctx.store
    visit = store.get_visit(args.visit_id)
    other = store.get_visit(args.other_id) if args.other_id else None
    if other is not None:
        if other.client_id != visit.client_id:
            raise CliError("the two visits belong to different clients")
        if other.started_at < visit.started_at:
            visit, other = other, visit
    client = store.get_client(visit.client_id)
    data = render_comparison(
        client, visit, ctx.atlas, other=other, slot=args.chart, page_size=args.page_size
    )
    _write(data, args.output, comparison_filename(visit, other))
    store.record_event("exported", client_id=client.id, kind="visit", record_id=visit.id)
    return 0


@_reported
def cmd_progress(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.export import render_progress
    from bodymap.export.naming import progress_filename

    store = ctx.store
    client = store.get_client(store.resolve_client_id(args.client_id))
    if args.start and args.end and args.start > args.end:
        raise CliError("--from is after --to")
    data = render_progress(
        client,
        store.visits(client.id),
        ctx.atlas,
        start=args.start,
        end=args.end,
        page_size=args.page_size,
    )
    _write(data, args.output, progress_filename(client.id, args.start, args.end))
    store.record_event("exported", client_id=client.id, kind="client", record_id=client.id)
    return 0
