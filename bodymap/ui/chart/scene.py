"""The body map scene: front and back SVGs side by side, and the one viewBox <-> scene mapping."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsTextItem
from shapely.geometry.base import BaseGeometry

from bodymap.geometry import Atlas, Zone
from bodymap.ui.common.theme import HOVER

GAP = 90.0  # scene units between the two views
TOP = 40.0  # room above the bodies for the view titles


@dataclass(frozen=True)
class BodyPoint:
    """A point in one view's viewBox units (the coordinates the model stores)."""

    view: str
    x: float
    y: float


def geometry_path(geom: BaseGeometry) -> QPainterPath:
    """A QPainterPath of a (multi)polygon's rings, in its own coordinates."""
    path = QPainterPath()
    polys = getattr(geom, "geoms", [geom])
    for poly in polys:
        for ring in [poly.exterior, *poly.interiors]:
            pts = list(ring.coords)
            path.moveTo(*pts[0])
            for x, y in pts[1:]:
                path.lineTo(x, y)
            path.closeSubpath()
    return path


class BodyScene(QGraphicsScene):
    """Both views laid out left to right; chart items live in each view's clip layer."""

    def __init__(self, atlas: Atlas, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.atlas = atlas
        self.origins: dict[str, QPointF] = {}
        self.boxes: dict[str, QRectF] = {}
        self.clip_layers: dict[str, QGraphicsPathItem] = {}
        self.free_layers: dict[str, QGraphicsPathItem] = {}
        self._renderers: list[QSvgRenderer] = []
        self._zone_paths: dict[str, QPainterPath] = {}
        self._hover_zone: str | None = None
        self.titles: list[QGraphicsTextItem] = []
        x = 0.0
        for view in atlas.views:
            x = self._add_view(view, x) + GAP
        self.hover_item = QGraphicsPathItem()
        self.hover_item.setBrush(QBrush(HOVER))
        self.hover_item.setPen(QPen(QColor(70, 120, 200, 160), 0))
        self.hover_item.setZValue(5)
        self.hover_item.setVisible(False)
        self.addItem(self.hover_item)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-20, -10, 20, 20))

    def _add_view(self, view: str, x: float) -> float:
        info = self.atlas.view(view)
        vx, vy, vw, vh = info.viewbox
        renderer = QSvgRenderer(QByteArray(info.svg_bytes))
        self._renderers.append(renderer)
        svg = QGraphicsSvgItem()
        svg.setSharedRenderer(renderer)
        size = renderer.defaultSize()
        if size.width() > 0:
            svg.setScale(vw / size.width())
        svg.setPos(x, TOP)
        svg.setZValue(0)
        # Rendered once per zoom level, then blitted: hover and marks repaint cheaply.
        svg.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.addItem(svg)
        origin = QPointF(x - vx, TOP - vy)
        self.origins[view] = origin
        self.boxes[view] = QRectF(x, TOP, vw, vh)
        clip = QGraphicsPathItem(geometry_path(info.silhouette))
        clip.setPen(QPen(Qt.PenStyle.NoPen))
        clip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        clip.setPos(origin)
        clip.setZValue(2)
        self.addItem(clip)
        self.clip_layers[view] = clip
        free = QGraphicsPathItem()  # unclipped items (marks, findings, arrows) of this view
        free.setPen(QPen(Qt.PenStyle.NoPen))
        free.setPos(origin)
        free.setZValue(10)
        self.addItem(free)
        self.free_layers[view] = free
        self._add_titles(view, x, vw)
        return x + vw

    def _add_titles(self, view: str, x: float, width: float) -> None:
        font = QFont()
        font.setPixelSize(22)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        title = self.addText(self.tr("FRONT") if view == "front" else self.tr("BACK"), font)
        title.setDefaultTextColor(QColor("#7b8494"))
        title.setPos(x + width / 2 - title.boundingRect().width() / 2, 0)
        self.titles.append(title)
        # Patient's sides: on the front the patient's right is on the viewer's left.
        left, right = ("R", "L") if view == "front" else ("L", "R")
        small = QFont(font)
        small.setPixelSize(20)
        small.setBold(True)
        for text, tx in ((left, x + 8), (right, x + width - 26)):
            item = self.addText(text, small)
            item.setDefaultTextColor(QColor("#9aa3b2"))
            item.setPos(tx, TOP + 170)
            item.setToolTip(self.tr("The patient's own side"))
            self.titles.append(item)

    def set_dark(self, dark: bool) -> None:
        for t in self.titles:
            t.setDefaultTextColor(QColor("#aab3c2") if dark else QColor("#7b8494"))

    # -- the one place where scene and viewBox coordinates meet -----------------------

    def to_scene(self, view: str, x: float, y: float) -> QPointF:
        return self.origins[view] + QPointF(x, y)

    def from_scene(self, p: QPointF) -> BodyPoint:
        """The view under (or nearest to) a scene point, in that view's viewBox units."""
        best = min(self.boxes, key=lambda v: _distance_x(self.boxes[v], p.x()))
        local = p - self.origins[best]
        return BodyPoint(best, local.x(), local.y())

    def view_rect(self, view: str) -> QRectF:
        return self.boxes[view]

    # -- hover --------------------------------------------------------------------

    def zone_path(self, zone: Zone) -> QPainterPath:
        path = self._zone_paths.get(zone.id)
        if path is None:
            path = geometry_path(zone.polygon)
            self._zone_paths[zone.id] = path
        return path

    def show_hover(self, zone: Zone | None) -> None:
        zone_id = zone.id if zone is not None else None
        if zone_id == self._hover_zone:
            return  # called on every pointer move: repaint only when the zone changes
        self._hover_zone = zone_id
        if zone is None:
            self.hover_item.setVisible(False)
            return
        self.hover_item.setPath(self.zone_path(zone))
        self.hover_item.setPos(self.origins[zone.view])
        self.hover_item.setVisible(True)


def _distance_x(box: QRectF, x: float) -> float:
    if box.left() <= x <= box.right():
        return 0.0
    return min(abs(x - box.left()), abs(x - box.right()))
