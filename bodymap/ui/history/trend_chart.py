"""A small QPainter trend: worst pain (0-10, left axis) and pain extent (% of the drawn body outline) over visits."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from bodymap.analysis import VisitPoint

PAIN_COLOR = QColor("#c2410c")
EXTENT_COLOR = QColor("#2f6fb5")
GRID = QColor("#d9dde3")


def _nice_max(value: float) -> float:
    for step in (5, 10, 20, 25, 50, 100):
        if value <= step:
            return float(step)
    return 100.0


class TrendChart(QWidget):
    """Oldest visit on the left; missing values leave gaps in the line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: tuple[VisitPoint, ...] = ()
        self.setMinimumHeight(150)
        self.setAccessibleName(self.tr("Pain and extent over visits"))

    def sizeHint(self) -> QSize:
        return QSize(420, 170)

    def set_points(self, points: Sequence[VisitPoint]) -> None:
        self.points = tuple(points)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = p.fontMetrics()
        plot = QRectF(34, 22, self.width() - 34 - 46, self.height() - 22 - fm.height() - 8)
        if not self.points:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No visits yet"))
            return
        ext_max = _nice_max(max(pt.extent for pt in self.points))
        p.setPen(QPen(GRID, 1))
        for k in range(0, 11, 5):
            y = plot.bottom() - plot.height() * k / 10
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(PAIN_COLOR)
            p.drawText(QRectF(0, y - 8, 30, 16), Qt.AlignmentFlag.AlignRight, str(k))
            p.setPen(EXTENT_COLOR)
            p.drawText(QRectF(plot.right() + 4, y - 8, 44, 16), Qt.AlignmentFlag.AlignLeft, f"{ext_max * k / 10:g}%")  # fmt: skip
            p.setPen(QPen(GRID, 1))
        n = len(self.points)

        def x_at(i: int) -> float:
            return plot.center().x() if n == 1 else plot.left() + plot.width() * i / (n - 1)

        pain = [(x_at(i), pt.worst) for i, pt in enumerate(self.points)]
        extent = [(x_at(i), pt.extent / ext_max * 10) for i, pt in enumerate(self.points)]
        for series, color in ((extent, EXTENT_COLOR), (pain, PAIN_COLOR)):
            self._line(p, plot, series, color)
        p.setPen(self.palette().text().color())
        for i in sorted({0, n - 1}):
            label = f"{self.points[i].day:%d %b}"
            p.drawText(QRectF(x_at(i) - 40, plot.bottom() + 4, 80, fm.height()), Qt.AlignmentFlag.AlignCenter, label)  # fmt: skip
        p.setPen(PAIN_COLOR)
        p.drawText(QRectF(plot.left(), 2, 200, 18), Qt.AlignmentFlag.AlignLeft, self.tr("● worst pain /10"))  # fmt: skip
        p.setPen(EXTENT_COLOR)
        key = self.tr("■ pain extent, % of the drawn body outline")
        width = fm.horizontalAdvance(key) + 4  # as wide as the words, whatever the font
        p.drawText(QRectF(plot.right() - width, 2, width, 18), Qt.AlignmentFlag.AlignRight, key)  # fmt: skip

    def _line(self, p: QPainter, plot: QRectF, series: list, color: QColor) -> None:
        p.setPen(QPen(color, 2))
        p.setBrush(color)
        last: QPointF | None = None
        for x, v in series:
            if v is None:
                last = None
                continue
            pt = QPointF(x, plot.bottom() - plot.height() * v / 10)
            if last is not None:
                p.drawLine(last, pt)
            p.drawEllipse(pt, 3, 3)
            last = pt
