"""Colours, palettes and symbols: the intensity scale, finding glyphs, light and dark themes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication

from bodymap.model import FindingKind, TriggerPointState

# Viridis sampled at 11 steps; pain 0 is the pale end, 10 the dark end, so more pain reads as
# darker in colour and in greyscale alike, and the scale stays ordered for colour-blind eyes.
VIRIDIS = (
    "#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
    "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725",
)  # fmt: skip
INK = QColor("#1d2330")  # findings and arrows: one dark ink, told apart by shape
HALO = QColor(255, 255, 255, 235)
HOVER = QColor(70, 120, 200, 60)
SELECTED = QColor("#d6336c")


def intensity_color(intensity: int) -> QColor:
    return QColor(VIRIDIS[10 - max(0, min(10, intensity))])


def text_color_on(intensity: int) -> QColor:
    """Black on the pale half of the scale, white on the dark half."""
    return QColor("#111111") if intensity <= 4 else QColor("#ffffff")


def finding_path(kind: FindingKind, r: float) -> QPainterPath:
    """The glyph outline of a finding, centred on (0, 0), radius r."""
    p = QPainterPath()
    if kind is FindingKind.TRIGGER_POINT:  # a cross in a circle
        p.addEllipse(QPointF(0, 0), r, r)
        k = r * 0.62
        p.moveTo(-k, -k), p.lineTo(k, k), p.moveTo(-k, k), p.lineTo(k, -k)
    elif kind is FindingKind.TENDER_POINT:  # an open circle with a dot
        p.addEllipse(QPointF(0, 0), r, r)
        p.addEllipse(QPointF(0, 0), r * 0.22, r * 0.22)
    elif kind is FindingKind.HYPERTONICITY:  # three parallel bars (taut tissue)
        for dy in (-0.6, 0.0, 0.6):
            p.moveTo(-r, dy * r), p.lineTo(r, dy * r)
    elif kind is FindingKind.SPASM:  # a zigzag
        xs = [-1.0, -0.6, -0.2, 0.2, 0.6, 1.0]
        p.moveTo(xs[0] * r, 0)
        for i, x in enumerate(xs[1:]):
            p.lineTo(x * r, (-0.7 if i % 2 == 0 else 0.7) * r)
    elif kind is FindingKind.ADHESION:  # a hash (#)
        for d in (-0.4, 0.4):
            p.moveTo(d * r, -r), p.lineTo(d * r, r), p.moveTo(-r, d * r), p.lineTo(r, d * r)
    else:  # inflammation: a triangle (warning) with a wave inside
        p.moveTo(0, -r), p.lineTo(r, r * 0.8), p.lineTo(-r, r * 0.8), p.closeSubpath()
        p.moveTo(-r * 0.45, r * 0.3)
        p.cubicTo(-r * 0.2, -r * 0.1, r * 0.2, r * 0.6, r * 0.45, r * 0.2)
    return p


def paint_finding(
    painter: QPainter, kind: FindingKind, state: TriggerPointState | None, r: float
) -> None:
    """Draw a finding glyph with a white halo so it reads on any colour underneath."""
    path = finding_path(kind, r)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(HALO, 4.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawPath(path)
    filled = kind is FindingKind.TRIGGER_POINT and state is TriggerPointState.ACTIVE
    if filled:
        painter.setBrush(QBrush(INK))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setPen(QPen(QColor("#ffffff"), 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        k = r * 0.62
        painter.drawLine(QPointF(-k, -k), QPointF(k, k))
        painter.drawLine(QPointF(-k, k), QPointF(k, -k))
        return
    painter.setPen(QPen(INK, 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawPath(path)


def paint_mark(painter: QPainter, intensity: int, r: float, *, selected: bool = False) -> None:
    """A pain mark: a disc in the intensity colour with the number inside."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ring = SELECTED if selected else QColor("#ffffff")
    painter.setPen(QPen(ring, 3.0 if selected else 2.0))
    painter.setBrush(intensity_color(intensity))
    painter.drawEllipse(QPointF(0, 0), r, r)
    painter.setPen(QPen(QColor(0, 0, 0, 90), 0.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(0, 0), r + 1.4, r + 1.4)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(r * 1.15))
    painter.setFont(font)
    painter.setPen(text_color_on(intensity))
    box = QRectF(-r, -r, 2 * r, 2 * r)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(intensity))


def _palette(dark: bool) -> QPalette:
    pal = QPalette()
    if dark:
        base, window, text, mid = "#1e2228", "#262b33", "#e4e7ec", "#3a414c"
        highlight, button = "#4c8bd6", "#2e343d"
    else:
        base, window, text, mid = "#ffffff", "#f4f5f7", "#1f2430", "#d5d9e0"
        highlight, button = "#2f6fb5", "#fbfbfc"
    R = QPalette.ColorRole
    for role, colour in (
        (R.Window, window), (R.Base, base), (R.AlternateBase, window), (R.Text, text),
        (R.WindowText, text), (R.Button, button), (R.ButtonText, text), (R.Mid, mid),
        (R.Highlight, highlight), (R.HighlightedText, "#ffffff"), (R.ToolTipBase, base),
        (R.ToolTipText, text), (R.PlaceholderText, "#8a93a3"),
    ):  # fmt: skip
        pal.setColor(role, QColor(colour))
    return pal


def apply_theme(app: QApplication, *, dark: bool = False) -> None:
    """The Fusion style with a calm light or dark palette."""
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setProperty("bodymap_dark", dark)


def map_background(dark: bool) -> QColor:
    return QColor("#2a2f37") if dark else QColor("#eef0f3")
