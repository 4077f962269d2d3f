"""A platypus flowable that lays out body figures side by side on one common scale."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from bodymap.export import colours
from bodymap.export.body import ViewTransform, draw_body, draw_sides, frame
from bodymap.export.fonts import BOLD
from bodymap.export.items import draw_chart
from bodymap.geometry import Atlas
from bodymap.model.chart import Chart

Overlay = Callable[[Canvas, ViewTransform], None]
CAPTION = 14.0  # room above the figures for a group caption
FOOT = 14.0  # room below for FRONT / BACK
GAP = 10.0  # between the figures of a group
GROUP_GAP = 28.0


@dataclass(frozen=True)
class Panel:
    """One figure: a view of the body, what to draw on it, and the group caption it sits under."""

    view: str
    group: str
    overlay: Overlay | None = None


def chart_panels(atlas: Atlas, chart: Chart, group: str) -> list[Panel]:
    """One panel per view, each showing the chart's items on that view."""

    def overlay_for(view: str) -> Overlay:
        return lambda canv, tf: draw_chart(canv, chart, atlas, view, tf)

    return [Panel(v, group, overlay_for(v)) for v in atlas.views]


class BodyRow(Flowable):  # type: ignore[misc]
    """Figures in a row, grouped under captions, all at one scale so sizes compare."""

    def __init__(self, atlas: Atlas, panels: Sequence[Panel], height: float):
        super().__init__()
        self.atlas = atlas
        self.panels = list(panels)
        self.fig_height = height
        self._box = frame(atlas)

    def _widths(self, fig_height: float) -> tuple[float, float]:
        scale = fig_height / self._box[3]
        fig_w = self._box[2] * scale
        groups = len({p.group for p in self.panels})
        total = len(self.panels) * fig_w + (len(self.panels) - groups) * GAP
        return fig_w, total + (groups - 1) * GROUP_GAP

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, total = self._widths(self.fig_height)
        if total > avail_width:  # shrink to fit the frame, keeping one scale for all
            self.fig_height *= avail_width / total
        self.avail_width = avail_width
        return avail_width, self.fig_height + CAPTION + FOOT

    def draw(self) -> None:
        canv: Canvas = self.canv
        fig_w, total = self._widths(self.fig_height)
        scale = self.fig_height / self._box[3]
        left, top = self._box[0], self._box[1]
        x = (self.avail_width - total) / 2
        y = FOOT
        extents: dict[str, list[float]] = {}
        previous = None
        for panel in self.panels:
            if previous is not None:
                x += GAP if panel.group == previous else GROUP_GAP
            tf = ViewTransform(scale, x, y + self.fig_height, left, top)
            draw_body(canv, self.atlas, panel.view, tf)
            if panel.overlay is not None:
                panel.overlay(canv, tf)
            draw_sides(canv, panel.view, x, y, fig_w, self.fig_height)
            extents.setdefault(panel.group, [x, x])[1] = x + fig_w
            previous = panel.group
            x += fig_w
        for group, (x0, x1) in extents.items():
            self._caption(canv, group, x0, x1)

    def _caption(self, canv: Canvas, text: str, x0: float, x1: float) -> None:
        if not text:
            return
        canv.saveState()
        canv.setFillColor(colours.HEADER_BG)
        y = FOOT + self.fig_height + 2
        canv.rect(x0, y, x1 - x0, CAPTION - 3, stroke=0, fill=1)
        canv.setFillColor(colours.INK)
        canv.setFont(BOLD, 8.5)
        canv.drawCentredString((x0 + x1) / 2, y + 3, text)
        canv.restoreState()
