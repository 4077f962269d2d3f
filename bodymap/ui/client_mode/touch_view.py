"""The body map for fingers and a stylus: tap/drag/pressure, pinch to zoom, palms ignored."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QInputDevice, QMouseEvent, QResizeEvent, QTabletEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QWidget

from bodymap.ui.chart.scene import BodyScene
from bodymap.ui.chart.view import BodyMapView

PEN_GRACE_MS = 1000  # after the pen was last seen, touches are still taken for the palm
PALM_MM = 25.0  # a contact wider than this is a palm or a wrist, not a fingertip
NO_PRESSURE = -1.0
TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)  # fmt: skip
TABLET_EVENTS = (QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease)


class TouchBodyView(BodyMapView):
    """Reports one pointer at a time as down/moved/up in viewBox units, with pen pressure.

    A finger, a stylus and a mouse all draw; two fingers pinch and pan instead. While a pen
    is near the screen or in use, touches are dropped: they are the hand resting on it.
    """

    down = Signal(object, float)  # BodyPoint, pressure 0..1 (NO_PRESSURE without a stylus)
    moved = Signal(object, float)
    up = Signal(object)
    cancelled = Signal()

    def __init__(self, scene: BodyScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        vp = self.viewport()
        vp.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        vp.ungrabGesture(Qt.GestureType.PinchGesture)  # pinch comes from the touch points here
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pen_near = False
        self.ignored_touches = 0
        self.user_zoomed = False
        self._pen_down = False
        self._pen_seen = QElapsedTimer()
        self._finger: int | None = None
        self._pinch: tuple[float, QPointF] | None = None
        self._mouse = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # proximity events go to the application

    # -- pen ----------------------------------------------------------------------

    def pen_busy(self) -> bool:
        recent = self._pen_seen.isValid() and self._pen_seen.elapsed() < PEN_GRACE_MS
        return self.pen_near or self._pen_down or recent

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        t = event.type()
        if t == QEvent.Type.TabletEnterProximity:
            self.pen_near = True
        elif t == QEvent.Type.TabletLeaveProximity:
            self.pen_near = False
            self._pen_seen.start()
        return False

    def viewportEvent(self, event: QEvent) -> bool:
        t = event.type()
        if t in TABLET_EVENTS and isinstance(event, QTabletEvent):
            self._on_tablet(event)
            return True
        if t in TOUCH_EVENTS and isinstance(event, QTouchEvent):
            self._on_touch(event)
            return True
        return super().viewportEvent(event)

    def _on_tablet(self, ev: QTabletEvent) -> None:
        self._pen_seen.start()
        ev.accept()
        p = self.body_point(ev.position())
        has_pressure = bool(ev.pointingDevice().capabilities() & QInputDevice.Capability.Pressure)
        pressure = ev.pressure() if has_pressure else NO_PRESSURE
        t = ev.type()
        if t == QEvent.Type.TabletPress:
            self._drop_finger()
            self._pen_down = True
            self.down.emit(p, pressure)
        elif t == QEvent.Type.TabletMove and self._pen_down:
            self.moved.emit(p, pressure)
        elif t == QEvent.Type.TabletRelease and self._pen_down:
            self._pen_down = False
            self.up.emit(p)

    # -- fingers ------------------------------------------------------------------

    def _is_palm(self, ev: QTouchEvent) -> bool:
        limit = self.logicalDpiX() * PALM_MM / 25.4
        return any(max(pt.ellipseDiameters().width(), pt.ellipseDiameters().height()) > limit for pt in ev.points())  # fmt: skip

    def _on_touch(self, ev: QTouchEvent) -> None:
        ev.accept()
        if self.pen_busy() or self._is_palm(ev):
            self.ignored_touches += 1
            self._drop_finger()
            return
        t, points = ev.type(), ev.points()
        if t in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if self._finger is not None and t == QEvent.Type.TouchEnd:
                self._finger = None
                self.up.emit(self.body_point(points[0].position()))
            self._drop_finger()
            self._pinch = None
            return
        if len(points) >= 2:
            self._on_pinch(points[0].position(), points[1].position())
            return
        if self._pinch is not None:
            return  # one finger left after a pinch: wait until it lifts
        pt = points[0]
        p = self.body_point(pt.position())
        if self._finger is None and pt.state() == pt.State.Pressed:
            self._finger = pt.id()
            self.down.emit(p, NO_PRESSURE)
        elif pt.id() == self._finger and pt.state() == pt.State.Released:
            self._finger = None
            self.up.emit(p)
        elif pt.id() == self._finger:
            self.moved.emit(p, NO_PRESSURE)

    def _on_pinch(self, a: QPointF, b: QPointF) -> None:
        self._drop_finger()
        distance, centre = math.dist((a.x(), a.y()), (b.x(), b.y())), (a + b) / 2
        if self._pinch is not None and self._pinch[0] > 0 and distance > 0:
            self.setTransformationAnchor(BodyMapView.ViewportAnchor.AnchorViewCenter)
            self.zoom_by(distance / self._pinch[0])
            shift = centre - self._pinch[1]
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(shift.x()))
            v.setValue(v.value() - round(shift.y()))
            self.user_zoomed = True
        self._pinch = (distance, centre)

    def _drop_finger(self) -> None:
        if self._finger is not None:
            self._finger = None
            self.cancelled.emit()

    # -- mouse (desktop try-outs) -------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._from_touch(event):
            self.down.emit(self.body_point(event.position()), NO_PRESSURE)
            self._mouse = True
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._mouse:
            self.moved.emit(self.body_point(event.position()), NO_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._mouse and event.button() == Qt.MouseButton.LeftButton:
            self._mouse = False
            self.up.emit(self.body_point(event.position()))

    def _from_touch(self, event: QMouseEvent) -> bool:
        return event.pointingDevice().type() == QInputDevice.DeviceType.TouchScreen or self.pen_busy()  # fmt: skip

    # -- fitting ------------------------------------------------------------------

    def reset_zoom(self) -> None:
        self.user_zoomed = False
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_zoomed:
            self.fit()
