"""Chart items on a figure: shading, tap marks, palpation findings and referral arrows."""

from __future__ import annotations

import math

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from bodymap.export import colours
from bodymap.export.body import ViewTransform, body_paths, fill_ops, geom_ops
from bodymap.export.fonts import BOLD
from bodymap.geometry import Atlas
from bodymap.geometry.strokes import stroke_shape
from bodymap.model.arrows import arrow_end
from bodymap.model.chart import Chart, Finding, ReferralArrow
from bodymap.model.values import FindingKind, TriggerPointState

MARK_RADIUS = 5.0  # points
STROKE_ALPHA = 0.45
ZONE_ALPHA = 0.35
BADGES = {
    FindingKind.HYPERTONICITY: "HT",
    FindingKind.SPASM: "SP",
    FindingKind.ADHESION: "ADH",
    FindingKind.INFLAMMATION: "INF",
}
WHITE = HexColor("#FFFFFF")


def draw_chart(canv: Canvas, chart: Chart, atlas: Atlas, view: str, tf: ViewTransform) -> None:
    """Everything of one chart on one view, in the order the screen stacks it."""
    canv.saveState()
    draw_zone_tints(canv, chart, atlas, view, tf)
    draw_strokes(canv, chart, view, tf)
    for arrow in chart.arrows:
        if arrow.view == view:
            draw_arrow(canv, arrow, atlas, tf)
    taken: list[tuple[float, float]] = []
    for mark in chart.marks:
        if mark.view == view:
            taken.append(tf.pt(*mark.point))
            draw_mark(canv, *taken[-1], mark.intensity)
    for finding in chart.findings:
        if finding.view == view:
            x, y = place(tf.pt(*finding.point), taken)
            taken.append((x, y))
            draw_finding(canv, finding, x, y)
    canv.restoreState()


# Findings sit beside their point, so they do not hide a mark tapped on the same spot; of
# these offsets (points) the one farthest from the marks and findings already drawn wins.
OFFSETS = ((6.5, -6.5), (-6.5, -6.5), (6.5, 6.5), (-6.5, 6.5), (9.0, 0.0), (-9.0, 0.0))


def place(at: tuple[float, float], taken: list[tuple[float, float]]) -> tuple[float, float]:
    """Where to draw a finding near `at`, clear of the symbols already drawn where possible."""
    best, best_gap = (at[0] + OFFSETS[0][0], at[1] + OFFSETS[0][1]), -1.0
    for dx, dy in OFFSETS:
        x, y = at[0] + dx, at[1] + dy
        gap = min((math.hypot(x - tx, y - ty) for tx, ty in taken), default=99.0)
        if gap >= 9.0:
            return x, y
        if gap > best_gap:
            best, best_gap = (x, y), gap
    return best


def draw_zone_tints(canv: Canvas, chart: Chart, atlas: Atlas, view: str, tf: ViewTransform) -> None:
    """A tap mark stands for its whole zone: tint the zone lightly in the mark's colour."""
    zones = body_paths(atlas, view).zone_ops
    worst: dict[str, int] = {}
    for m in chart.marks:
        if m.view == view and m.zone in zones:
            worst[m.zone] = max(worst.get(m.zone, 0), m.intensity)
    if not worst:
        return
    with tf.applied(canv):
        canv.setFillAlpha(ZONE_ALPHA)
        for level in sorted(set(worst.values())):
            canv.setFillColor(colours.intensity_colour(level))
            fill_ops(canv, " ".join(zones[z] for z, i in worst.items() if i == level))


def draw_strokes(canv: Canvas, chart: Chart, view: str, tf: ViewTransform) -> None:
    """Shading as translucent buffered paths, grouped by intensity (one path per colour)."""
    by_level: dict[int, list[str]] = {}
    for s in chart.strokes:
        if s.view == view:
            shape = stroke_shape(s.points, s.width).simplify(0.3)
            by_level.setdefault(s.intensity, []).append(geom_ops(shape))
    if not by_level:
        return
    with tf.applied(canv):
        canv.setFillAlpha(STROKE_ALPHA)
        canv.setStrokeAlpha(0.8)
        canv.setLineWidth(0.4 / tf.scale)
        for level, shapes in sorted(by_level.items()):
            fill = colours.intensity_colour(level)
            canv.setFillColor(fill)
            # A darker edge keeps faint (low-intensity) shading visible in greyscale.
            canv.setStrokeColor(colours.darker(fill))
            # Each stroke is filled on its own so overlaps darken rather than cancel out.
            for ops in shapes:
                canv.addLiteral(ops + " B*")


def draw_mark(canv: Canvas, x: float, y: float, intensity: int, r: float = MARK_RADIUS) -> None:
    """A circle in the intensity's colour with the number inside."""
    fill = colours.intensity_colour(intensity)
    canv.setFillColor(fill)
    canv.setStrokeColor(colours.INK)
    canv.setLineWidth(0.5)
    canv.circle(x, y, r, stroke=1, fill=1)
    canv.setFillColor(colours.text_on(fill))
    canv.setFont(BOLD, r * 1.25)
    canv.drawCentredString(x, y - r * 0.43, str(intensity))


def draw_finding(canv: Canvas, finding: Finding, x: float, y: float) -> None:
    """The finding's symbol centred on (x, y) in points."""
    if finding.kind is FindingKind.TRIGGER_POINT:
        draw_trigger_point(canv, x, y, finding.state is TriggerPointState.ACTIVE)
    elif finding.kind is FindingKind.TENDER_POINT:
        draw_tender_point(canv, x, y)
    else:
        draw_badge(canv, x, y, BADGES[finding.kind])


def draw_trigger_point(canv: Canvas, x: float, y: float, active: bool, r: float = 3.6) -> None:
    """X in a circle: filled for an active trigger point, open for a latent one."""
    canv.setLineWidth(0.7)
    canv.setStrokeColor(colours.INK)
    canv.setFillColor(colours.INK if active else WHITE)
    canv.circle(x, y, r, stroke=1, fill=1)
    canv.setStrokeColor(WHITE if active else colours.INK)
    d = r * 0.55
    canv.line(x - d, y - d, x + d, y + d)
    canv.line(x - d, y + d, x + d, y - d)


def draw_tender_point(canv: Canvas, x: float, y: float, r: float = 3.6) -> None:
    """An open diamond with a dot: tender on palpation, without referral."""
    canv.setLineWidth(0.7)
    canv.setStrokeColor(colours.INK)
    canv.setFillColor(WHITE)
    p = canv.beginPath()
    p.moveTo(x, y + r)
    p.lineTo(x + r, y)
    p.lineTo(x, y - r)
    p.lineTo(x - r, y)
    p.close()
    canv.drawPath(p, stroke=1, fill=1)
    canv.setFillColor(colours.INK)
    canv.circle(x, y, 0.8, stroke=0, fill=1)


def draw_badge(canv: Canvas, x: float, y: float, text: str, size: float = 5.0) -> None:
    """A small rounded letter badge (HT, SP, ADH, INF)."""
    width = canv.stringWidth(text, BOLD, size) + 3
    canv.setLineWidth(0.5)
    canv.setStrokeColor(colours.INK)
    canv.setFillColor(WHITE)
    canv.roundRect(x - width / 2, y - size * 0.75, width, size * 1.5, 1.5, stroke=1, fill=1)
    canv.setFillColor(colours.INK)
    canv.setFont(BOLD, size)
    canv.drawCentredString(x, y - size * 0.36, text)


def draw_arrow(canv: Canvas, arrow: ReferralArrow, atlas: Atlas, tf: ViewTransform) -> None:
    """A dashed line from the source to the referral target with a filled head."""
    end = arrow_end(arrow, atlas)
    if end is None:  # a target off this view has no point here (the model refuses such arrows)
        return
    (x0, y0), (x1, y1) = tf.pt(*arrow.start), tf.pt(*end)
    draw_arrow_line(canv, x0, y0, x1, y1, colours.ARROW)


def draw_arrow_line(canv: Canvas, x0: float, y0: float, x1: float, y1: float, colour: Color,
                    head: float = 4.5) -> None:  # fmt: skip
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * head, y1 - uy * head
    canv.saveState()
    canv.setStrokeColor(colour)
    canv.setFillColor(colour)
    canv.setLineWidth(0.8)
    canv.setDash(2.5, 1.5)
    canv.line(x0, y0, bx, by)
    canv.setDash()
    p = canv.beginPath()
    p.moveTo(x1, y1)
    p.lineTo(bx - uy * head * 0.45, by + ux * head * 0.45)
    p.lineTo(bx + uy * head * 0.45, by - ux * head * 0.45)
    p.close()
    canv.drawPath(p, stroke=0, fill=1)
    canv.restoreState()
