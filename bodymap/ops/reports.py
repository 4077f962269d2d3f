"""Report use cases for the GUI: safe default names and writing a rendered PDF to a file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bodymap.export import render_comparison, render_progress, render_visit_chart
from bodymap.export.naming import comparison_filename, progress_filename, visit_filename
from bodymap.files import write_atomic
from bodymap.geometry import Atlas
from bodymap.model import Intake, Visit
from bodymap.model.visit import check_slot
from bodymap.store import Store

VISIT, COMPARE, PROGRESS = "visit", "compare", "progress"
KINDS = (VISIT, COMPARE, PROGRESS)
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class ReportRequest:
    """Which report of which visit (or client), on which paper."""

    kind: str
    visit_id: str
    other_id: str | None = None  # comparison with another visit; None = pre vs post
    page_size: str = "A4"
    start: date | None = None  # progress: first and last day
    end: date | None = None
    include_drafts: bool = False  # comparison, progress: may an unsigned visit be used?
    slot: str = "pre"  # between two visits: which chart of each

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind: {self.kind!r} is not one of {', '.join(KINDS)}")
        check_slot(self.slot)
        if self.page_size.lower() not in (p.lower() for p in PAGE_SIZES):
            raise ValueError(f"page_size: {self.page_size!r} is not one of A4, Letter")


def _ordered(store: Store, req: ReportRequest) -> tuple[Visit, Visit | None]:
    """(before, after): the open visit alone, or the earlier of two visits of one client first."""
    visit = store.get_visit(req.visit_id)
    if req.kind != COMPARE or req.other_id is None:
        return visit, None
    other = store.get_visit(req.other_id)
    if other.client_id != visit.client_id:
        raise ValueError("the two visits belong to different clients")
    if other.id == visit.id:
        return visit, None
    return (other, visit) if other.started_at < visit.started_at else (visit, other)


def suggested_name(store: Store, req: ReportRequest) -> str:
    """The generated file name for a report: ids and dates, never the client's name."""
    before, after = _ordered(store, req)
    if req.kind == VISIT:
        return visit_filename(before)
    if req.kind == COMPARE:
        return comparison_filename(before, after)
    return progress_filename(before.client_id, req.start, req.end)


def free_path(folder: Path, name: str) -> Path:
    """folder/name, or folder/name-2.pdf, -3 ... so an earlier report is never overwritten."""
    path, n = folder / name, 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return path


def render_report(store: Store, atlas: Atlas, req: ReportRequest) -> bytes:
    """The PDF bytes of a report (bodymap.export does the drawing).

    Every report carries the red flags of the client's current intake revision. Raises
    DraftVisitError when a comparison would use a draft without req.include_drafts.
    """
    before, after = _ordered(store, req)
    if req.kind == PROGRESS:
        return progress_pdf(store, atlas, before.client_id, start=req.start, end=req.end,
                            include_drafts=req.include_drafts, page_size=req.page_size)  # fmt: skip
    client = store.get_client(before.client_id)
    intake = current_intake(store, client.id)
    if req.kind == VISIT:
        return render_visit_chart(client, before, atlas, intake=intake, page_size=req.page_size)
    return render_comparison(client, before, atlas, other=after, slot=req.slot,
                             include_drafts=req.include_drafts, intake=intake,
                             page_size=req.page_size)  # fmt: skip


def progress_pdf(store: Store, atlas: Atlas, client_id: str, *, start: date | None = None,
                 end: date | None = None, include_drafts: bool = False,
                 page_size: str = "A4") -> bytes:  # fmt: skip
    """The progress report of a client's visits from start to end (either open)."""
    client = store.get_client(client_id)
    return render_progress(client, store.visits(client.id), atlas, start=start, end=end,
                           include_drafts=include_drafts, intake=current_intake(store, client.id),
                           page_size=page_size)  # fmt: skip


def current_intake(store: Store, client_id: str) -> Intake | None:
    """The latest intake revision: the one whose red flags every report repeats."""
    intakes = store.intakes(client_id)
    return intakes[-1] if intakes else None


def export_report(store: Store, atlas: Atlas, req: ReportRequest, path: str | Path) -> Path:
    """Render a report and write it to `path` (complete or not at all); returns the path.

    Raises StoreError, ValueError or OSError with a message a therapist can act on.
    """
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    write_atomic(target, render_report(store, atlas, req))
    store.record_event("exported", kind="visit", record_id=req.visit_id)
    return target
