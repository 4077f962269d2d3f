"""Shading drawn into one image per view: adding a stroke paints only that stroke, and a
repaint is one image blit however many strokes the chart holds."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from bodymap.model import Stroke
from bodymap.ui.body_scene import geometry_path
from bodymap.ui.chart_items import STROKE_ALPHA
from bodymap.ui.coverage import stroke_polygon
from bodymap.ui.theme import intensity_color

SCALE = 2.5  # image pixels per viewBox unit: sharp up to about 2.5x zoom, soft beyond


class StrokeRaster(QGraphicsItem):
    """All strokes of one view and chart, clipped to the body silhouette, as an image."""

    def __init__(self, viewbox: tuple[float, float, float, float], silhouette: QPainterPath):
        super().__init__()
        self._rect = QRectF(*viewbox)
        w, h = int(self._rect.width() * SCALE), int(self._rect.height() * SCALE)
        self.image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        self.image.fill(Qt.GlobalColor.transparent)
        # The body as an alpha mask: clipping a stroke is one composition over its bounds
        # (a clip path as detailed as the silhouette costs ~10 ms per QPainter).
        self.mask = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        self.mask.fill(Qt.GlobalColor.transparent)
        with _Painter(self.mask, self._rect) as p:
            p.fillPath(silhouette, Qt.GlobalColor.black)
        self.strokes: dict[str, Stroke] = {}
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:  # fmt: skip
        if self.strokes:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self._rect, self.image)

    def add(self, stroke: Stroke) -> None:
        self.strokes[stroke.id] = stroke
        with _Painter(self.image, self._rect) as p:
            _draw(p, stroke)
        self._clip_to_body(_bounds(stroke))
        self.update(self._rect)

    def remove(self, stroke_id: str) -> None:
        if self.strokes.pop(stroke_id, None) is not None:
            self.rebuild()

    def replace(self, stroke: Stroke) -> None:
        self.strokes[stroke.id] = stroke
        self.rebuild()

    def clear(self) -> None:
        self.strokes.clear()
        self.rebuild()

    def rebuild(self) -> None:
        self.image.fill(Qt.GlobalColor.transparent)
        if self.strokes:
            with _Painter(self.image, self._rect) as p:
                for s in self.strokes.values():
                    _draw(p, s)
            self._clip_to_body(self._rect)
        self.update(self._rect)

    def _clip_to_body(self, area: QRectF) -> None:
        """Keep only the part of the image inside the body, within `area` (viewBox units)."""
        r = self._rect
        px = QRectF((area.x() - r.x()) * SCALE, (area.y() - r.y()) * SCALE, area.width() * SCALE, area.height() * SCALE)  # fmt: skip
        px = px.toAlignedRect().intersected(self.image.rect())
        p = QPainter(self.image)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        p.drawImage(px, self.mask, px)
        p.end()


class _Painter:
    """A QPainter on an image in viewBox units, ended on exit."""

    def __init__(self, image: QImage, rect: QRectF):
        self.image, self.rect = image, rect

    def __enter__(self) -> QPainter:
        p = QPainter(self.image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(SCALE, SCALE)
        p.translate(-self.rect.x(), -self.rect.y())
        self.painter = p
        return p

    def __exit__(self, *exc: object) -> None:
        self.painter.end()


def _draw(p: QPainter, stroke: Stroke) -> None:
    """The stroke's outline filled translucent, with a darker rim so pale intensities show.

    Filling the (cached) buffer polygon costs a fraction of stroking the line with a wide pen.
    """
    outline = geometry_path(stroke_polygon(stroke.points, stroke.width))
    fill = intensity_color(stroke.intensity)
    fill.setAlpha(STROKE_ALPHA)
    edge = intensity_color(stroke.intensity).darker(140)
    edge.setAlpha(190)
    p.setPen(QPen(edge, 0.9))
    p.setBrush(fill)
    p.drawPath(outline)


def _bounds(stroke: Stroke) -> QRectF:
    xs = [x for x, _ in stroke.points]
    ys = [y for _, y in stroke.points]
    m = stroke.width / 2 + 2
    return QRectF(min(xs) - m, min(ys) - m, max(xs) - min(xs) + 2 * m, max(ys) - min(ys) + 2 * m)
