"""Marking tools: tap marks, freehand shading, findings and referral arrows, selection and drags."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from bodymap.model import Change, Chart, Finding, FindingKind, PainMark, Stroke
from bodymap.ops import records
from bodymap.ui.chart.coverage import CoverageTracker
from bodymap.ui.chart.gestures import PointerGestures
from bodymap.ui.chart.layers import ChartLayers
from bodymap.ui.chart.scene import BodyPoint
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.chart.tool_panel import TAP, ToolPanel
from bodymap.ui.chart.view import BodyMapView
from bodymap.ui.common.wording import item_words, readback


class ChartController(QObject):
    """Turns pointer gestures on the body map into chart commands run by the session."""

    message = Signal(str)  # read-back or a reason something was refused
    selection_changed = Signal(object)  # the selected chart item, or None
    extent_changed = Signal()
    slot_changed = Signal(str)

    def __init__(self, session: VisitSession, view: BodyMapView, panel: ToolPanel, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session, self.view, self.panel = session, view, panel
        self.atlas = session.atlas
        self.layers = ChartLayers(view.body_scene, self.atlas)
        self.coverage = CoverageTracker(self.atlas)
        self.mode = TAP
        self.show_other = False
        self.selected_id: str | None = None
        self._last_digit: tuple[int, float] | None = None
        self.gestures = PointerGestures(self, parent=self)
        session.changed.connect(self._on_session_changed)
        session.reset.connect(self.reload)

    # -- chart state --------------------------------------------------------------

    @property
    def slot(self) -> str:
        return self.session.slot

    def set_slot(self, slot: str) -> None:
        if slot != self.session.slot:
            self.session.slot = slot
            self.reload()
            self.slot_changed.emit(slot)

    def set_show_other(self, show: bool) -> None:
        self.show_other = show
        self.reload()

    def reload(self) -> None:
        visit = self.session.visit
        chart = visit.chart(self.slot) if visit else None
        other = visit.chart("post" if self.slot == "pre" else "pre") if visit else None
        self.layers.load(chart, other if self.show_other else None)
        self.coverage.reset(chart if chart is not None else Chart())
        self.select(None)
        self.extent_changed.emit()

    def _on_session_changed(self, change: Change) -> None:
        if change.slot is not None and change.slot != self.slot:
            self.set_slot(change.slot)  # show the chart an undo/redo changed
            return
        self.layers.apply(change)
        if change.item_id is not None:
            if change.action == "removed":
                self.coverage.remove(change.item_id)
                if change.item_id == self.selected_id:
                    self.select(None)
            elif change.action == "added":
                self.coverage.add(change.item)
            else:
                self.coverage.update(change.item)
                if change.item_id == self.selected_id:
                    self.selection_changed.emit(change.item)
            self.extent_changed.emit()

    def select(self, item_id: str | None) -> None:
        self.view.body_scene.clearSelection()
        g = self.layers.graphic(item_id) if item_id else None
        self.selected_id = item_id if g is not None else None
        if g is not None:
            g.setSelected(True)
        self.selection_changed.emit(g.model if g is not None else None)  # type: ignore[attr-defined]

    def selected_item(self) -> object | None:
        visit = self.session.visit
        if visit is None or self.selected_id is None:
            return None
        return visit.chart(self.slot).find(self.selected_id)

    # -- commands -----------------------------------------------------------------

    def _run(self, command: object, merge_key: str | None = None) -> Change | None:
        return self.session.run(command, merge_key)  # type: ignore[arg-type]

    def _guard(self) -> bool:
        if self.session.visit is None:
            self.message.emit(self.tr("Open or start a visit first."))
            return False
        if not self.session.editable:
            self.message.emit(self.tr("This visit is signed; it can only be amended."))
            return False
        return True

    def mark_at(self, p: BodyPoint) -> Change | None:
        if not self._guard():
            return None
        try:
            cmd = records.mark_point(
                self.session.doc, atlas=self.atlas, slot=self.slot, view=p.view, x=p.x, y=p.y,
                intensity=self.panel.intensity(), qualities=self.panel.qualities(),
            )  # fmt: skip
        except ValueError:
            self.message.emit(self.tr("That point is outside the body."))
            return None
        return self.run_added(cmd, "Marked")

    def run_added(self, command: object, verb: str = "Added") -> Change | None:
        """Run a command that adds an item, then select it and read it back."""
        change = self._run(command)
        if change is not None:
            self.select(change.item_id)
            self.message.emit(readback(self.atlas, change.item, verb))
        return change

    def finding_at(self, p: BodyPoint) -> Change | None:
        if not self._guard():
            return None
        kind = self.panel.finding_kind()
        assert isinstance(kind, FindingKind)
        try:
            cmd = records.add_finding(
                self.session.doc, atlas=self.atlas, slot=self.slot, kind=kind, view=p.view,
                x=p.x, y=p.y, state=self.panel.trigger_state(), muscle=self.panel.muscle(),
            )  # fmt: skip
        except ValueError:
            self.message.emit(self.tr("That point is outside the body."))
            return None
        return self.run_added(cmd)

    def shade(self, view: str, points: list[tuple[float, float]]) -> Change | None:
        if not self._guard() or not points:
            return None
        width = self.panel.brush_width()
        try:
            if not self.coverage.stroke_zones(view, points, width):
                raise ValueError(self.tr("The shading is outside the body."))
            cmd = records.add_stroke(
                self.session.doc, atlas=self.atlas, slot=self.slot, view=view, points=points,
                width=width, intensity=self.panel.intensity(), quality=self.panel.qualities()[0],
            )  # fmt: skip
        except ValueError as exc:
            self.message.emit(str(exc))
            return None
        change = self._run(cmd)
        if change is not None:
            n = len(self.coverage.zones_of(change.item_id or ""))
            self.message.emit(
                self.tr(
                    "Shaded: {0} over {1} zone(s); pain extent now {2}% of the drawn body outline"
                ).format(
                    item_words(self.atlas, change.item).split(", ", 1)[1], n, f"{self.extent():.1f}"
                )
            )
        return change

    def arrow(
        self, view: str, start: tuple[float, float], end: tuple[float, float]
    ) -> Change | None:
        if not self._guard():
            return None
        try:
            cmd = records.add_arrow(
                self.session.doc, atlas=self.atlas, slot=self.slot, view=view, start=start, end=end
            )
        except ValueError as exc:  # the message names the end that is off the body
            if str(exc).startswith("start"):
                self.message.emit(
                    self.tr("The arrow must start on the body (at the trigger point).")
                )
            else:
                self.message.emit(self.tr("The arrow must end on the body, on the same view."))
            return None
        return self.run_added(cmd)

    def nudge(self, dx: float, dy: float) -> Change | None:
        """Move the selected mark or finding by (dx, dy) viewBox units; a run of nudges is one
        undo step."""
        item = self.selected_item()
        if not isinstance(item, (PainMark, Finding)) or not self._guard():
            return None
        p = BodyPoint(item.view, item.point[0] + dx, item.point[1] + dy)
        return self.move_selected(item.id, p, merge_key=f"move:{item.id}")

    def move_selected(self, item_id: str, p: BodyPoint, merge_key: str | None = None) -> Change | None:  # fmt: skip
        try:
            cmd = records.move_item(self.session.doc, self.atlas, self.slot, item_id, p.x, p.y)
        except ValueError:
            self.message.emit(self.tr("Moved back: that point is outside the body."))
            self.reload_item(item_id)
            return None
        change = self._run(cmd, merge_key)
        if change is None:
            self.reload_item(item_id)
        else:
            self.message.emit(readback(self.atlas, change.item, "Moved"))
        return change

    def reload_item(self, item_id: str) -> None:
        item = self.session.visit.chart(self.slot).find(item_id) if self.session.visit else None
        g = self.layers.graphic(item_id)
        if item is not None and g is not None:
            self.layers.update_graphic(g, item)

    def edit_selected(self, *, intensity: int | None = None, qualities=None) -> Change | None:  # noqa: ANN001
        item = self.selected_item()
        if not isinstance(item, (PainMark, Stroke)) or not self._guard():
            return None
        cmd = records.edit_mark(self.session.doc, self.slot, item.id, intensity=intensity, qualities=qualities)  # fmt: skip
        change = self._run(cmd, merge_key=f"edit:{item.id}")
        if change is not None:
            self.message.emit(readback(self.atlas, change.item, "Changed"))
        return change

    def delete_selected(self) -> Change | None:
        item = self.selected_item()
        if item is None or not self._guard():
            return None
        change = self._run(records.delete_item(self.session.doc, self.slot, item.id))  # type: ignore[attr-defined]
        if change is not None:
            self.message.emit(readback(self.atlas, item, "Deleted"))
        return change

    def digit(self, n: int) -> None:
        """Number keys set the intensity; 1 then 0 within a second means 10."""
        now = time.monotonic()
        if (
            n == 0
            and self._last_digit
            and self._last_digit[0] == 1
            and now - self._last_digit[1] < 1.0
        ):
            n = 10
        self._last_digit = (n, now)
        self.panel.set_intensity(n)
        self.edit_selected(intensity=n)

    def extent(self) -> float:
        return self.coverage.extent()
