"""The body map view: zoom and pan (wheel, pinch, keys), fit to window, pointer events in viewBox units."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QPinchGesture, QWidget

from bodymap.ui.chart.items import ChartGraphic, StrokeItem
from bodymap.ui.chart.scene import BodyPoint, BodyScene

MIN_ZOOM, MAX_ZOOM = 0.2, 12.0
STEP = 1.2


class BodyMapView(QGraphicsView):
    """Shows a BodyScene; reports presses, drags and releases as BodyPoints to the active tool.

    Left button: the tool. Middle button, or Space + left button: pan.
    """

    pressed = Signal(object, object)  # BodyPoint, chart graphic under the pointer (or None)
    dragged = Signal(object)
    released = Signal(object)
    hovered = Signal(object)  # BodyPoint, or None when the pointer leaves
    zoom_changed = Signal(float)

    def __init__(self, scene: BodyScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.body_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)  # fmt: skip
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._pan_from: QPointF | None = None
        self._space = False
        self._tool_down = False

    # -- zoom ---------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor))
        f = target / self.zoom()
        if abs(f - 1) > 1e-6:
            self.scale(f, f)
            self.zoom_changed.emit(self.zoom())

    def fit(self) -> None:
        """Show both views whole (call after the view is shown and laid out)."""
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # shift + wheel scrolls
            return
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.zoom_by(STEP ** (delta / 120.0))
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        if (
            event.type() == QEvent.Type.NativeGesture
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture  # type: ignore[attr-defined]
        ):
            self.zoom_by(1.0 + event.value())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / STEP)
        else:
            super().keyPressEvent(event)  # arrow keys scroll

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    # -- pointer ------------------------------------------------------------------

    def body_point(self, pos: QPointF) -> BodyPoint:
        return self.body_scene.from_scene(self.mapToScene(pos.toPoint()))

    def chart_graphic_at(self, pos: QPointF, *, strokes: bool = False) -> QGraphicsItem | None:
        """The topmost mark, finding or arrow under a viewport point (strokes only if asked:
        a click on shading should mark pain there, Alt+click selects the shading)."""
        for item in self.items(pos.toPoint()):
            if not (isinstance(item, ChartGraphic) and item.isEnabled() and item.isVisible()):
                continue
            if isinstance(item, StrokeItem) and not strokes:
                continue
            return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton:
            self._tool_down = True
            self.setFocus()
            alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            graphic = self.chart_graphic_at(event.position(), strokes=alt)
            self.pressed.emit(self.body_point(event.position()), graphic)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            d = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - int(d.x()))
            v.setValue(v.value() - int(d.y()))
            return
        point = self.body_point(event.position())
        if self._tool_down:
            self.dragged.emit(point)
        self.hovered.emit(point)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        if self._tool_down and event.button() == Qt.MouseButton.LeftButton:
            self._tool_down = False
            self.released.emit(self.body_point(event.position()))
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.hovered.emit(None)
        super().leaveEvent(event)
