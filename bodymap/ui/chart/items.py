"""Graphics items for chart items: pain marks, shading strokes, findings and referral arrows."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from bodymap.geometry.strokes import stroke_shape
from bodymap.model import Finding, PainMark, ReferralArrow, Stroke
from bodymap.ui.chart.scene import geometry_path
from bodymap.ui.common.theme import INK, SELECTED, intensity_color, paint_finding, paint_mark

MARK_RADIUS = 11.0  # screen pixels: marks keep their size when zooming
FINDING_RADIUS = 9.0
STROKE_ALPHA = 150


class ChartGraphic:
    """Mixin: the chart item a graphic draws, and whether it belongs to the faint chart."""

    item_id: str
    model: object


class _PointItem(QGraphicsItem, ChartGraphic):
    """A mark or finding: drawn at its point, the same size at every zoom."""

    def __init__(self, item: PainMark | Finding):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.set_model(item)

    def set_model(self, item: PainMark | Finding) -> None:
        self.model, self.item_id = item, item.id
        self.setPos(QPointF(*item.point))
        self.update()


class MarkItem(_PointItem):
    def __init__(self, mark: PainMark):
        super().__init__(mark)
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:
        r = MARK_RADIUS + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addEllipse(QPointF(0, 0), MARK_RADIUS + 2, MARK_RADIUS + 2)
        return p

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:  # fmt: skip
        paint_mark(painter, self.model.intensity, MARK_RADIUS, selected=self.isSelected())  # type: ignore[attr-defined]


class FindingItem(_PointItem):
    def boundingRect(self) -> QRectF:
        r = FINDING_RADIUS + 5
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:  # fmt: skip
        f: Finding = self.model  # type: ignore[assignment]
        if self.isSelected():
            painter.setPen(QPen(SELECTED, 2, Qt.PenStyle.DashLine))
            painter.drawRect(self.boundingRect().adjusted(1, 1, -1, -1))
        paint_finding(painter, f.kind, f.state, FINDING_RADIUS)


def polyline_path(points: tuple[tuple[float, float], ...]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    if len(points) == 1:
        path.lineTo(QPointF(points[0][0] + 0.01, points[0][1]))
    for x, y in points[1:]:
        path.lineTo(x, y)
    return path


def stroke_pen(intensity: int, width: float) -> QPen:
    colour = intensity_color(intensity)
    colour.setAlpha(STROKE_ALPHA)
    return QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)  # fmt: skip


class StrokeItem(QGraphicsPathItem, ChartGraphic):
    """A stroke's hit area and selection outline; its colour is painted by the StrokeRaster."""

    def __init__(self, stroke: Stroke):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.set_model(stroke)

    def set_model(self, stroke: Stroke) -> None:
        self.model, self.item_id = stroke, stroke.id
        self.setPath(polyline_path(stroke.points))
        self.setPen(stroke_pen(stroke.intensity, stroke.width))
        self._outline: QPainterPath | None = None

    def shape(self) -> QPainterPath:
        if self._outline is None:  # built on the first hit test or selection, then kept
            m: Stroke = self.model  # type: ignore[assignment]
            self._outline = geometry_path(stroke_shape(m.points, m.width))
        return self._outline

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:  # fmt: skip
        if not self.isSelected():
            return
        pen = QPen(SELECTED, 1.8, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.shape())


class ArrowItem(QGraphicsPathItem, ChartGraphic):
    """A referral arrow: a dashed curve from the trigger point to where the pain goes."""

    def __init__(self, arrow: ReferralArrow, end: tuple[float, float]):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.set_model(arrow, end)

    def set_model(self, arrow: ReferralArrow, end: tuple[float, float]) -> None:
        self.model, self.item_id = arrow, arrow.id
        self.setPath(arrow_path(QPointF(*arrow.start), QPointF(*end)))
        pen = QPen(INK, 2.2, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)  # fmt: skip
        pen.setCosmetic(True)
        self.setPen(pen)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:  # fmt: skip
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        halo = QPen(QColor(255, 255, 255, 200), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        halo.setCosmetic(True)
        painter.setPen(halo)
        painter.drawPath(self.path())
        pen = QPen(SELECTED if self.isSelected() else self.pen().color(), 2.2)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawPath(self.path())


def arrow_path(a: QPointF, b: QPointF, head: float = 9.0) -> QPainterPath:
    """A gently bowed line from a to b with an open arrowhead at b (viewBox units)."""
    line = QLineF(a, b)
    path = QPainterPath(a)
    if line.length() < 1:
        return path
    normal = line.normalVector().unitVector()
    bow = min(40.0, line.length() * 0.15)
    ctrl = line.center() + QPointF(normal.dx() * bow, normal.dy() * bow)
    path.quadTo(ctrl, b)
    angle = math.atan2(b.y() - ctrl.y(), b.x() - ctrl.x())
    wing = QPolygonF(
        [
            b + QPointF(-head * math.cos(angle - 0.45), -head * math.sin(angle - 0.45)),
            b,
            b + QPointF(-head * math.cos(angle + 0.45), -head * math.sin(angle + 0.45)),
        ]
    )
    path.moveTo(wing[0])
    path.lineTo(wing[1])
    path.lineTo(wing[2])
    return path
