"""The referral-pattern layer: zones a trigger point refers pain to, hatched on both views."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from bodymap.geometry import Atlas
from bodymap.referral import SidedPattern
from bodymap.ui.chart.scene import BodyScene

# Orange-red: far from the viridis pain ramp (purple, teal, green, yellow) and from selection pink.
REFERRAL = QColor("#e8590c")
PRIMARY, SPILLOVER, LOCATION = "primary", "spillover", "location"
RANK = {LOCATION: 0, SPILLOVER: 1, PRIMARY: 2}
Z_VALUE = 1.5  # above the body drawing, below shading, marks and findings


def role_brush(role: str) -> QBrush:
    """Primary: strong tint with dense hatching; spillover: faint tint, sparse hatching."""
    if role == PRIMARY:
        return QBrush(_alpha(REFERRAL, 150), Qt.BrushStyle.BDiagPattern)
    return QBrush(_alpha(REFERRAL, 90), Qt.BrushStyle.Dense6Pattern)


def role_tint(role: str) -> QColor:
    return _alpha(REFERRAL, 70 if role == PRIMARY else 22)


def role_pen(role: str) -> QPen:
    if role == LOCATION:
        pen = QPen(_alpha(REFERRAL, 230), 2.0, Qt.PenStyle.DashLine)
    else:
        pen = QPen(_alpha(REFERRAL, 170 if role == PRIMARY else 90), 1.0)
    pen.setCosmetic(True)
    return pen


def _alpha(c: QColor, a: int) -> QColor:
    out = QColor(c)
    out.setAlpha(a)
    return out


def zone_roles(patterns: Iterable[SidedPattern]) -> dict[str, str]:
    """Zone id -> the strongest role any of the patterns gives it (primary beats spillover)."""
    roles: dict[str, str] = {}
    for p in patterns:
        for role, zones in ((LOCATION, p.location), (SPILLOVER, p.spillover), (PRIMARY, p.primary)):
            for z in zones:
                if RANK[role] > RANK.get(roles.get(z, ""), -1):
                    roles[z] = role
    return roles


class ZoneTintItem(QGraphicsPathItem):
    """One zone of a referral pattern: a flat tint under a hatch, in viewBox units."""

    def __init__(self, path: QPainterPath, zone_id: str, role: str):
        super().__init__(path)
        self.zone_id, self.role = zone_id, role
        self.setBrush(role_brush(role) if role != LOCATION else QBrush(Qt.BrushStyle.NoBrush))
        self.setPen(role_pen(role))
        self.setZValue(Z_VALUE + RANK[role] * 0.01)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        if role != LOCATION:
            tint = QGraphicsPathItem(path, self)
            tint.setBrush(role_tint(role))
            tint.setPen(QPen(Qt.PenStyle.NoPen))
            tint.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)


class ReferralOverlay:
    """Draws the union of the patterns it is given: the selection's, a preview's, or all."""

    def __init__(self, scene: BodyScene, atlas: Atlas):
        self.scene, self.atlas = scene, atlas
        self.items: dict[str, ZoneTintItem] = {}
        self.sources: dict[str, list[SidedPattern]] = {}

    def set_patterns(self, source: str, patterns: Iterable[SidedPattern]) -> None:
        """Patterns from one source ("selection", "preview", "all"); an empty list clears it."""
        self.sources[source] = list(patterns)
        self.redraw()

    def clear(self) -> None:
        self.sources.clear()
        self.redraw()

    def roles(self) -> dict[str, str]:
        """Zone id -> role as drawn now (for tests and the status line)."""
        return {z: item.role for z, item in self.items.items()}

    def redraw(self) -> None:
        roles = zone_roles(p for ps in self.sources.values() for p in ps)
        for zone_id in list(self.items):
            if roles.get(zone_id) != self.items[zone_id].role:
                self.scene.removeItem(self.items.pop(zone_id))
        for zone_id, role in roles.items():
            if zone_id in self.items or not self.atlas.has_zone(zone_id):
                continue
            zone = self.atlas.zone(zone_id)
            item = ZoneTintItem(self.scene.zone_path(zone), zone_id, role)
            item.setParentItem(self.scene.clip_layers[zone.view])
            self.items[zone_id] = item


def paint_swatch(p: QPainter) -> None:
    """The legend's symbol, centred on the origin: a primary half and a spillover half."""
    for role, x in ((PRIMARY, -11.0), (SPILLOVER, 0.0)):
        rect = QRectF(x, -8, 11, 16)
        p.fillRect(rect, role_tint(role))
        p.fillRect(rect, role_brush(role))
    p.setPen(role_pen(PRIMARY))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(-11, -8, 22, 16))
