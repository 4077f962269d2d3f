"""The export options dialog: paper, "open when done", what to compare and whether drafts count."""

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
from bodymap.ui.common.form_widgets import error_label


def visit_label(visit: Visit) -> str:
    """ "2026-03-02 10:30 · follow-up · signed": a visit by date, never by client."""
    status = "signed" if visit.is_signed else "draft"
    return f"{visit.started_at:%Y-%m-%d %H:%M} · {visit.kind.value} · {status}"


class ExportDialog(QDialog):
    """Page size, "open when done", for a comparison which chart to compare with, and drafts.

    With `visit` (the open visit) the dialog offers "Include draft visits", unticked: a
    comparison that would use a draft says so next to the box and cannot be exported until
    it is ticked; the progress report leaves drafts out unless it is.
    """

    def __init__(
        self,
        title: str,
        *,
        others: list[Visit] | None = None,
        visit: Visit | None = None,
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
        self.visit = visit
        self._drafts = {v.id for v in [*(others or []), *([visit] if visit else [])] if not v.is_signed}  # fmt: skip
        self.drafts_check = QCheckBox(self.tr("Include draft (unsigned) visits"))
        self.drafts_check.setToolTip(self.tr("A draft may still change; the PDF is then marked DRAFT on every page."))  # fmt: skip
        self.drafts_message = error_label(wrap=True)
        if visit is not None:
            form.addRow("", self.drafts_check)
            form.addRow(self.drafts_message)
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
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.drafts_check.toggled.connect(self._on_choice_changed)
        if self.compare_combo is not None:
            self.compare_combo.currentIndexChanged.connect(self._on_choice_changed)
        self._on_choice_changed()

    def draft_problem(self) -> str:
        """Why the chosen comparison cannot be exported as it stands ("" when it can)."""
        if self.visit is None or self.compare_combo is None or self.include_drafts():
            return ""
        used = {self.visit.id, self.other_id()}
        if not used & self._drafts:
            return ""
        return self.tr("This comparison uses a draft (unsigned) visit, which may still change: "
                       "sign it first, or tick the box to include it (the PDF is marked DRAFT).")  # fmt: skip

    def _on_choice_changed(self, *_args: object) -> None:
        problem = self.draft_problem()
        self.drafts_message.setText(problem)
        self.ok_button.setEnabled(not problem)

    def include_drafts(self) -> bool:
        return self.visit is not None and self.drafts_check.isChecked()

    def page_size(self) -> str:
        return self.page_combo.currentText()

    def other_id(self) -> str | None:
        return self.compare_combo.currentData() if self.compare_combo is not None else None

    def open_when_done(self) -> bool:
        return self.open_check.isChecked()
