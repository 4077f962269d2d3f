"""Legends: the intensity scale, the chart symbols and the change categories."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from bodymap.analysis.compare import CHANGE_ORDER, Change
from bodymap.export import colours
from bodymap.export.fonts import BOLD, FONT
from bodymap.export.items import (
    BADGES,
    STROKE_ALPHA,
    ZONE_ALPHA,
    draw_arrow_line,
    draw_badge,
    draw_mark,
    draw_tender_point,
    draw_trigger_point,
)

Symbol = Callable[[Canvas, float, float], None]  # draws centred on (x, y)
ROW = 14.0
SYMBOL_W = 14.0
FONT_SIZE = 7.5

BADGE_NAMES = {"HT": "hypertonicity", "SP": "spasm", "ADH": "adhesion", "INF": "inflammation"}


class Legend(Flowable):  # type: ignore[misc]
    """Symbol-and-label entries flowing left to right, wrapping onto further rows."""

    def __init__(self, entries: Sequence[tuple[Symbol, str]], title: str = "", scale: bool = False):
        super().__init__()
        self.entries = list(entries)
        self.title = title
        self.scale = scale

    def _rows(self, width: float) -> list[list[tuple[Symbol, str, float]]]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        rows: list[list[tuple[Symbol, str, float]]] = [[]]
        x = stringWidth(self.title, BOLD, FONT_SIZE) + 8 if self.title else 0
        for symbol, label in self.entries:
            w = SYMBOL_W + stringWidth(label, FONT, FONT_SIZE) + 12
            if x + w > width and rows[-1]:
                rows.append([])
                x = 0
            rows[-1].append((symbol, label, w))
            x += w
        return rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.rows = self._rows(avail_width)
        return avail_width, ROW * (len(self.rows) + (1 if self.scale else 0)) + 2

    def draw(self) -> None:
        canv: Canvas = self.canv
        y = ROW * (len(self.rows) + (1 if self.scale else 0)) - ROW / 2
        x0 = 0.0
        if self.title:
            canv.setFont(BOLD, FONT_SIZE)
            canv.setFillColor(colours.INK)
            canv.drawString(0, y - 2.5, self.title)
            x0 = canv.stringWidth(self.title, BOLD, FONT_SIZE) + 8
        if self.scale:
            draw_scale(canv, x0, y)
            y -= ROW
        for row in self.rows:
            x = x0 if row is self.rows[0] and not self.scale else 0.0
            for symbol, label, w in row:
                canv.saveState()
                symbol(canv, x + SYMBOL_W / 2, y)
                canv.restoreState()
                canv.setFont(FONT, FONT_SIZE)
                canv.setFillColor(colours.INK)
                canv.drawString(x + SYMBOL_W + 2, y - 2.6, label)
                x += w
            y -= ROW


def draw_scale(canv: Canvas, x: float, y: float) -> None:
    """Pain intensity 0-10 as numbered swatches, light (mild) to dark (worst)."""
    canv.setFont(FONT, FONT_SIZE)
    canv.setFillColor(colours.INK)
    canv.drawString(x, y - 2.6, "Pain intensity (0-10):")
    x += canv.stringWidth("Pain intensity (0-10):", FONT, FONT_SIZE) + 5
    for i in range(11):
        fill = colours.intensity_colour(i)
        canv.setFillColor(fill)
        canv.setStrokeColor(colours.INK)
        canv.setLineWidth(0.3)
        canv.rect(x, y - 5, 16, 10, stroke=1, fill=1)
        canv.setFillColor(colours.text_on(fill))
        canv.setFont(BOLD, 6.5)
        canv.drawCentredString(x + 8, y - 2.3, str(i))
        x += 16


def _shading(canv: Canvas, x: float, y: float) -> None:
    canv.setFillColor(colours.intensity_colour(6))
    canv.setFillAlpha(STROKE_ALPHA)
    canv.roundRect(x - 6, y - 3.5, 12, 7, 3.5, stroke=0, fill=1)


def _tint(canv: Canvas, x: float, y: float) -> None:
    canv.setFillColor(colours.intensity_colour(6))
    canv.setFillAlpha(ZONE_ALPHA)
    canv.setStrokeColor(colours.ZONE_LINE)
    canv.rect(x - 6, y - 4, 12, 8, stroke=1, fill=1)


def chart_legend() -> Legend:
    """The symbols of a chart figure, with the intensity scale above them."""
    entries: list[tuple[Symbol, str]] = [
        (lambda c, x, y: draw_mark(c, x, y, 6), "tap mark (intensity)"),
        (_tint, "zone of a tap mark"),
        (_shading, "shaded area"),
        (lambda c, x, y: draw_trigger_point(c, x, y, True), "active trigger point"),
        (lambda c, x, y: draw_trigger_point(c, x, y, False), "latent trigger point"),
        (draw_tender_point, "tender point"),
    ]
    for text in BADGES.values():
        entries.append((functools.partial(draw_badge, text=text), BADGE_NAMES[text]))
    entries.append(
        (lambda c, x, y: draw_arrow_line(c, x - 7, y, x + 7, y, colours.ARROW), "referral")
    )
    return Legend(entries, scale=True)


def change_symbol(canv: Canvas, x: float, y: float, change: Change, r: float = 4.2) -> None:
    """A change category's colour disc with its symbol (readable without colour)."""
    colour, symbol = colours.CHANGE_STYLE[change]
    canv.setFillColor(colour)
    canv.setStrokeColor(colours.INK)
    canv.setLineWidth(0.4)
    canv.circle(x, y, r, stroke=1, fill=1)
    canv.setFillColor(colours.text_on(colour))
    canv.setFont(BOLD, r * 1.6)
    canv.drawCentredString(x, y - r * 0.55, symbol)


def change_legend() -> Legend:
    entries: list[tuple[Symbol, str]] = [
        (functools.partial(change_symbol, change=ch), ch.value) for ch in CHANGE_ORDER
    ]
    return Legend(entries, title="Zone change:")
