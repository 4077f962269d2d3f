"""The progress report over a date range: outcome plots, first vs latest chart, region trends."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from bodymap.analysis.progress import (
    ProgressData,
    mcid_threshold,
    progress_data,
    summary_line,
    visits_between,
)
from bodymap.export import colours
from bodymap.export.figures import BodyRow, chart_panels
from bodymap.export.fonts import register_fonts
from bodymap.export.layout import Meta, build_pdf, content_width, markup, para, table
from bodymap.export.legend import chart_legend
from bodymap.export.plots import WARM, LinePlot, Series, Sparkline, Threshold
from bodymap.export.text import check_owner, client_header, day, words
from bodymap.geometry import Atlas
from bodymap.model.client import Client
from bodymap.model.visit import Visit

FIGURE_HEIGHT = 250.0
MCID_NOTE = (
    "Green dashed lines mark a clinically important change from the first visit: about 2 points "
    "or 30% on a 0-10 pain scale (Farrar et al. 2001, Pain 94:149-158), 2 points for the PSFS."
)


def render_progress(client: Client, visits: Sequence[Visit], atlas: Atlas, *,
                    start: date | None = None, end: date | None = None,
                    page_size: str = "A4") -> bytes:  # fmt: skip
    """Progress over the client's visits between start and end (inclusive, either open)."""
    check_owner(client, visits)
    register_fonts()
    width = content_width(page_size)
    chosen = visits_between(visits, start, end)
    data = progress_data(chosen, atlas)
    span = _span(data, start, end)
    story: list[Flowable] = [
        markup("Progress report", "title"),
        para(summary_line(data), "summary"),
        client_header(client, [("Period", span), ("Visits", str(len(chosen)))], width),
        Spacer(1, 4),
    ]
    if data.points:
        story += [markup("Outcome measures over the visits", "h2"), plot_grid(data, width),
                  para(MCID_NOTE, "small"), *medication_section(data, width)]  # fmt: skip
        story += charts_section(chosen, atlas)
        story += region_section(data, width)
    else:
        story.append(para("No visits in this period."))
    meta = Meta(title=f"Progress report {span}", author=_author(chosen),
                subject="Pain body map: progress over visits with outcome measures",
                header=f"{client.name} - progress")  # fmt: skip
    return build_pdf(story, meta, page_size)


def _span(data: ProgressData, start: date | None, end: date | None) -> str:
    first = start or (data.points[0].day if data.points else None)
    last = end or (data.points[-1].day if data.points else None)
    if first is None or last is None:
        return "all visits"
    return f"{day(first)} to {day(last)}"


def _author(visits: Sequence[Visit]) -> str:
    names = sorted({v.therapist for v in visits if v.therapist})
    return ", ".join(names) or "bodymap"


def _threshold(values: Sequence[float | None], *, better_up: bool = False) -> Threshold | None:
    known = [v for v in values if v is not None]
    if not known:
        return None
    level = mcid_threshold(known[0], higher_is_better=better_up)
    return Threshold(level, f"important change ({level:.1f})")


def plot_grid(data: ProgressData, width: float) -> Flowable:
    """Six small plots in two columns: pain, extent, PEG, PSFS, sleep and average pain."""
    pts = data.points
    days = [p.day for p in pts]
    worst = [p.worst for p in pts]
    wakes = [bool(p.pain_wakes) for p in pts]
    extent_max = max([p.extent for p in pts] + [1.0]) * 1.2
    plots = [
        LinePlot("Pain (0-10)", days, [
            Series("worst", worst),
            Series("average (PEG item 1)", [p.average for p in pts], WARM, "square", (3, 1.5)),
        ], y_max=10, y_step=2, threshold=_threshold(worst)),
        LinePlot("Pain extent (% of the body)", days, [Series("extent", [p.extent for p in pts])],
                 y_max=_nice(extent_max), y_step=_step(_nice(extent_max))),
        LinePlot("PEG score (0-10, lower is better)", days, [Series("PEG", [p.peg for p in pts])],
                 y_max=10, y_step=2, threshold=_threshold([p.peg for p in pts])),
        LinePlot("PSFS (0-10, higher is better)", days,
                 [Series("PSFS average", [p.psfs for p in pts], WARM, "triangle")],
                 y_max=10, y_step=2, threshold=_threshold([p.psfs for p in pts], better_up=True)),
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
    first, latest = visits[0], visits[-1]
    panels = chart_panels(atlas, first.pre_chart, f"First visit {day(first.started_at)}")
    if latest is not first:
        panels += chart_panels(atlas, latest.pre_chart, f"Latest visit {day(latest.started_at)}")
    return [markup("First and latest chart (before treatment)", "h2"),
            BodyRow(atlas, panels, FIGURE_HEIGHT), chart_legend()]  # fmt: skip


def region_section(data: ProgressData, width: float) -> list[Flowable]:
    out: list[Flowable] = [markup("Trend per region (worst intensity before treatment)", "h2")]
    if not data.regions:
        return [*out, para("No pain marked at any visit in this period.")]
    rows: list[list[object]] = [["Region", "First", "Latest", "Trend", "Over the visits"]]
    for r in data.regions:
        symbol = colours.CHANGE_STYLE[r.change][1]
        rows.append([words(r.region).capitalize(), str(r.first), str(r.latest),
                     f"{symbol} {r.change.value}", Sparkline(r.series, width * 0.3)])  # fmt: skip
    return [*out, table(rows, [width * f for f in (0.24, 0.1, 0.1, 0.2, 0.36)])]
