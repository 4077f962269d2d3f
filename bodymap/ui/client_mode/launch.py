"""Starting client mode from the charting window: which visit, a PIN first, reload after."""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from bodymap.geometry import Atlas
from bodymap.model import Visit
from bodymap.ops import clients
from bodymap.store import Store, StoreError
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.client_mode.pin_dialog import SetPinDialog
from bodymap.ui.client_mode.window import ClientModeWindow
from bodymap.ui.common.frame import WindowFrame
from bodymap.ui.common.settings import AppSettings
from bodymap.ui.records.client_panel import ClientPanel

log = logging.getLogger(__name__)
SHORTCUT = "Ctrl+Shift+L"  # L for "lock the tablet for the client"


class ClientModeHost(WindowFrame, Protocol):
    """What client mode needs from the window that installs it."""

    store: Store
    atlas: Atlas
    session: VisitSession
    client_panel: ClientPanel
    actions: dict[str, QAction]

    def open_visit_id(self, visit_id: str) -> None: ...


class ClientModeLauncher(QObject):
    """The "Client mode…" and "Set therapist PIN…" actions of a main window."""

    def __init__(self, window: ClientModeHost, settings: AppSettings | None = None):
        super().__init__(window)
        self.window = window
        self._settings = settings
        self.client_window: ClientModeWindow | None = None
        self.start_action = QAction(window.tr("Client mode…"), window)
        self.start_action.setObjectName("client_mode")
        self.start_action.setShortcut(QKeySequence(SHORTCUT))
        self.start_action.setToolTip(window.tr("Hand the tablet to the client to mark their own pain ({0})").format(SHORTCUT))  # fmt: skip
        self.start_action.triggered.connect(self.start)
        self.pin_action = QAction(window.tr("Set therapist PIN…"), window)
        self.pin_action.setObjectName("set_pin")
        self.pin_action.triggered.connect(self.change_pin)
        for action in (self.start_action, self.pin_action):
            window.addAction(action)  # the shortcut works wherever the focus is
        self._add_to_file_menu()

    @property
    def settings(self) -> AppSettings:
        """The injected settings, else the app's own (opened only when first needed)."""
        if self._settings is None:
            self._settings = AppSettings()
        return self._settings

    @settings.setter
    def settings(self, settings: AppSettings) -> None:
        self._settings = settings

    def _add_to_file_menu(self) -> None:
        menus = [a.menu() for a in self.window.menuBar().actions() if isinstance(a.menu(), QMenu)]
        file_menu = next((m for m in menus if m.title().replace("&", "") == self.window.tr("File")), None)  # fmt: skip
        if file_menu is None:
            return
        before = self.window.actions.get("screenshot")
        if before is not None and before in file_menu.actions():
            file_menu.insertActions(before, [self.start_action, self.pin_action])
            file_menu.insertSeparator(before)
        else:
            file_menu.addActions([self.start_action, self.pin_action])

    def change_pin(self) -> bool:
        return SetPinDialog(self.settings, self.window).exec() == QDialog.DialogCode.Accepted

    def visit_for_client(self) -> Visit | None:
        """The open draft visit, or a new visit for the chosen client; None if no client."""
        w = self.window
        visit = w.session.visit
        if visit is not None and not visit.is_signed:
            return visit
        client_id = w.client_panel.current_client_id()
        if client_id is None:
            return None
        visit = clients.start_visit(w.store, client_id=client_id)
        w.client_panel.refresh(select_client=client_id)
        return visit

    def start(self) -> ClientModeWindow | None:
        """Lock the tablet into client mode for one visit (asking for a PIN first if none)."""
        w = self.window
        if not self.settings.has_pin:
            reason = w.tr("Set a therapist PIN first: it is needed to leave client mode.")
            if SetPinDialog(self.settings, w, reason=reason).exec() != QDialog.DialogCode.Accepted:
                return None
        try:
            visit = self.visit_for_client()
        except StoreError as exc:
            QMessageBox.warning(w, w.tr("bodymap"), str(exc))
            return None
        if visit is None:
            QMessageBox.information(w, w.tr("bodymap"), w.tr("Choose a client first, then start client mode."))  # fmt: skip
            return None
        w.session.close()  # the client's answers are saved by client mode, then reloaded
        self.client_window = ClientModeWindow(w.store, w.atlas, visit, self.settings)
        self.client_window.finished.connect(self._on_client_window_finished)
        w.hide()  # no other clients' records behind the client's screen
        self.client_window.start()
        log.info("client mode started")
        return self.client_window

    def _on_client_window_finished(self, visit_id: str) -> None:
        self.client_window = None
        self.window.show()
        self.window.open_visit_id(visit_id)
        log.info("client mode ended")


def install_client_mode(
    window: ClientModeHost, settings: AppSettings | None = None
) -> ClientModeLauncher:
    """Add client mode to a main window (its settings default to the app's QSettings)."""
    return ClientModeLauncher(window, settings)
