"""Simple drawn symbols for the feelings a client can pick (no emoji font needed)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from bodymap.model import Quality

SIZE = 40


def _path(q: Quality) -> QPainterPath:
    """The symbol's outline in a 40 x 40 box."""
    p = QPainterPath()
    if q is Quality.ACHING:  # a slow wave
        p.moveTo(4, 20)
        for i in range(1, 33):
            p.lineTo(4 + i, 20 + 7 * math.sin(i / 32 * 2 * math.pi))
    elif q is Quality.BURNING:  # a flame
        p.moveTo(20, 4)
        p.cubicTo(30, 16, 32, 24, 28, 31)
        p.cubicTo(24, 38, 16, 38, 12, 31)
        p.cubicTo(8, 24, 12, 18, 16, 14)
        p.cubicTo(16, 20, 19, 23, 21, 22)
        p.cubicTo(22, 16, 21, 10, 20, 4)
    elif q is Quality.SHARP:  # a lightning bolt
        for i, (x, y) in enumerate(((24, 3), (12, 22), (20, 22), (15, 37), (29, 16), (21, 16), (24, 3))):  # fmt: skip
            p.moveTo(x, y) if i == 0 else p.lineTo(x, y)
    elif q is Quality.THROBBING:  # a pulse line
        for i, (x, y) in enumerate(((3, 22), (12, 22), (16, 10), (21, 32), (25, 18), (28, 22), (37, 22))):  # fmt: skip
            p.moveTo(x, y) if i == 0 else p.lineTo(x, y)
    elif q is Quality.TINGLING:  # scattered small dots
        for x, y in ((10, 10), (24, 8), (32, 18), (16, 20), (8, 28), (26, 30), (18, 34)):
            p.addEllipse(QPointF(x, y), 2.2, 2.2)
    else:  # numb: an empty circle
        p.addEllipse(QRectF(8, 8, 24, 24))
    return p


def _pixmap(q: Quality, colour: QColor) -> QPixmap:
    pix = QPixmap(SIZE, SIZE)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)  # fmt: skip
    painter.setPen(pen)
    filled = q in (Quality.TINGLING, Quality.BURNING)
    painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
    if q is Quality.NUMBNESS:
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
    painter.drawPath(_path(q))
    painter.end()
    return pix


def feeling_icon(q: Quality, ink: QColor, on_ink: QColor) -> QIcon:
    """The symbol in the text colour, and in the highlighted-text colour when chosen."""
    icon = QIcon()
    icon.addPixmap(_pixmap(q, ink), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(_pixmap(q, on_ink), QIcon.Mode.Normal, QIcon.State.On)
    return icon
