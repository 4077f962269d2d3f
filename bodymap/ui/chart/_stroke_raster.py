"""Shading drawn into one image per view: adding a stroke paints only that stroke, and a
repaint is one image blit however many strokes the chart holds."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from bodymap.geometry import Atlas
from bodymap.geometry.strokes import stroke_shape
from bodymap.model import Stroke
from bodymap.ui.chart.items import STROKE_ALPHA
from bodymap.ui.chart.scene import geometry_path
from bodymap.ui.common.theme import intensity_color

SCALE = 2.5  # image pixels per viewBox unit: sharp up to about 2.5x zoom, soft beyond


_MASKS: dict[tuple[int, str], tuple[object, QImage]] = {}


def body_mask(atlas: Atlas, view: str) -> QImage:
    """The body of one view as an 8-bit alpha mask at SCALE, built once per atlas and view.

    Clipping a stroke is then one composition over its bounds (a clip path as detailed as
    the silhouette costs ~10 ms per QPainter).
    """
    key = (id(atlas), view)
    found = _MASKS.get(key)
    if found is not None and found[0] is atlas:
        return found[1]
    info = atlas.view(view)
    rect = QRectF(*info.viewbox)
    mask = QImage(
        int(rect.width() * SCALE), int(rect.height() * SCALE), QImage.Format.Format_Alpha8
    )
    mask.fill(Qt.GlobalColor.transparent)
    with _Painter(mask, rect) as p:
        p.fillPath(geometry_path(info.silhouette), Qt.GlobalColor.black)
    _MASKS[key] = (atlas, mask)
    return mask


class StrokeRaster(QGraphicsItem):
    """All strokes of one view and chart, clipped to the body silhouette, as an image."""

    def __init__(self, viewbox: tuple[float, float, float, float], mask: QImage):
        super().__init__()
        self._rect = QRectF(*viewbox)
        self.mask = mask  # shared by every raster of this view: see body_mask()
        self._image: QImage | None = None  # allocated with the first stroke
        self.strokes: dict[str, Stroke] = {}
        self._outlines: dict[str, QPainterPath] = {}  # kept so a rebuild only repaints
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._rect

    @property
    def image(self) -> QImage:
        if self._image is None:
            self._image = QImage(self.mask.size(), QImage.Format.Format_ARGB32_Premultiplied)
            self._image.fill(Qt.GlobalColor.transparent)
        return self._image

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:  # fmt: skip
        if self.strokes and self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self._rect, self.image)

    def add(self, stroke: Stroke) -> None:
        self.strokes[stroke.id] = stroke
        with _Painter(self.image, self._rect) as p:
            _draw(p, stroke, self._outline(stroke))
        self._clip_to_body(_bounds(stroke))
        self.update(self._rect)

    def remove(self, stroke_id: str) -> None:
        self._outlines.pop(stroke_id, None)
        old = self.strokes.pop(stroke_id, None)
        if old is not None:
            self._repaint_area(_bounds(old))

    def replace(self, stroke: Stroke) -> None:
        old = self.strokes.get(stroke.id)
        self.strokes[stroke.id] = stroke
        self._outlines.pop(stroke.id, None)
        area = _bounds(stroke)
        self._repaint_area(area.united(_bounds(old)) if old is not None else area)

    def _repaint_area(self, area: QRectF) -> None:
        """Repaint only the strokes crossing `area` (an undo costs what is near the stroke)."""
        px = self._pixels(area)
        p = QPainter(self.image)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        p.fillRect(px, Qt.GlobalColor.transparent)
        p.end()
        with _Painter(self.image, self._rect) as p:
            p.setClipRect(area)
            for s in self.strokes.values():
                if _bounds(s).intersects(area):
                    _draw(p, s, self._outline(s))
        self._clip_to_body(area)
        self.update(self._rect)

    def forget(self) -> None:
        """Drop every stroke without repainting (a new chart is about to be loaded)."""
        self.strokes.clear()
        self._outlines.clear()

    def clear(self) -> None:
        self.strokes.clear()
        self._outlines.clear()
        self.rebuild()

    def rebuild(self) -> None:
        if not self.strokes:
            self._image = None  # an empty chart holds no image memory
            self.update(self._rect)
            return
        self.image.fill(Qt.GlobalColor.transparent)
        with _Painter(self.image, self._rect) as p:
            for s in self.strokes.values():
                _draw(p, s, self._outline(s))
        self._clip_to_body(self._rect)
        self.update(self._rect)

    def _outline(self, stroke: Stroke) -> QPainterPath:
        path = self._outlines.get(stroke.id)
        if path is None:
            path = self._outlines[stroke.id] = geometry_path(stroke_shape(stroke.points, stroke.width))  # fmt: skip
        return path

    def _pixels(self, area: QRectF) -> QRect:
        r = self._rect
        px = QRectF((area.x() - r.x()) * SCALE, (area.y() - r.y()) * SCALE, area.width() * SCALE, area.height() * SCALE)  # fmt: skip
        return px.toAlignedRect().intersected(self.image.rect())

    def _clip_to_body(self, area: QRectF) -> None:
        """Keep only the part of the image inside the body, within `area` (viewBox units)."""
        px = self._pixels(area)
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


def _draw(p: QPainter, stroke: Stroke, outline: QPainterPath) -> None:
    """The stroke's outline filled translucent, with a darker rim so pale intensities show.

    Filling the (cached) buffer polygon costs a fraction of stroking the line with a wide pen.
    """
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
