"""Step 1, "Where does it hurt?": tap to mark a spot, drag to shade an area, front and back."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QGraphicsItem,
    QLabel,
    QPushButton,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from bodymap.geometry import Atlas
from bodymap.model import Change, PainMark
from bodymap.ui.chart.gestures import LiveSketch
from bodymap.ui.chart.items import MARK_RADIUS, MarkItem, stroke_pen
from bodymap.ui.chart.layers import ChartLayers
from bodymap.ui.chart.scene import BodyPoint, BodyScene
from bodymap.ui.client_mode.report import UNRATED, ClientReport
from bodymap.ui.client_mode.touch_view import TouchBodyView
from bodymap.ui.client_mode.words import area_phrase

TAP_SLOP_PX = 14.0  # a finger wobbles: moving less than this on screen is still a tap
BRUSH = 22.0  # shading width in viewBox units, about a fingertip at the fitted zoom
UNRATED_INK = QColor("#56657a")


class ClientMarkItem(MarkItem):
    """A mark as the client sees it: no number on it until they say how bad it is."""

    def __init__(self, mark: PainMark, rated: set[str]):
        self.rated = rated
        super().__init__(mark)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:  # fmt: skip
        if self.item_id in self.rated:
            super().paint(painter, option, widget)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 2.5))
        painter.setBrush(UNRATED_INK)
        painter.drawEllipse(QPointF(0, 0), MARK_RADIUS, MARK_RADIUS)
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(0, 0), 3, 3)


class ClientLayers(ChartLayers):
    """The chart layers with client-style marks."""

    def __init__(self, scene: BodyScene, atlas: Atlas, rated: set[str]):
        self.rated = rated
        super().__init__(scene, atlas)

    def _make(self, item: object) -> QGraphicsItem:
        if not isinstance(item, PainMark):
            return super()._make(item)
        g = ClientMarkItem(item, self.rated)
        g.setZValue(3)
        g.setParentItem(self.scene.free_layers[item.view])
        return g


def pressure_intensity(pressures: list[float]) -> int | None:
    """A stylus pressed harder shades darker: the mean pressure as 1-10, None without pressure."""
    real = [p for p in pressures if p >= 0]
    if not real:
        return None
    return max(1, min(10, round(10 * sum(real) / len(real))))


class WhereStep(QWidget):
    """The body map beside (landscape) or above (portrait) the instructions."""

    areas_changed = Signal()

    def __init__(self, atlas: Atlas, report: ClientReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas, self.report = atlas, report
        self.scene = BodyScene(atlas, self)
        self.view = TouchBodyView(self.scene)
        self.view.setObjectName("clientMap")
        self.layers = ClientLayers(self.scene, atlas, report.rated)
        self._press: BodyPoint | None = None
        self._pressures: list[float] = []
        self.sketch: LiveSketch | None = None
        self._build()
        self.view.down.connect(self._on_view_down)
        self.view.moved.connect(self._on_view_moved)
        self.view.up.connect(self._on_view_up)
        self.view.cancelled.connect(self._on_view_cancelled)

    def _build(self) -> None:
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(24)
        self.box.addWidget(self.view, 3)
        side = QWidget()
        col = QVBoxLayout(side)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(14)
        self.title = QLabel(self.tr("Where does it hurt?"))
        self.title.setObjectName("question")
        self.title.setWordWrap(True)
        self.hint = QLabel(self.tr("Tap the spot that hurts. To colour in a bigger area, drag your finger over it. Front and back are both shown."))  # fmt: skip
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("feedback")
        self.undo_button = QPushButton(self.tr("Take back the last one"))
        self.undo_button.setObjectName("secondary")
        self.undo_button.clicked.connect(self.remove_last)
        self.whole_button = QPushButton(self.tr("Show the whole body"))
        self.whole_button.setObjectName("secondary")
        self.whole_button.clicked.connect(self.view.reset_zoom)
        for w in (self.title, self.hint, self.feedback):
            col.addWidget(w)
        col.addStretch(1)
        self.buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.buttons.setSpacing(12)
        self.buttons.addWidget(self.undo_button)
        self.buttons.addWidget(self.whole_button)
        col.addLayout(self.buttons)
        self.side = side
        self.box.addWidget(side, 2)
        self._update_feedback(None)

    def set_landscape(self, landscape: bool) -> None:
        """Side by side when the screen is wide, the map above the words when it is tall."""
        self.box.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        self.buttons.setDirection(
            QBoxLayout.Direction.TopToBottom if landscape else QBoxLayout.Direction.LeftToRight
        )
        self.box.setStretch(0, 3 if landscape else 5)
        self.box.setStretch(1, 2)

    # -- drawing --------------------------------------------------------------------

    def _on_view_down(self, p: BodyPoint, pressure: float) -> None:
        self._press, self._pressures, self.sketch = p, [pressure], None

    def _on_view_moved(self, p: BodyPoint, pressure: float) -> None:
        if self._press is None:
            return
        self._pressures.append(pressure)
        if self.sketch is None:
            if QLineF(self._press.x, self._press.y, p.x, p.y).length() * self.view.zoom() < TAP_SLOP_PX:  # fmt: skip
                return
            self.sketch = LiveSketch(self.scene, self._press, shading=True, pen=self._pen())
        self.sketch.item.setPen(self._pen())
        self.sketch.extend(p)

    def _pen(self):  # noqa: ANN202
        return stroke_pen(pressure_intensity(self._pressures) or UNRATED, BRUSH)

    def _on_view_up(self, p: BodyPoint) -> None:
        press, sketch = self._press, self.sketch
        self._press, self.sketch = None, None
        if press is None:
            return
        try:
            if sketch is not None:
                points = sketch.finish()
                change = self.report.shade(sketch.view, points, BRUSH, pressure_intensity(self._pressures))  # fmt: skip
            else:
                change = self.report.tap(press.view, press.x, press.y)
        except ValueError:
            self.feedback.setText(self.tr("Please touch the body itself."))
            return
        self._apply(change)

    def _on_view_cancelled(self) -> None:
        if self.sketch is not None:
            self.sketch.finish()
        self._press, self.sketch = None, None

    def remove_last(self) -> None:
        change = self.report.remove_last()
        if change is not None:
            self._apply(change, removed=True)

    def _apply(self, change: Change, *, removed: bool = False) -> None:
        self.layers.apply(change)
        self._update_feedback(None if removed else change.item)
        self.areas_changed.emit()

    def _update_feedback(self, item: object | None) -> None:
        n = len(self.report.areas)
        self.undo_button.setEnabled(n > 0)
        if item is None:
            text = self.tr("Nothing marked yet.") if n == 0 else self.tr("{0} marked.").format(n)
        else:
            words = area_phrase(self.atlas, item, self.report.main_zone(item))  # type: ignore[arg-type]
            text = self.tr("Marked: {0}").format(words)
        self.feedback.setText(text)
        self.feedback.setAlignment(Qt.AlignmentFlag.AlignLeft)
