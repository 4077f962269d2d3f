"""File > Export: report options, the save dialog, writing the PDF and opening it when done."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStyle,
    QToolButton,
    QWidget,
)

from bodymap.model import Visit
from bodymap.ops import clients, reports
from bodymap.store import StoreError

if TYPE_CHECKING:
    from bodymap.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
EXPORT_DIR = Path("exports")  # as the command line: ./exports/, git-ignored
TITLES = {
    reports.VISIT: "Export session chart",
    reports.COMPARE: "Export before/after comparison",
    reports.PROGRESS: "Export progress report",
}


def visit_label(visit: Visit) -> str:
    """ "2026-03-02 10:30 · follow-up · signed": a visit by date, never by client."""
    status = "signed" if visit.is_signed else "draft"
    return f"{visit.started_at:%Y-%m-%d %H:%M} · {visit.kind.value} · {status}"


class ExportDialog(QDialog):
    """Page size, "open when done", and for a comparison which chart to compare with."""

    def __init__(
        self,
        title: str,
        *,
        others: list[Visit] | None = None,
        page_size: str = "A4",
        open_when_done: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.compare_combo: QComboBox | None = None
        if others is not None:
            self.compare_combo = QComboBox()
            self.compare_combo.addItem(self.tr("Before and after treatment in this visit"), None)
            for v in others:
                self.compare_combo.addItem(
                    self.tr("This visit and {0}").format(visit_label(v)), v.id
                )
            form.addRow(self.tr("Compare:"), self.compare_combo)
        self.page_combo = QComboBox()
        self.page_combo.addItems(list(reports.PAGE_SIZES))
        self.page_combo.setCurrentText(page_size)
        form.addRow(self.tr("Paper:"), self.page_combo)
        self.open_check = QCheckBox(self.tr("Open when done"))
        self.open_check.setChecked(open_when_done)
        form.addRow("", self.open_check)
        note = QLabel(self.tr("The file name is made of ids and dates, never the client's name."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def page_size(self) -> str:
        return self.page_combo.currentText()

    def other_id(self) -> str | None:
        return self.compare_combo.currentData() if self.compare_combo is not None else None

    def open_when_done(self) -> bool:
        return self.open_check.isChecked()


class ExportController(QObject):
    """Runs an export for the open visit: options, file name, rendering, errors, opening."""

    def __init__(self, window: MainWindow, export_dir: Path = EXPORT_DIR):
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
            open_when_done=self.open_when_done, parent=self.window,
        )  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.page_size, self.open_when_done = dialog.page_size(), dialog.open_when_done()
        req = reports.ReportRequest(kind, visit.id, dialog.other_id(), self.page_size)
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


def _toolbar_button(window: MainWindow) -> QToolButton:
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


def install_exports(window: MainWindow) -> ExportController:
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
