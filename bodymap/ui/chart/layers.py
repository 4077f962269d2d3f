"""Keeps the scene's graphics in step with the chart: builds items, applies Change records."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from bodymap.geometry import Atlas
from bodymap.model import Change, Chart, Finding, PainMark, ReferralArrow, Stroke
from bodymap.model.arrows import arrow_end
from bodymap.ui.chart._stroke_raster import StrokeRaster, body_mask
from bodymap.ui.chart.items import ArrowItem, FindingItem, MarkItem, StrokeItem
from bodymap.ui.chart.scene import BodyScene

FAINT_OPACITY = 0.3
PAIN, FINDINGS = "pain", "findings"


def layer_of(item: object) -> str:
    """Client pain (marks, shading) and therapist findings (findings, arrows) are two layers."""
    return PAIN if isinstance(item, (PainMark, Stroke)) else FINDINGS


class ChartLayers:
    """The graphics of the chart being edited, and optionally the other chart drawn faintly."""

    def __init__(self, scene: BodyScene, atlas: Atlas):
        self.scene, self.atlas = scene, atlas
        self.items: dict[str, QGraphicsItem] = {}
        self.faint: list[QGraphicsItem] = []
        self.visible = {PAIN: True, FINDINGS: True}
        self.rasters: dict[str, StrokeRaster] = {}
        self.faint_rasters: dict[str, StrokeRaster] = {}
        for view in atlas.views:
            info, mask = atlas.view(view), body_mask(atlas, view)
            for table, opacity in ((self.rasters, 1.0), (self.faint_rasters, FAINT_OPACITY)):
                raster = StrokeRaster(info.viewbox, mask)
                raster.setParentItem(scene.free_layers[view])
                raster.setOpacity(opacity)
                raster.setZValue(0.5 if opacity == 1.0 else 0.4)
                table[view] = raster

    def clear(self) -> None:
        for g in [*self.items.values(), *self.faint]:
            self.scene.removeItem(g)
        self.items.clear()
        self.faint.clear()
        for raster in [*self.rasters.values(), *self.faint_rasters.values()]:
            raster.forget()

    def load(self, chart: Chart | None, other: Chart | None = None) -> None:
        self.clear()
        if other is not None:
            for item in _all(other):
                g = self._make(item)
                g.setOpacity(FAINT_OPACITY)
                g.setEnabled(False)
                g.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
                g.setZValue(g.zValue() - 1)
                self.faint.append(g)
                if isinstance(item, Stroke):
                    self.faint_rasters[item.view].strokes[item.id] = item
        if chart is not None:
            for item in _all(chart):
                self.items[item.id] = self._make(item)
                if isinstance(item, Stroke):
                    self.rasters[item.view].strokes[item.id] = item
        for raster in [*self.rasters.values(), *self.faint_rasters.values()]:
            raster.rebuild()
        self._apply_visibility()

    def apply(self, change: Change) -> QGraphicsItem | None:
        """Repaint only what one change touched; returns the item's graphic if it exists."""
        if change.what == "visit" or change.item_id is None:
            return None
        old = self.items.pop(change.item_id, None)
        self._apply_to_raster(change, old)
        if change.action == "removed" or change.item is None:
            if old is not None:
                self.scene.removeItem(old)
            return None
        if old is not None and type(old) is _graphic_type(change.item):
            self.update_graphic(old, change.item)
            self.items[change.item_id] = old
            return old
        if old is not None:
            self.scene.removeItem(old)
        g = self._make(change.item)
        self.items[change.item_id] = g
        g.setVisible(self.visible[layer_of(change.item)])
        return g

    def _apply_to_raster(self, change: Change, old: QGraphicsItem | None) -> None:
        if change.what != "stroke":
            return
        if old is not None:
            view = old.model.view  # type: ignore[attr-defined]
            if change.action == "updated" and change.item.view == view:  # type: ignore[union-attr]
                self.rasters[view].replace(change.item)  # type: ignore[arg-type]
                return
            self.rasters[view].remove(change.item_id)  # type: ignore[arg-type]
        if change.item is not None:
            self.rasters[change.item.view].add(change.item)  # type: ignore[union-attr, arg-type]

    def set_visible(self, layer: str, visible: bool) -> None:
        self.visible[layer] = visible
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        for g in [*self.items.values(), *self.faint]:
            g.setVisible(self.visible[layer_of(g.model)])  # type: ignore[attr-defined]
        for raster in [*self.rasters.values(), *self.faint_rasters.values()]:
            raster.setVisible(self.visible[PAIN])

    def _make(self, item: object) -> QGraphicsItem:
        g: QGraphicsItem
        if isinstance(item, PainMark):
            g = MarkItem(item)
            g.setZValue(3)
        elif isinstance(item, Stroke):
            g = StrokeItem(item)
        elif isinstance(item, Finding):
            g = FindingItem(item)
            g.setZValue(4)
        elif isinstance(item, ReferralArrow):
            g = ArrowItem(item, self._arrow_end(item))
            g.setZValue(2)
        else:
            raise TypeError(type(item).__name__)
        g.setParentItem(self.scene.free_layers[item.view])  # type: ignore[attr-defined]
        return g

    def update_graphic(self, g: QGraphicsItem, item: object) -> None:
        if isinstance(item, ReferralArrow):
            g.set_model(item, self._arrow_end(item))  # type: ignore[attr-defined]
        else:
            g.set_model(item)  # type: ignore[attr-defined]

    def _arrow_end(self, arrow: ReferralArrow) -> tuple[float, float]:
        # The PDF's rule (model.arrows): a head without a point on this view is not drawn
        # elsewhere; the arrow shrinks to its start.
        return arrow_end(arrow, self.atlas) or arrow.start

    def graphic(self, item_id: str) -> QGraphicsItem | None:
        return self.items.get(item_id)


def _all(chart: Chart) -> list[object]:
    return [*chart.strokes, *chart.arrows, *chart.findings, *chart.marks]


def _graphic_type(item: object) -> type:
    return {PainMark: MarkItem, Stroke: StrokeItem, Finding: FindingItem}.get(type(item), ArrowItem)
