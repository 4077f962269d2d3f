"""The progress report over a date range: outcome plots, charts over time, region trends."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from bodymap.analysis.measures import PAIN_RULE, PEG_RULE, PSFS_RULE, pain_mcid_level
from bodymap.analysis.progress import ProgressData, progress_data, summary_line
from bodymap.export import colours
from bodymap.export.figures import BodyRow, chart_panels
from bodymap.export.fonts import register_fonts
from bodymap.export.layout import Meta, build_pdf, content_width, markup, para, table
from bodymap.export.legend import chart_legend
from bodymap.export.plots import WARM, LinePlot, Series, Sparkline, Threshold
from bodymap.export.text import (
    check_owner,
    client_header,
    day,
    red_flag_banner,
    report_meta,
)
from bodymap.geometry import Atlas
from bodymap.model.client import Client
from bodymap.model.intake import Intake
from bodymap.model.visit import Visit

FIGURE_HEIGHT = 170.0  # three visits in small, one scale


def render_progress(client: Client, visits: Sequence[Visit], atlas: Atlas, *,
                    start: date | None = None, end: date | None = None,
                    include_drafts: bool = False, intake: Intake | None = None,
                    page_size: str = "A4") -> bytes:  # fmt: skip
    """Progress over the client's visits between start and end (inclusive, either open).

    Drafts are left out (and counted in the header) unless include_drafts; with them the PDF
    carries a DRAFT watermark. `intake`: the client's current intake revision, whose red flags
    head the report.
    """
    check_owner(client, visits)
    register_fonts()
    width = content_width(page_size)
    data = progress_data(visits, atlas, start=start, end=end, include_drafts=include_drafts)
    by_id = {v.id: v for v in visits}
    chosen = [by_id[p.visit_id] for p in data.points]
    span = _span(data, start, end)
    story: list[Flowable] = [
        markup("Progress report", "title"),
        para(summary_line(data), "summary"),
        client_header(client, [("Period", span), ("Visits", _visit_count(data))], width),
        *red_flag_banner(intake, width),
        Spacer(1, 4),
    ]
    if data.points:
        story += [markup("Outcome measures over the visits", "h2"), plot_grid(data, width),
                  *rule_notes(data), *medication_section(data, width)]  # fmt: skip
        story += charts_section(chosen, atlas)
        story += region_section(data, width)
    else:
        story.append(para(summary_line(data) + "."))
    meta = Meta(title=f"Progress report {span}", author=_author(chosen),
                subject="Pain body map: progress over visits with outcome measures",
                header=f"{client.name} - progress")  # fmt: skip
    draft = not all(p.signed for p in data.points)
    return build_pdf(story, report_meta(meta, intake=intake, draft=draft), page_size)


def _visit_count(data: ProgressData) -> str:
    n = len(data.points)
    drafts = sum(1 for p in data.points if not p.signed)
    text = str(n) + (f", {drafts} of them draft (unsigned)" if drafts else "")
    if data.drafts_left_out:
        left = data.drafts_left_out
        text += f"; {left} draft visit{'s' if left != 1 else ''} (unsigned) left out"
    return text


def _span(data: ProgressData, start: date | None, end: date | None) -> str:
    first = start or (data.points[0].day if data.points else None)
    last = end or (data.points[-1].day if data.points else None)
    if first is None or last is None:
        return "all visits"
    return f"{day(first)} to {day(last)}"


def _author(visits: Sequence[Visit]) -> str:
    names = sorted({v.therapist for v in visits if v.therapist})
    return ", ".join(names) or "bodymap"


def _pain_line(worst: Sequence[int | None]) -> Threshold | None:
    known = [v for v in worst if v is not None]
    level = pain_mcid_level(known[0]) if known else None
    if level is None:
        return None
    return Threshold(level, f"worst ≤ {level:.1f}: clinically important")


def _psfs_line(data: ProgressData) -> Threshold | None:
    first = data.psfs.first if data.psfs is not None else None
    if first is None or first + 2 > 10:
        return None
    return Threshold(first + 2, f"≥ {first + 2:.1f}: beyond measurement error")


def _psfs_title(data: ProgressData) -> str:
    track = data.psfs
    if track is None or not track.activities:
        return "PSFS (0-10, higher is better)"
    n = len(track.activities)
    return f"PSFS average of the {n} activit{'y' if n == 1 else 'ies'} rated first and latest"


def plot_grid(data: ProgressData, width: float) -> Flowable:
    """Five small plots in two columns: pain, extent, PEG, PSFS and sleep."""
    pts = data.points
    days = [p.day for p in pts]
    worst = [p.worst for p in pts]
    wakes = [bool(p.pain_wakes) for p in pts]
    extent_max = max([p.extent for p in pts] + [1.0]) * 1.2
    psfs = list(data.psfs.series) if data.psfs is not None else [None] * len(pts)
    plots = [
        LinePlot("Pain (0-10)", days, [
            Series("worst", worst),
            Series("average (PEG item 1)", [p.average for p in pts], WARM, "square", (3, 1.5)),
        ], y_max=10, y_step=2, threshold=_pain_line(worst)),
        LinePlot("Pain extent (% of the drawn body outline)", days,
                 [Series("extent", [p.extent for p in pts])],
                 y_max=_nice(extent_max), y_step=_step(_nice(extent_max))),
        LinePlot("PEG score (0-10, lower is better)", days, [Series("PEG", [p.peg for p in pts])],
                 y_max=10, y_step=2),
        LinePlot(_psfs_title(data), days, [Series("PSFS average", psfs, WARM, "triangle")],
                 y_max=10, y_step=2, threshold=_psfs_line(data)),
        LinePlot("Sleep (hours a night)", days,
                 [Series("sleep; filled = woken by pain", [p.sleep_hours for p in pts],
                         filled=wakes)], y_max=12, y_step=3),
    ]  # fmt: skip
    col = width / 2 - 6
    rows = [[plots[i], plots[i + 1] if i + 1 < len(plots) else ""] for i in range(0, len(plots), 2)]
    grid = Table(rows, colWidths=[col + 6, col + 6], hAlign="LEFT")
    grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    return grid


def rule_notes(data: ProgressData) -> list[Flowable]:
    """The rule behind every label and dashed line, printed under the plots that use them."""
    notes = [PAIN_RULE, PSFS_RULE, PEG_RULE]
    track = data.psfs
    if track is not None and track.left_out:
        notes.append("PSFS activities rated at only one end, left out of the comparison: "
                     + "; ".join(track.left_out) + ".")  # fmt: skip
    return [para(n, "small") for n in notes]


def _step(top: float) -> float:
    """Gridline spacing giving 4 or 5 round steps."""
    return top / 5 if top in (5, 10, 25, 50, 100) else top / 4


def _nice(value: float) -> float:
    for step in (1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100):
        if value <= step:
            return float(step)
    return 100.0


def medication_section(data: ProgressData, width: float) -> list[Flowable]:
    """Medication as periods of unchanged use, so 50 visits do not make 50 rows."""
    rows: list[list[object]] = [["From", "To", "Visits", "Pain medication"]]
    for first, last, count, text in _runs(data):
        rows.append([day(first), day(last), str(count), text or "not recorded"])
    return [markup("Medication", "h2"), table(rows, [width * f for f in (0.14, 0.14, 0.1, 0.62)])]


def _runs(data: ProgressData) -> list[tuple[date, date, int, str]]:
    out: list[tuple[date, date, int, str]] = []
    for p in data.points:
        if out and out[-1][3] == p.medication:
            first, _, count, text = out[-1]
            out[-1] = (first, p.day, count + 1, text)
        else:
            out.append((p.day, p.day, 1, p.medication))
    return out


def charts_section(visits: Sequence[Visit], atlas: Atlas) -> list[Flowable]:
    """Where the pain was over time: the first, middle and latest charts, small, on one scale."""
    picked = list(dict.fromkeys([visits[0], visits[len(visits) // 2], visits[-1]]))
    names = {1: ["Only"], 2: ["First", "Latest"], 3: ["First", "Middle", "Latest"]}[len(picked)]
    panels = []
    for name, v in zip(names, picked, strict=True):
        draft = "" if v.is_signed else " (DRAFT)"
        panels += chart_panels(atlas, v.pre_chart, f"{name} visit {day(v.started_at)}{draft}")
    return [markup("Where the pain was over time (charts before treatment)", "h2"),
            BodyRow(atlas, panels, FIGURE_HEIGHT), chart_legend()]  # fmt: skip


def region_section(data: ProgressData, width: float) -> list[Flowable]:
    out: list[Flowable] = [markup("Trend per region (worst intensity before treatment)", "h2")]
    if not data.regions:
        return [*out, para("No pain marked at any visit in this period.")]
    rows: list[list[object]] = [["Region", "First", "Latest", "Trend", "Over the visits"]]
    for r in data.regions:
        symbol = colours.CHANGE_STYLE[r.change][1]
        rows.append([r.name, str(r.first), str(r.latest), f"{symbol} {r.change.value}",
                     Sparkline(r.series, width * 0.3)])  # fmt: skip
    return [*out, table(rows, [width * f for f in (0.24, 0.1, 0.1, 0.2, 0.36)])]
