"""File > Export: asking for options and a file, writing the PDF, and opening it when done."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QStyle,
    QToolButton,
)

from bodymap.analysis.progress import DraftVisitError
from bodymap.geometry import Atlas
from bodymap.model import Visit
from bodymap.ops import clients, reports
from bodymap.store import Store, StoreError
from bodymap.ui.chart.map_panel import MapPanel
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.common.frame import WindowFrame
from bodymap.ui.export._dialog import ExportDialog

log = logging.getLogger(__name__)
EXPORT_DIR = Path("exports")  # as the command line: ./exports/, git-ignored
TITLES = {
    reports.VISIT: "Export session chart",
    reports.COMPARE: "Export before/after comparison",
    reports.PROGRESS: "Export progress report",
}


class ExportHost(WindowFrame, Protocol):
    """What the export wiring needs from the window that installs it."""

    store: Store
    atlas: Atlas
    session: VisitSession
    actions: dict[str, QAction]
    map_panel: MapPanel


class ExportController(QObject):
    """Runs an export for the open visit: options, file name, rendering, errors, opening."""

    def __init__(self, window: ExportHost, export_dir: Path = EXPORT_DIR):
        super().__init__(window)
        self.window, self.export_dir = window, export_dir
        self.page_size, self.open_when_done = "A4", False
        self.last_path: Path | None = None
        self.button: QToolButton | None = None

    def export(self, kind: str) -> Path | None:
        """Ask, then write the report; None when cancelled or refused (the reason is shown)."""
        visit = self.window.session.visit
        if visit is None:
            self._fail(self.tr("Open a visit first: reports are made from the open visit."))
            return None
        others = None
        if kind == reports.COMPARE:
            others = [v for v in self._visits(visit) if v.id != visit.id]
        dialog = ExportDialog(
            self.tr(TITLES[kind]), others=others, page_size=self.page_size,
            visit=None if kind == reports.VISIT else visit,  # a session chart is its own visit
            open_when_done=self.open_when_done, parent=self.window,
        )  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.page_size, self.open_when_done = dialog.page_size(), dialog.open_when_done()
        req = reports.ReportRequest(kind, visit.id, dialog.other_id(), self.page_size,
                                    include_drafts=dialog.include_drafts())  # fmt: skip
        return self._save(req)

    def _visits(self, visit: Visit) -> list[Visit]:
        try:
            return clients.client_visits(self.window.store, visit.client_id)
        except StoreError:
            return []

    def _save(self, req: reports.ReportRequest) -> Path | None:
        try:
            default = reports.free_path(self.export_dir, reports.suggested_name(self.window.store, req))  # fmt: skip
            self.export_dir.mkdir(parents=True, exist_ok=True)
        except (StoreError, ValueError, OSError) as exc:
            self._fail(str(exc))
            return None
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr(TITLES[req.kind]), str(default.resolve()), "PDF (*.pdf)"
        )
        if not chosen:
            return None
        try:
            path = reports.export_report(self.window.store, self.window.atlas, req, chosen)
        except DraftVisitError as exc:
            self._fail(str(exc.told(self.tr("tick “Include draft (unsigned) visits”"))))
            return None
        except (StoreError, ValueError, KeyError, OSError) as exc:
            log.info("export failed: %s", type(exc).__name__)  # never the client's details
            self._fail(self.tr("The report could not be written: {0}").format(exc))
            return None
        self.last_path = path
        self.window.statusBar().showMessage(self.tr("Report saved: {0}").format(path), 10000)
        if self.open_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def _fail(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self.window, self.tr("Export"), message)

    def _on_session_reset(self) -> None:
        has_visit = self.window.session.visit is not None
        for kind in reports.KINDS:
            self.window.actions[f"export_{kind}"].setEnabled(has_visit)


def _toolbar_button(window: ExportHost) -> QToolButton:
    """A small "Export" button with the three reports, for the map's bar."""
    b = QToolButton()
    b.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
    b.setToolTip(window.tr("Export a report (PDF)"))
    b.setObjectName("plain")
    b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    b.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    b.setFixedWidth(26)  # the bar is tight at 1280 px
    for kind in reports.KINDS:
        b.addAction(window.actions[f"export_{kind}"])
    return b


def install_exports(window: ExportHost) -> ExportController:
    """Connect File > Export and add the export button to the map's bar."""
    ec = ExportController(window)
    for kind in reports.KINDS:
        window.actions[f"export_{kind}"].triggered.connect(lambda _=False, k=kind: ec.export(k))
    window.session.reset.connect(ec._on_session_reset)
    ec._on_session_reset()
    ec.button = _toolbar_button(window)
    bar = window.map_panel.findChild(QFrame, "mapBar")
    row = bar.layout() if bar is not None else None
    if isinstance(row, QHBoxLayout):  # just before the last control ("Fit")
        row.insertWidget(max(row.count() - 1, 0), ec.button)
    return ec
