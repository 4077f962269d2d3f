"""'bodymap export visit|compare|progress': printable PDF reports written to a file."""

from __future__ import annotations

import argparse
import functools
import logging
from datetime import date
from pathlib import Path

from bodymap.cli.context import CliContext, CliError, Handler, reported
from bodymap.cli.crypt_cmds import SEAL_HELP, SEALED_SUFFIX, file_passphrase
from bodymap.files import private_dir, write_atomic

log = logging.getLogger(__name__)
EXPORT_DIR = Path("exports")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a printable PDF report")
    kinds = p.add_subparsers(dest="report", metavar="REPORT", required=True)

    k = kinds.add_parser("visit", help="the session chart of one visit")
    k.add_argument("visit_id", metavar="VISIT_ID")
    _common(k)
    k.set_defaults(handler=cmd_visit, other_id=None, chart="pre", include_drafts=False)
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
    _drafts(k, "compare a draft (unsigned) visit; the PDF is then marked DRAFT")
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
    _drafts(k, "use draft (unsigned) visits too (default: signed visits only); the PDF is "
               "then marked DRAFT")  # fmt: skip
    k.set_defaults(handler=cmd_progress)


def _drafts(p: argparse.ArgumentParser, text: str) -> None:
    p.add_argument("--include-drafts", action="store_true", help=text)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help="where to write it (default: a generated name in ./exports/)",
    )
    p.add_argument("--encrypt", action="store_true", help=SEAL_HELP)
    p.add_argument("--page-size", choices=("a4", "letter"), default="a4", type=str.lower,
                   help="paper size (default: a4)")  # fmt: skip


def _reported(handler: Handler) -> Handler:
    """The shared one-line CLI errors, with the reports' hint for a draft visit."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        from bodymap.analysis.progress import DraftVisitError

        try:
            return handler(args, ctx)
        except DraftVisitError as exc:
            raise CliError(str(exc.told("pass --include-drafts"))) from None

    return reported(run)


def _write(data: bytes, args: argparse.Namespace, default_name: str) -> Path:
    """Write the PDF to -o FILE, or under ./exports/ with a generated name (never overwriting);
    sealed with a passphrase under --encrypt."""
    from bodymap.files.sealed import seal
    from bodymap.ops.reports import free_path

    if args.encrypt:
        data, default_name = seal(data, file_passphrase(True)), default_name + SEALED_SUFFIX
    output = args.output
    path = Path(output) if output else free_path(private_dir(EXPORT_DIR), default_name)
    if path.parent and not path.parent.exists():
        raise CliError(f"folder {path.parent} does not exist")
    write_atomic(path, data)  # complete or not at all: a full disk leaves no 0-byte PDF
    print(path)
    return path


def _report(args: argparse.Namespace, ctx: CliContext, kind: str) -> int:
    """Render a visit or comparison report the way the window does (ops.reports)."""
    from bodymap.ops import reports

    req = reports.ReportRequest(kind, args.visit_id, args.other_id, args.page_size,
                                include_drafts=args.include_drafts, slot=args.chart)  # fmt: skip
    data = reports.render_report(ctx.store, ctx.atlas, req)
    _write(data, args, reports.suggested_name(ctx.store, req))
    visit = ctx.store.get_visit(args.visit_id)
    ctx.store.record_event("exported", client_id=visit.client_id, kind="visit", record_id=visit.id)
    return 0


@_reported
def cmd_visit(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.ops.reports import VISIT

    return _report(args, ctx, VISIT)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


@_reported
def cmd_compare(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.ops.reports import COMPARE

    return _report(args, ctx, COMPARE)


@_reported
def cmd_progress(args: argparse.Namespace, ctx: CliContext) -> int:
    from bodymap.export.naming import progress_filename
    from bodymap.ops.reports import progress_pdf

    store = ctx.store
    client_id = store.resolve_client_id(args.client_id)
    if args.start and args.end and args.start > args.end:
        raise CliError("--from is after --to")
    data = progress_pdf(store, ctx.atlas, client_id, start=args.start, end=args.end,
                        include_drafts=args.include_drafts, page_size=args.page_size)  # fmt: skip
    _write(data, args, progress_filename(client_id, args.start, args.end))
    store.record_event("exported", client_id=client_id, kind="client", record_id=client_id)
    return 0
