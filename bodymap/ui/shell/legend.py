"""The legend: what every colour and symbol on the body map means."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from bodymap.model import FindingKind, TriggerPointState
from bodymap.ui.chart.items import stroke_pen
from bodymap.ui.common.theme import INK, paint_finding, paint_mark
from bodymap.ui.common.wording import FINDING_NAMES
from bodymap.ui.referral.overlay import paint_swatch

SWATCH = QSize(30, 26)
PAPER = QColor("#f7f5f0")


def _pixmap(draw) -> QPixmap:  # noqa: ANN001
    pm = QPixmap(SWATCH)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(PAPER)  # the body's own paper colour, so symbols look as they do on the map
    p.drawRoundedRect(0, 0, SWATCH.width(), SWATCH.height(), 5, 5)
    p.translate(SWATCH.width() / 2, SWATCH.height() / 2)
    draw(p)
    p.end()
    return pm


class IntensityScale(QWidget):
    """The 0-10 colour ramp with its numbers."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(30)

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width() / 11
        for n in range(11):
            p.save()
            p.translate(w * n + w / 2, self.height() / 2)
            paint_mark(p, n, min(w / 2 - 2, 10))
            p.restore()
        p.end()


class LegendWidget(QWidget):
    """Intensity ramp, then every symbol in two columns (details in each row's tooltip)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 4, 10, 8)
        col.addWidget(QLabel(self.tr("Pain intensity: 0 pale … 10 dark")))
        col.addWidget(IntensityScale())
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        for i, (draw, text, tip) in enumerate(self._rows()):
            icon = QLabel()
            icon.setPixmap(_pixmap(draw))
            label = QLabel(text)
            for w in (icon, label):
                w.setToolTip(tip)
            grid.addWidget(icon, i // 2, (i % 2) * 2)
            grid.addWidget(label, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        col.addLayout(grid)
        sides = QLabel(self.tr("R / L on the map: the patient's own right and left"))
        sides.setWordWrap(True)
        col.addWidget(sides)

    def _rows(self) -> list[tuple[Callable[[QPainter], None], str, str]]:
        tp, latent = FindingKind.TRIGGER_POINT, TriggerPointState.LATENT
        rows: list[tuple[Callable[[QPainter], None], str, str]] = [
            (
                lambda p: paint_mark(p, 6, 10),
                self.tr("Pain point"),
                self.tr("A tapped point of pain; the number is its intensity 0-10"),
            ),  # fmt: skip
            (_stroke, self.tr("Shaded area"), self.tr("Freehand shading of a painful area")),
            (
                lambda p: paint_finding(p, tp, TriggerPointState.ACTIVE, 8),
                self.tr("Active TrP"),
                self.tr("Active trigger point: reproduces the client's pain"),
            ),  # fmt: skip
            (
                lambda p: paint_finding(p, tp, latent, 8),
                self.tr("Latent TrP"),
                self.tr("Latent trigger point: painful only when pressed"),
            ),  # fmt: skip
        ]
        for kind in list(FindingKind)[1:]:
            name = self.tr(FINDING_NAMES[kind]).capitalize()
            rows.append((lambda p, k=kind: paint_finding(p, k, None, 8), name, name))
        rows.append((_arrow, self.tr("Referral"), self.tr("Where a trigger point's pain is felt")))
        rows.append((_faint, self.tr("Other chart"), self.tr("The other chart (pre/post), shown faintly")))  # fmt: skip
        rows.append((paint_swatch, self.tr("Referred pain"), self.tr("A trigger point's referral pattern: hatched = primary zones, faint = spillover, dashed = where the trigger point lies")))  # fmt: skip
        return rows


def _stroke(p: QPainter) -> None:
    p.setPen(stroke_pen(6, 10))
    p.drawLine(QPointF(-9, 4), QPointF(9, -4))


def _arrow(p: QPainter) -> None:
    p.setPen(QPen(INK, 1.8, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(-12, 6), QPointF(10, -4))
    p.setPen(QPen(INK, 1.8))
    p.drawLine(QPointF(10, -4), QPointF(3, -5))
    p.drawLine(QPointF(10, -4), QPointF(6, 2))


def _faint(p: QPainter) -> None:
    p.setOpacity(0.3)
    paint_mark(p, 6, 10)
    p.setOpacity(1.0)
    p.setPen(QPen(QColor("#888888"), 1))
