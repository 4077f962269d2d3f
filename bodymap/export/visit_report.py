"""The session chart of one visit: header, both views before and after, zones, notes, outcomes."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from bodymap.analysis.measures import ExtentChange
from bodymap.analysis.zones import ZonePain, pain_extent, zone_pain
from bodymap.export.figures import BodyRow, Panel, chart_panels
from bodymap.export.fonts import register_fonts
from bodymap.export.layout import Meta, build_pdf, content_width, markup, para, table
from bodymap.export.legend import chart_legend
from bodymap.export.text import (
    check_owner,
    client_header,
    outcome_rows,
    red_flag_banner,
    report_meta,
    short_id,
    visit_line,
    words,
    zone_cells,
)
from bodymap.geometry import Atlas
from bodymap.model.client import Client
from bodymap.model.intake import Intake
from bodymap.model.values import FindingKind
from bodymap.model.visit import Visit

FIGURE_HEIGHT = 300.0


def render_visit_chart(client: Client, visit: Visit, atlas: Atlas, *, intake: Intake | None = None,
                       page_size: str = "A4") -> bytes:  # fmt: skip
    """The printable session chart of one visit as PDF bytes (a draft carries a watermark).

    `intake`: the client's current intake revision, whose red flags head the report.
    """
    check_owner(client, [visit])
    register_fonts()
    width = content_width(page_size)
    story: list[Flowable] = [
        markup("Session chart", "title"),
        client_header(
            client,
            [
                ("Visit", visit_line(visit)),
                ("Therapist", visit.therapist or "-"),
                ("Visit id", short_id(visit.id)),
            ],
            width,
        ),  # fmt: skip
        *red_flag_banner(intake, width),
        Spacer(1, 6),
        BodyRow(atlas, figure_panels(atlas, visit), FIGURE_HEIGHT),
        Spacer(1, 2),
        chart_legend(),
    ]
    story += zone_section(visit, atlas, width)
    story += findings_section(visit, atlas, width)
    story += notes_section(visit, width)
    meta = Meta(
        title=f"Session chart {visit.started_at:%Y-%m-%d}",
        subject="Pain body map: session chart with zones, notes and outcome measures",
        author=visit.therapist or "bodymap",
        header=f"{client.name} - visit {visit.started_at:%Y-%m-%d}",
    )
    return build_pdf(story, report_meta(meta, intake=intake, draft=not visit.is_signed), page_size)


def figure_panels(atlas: Atlas, visit: Visit) -> list[Panel]:
    panels = chart_panels(atlas, visit.pre_chart, "Before treatment")
    if not visit.post_chart.is_empty:
        panels += chart_panels(atlas, visit.post_chart, "After treatment")
    return panels


def extent_text(visit: Visit, atlas: Atlas) -> str:
    before = pain_extent(visit.pre_chart, atlas)
    head = f"Pain extent: {before:.1f}% of the drawn body outline before treatment"
    if visit.post_chart.is_empty:
        return f"{head} (no chart after)."
    after = ExtentChange(before, pain_extent(visit.post_chart, atlas))
    return f"{head}, {after.after:.1f}% after ({after.change_words()})."


def zone_section(visit: Visit, atlas: Atlas, width: float) -> list[Flowable]:
    pre, post = zone_pain(visit.pre_chart, atlas), zone_pain(visit.post_chart, atlas)
    out: list[Flowable] = [markup("Zones involved", "h2"), para(extent_text(visit, atlas))]
    if not pre and not post:
        return [*out, para("No pain marked on this visit's charts.")]
    rows: list[list[object]] = [["Zone", "Region", "Before", "After", "Qualities"]]
    # Worst first; ties by zone id, so the table reads the same every time it is printed.
    order = sorted(pre.keys() | post.keys(), key=lambda z: (-max(_i(pre, z), _i(post, z)), z))
    for z in order:
        quals = {q: None for p in (pre.get(z), post.get(z)) if p for q in p.qualities}
        rows.append([*zone_cells(atlas, z), _s(pre, z), _s(post, z),
                     ", ".join(words(q) for q in quals)])  # fmt: skip
    out.append(table(rows, [width * f for f in (0.34, 0.13, 0.09, 0.09, 0.35)]))
    return out


def _i(pain: dict[str, ZonePain], zone: str) -> int:
    return pain[zone].intensity if zone in pain else -1


def _s(pain: dict[str, ZonePain], zone: str) -> str:
    return str(pain[zone].intensity) if zone in pain else "-"


def findings_section(visit: Visit, atlas: Atlas, width: float) -> list[Flowable]:
    rows: list[list[object]] = [["Chart", "Finding", "Zone", "Muscle / note"]]
    for slot, chart in (("before", visit.pre_chart), ("after", visit.post_chart)):
        for f in chart.findings:
            kind = words(f.kind)
            if f.kind is FindingKind.TRIGGER_POINT and f.state is not None:
                kind = f"{words(f.state)} {kind}"
            detail = "; ".join(t for t in (f.muscle, f.note) if t)
            rows.append([slot, kind, zone_cells(atlas, f.zone)[0], detail])
    if len(rows) == 1:
        return []
    widths = [width * f for f in (0.1, 0.22, 0.3, 0.38)]
    return [markup("Palpation findings", "h2"), table(rows, widths)]


def notes_section(visit: Visit, width: float) -> list[Flowable]:
    s = visit.soap
    rows: list[list[object]] = [["Note", "Text"]]
    for name, text in (("Subjective", s.subjective), ("Objective", s.objective),
                       ("Assessment", s.assessment), ("Plan", s.plan)):  # fmt: skip
        if text:
            rows.append([name, text])
    techniques = ", ".join(words(t) for t in visit.techniques)
    if visit.technique_other:
        techniques = ", ".join(t for t in (techniques, visit.technique_other) if t)
    care = ", ".join(words(c) for c in visit.self_care)
    if visit.self_care_text:
        care = ". ".join(t for t in (care, visit.self_care_text) if t)
    rows.append(["Techniques", techniques or "-"])
    rows.append(["Self-care advice", care or "-"])
    out: list[Flowable] = [
        markup("Notes and treatment", "h2"),
        table(rows, [width * 0.18, width * 0.82]),
    ]
    measures = outcome_rows(visit.outcomes)
    if measures:
        block = [markup("Outcome measures", "h2"),
                 table([["Measure", "Value"], *measures], [width * 0.18, width * 0.82])]  # fmt: skip
        out.append(KeepTogether(block))
    return out
