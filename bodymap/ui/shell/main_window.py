"""The charting window: clients and visits, the body map with its tools, editor and legend."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bodymap.geometry import Atlas
from bodymap.model import Visit
from bodymap.ops import clients
from bodymap.store import Store, StoreError
from bodymap.ui.chart.layers import FINDINGS, PAIN
from bodymap.ui.chart.map_panel import MapPanel
from bodymap.ui.chart.scene import BodyPoint, BodyScene
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.chart.tool_panel import FINDINGS as FINDINGS_MODE
from bodymap.ui.chart.tool_panel import SHADE, TAP, ToolPanel
from bodymap.ui.chart.tools import ChartController
from bodymap.ui.client_mode.launch import install_client_mode
from bodymap.ui.common.theme import apply_theme, map_background
from bodymap.ui.common.wording import item_words, zone_words
from bodymap.ui.export.controller import install_exports
from bodymap.ui.records.client_panel import ClientPanel
from bodymap.ui.records.wiring import install_records
from bodymap.ui.referral.controller import install_referrals
from bodymap.ui.shell.actions import build_actions, build_menus, shortcut_rows
from bodymap.ui.shell.clinic import install_clinic
from bodymap.ui.shell.help_dialog import HelpDialog
from bodymap.ui.shell.legend import LegendWidget
from bodymap.ui.shell.style import style_sheet
from bodymap.ui.visit.notes_panel import NotesPanel
from bodymap.ui.visit.outcomes_panel import OutcomesPanel

NUDGE = 3.0  # viewBox units per Alt+arrow
NUDGES = {
    "nudge_left": (-NUDGE, 0.0), "nudge_right": (NUDGE, 0.0),
    "nudge_up": (0.0, -NUDGE), "nudge_down": (0.0, NUDGE),
}  # fmt: skip


class MainWindow(QMainWindow):
    """Built by the composition root with an open store and a loaded atlas."""

    def __init__(self, store: Store, atlas: Atlas, *, dark: bool = False):
        super().__init__()
        self.store, self.atlas = store, atlas
        self.resize(1280, 800)
        self.actions = build_actions(self)
        self.session = VisitSession(store, atlas, self)
        self.scene = BodyScene(atlas, self)
        self.map_panel = MapPanel(self.scene, self.actions)
        self.view = self.map_panel.view
        self.tool_panel = ToolPanel()
        self.controller = ChartController(self.session, self.view, self.tool_panel, self)
        self.client_panel = ClientPanel(store)
        self._fitted = False
        self._build_layout()
        self._build_menus()
        self._build_status()
        self._connect()
        self.set_dark(dark)
        self._set_mode(TAP)
        self.actions["slot_pre"].setChecked(True)
        for name in ("layer_pain", "layer_findings"):
            self.actions[name].setChecked(True)
        self._on_session_reset()
        # Each installer sees this window only through its own small host protocol.
        self.client_mode = install_client_mode(self)
        self.records = install_records(self)
        self.referrals = install_referrals(self)
        self._hidden_map_docks: list[QDockWidget] = []
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.exports = install_exports(self)
        self.clinic = install_clinic(self)

    # -- construction -------------------------------------------------------------

    def _build_layout(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.map_panel, self.tr("Body map"))
        self.notes_panel = NotesPanel(self.session, self.atlas)
        self.outcomes_panel = OutcomesPanel(self.session)
        self.tabs.addTab(self.notes_panel, self.tr("Treatment && notes"))
        self.tabs.addTab(self.outcomes_panel, self.tr("Outcomes"))
        self.setCentralWidget(self.tabs)
        self.client_dock = self._dock(self.tr("Clients"), self.client_panel, Qt.DockWidgetArea.LeftDockWidgetArea)  # fmt: skip
        side = QWidget()
        col = QVBoxLayout(side)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.tool_panel)
        self.legend = LegendWidget()
        legend_title = QLabel(self.tr("Legend"))
        legend_title.setObjectName("heading")
        legend_title.setContentsMargins(10, 0, 0, 0)
        col.addWidget(legend_title)
        col.addWidget(self.legend)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(side)
        self.editor_dock = self._dock(self.tr("Marking"), scroll, Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.client_dock.setMinimumWidth(215)
        self.editor_dock.setMinimumWidth(295)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resizeDocks(
            [self.client_dock, self.editor_dock], [215, 295], Qt.Orientation.Horizontal
        )

    def _on_tabs_current_changed(self, index: int) -> None:
        """Notes and outcomes get the room: the map's docks hide off the map tab, then return."""
        on_map = self.tabs.widget(index) is self.map_panel
        docks = [self.editor_dock, getattr(self.referrals, "dock", None)]
        if not on_map:
            for dock in docks:
                if dock is not None and dock.isVisible():
                    self._hidden_map_docks.append(dock)
                    dock.hide()
            return
        for dock in self._hidden_map_docks:
            dock.show()
        self._hidden_map_docks.clear()
        self.editor_dock.raise_()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)  # fmt: skip
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        build_menus(self.menuBar(), self.actions)
        for n in range(10):
            sc = QShortcut(QKeySequence(str(n)), self)
            sc.activated.connect(lambda n=n: self.controller.digit(n))

    def _build_status(self) -> None:
        self.zone_label = QLabel()
        self.extent_label = QLabel()
        self.statusBar().addPermanentWidget(self.zone_label, 1)
        self.statusBar().addPermanentWidget(self.extent_label)

    def _connect(self) -> None:
        a, c = self.actions, self.controller
        a["new_client"].triggered.connect(self.client_panel.new_client)
        a["new_visit"].triggered.connect(self.client_panel.new_visit)
        a["find_client"].triggered.connect(self._on_find_client_triggered)
        a["screenshot"].triggered.connect(self._on_screenshot_triggered)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.session.undo_stack.undo)
        a["redo"].triggered.connect(self.session.undo_stack.redo)
        self.session.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
        self.session.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
        self.session.unsaved_changed.connect(self._update_title)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        a["delete"].triggered.connect(c.delete_selected)
        a["place"].triggered.connect(self._on_place_triggered)
        a["deselect"].triggered.connect(lambda: c.select(None))
        for name, (dx, dy) in NUDGES.items():
            a[name].triggered.connect(lambda _=False, dx=dx, dy=dy: c.nudge(dx, dy))
        a["next_item"].triggered.connect(lambda: self._step_selection(1))
        a["prev_item"].triggered.connect(lambda: self._step_selection(-1))
        for mode in (TAP, SHADE, FINDINGS_MODE):
            a[f"mode_{mode}"].triggered.connect(lambda _=False, m=mode: self._set_mode(m))
        a["slot_pre"].triggered.connect(lambda: c.set_slot("pre"))
        a["slot_post"].triggered.connect(lambda: c.set_slot("post"))
        a["show_other"].toggled.connect(c.set_show_other)
        a["layer_pain"].toggled.connect(lambda on: c.layers.set_visible(PAIN, on))
        a["layer_findings"].toggled.connect(lambda on: c.layers.set_visible(FINDINGS, on))
        a["zoom_in"].triggered.connect(lambda: self.view.zoom_by(1.25))
        a["zoom_out"].triggered.connect(lambda: self.view.zoom_by(0.8))
        a["fit"].triggered.connect(self.view.fit)
        a["dark"].toggled.connect(self.set_dark)
        a["help"].triggered.connect(self.show_help)
        self.client_panel.visit_chosen.connect(self.open_visit_id)
        self.client_panel.failed.connect(self._on_failed)
        self.session.failed.connect(self._on_failed)
        self.session.reset.connect(self._on_session_reset)
        c.message.connect(self._on_controller_message)
        c.selection_changed.connect(self._on_controller_selection_changed)
        c.extent_changed.connect(self._on_controller_extent_changed)
        c.slot_changed.connect(lambda s: a[f"slot_{s}"].setChecked(True))
        self.view.hovered.connect(self._on_view_hovered)
        self.tool_panel.intensity_edited.connect(lambda n: c.edit_selected(intensity=n))
        self.tool_panel.qualities_edited.connect(lambda q: c.edit_selected(qualities=q))
        self.tool_panel.delete_requested.connect(c.delete_selected)

    # -- visits -------------------------------------------------------------------

    def open_visit_id(self, visit_id: str) -> None:
        try:
            visit = clients.load_visit(self.store, visit_id)
        except StoreError as exc:
            self._on_failed(str(exc))
            return
        self.open_visit(visit)

    def open_visit(self, visit: Visit, slot: str = "pre") -> None:
        self.session.slot = slot
        self.actions[f"slot_{slot}"].setChecked(True)
        self.session.open(visit)

    def _on_session_reset(self) -> None:
        visit = self.session.visit
        signed = visit is not None and visit.is_signed
        if visit is None:
            text = self.tr("Choose a client and a visit on the left, or start a new visit.")
        elif signed:
            text = self.tr("Signed visit: read-only (changes go through an amendment).")
        else:
            text = ""
        self.map_panel.show_banner(text)
        self.tool_panel.readback.setText(text or self.tr("Click the body to mark pain."))
        self._update_title()

    def _update_title(self, *_args: object) -> None:
        visit = self.session.visit
        title = "bodymap"
        if visit is not None:
            try:
                name = self.store.get_client(visit.client_id).name
            except StoreError:
                name = "?"
            status = self.tr("signed") if visit.is_signed else self.tr("saved")
            title = f"{name} — {visit.started_at:%Y-%m-%d %H:%M} ({status})[*] — bodymap"
        self.setWindowTitle(title)
        self.setWindowModified(self.session.unsaved)

    # -- slots --------------------------------------------------------------------

    def _set_mode(self, mode: str) -> None:
        self.controller.mode = mode
        self.actions[f"mode_{mode}"].setChecked(True)
        self.tool_panel.set_mode(mode)
        cursor = Qt.CursorShape.CrossCursor if mode != TAP else Qt.CursorShape.PointingHandCursor
        self.view.viewport().setCursor(cursor)

    def _on_controller_message(self, text: str) -> None:
        self.tool_panel.readback.setText(text)
        self.statusBar().showMessage(text, 8000)

    def _on_controller_selection_changed(self, item: object | None) -> None:
        words = item_words(self.atlas, item) if item is not None else ""
        self.tool_panel.show_item(item, words)

    def _on_controller_extent_changed(self) -> None:
        c = self.controller
        self.extent_label.setText(
            self.tr("Pain extent {0}% of the drawn body outline · {1} zones").format(
                f"{c.extent():.1f}", len(c.coverage.zones())
            )  # fmt: skip
        )

    def _on_view_hovered(self, p: BodyPoint | None) -> None:
        zone = self.atlas.zone_at(p.view, p.x, p.y) if p is not None else None
        self.scene.show_hover(zone)
        text = zone_words(self.atlas, zone.id) if zone is not None else ""
        self.zone_label.setText(text)
        self.view.viewport().setToolTip(text)

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, self.tr("bodymap"), message)

    def _on_find_client_triggered(self) -> None:
        self.client_dock.show()
        self.client_panel.search_edit.setFocus()
        self.client_panel.search_edit.selectAll()

    def _on_place_triggered(self) -> None:
        zones = sorted(self.atlas.zones, key=lambda z: (z.view, z.label))
        names = [zone_words(self.atlas, z.id) for z in zones]
        name, ok = QInputDialog.getItem(self, self.tr("Mark a zone"), self.tr("Zone:"), names, 0, True)  # fmt: skip
        if not ok or name not in names:
            return
        zone = zones[names.index(name)]
        p = BodyPoint(zone.view, *zone.point)
        if self.controller.mode == FINDINGS_MODE:
            self.controller.finding_at(p)
        elif self.controller.mode == SHADE:  # one dab of the brush on the zone
            self.controller.shade(p.view, [(p.x, p.y)])
        else:
            self.controller.mark_at(p)

    def _step_selection(self, step: int) -> None:
        ids = list(self.controller.layers.items)
        if not ids:
            return
        current = self.controller.selected_id
        i = ids.index(current) + step if current in ids else (0 if step > 0 else -1)
        self.controller.select(ids[i % len(ids)])

    def _on_screenshot_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save window image"), "bodymap.png", "PNG (*.png)")  # fmt: skip
        if path:
            self.grab().save(path)

    def show_help(self) -> None:
        HelpDialog(shortcut_rows(self), self).exec()

    def set_dark(self, dark: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dark=dark)
        self.setStyleSheet(style_sheet(dark))
        self.view.setBackgroundBrush(map_background(dark))
        self.scene.set_dark(dark)
        if self.actions["dark"].isChecked() != dark:
            self.actions["dark"].setChecked(dark)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self.view.fit)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.close()
        super().closeEvent(event)
