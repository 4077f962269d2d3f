"""The export options dialog: paper size, "open when done", and what a comparison compares."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from bodymap.model import Visit
from bodymap.ops import reports


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
