"""Wires the client records (intake, red flags, plan, history) into the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTabWidget

from bodymap.geometry import Atlas
from bodymap.store import Store, StoreError
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.common.frame import WindowFrame, add_strip_above
from bodymap.ui.history.panel import HistoryPanel
from bodymap.ui.records.client_header import ClientHeader, IntakeHistoryDialog
from bodymap.ui.records.client_panel import ClientPanel
from bodymap.ui.records.intake_wizard import IntakeWizard
from bodymap.ui.records.plan_panel import PlanDialog


class RecordsHost(WindowFrame, Protocol):
    """What the records wiring needs from the window that installs it."""

    store: Store
    atlas: Atlas
    session: VisitSession
    client_panel: ClientPanel
    tabs: QTabWidget

    def open_visit_id(self, visit_id: str) -> None: ...


class RecordsController:
    """Owns the client header strip and opens the intake, intake-history and plan dialogs."""

    def __init__(self, window: RecordsHost):
        self.window = window
        self.header = ClientHeader(window.store)
        self.history = HistoryPanel(window.store, window.atlas)
        window.tabs.addTab(self.history, window.tr("History && plan"))
        add_strip_above(window, self.header)
        self.dialog_runner = lambda dialog: dialog.exec()  # tests fill dialogs instead
        self._add_actions()
        self._connect()
        self._on_session_reset()

    def _add_actions(self) -> None:
        w = self.window
        self.new_client_action = QAction(w.tr("New client with intake…"), w)
        self.new_client_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.intake_action = QAction(w.tr("Revise intake…"), w)
        self.plan_action = QAction(w.tr("Treatment plan…"), w)
        menu = w.menuBar().addMenu(w.tr("&Records"))
        for a in (self.new_client_action, self.intake_action, self.plan_action):
            menu.addAction(a)
            w.addAction(a)

    def _connect(self) -> None:
        w, h = self.window, self.header
        # The panel's "New client…" button opens the guided intake; Ctrl+N stays the quick form.
        w.client_panel.new_client_handler = self.new_client
        self.new_client_action.triggered.connect(self.new_client)
        self.intake_action.triggered.connect(lambda: self._with_client(self.revise_intake))
        self.plan_action.triggered.connect(lambda: self._with_client(self.edit_plan))
        h.intake_requested.connect(self.revise_intake)
        h.history_requested.connect(self.show_intake_history)
        h.plan_requested.connect(self.edit_plan)
        self.history.visit_chosen.connect(self._on_history_visit_chosen)
        w.session.reset.connect(self._on_session_reset)
        w.client_panel.client_list.currentItemChanged.connect(self._on_client_list_current_item_changed)  # fmt: skip

    def _client_id(self) -> str | None:
        visit = self.window.session.visit
        return (
            visit.client_id if visit is not None else self.window.client_panel.current_client_id()
        )

    def _with_client(self, action: Callable[[str], None]) -> None:
        cid = self._client_id()
        if cid is not None:
            action(cid)

    def new_client(self) -> None:
        wizard = IntakeWizard(self.window.store, parent=self.window)
        if self.dialog_runner(wizard) == QDialog.DialogCode.Accepted and wizard.client:
            self.window.client_panel.search_edit.clear()
            self.window.client_panel.select_client(wizard.client.id)
            self._set_client(wizard.client.id)

    def revise_intake(self, client_id: str) -> None:
        try:
            client = self.window.store.get_client(client_id)
        except StoreError as exc:
            self.window.session.failed.emit(str(exc))
            return
        wizard = IntakeWizard(self.window.store, client, parent=self.window)
        self.dialog_runner(wizard)
        self.header.refresh()

    def show_intake_history(self, client_id: str) -> None:
        self.dialog_runner(IntakeHistoryDialog(self.window.store.intakes(client_id), self.window))

    def edit_plan(self, client_id: str) -> None:
        self.dialog_runner(PlanDialog(self.window.store, client_id, self.window))
        self._set_client(client_id)

    def _set_client(self, client_id: str | None) -> None:
        self.header.set_client(client_id)
        self.history.set_client(client_id)

    def _on_session_reset(self) -> None:
        self._set_client(self._client_id())
        visit = self.window.session.visit
        if visit is not None:
            self.window.client_panel.refresh_visit_row(visit)

    def _on_client_list_current_item_changed(self, *_args: object) -> None:
        self._set_client(self._client_id())

    def _on_history_visit_chosen(self, visit_id: str) -> None:
        self.window.client_panel.select_visit(visit_id)
        self.window.open_visit_id(visit_id)
        self.window.tabs.setCurrentIndex(0)


def install_records(window: RecordsHost) -> RecordsController:
    return RecordsController(window)
