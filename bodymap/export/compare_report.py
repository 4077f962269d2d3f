"""The before/after comparison: two charts on one scale, zone changes, extent, overlap, shift."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from bodymap.analysis.compare import ChartComparison, ZoneChange, compare_charts
from bodymap.analysis.progress import refuse_drafts
from bodymap.analysis.zones import region_words
from bodymap.export import colours
from bodymap.export.body import ViewTransform, body_paths, fill_ops
from bodymap.export.figures import BodyRow, Panel, chart_panels
from bodymap.export.fonts import register_fonts
from bodymap.export.layout import Meta, build_pdf, content_width, markup, para, table
from bodymap.export.legend import change_legend, change_symbol, chart_legend
from bodymap.export.text import (
    check_owner,
    client_header,
    red_flag_banner,
    report_meta,
    visit_line,
    zone_cells,
)
from bodymap.geometry import Atlas
from bodymap.model.chart import Chart
from bodymap.model.client import Client
from bodymap.model.intake import Intake
from bodymap.model.visit import Visit

FIGURE_HEIGHT = 255.0
CHANGE_HEIGHT = 235.0
CHANGE_ALPHA = 0.75
SHIFT_NOTE = (
    "Centralisation (McKenzie): the most distal extent of pain along a limb moving toward the "
    "spine; peripheralisation: moving away from it. Pain that only eases or clears elsewhere "
    "while reaching as far as before is no change in distribution."
)


@dataclass(frozen=True)
class Side:
    """One side of the comparison: the chart and how the report names it."""

    chart: Chart
    caption: str
    detail: str


def render_comparison(client: Client, visit: Visit, atlas: Atlas, *, other: Visit | None = None,
                      slot: str = "pre", include_drafts: bool = False,
                      intake: Intake | None = None, page_size: str = "A4") -> bytes:  # fmt: skip
    """Compare pre vs post treatment of one visit, or (with `other`) visit vs other visit.

    Between two visits, `slot` picks which chart of each is compared ("pre" by default: the
    state the client arrived in). A draft is compared only with include_drafts (else
    DraftVisitError), and the PDF then carries a DRAFT watermark. `intake`: the client's
    current intake revision, whose red flags head the report.
    """
    visits = [visit] if other is None else [visit, other]
    check_owner(client, visits)
    refuse_drafts(visits, include_drafts=include_drafts)
    if other is None:
        before = Side(visit.pre_chart, "Before treatment", f"{visit_line(visit)}, pre-treatment")
        after = Side(visit.post_chart, "After treatment", "same visit, post-treatment")
    else:
        before = Side(visit.chart(slot), _caption(visit),
                      f"{visit_line(visit)}, {slot}-treatment chart")  # fmt: skip
        after = Side(other.chart(slot), _caption(other),
                     f"{visit_line(other)}, {slot}-treatment chart")  # fmt: skip
    meta = Meta(
        title=f"Comparison {visit.started_at:%Y-%m-%d} / {other.started_at:%Y-%m-%d}"
        if other is not None
        else f"Pre/post comparison {visit.started_at:%Y-%m-%d}",
        subject="Pain body map: before/after comparison of two charts",
        author=visit.therapist or "bodymap",
        header=f"{client.name} - comparison",
    )
    meta = report_meta(meta, intake=intake, draft=not all(v.is_signed for v in visits))
    return render_chart_comparison(client, before, after, atlas, meta=meta, intake=intake,
                                   page_size=page_size)  # fmt: skip


def _caption(visit: Visit) -> str:
    return f"{visit.started_at:%Y-%m-%d}" + ("" if visit.is_signed else " (DRAFT)")


def render_chart_comparison(client: Client, before: Side, after: Side, atlas: Atlas, *,
                            meta: Meta, intake: Intake | None = None,
                            page_size: str = "A4") -> bytes:  # fmt: skip
    """The comparison report of any two charts of one client."""
    register_fonts()
    width = content_width(page_size)
    result = compare_charts(before.chart, after.chart, atlas)
    story: list[Flowable] = [
        markup("Before/after comparison", "title"),
        para(result.summary_line(), "summary"),
        client_header(client, [("Before", before.detail), ("After", after.detail)], width),
        *red_flag_banner(intake, width),
        Spacer(1, 6),
        BodyRow(
            atlas,
            chart_panels(atlas, before.chart, before.caption)
            + chart_panels(atlas, after.chart, after.caption),
            FIGURE_HEIGHT,
        ),  # fmt: skip
        chart_legend(),
        markup("Zone changes", "h2"),
        BodyRow(atlas, change_panels(atlas, result), CHANGE_HEIGHT),
        change_legend(),
        markup("Measures", "h2"),
        measures_table(result, width),
        para(SHIFT_NOTE, "small"),
        markup("Zones", "h2"),
    ]
    story.append(zone_table(result.zones, atlas, width) if result.zones
                 else para("No pain marked on either chart."))  # fmt: skip
    return build_pdf(story, meta, page_size)


def change_panels(atlas: Atlas, result: ChartComparison) -> list[Panel]:
    def overlay_for(view: str):  # type: ignore[no-untyped-def]
        return lambda canv, tf: draw_changes(canv, result.zones, atlas, view, tf)

    return [Panel(v, "Change per zone", overlay_for(v)) for v in atlas.views]


def draw_changes(canv: Canvas, zones: tuple[ZoneChange, ...], atlas: Atlas, view: str,
                 tf: ViewTransform) -> None:  # fmt: skip
    """Each changed zone filled in its category's colour, with the category's symbol on it."""
    shapes = body_paths(atlas, view).zone_ops
    mine = [z for z in zones if z.zone in shapes]
    canv.saveState()
    with tf.applied(canv):
        canv.setFillAlpha(CHANGE_ALPHA)
        for z in mine:
            canv.setFillColor(colours.CHANGE_STYLE[z.change][0])
            fill_ops(canv, shapes[z.zone])
    for z in mine:
        change_symbol(canv, *tf.pt(*atlas.zone(z.zone).point), z.change, r=4.0)
    canv.restoreState()


def measures_table(result: ChartComparison, width: float) -> Flowable:
    e = result.extent
    involved_b = sum(1 for z in result.zones if (z.before or 0) > 0)
    involved_a = sum(1 for z in result.zones if (z.after or 0) > 0)
    jac = "-" if result.jaccard is None else f"{result.jaccard:.2f}"
    reach_b, reach_a = _reach(result, before=True), _reach(result, before=False)
    rows = [
        ["Measure", "Before", "After", "Change"],
        ["Pain extent (% of the drawn body outline)", f"{e.before:.1f}%", f"{e.after:.1f}%",
         "unchanged" if e.unchanged else e.change_words()],
        ["Zones with pain", str(involved_b), str(involved_a), f"{involved_a - involved_b:+d}"],
        ["Overlap of the pain areas (Jaccard, 0-1)", "", "", jac],
        ["Most distal pain per limb (centralisation)", reach_b, reach_a, result.shift.kind],
    ]  # fmt: skip
    return table(rows, [width * f for f in (0.34, 0.22, 0.22, 0.22)])


def _reach(result: ChartComparison, *, before: bool) -> str:
    """ "right arm: hand; left leg: knee": how far down each limb the pain reaches."""
    reach = result.shift.before if before else result.shift.after
    parts = [f"{limb}: {region_words(r.region)}" for limb, r in sorted(reach.items())]
    return "; ".join(parts) or "no limb"


def zone_table(zones: tuple[ZoneChange, ...], atlas: Atlas, width: float) -> Flowable:
    rows: list[list[object]] = [["Zone", "Region", "Before", "After", "Change", "Status"]]
    for z in zones:
        symbol = colours.CHANGE_STYLE[z.change][1]
        rows.append([*zone_cells(atlas, z.zone),
                     "-" if z.before is None else str(z.before),
                     "-" if z.after is None else str(z.after),
                     f"{z.delta:+d}", f"{symbol} {z.change.value}"])  # fmt: skip
    return table(rows, [width * f for f in (0.36, 0.14, 0.1, 0.1, 0.1, 0.2)])
