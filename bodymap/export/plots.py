"""Small line plots over visits (vector, no charting library): series, markers, MCID line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from bodymap.export import colours
from bodymap.export.fonts import BOLD, FONT

DARK = HexColor("#1F3B73")
WARM = HexColor("#B35806")
PAD_LEFT, PAD_BOTTOM, PAD_TOP, PAD_RIGHT = 24.0, 14.0, 24.0, 6.0


@dataclass(frozen=True)
class Series:
    """One line: a value per visit (None: not recorded), drawn with its own dash and marker."""

    name: str
    values: Sequence[float | None]
    colour: Color = DARK
    marker: str = "circle"  # circle, square or triangle
    dash: tuple[float, ...] = ()
    filled: Sequence[bool] = field(default=())  # per point; empty: all filled


@dataclass(frozen=True)
class Threshold:
    """A dashed horizontal line, e.g. the clinically important change from the first visit."""

    value: float
    label: str


class LinePlot(Flowable):  # type: ignore[misc]
    """A titled plot of series against visit dates, x spaced by days."""

    def __init__(self, title: str, days: Sequence[date], series: Sequence[Series], *,
                 y_max: float, y_step: float, threshold: Threshold | None = None,
                 height: float = 118.0):  # fmt: skip
        super().__init__()
        self.title, self.days, self.series = title, list(days), list(series)
        self.y_max, self.y_step, self.threshold = y_max, y_step, threshold
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def _x(self, i: int) -> float:
        span = (self.days[-1] - self.days[0]).days if len(self.days) > 1 else 0
        inner = self.width - PAD_LEFT - PAD_RIGHT - 8
        if span == 0:
            return PAD_LEFT + 4 + inner / 2
        return PAD_LEFT + 4 + inner * (self.days[i] - self.days[0]).days / span

    def _y(self, v: float) -> float:
        return PAD_BOTTOM + (self.height - PAD_BOTTOM - PAD_TOP) * min(v, self.y_max) / self.y_max

    def draw(self) -> None:
        canv: Canvas = self.canv
        canv.setFont(BOLD, 8)
        canv.setFillColor(colours.INK)
        canv.drawString(0, self.height - 9, self.title)
        self._axes(canv)
        if self.threshold is not None:
            self._threshold(canv, self.threshold)
        for s in self.series:
            self._series(canv, s)
        if self.threshold is not None:  # over the data, so a line crossing it cannot hide it
            self._threshold_label(canv, self.threshold)
        self._key(canv)

    def _axes(self, canv: Canvas) -> None:
        top, right = self.height - PAD_TOP, self.width - PAD_RIGHT
        canv.setLineWidth(0.3)
        canv.setFont(FONT, 6)
        v = 0.0
        while v <= self.y_max + 1e-9:
            y = self._y(v)
            canv.setStrokeColor(colours.RULE)
            canv.line(PAD_LEFT, y, right, y)
            canv.setFillColor(colours.MUTED)
            canv.drawRightString(PAD_LEFT - 3, y - 2, f"{v:g}")
            v += self.y_step
        canv.setStrokeColor(colours.MUTED)
        canv.line(PAD_LEFT, PAD_BOTTOM, PAD_LEFT, top)
        canv.line(PAD_LEFT, PAD_BOTTOM, right, PAD_BOTTOM)
        n = len(self.days)
        step = max(1, round(n / 6))
        ticks = sorted(set(range(0, n, step)) | {n - 1}) if n else []
        last_x = -99.0
        for i in ticks:
            x = self._x(i)
            canv.line(x, PAD_BOTTOM, x, PAD_BOTTOM - 2)
            if x - last_x > 26:
                canv.drawCentredString(x, PAD_BOTTOM - 9, self.days[i].strftime("%d %b"))
                last_x = x

    def _threshold(self, canv: Canvas, t: Threshold) -> None:
        y = self._y(t.value)
        canv.saveState()
        canv.setStrokeColor(HexColor("#009E73"))
        canv.setLineWidth(0.8)
        canv.setDash(4, 2)
        canv.line(PAD_LEFT, y, self.width - PAD_RIGHT, y)
        canv.restoreState()

    def _threshold_label(self, canv: Canvas, t: Threshold) -> None:
        y = self._y(t.value)
        canv.saveState()
        canv.setFont(FONT, 6)
        # A white backing keeps the label readable where it crosses the data.
        label_w = canv.stringWidth(t.label, FONT, 6)
        canv.setFillColor(HexColor("#FFFFFF"))
        canv.rect(self.width - PAD_RIGHT - label_w - 1, y + 1, label_w + 1, 7, stroke=0, fill=1)
        canv.setFillColor(HexColor("#00694D"))
        canv.drawRightString(self.width - PAD_RIGHT, y + 2, t.label)
        canv.restoreState()

    def _series(self, canv: Canvas, s: Series) -> None:
        pts = [(self._x(i), self._y(v), i) for i, v in enumerate(s.values) if v is not None]
        canv.saveState()
        canv.setStrokeColor(s.colour)
        canv.setLineWidth(1.1)
        if s.dash:
            canv.setDash(*s.dash)
        if len(pts) > 1:
            path = canv.beginPath()
            path.moveTo(pts[0][0], pts[0][1])
            for x, y, _ in pts[1:]:
                path.lineTo(x, y)
            canv.drawPath(path, stroke=1, fill=0)
        canv.setDash()
        size = 2.2 if len(pts) <= 20 else 1.5  # smaller markers where visits crowd
        for x, y, i in pts:
            filled = s.filled[i] if i < len(s.filled) else True
            marker(canv, s.marker, x, y, s.colour, filled, size)
        canv.restoreState()

    def _key(self, canv: Canvas) -> None:
        x = 0.0
        y = self.height - 18
        canv.setFont(FONT, 6.5)
        for s in self.series:
            marker(canv, s.marker, x + 3, y + 2, s.colour, True)
            canv.setFillColor(colours.INK)
            canv.drawString(x + 8, y, s.name)
            x += 14 + canv.stringWidth(s.name, FONT, 6.5)


def marker(canv: Canvas, kind: str, x: float, y: float, colour: Color, filled: bool,
           r: float = 2.2) -> None:  # fmt: skip
    """A plot marker; open markers are white inside."""
    canv.setStrokeColor(colour)
    canv.setFillColor(colour if filled else HexColor("#FFFFFF"))
    canv.setLineWidth(0.8)
    if kind == "square":
        canv.rect(x - r, y - r, 2 * r, 2 * r, stroke=1, fill=1)
    elif kind == "triangle":
        p = canv.beginPath()
        p.moveTo(x, y + r * 1.2)
        p.lineTo(x + r * 1.1, y - r)
        p.lineTo(x - r * 1.1, y - r)
        p.close()
        canv.drawPath(p, stroke=1, fill=1)
    else:
        canv.circle(x, y, r, stroke=1, fill=1)


class Sparkline(Flowable):  # type: ignore[misc]
    """A tiny 0-10 line for a table cell."""

    def __init__(self, values: Sequence[float], width: float = 80.0, height: float = 12.0):
        super().__init__()
        self.values, self.width, self.height = list(values), width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        n = len(self.values)
        if n == 0:
            return
        canv.setStrokeColor(colours.RULE)
        canv.setLineWidth(0.3)
        canv.line(0, 1, self.width, 1)
        pts = [(self.width * (i / (n - 1) if n > 1 else 0.5), 1 + (self.height - 2) * v / 10)
               for i, v in enumerate(self.values)]  # fmt: skip
        canv.setStrokeColor(DARK)
        canv.setLineWidth(0.9)
        if n > 1:
            path = canv.beginPath()
            path.moveTo(*pts[0])
            for p in pts[1:]:
                path.lineTo(*p)
            canv.drawPath(path, stroke=1, fill=0)
        canv.setFillColor(DARK)
        canv.circle(*pts[-1], 1.3, stroke=0, fill=1)
