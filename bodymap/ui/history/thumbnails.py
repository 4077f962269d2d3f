"""Small pictures of a chart: atlas zones drawn with QPainter, filled by their worst pain."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from bodymap.analysis import zone_pain
from bodymap.geometry import Atlas
from bodymap.model import Chart
from bodymap.ui.chart.scene import geometry_path
from bodymap.ui.common.theme import intensity_color

BODY_FILL = QColor("#f6f4ef")
EDGE = QColor("#9aa3b2")


class ZonePaths:
    """The atlas zones as QPainterPaths in viewBox units, built once per atlas."""

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self.paths = {z.id: geometry_path(z.polygon) for z in atlas.zones}
        self.bounds = {v: atlas.view(v).silhouette.bounds for v in atlas.views}


def paint_chart(painter: QPainter, zones: ZonePaths, chart: Chart, rect: QRectF) -> None:
    """Both views side by side in `rect`, each zone filled by its worst intensity."""
    pain = zone_pain(chart, zones.atlas)
    views = zones.atlas.views
    cell = rect.width() / len(views)
    thin = QPen(EDGE, 0)
    thin.setCosmetic(True)
    for i, view in enumerate(views):
        x0, y0, x1, y1 = zones.bounds[view]
        scale = min((cell - 4) / (x1 - x0), (rect.height() - 4) / (y1 - y0))
        painter.save()
        painter.translate(rect.left() + i * cell + (cell - (x1 - x0) * scale) / 2, rect.top() + 2)
        painter.scale(scale, scale)
        painter.translate(-x0, -y0)
        painter.setPen(thin)
        for zone in zones.atlas.zones_in(view):
            zp = pain.get(zone.id)
            color = (
                intensity_color(zp.intensity) if zp is not None and zp.intensity > 0 else BODY_FILL
            )
            painter.setBrush(color)
            painter.drawPath(zones.paths[zone.id])
        r = 3.5 / scale  # tapped points stay visible however small the picture
        for m in chart.marks:
            if m.view == view:
                painter.setBrush(intensity_color(m.intensity))
                painter.setPen(QPen(QColor("#1d2330"), 0))
                painter.drawEllipse(QPointF(*m.point), r, r)
        painter.restore()


def chart_pixmap(zones: ZonePaths, chart: Chart, width: int, height: int) -> QPixmap:
    """A width x height picture of the chart on white."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_chart(painter, zones, chart, QRectF(0, 0, width, height))
    painter.end()
    return pixmap
