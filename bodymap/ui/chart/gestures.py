"""Pointer gestures on the body map: taps, drags of marks, live shading and arrow sketches."""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import QLineF, QObject, QPointF, Qt, SignalInstance
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from bodymap.ui.chart.coverage import CoverageTracker
from bodymap.ui.chart.items import (
    FindingItem,
    MarkItem,
    arrow_path,
    polyline_path,
    stroke_pen,
)
from bodymap.ui.chart.scene import BodyPoint, BodyScene
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.chart.tool_panel import ARROW, FINDINGS, SHADE, TAP, ToolPanel
from bodymap.ui.chart.view import BodyMapView
from bodymap.ui.common.theme import INK

DRAG_THRESHOLD = 3.0  # viewBox units before a press on an item becomes a move
MIN_STEP = 1.5  # viewBox units between recorded shading points
PREVIEW_EVERY = 0.15  # seconds between live extent previews while shading


class LiveSketch:
    """The line being drawn (shading) or dragged (an arrow), shown until the gesture ends."""

    def __init__(self, scene: BodyScene, p: BodyPoint, *, shading: bool, pen: QPen):
        self.scene, self.view, self.shading = scene, p.view, shading
        self.points: list[tuple[float, float]] = [(p.x, p.y)]
        self.item = QGraphicsPathItem()
        layers = scene.clip_layers if shading else scene.free_layers  # shading stays on the body
        self.item.setParentItem(layers[p.view])
        self.item.setZValue(20)
        self.item.setPen(pen)
        self.item.setPath(polyline_path(tuple(self.points)))

    def extend(self, p: BodyPoint) -> None:
        local = self.scene.to_scene(p.view, p.x, p.y) - self.scene.origins[self.view]
        x, y = local.x(), local.y()
        if not self.shading:
            self.points = [self.points[0], (x, y)]
            self.item.setPath(arrow_path(QPointF(*self.points[0]), QPointF(x, y)))
            return
        last = self.points[-1]
        if QLineF(last[0], last[1], x, y).length() >= MIN_STEP:
            self.points.append((x, y))
            path = self.item.path()  # extend in place: no rebuild per move
            path.lineTo(x, y)
            self.item.setPath(path)

    def finish(self) -> list[tuple[float, float]]:
        self.scene.removeItem(self.item)
        return self.points


class ChartCommands(Protocol):
    """What the gestures read and call: the chart controller (tools.ChartController), seen
    from here so that this module need not import it."""

    mode: str
    view: BodyMapView
    panel: ToolPanel
    session: VisitSession
    coverage: CoverageTracker
    message: SignalInstance

    def select(self, item_id: str | None) -> None: ...
    def mark_at(self, p: BodyPoint) -> object: ...
    def finding_at(self, p: BodyPoint) -> object: ...
    def shade(self, view: str, points: list[tuple[float, float]]) -> object: ...
    def arrow(self, view: str, start: tuple[float, float], end: tuple[float, float]) -> object: ...
    def move_selected(self, item_id: str, p: BodyPoint) -> object: ...


class PointerGestures(QObject):
    """Reads press/drag/release from the view and calls the controller's chart commands."""

    def __init__(self, controller: ChartCommands, parent: QObject | None = None):
        super().__init__(parent)
        self.c = controller
        self._press: BodyPoint | None = None
        self._press_item: QGraphicsItem | None = None
        self._moved = False
        self.sketch: LiveSketch | None = None
        self._last_preview = 0.0
        view = controller.view
        view.pressed.connect(self._on_view_pressed)
        view.dragged.connect(self._on_view_dragged)
        view.released.connect(self._on_view_released)

    def _on_view_pressed(self, p: BodyPoint, graphic: QGraphicsItem | None) -> None:
        c = self.c
        self._press, self._moved, self._press_item = p, False, graphic
        scene = c.view.body_scene
        if c.mode == FINDINGS and c.panel.finding_kind() == ARROW:
            if isinstance(graphic, FindingItem):  # arrows start at the trigger point itself
                p = BodyPoint(p.view, *graphic.model.point)  # type: ignore[attr-defined]
            self._press_item = None
            self.sketch = LiveSketch(
                scene, p, shading=False, pen=QPen(INK, 0, Qt.PenStyle.DashLine)
            )
        elif c.mode == SHADE:
            self._press_item = None
            pen = stroke_pen(c.panel.intensity(), c.panel.brush_width())
            self.sketch = LiveSketch(scene, p, shading=True, pen=pen)
        elif graphic is not None:
            c.select(graphic.item_id)  # type: ignore[attr-defined]

    def _on_view_dragged(self, p: BodyPoint) -> None:
        if self._press is None:
            return
        if QLineF(self._press.x, self._press.y, p.x, p.y).length() > DRAG_THRESHOLD:
            self._moved = True
        g = self._press_item
        if self.sketch is not None:
            self.sketch.extend(p)
            if self.sketch.shading:
                self._preview_extent()
        elif isinstance(g, (MarkItem, FindingItem)) and self._moved and self.c.session.editable:
            g.setPos(QPointF(p.x, p.y))

    def _preview_extent(self) -> None:
        """While shading, say what the extent would become, a few times a second at most."""
        now = time.monotonic()
        sketch = self.sketch
        if sketch is None or now - self._last_preview < PREVIEW_EVERY:
            return
        self._last_preview = now
        extent = self.c.coverage.extent_with(sketch.view, sketch.points, self.c.panel.brush_width())
        self.c.message.emit(
            self.tr("Shading… pain extent {0}% of the drawn body outline").format(f"{extent:.1f}")
        )

    def _on_view_released(self, _p: BodyPoint) -> None:
        c = self.c
        press, g, sketch = self._press, self._press_item, self.sketch
        self._press, self._press_item, self.sketch = None, None, None
        if press is None:
            return
        if sketch is not None:
            points = sketch.finish()
            if sketch.shading:
                c.shade(sketch.view, points)
            elif len(points) > 1 and self._moved:
                c.arrow(sketch.view, points[0], points[-1])
        elif isinstance(g, (MarkItem, FindingItem)):
            if self._moved and c.session.editable:
                c.move_selected(g.item_id, BodyPoint(press.view, g.pos().x(), g.pos().y()))
        elif g is not None:
            pass  # an arrow, or shading picked with Alt: selected on press, not dragged
        elif not self._moved:
            if c.mode == TAP:
                c.mark_at(press)
            elif c.mode == FINDINGS:
                c.finding_at(press)
        else:
            c.select(None)
