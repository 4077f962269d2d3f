"""Signing a visit and amending a signed one: who and when, amendments listed, never overwritten."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Visit
from bodymap.model.accounts import Permission
from bodymap.ops import records
from bodymap.store import StoreError
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.common.form_widgets import error_label
from bodymap.ui.visit._field_saver import FieldSaver

# What an amendment may change from this panel: (label, field, soap part or None).
AMENDABLE = (
    ("Subjective", "soap", "subjective"), ("Objective", "soap", "objective"),
    ("Assessment", "soap", "assessment"), ("Plan", "soap", "plan"),
    ("Self-care advice", "self_care_text", None), ("Other technique", "technique_other", None),
)  # fmt: skip


def amendment_changes(visit: Visit, index: int, text: str) -> dict[str, Any]:
    """The field change an amendment of AMENDABLE[index] to `text` makes."""
    _label, field, part = AMENDABLE[index]
    if part is None:
        return {field: text}
    return {"soap": dataclasses.replace(visit.soap, **{part: text})}


class AmendDialog(QDialog):
    """Pick a part of the notes, correct it, say why; the original is kept with the amendment."""

    def __init__(self, visit: Visit, by: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.visit = visit
        self.setWindowTitle(self.tr("Amend signed visit"))
        form = QFormLayout(self)
        self.part_combo = QComboBox()
        self.part_combo.addItems([self.tr(a[0]) for a in AMENDABLE])
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. late entry, corrected side"))
        self.by_edit = QLineEdit(by)
        self.error_label = error_label()
        self.error_label.setObjectName("error")
        form.addRow(self.tr("Part"), self.part_combo)
        form.addRow(self.tr("Corrected text"), self.text_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("Amended by"), self.by_edit)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.part_combo.currentIndexChanged.connect(self._on_part_combo_current_index_changed)
        self._on_part_combo_current_index_changed(0)

    def _on_part_combo_current_index_changed(self, index: int) -> None:
        _label, field, part = AMENDABLE[index]
        value = getattr(self.visit.soap, part) if part else getattr(self.visit, field)
        self.text_edit.setPlainText(value)

    def changes(self) -> dict[str, Any]:
        return amendment_changes(self.visit, self.part_combo.currentIndex(), self.text_edit.toPlainText())  # fmt: skip

    def _on_buttons_accepted(self) -> None:
        if not self.by_edit.text().strip():
            self.error_label.setText(self.tr("Say who amends the visit."))
        elif not self.reason_edit.text().strip():
            self.error_label.setText(self.tr("Give a reason for the amendment."))
        elif all(getattr(self.visit, k) == v for k, v in self.changes().items()):
            self.error_label.setText(self.tr("Nothing was changed."))
        else:
            self.accept()


class SignPanel(QGroupBox):
    """Sign (the visit becomes read-only) and the list of amendments with who and when."""

    def __init__(self, session: VisitSession, saver: FieldSaver, parent: QWidget | None = None):
        super().__init__(self.tr("Signing"), parent)
        self.session, self.saver = session, saver
        col = QVBoxLayout(self)
        row = QHBoxLayout()
        self.by_edit = QLineEdit()
        self.by_edit.setPlaceholderText(self.tr("Therapist signing"))
        self.sign_button = QPushButton(self.tr("Sign visit"))
        self.sign_button.clicked.connect(self._on_sign_button_clicked)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.clicked.connect(self._on_amend_button_clicked)
        row.addWidget(QLabel(self.tr("Signed by")))
        row.addWidget(self.by_edit, 1)
        row.addWidget(self.sign_button)
        row.addWidget(self.amend_button)
        col.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        col.addWidget(self.status_label)
        self.amendment_list = QListWidget()
        self.amendment_list.setAccessibleName(self.tr("Amendments"))
        self.amendment_list.setMaximumHeight(110)
        col.addWidget(self.amendment_list)
        self.dialog_factory = AmendDialog  # tests replace it to fill the dialog without exec()
        session.reset.connect(self._on_session_reset)
        self._on_session_reset()

    def _on_session_reset(self) -> None:
        visit = self.session.visit
        signed = visit is not None and visit.is_signed
        self.sign_button.setVisible(not signed)
        self.amend_button.setVisible(signed)
        self.by_edit.setReadOnly(signed)
        if visit is not None and (signed or not self.by_edit.text()):
            self.by_edit.setText(visit.signed_by or visit.therapist or self.by_edit.text())
        me = self.session.store.signed_in
        if me is not None:  # on a shared database one signs as oneself, never as typed text
            self.by_edit.setReadOnly(True)
            if not signed:
                self.by_edit.setText(me.signature)
        may_sign = self.session.store.may(Permission.SIGN)
        self.sign_button.setVisible(may_sign and not signed)
        self.amend_button.setVisible(may_sign and signed)
        self.amendment_list.clear()
        if visit is None:
            self.status_label.setText("")
            return
        if signed and visit.signed_at is not None:
            self.status_label.setText(self.tr("Signed by {0} on {1:%Y-%m-%d %H:%M}. Read-only: changes are added as amendments.").format(visit.signed_by, visit.signed_at))  # fmt: skip
        else:
            self.status_label.setText(self.tr("Draft: every field is saved as you type. Sign when the notes are complete."))  # fmt: skip
        for a in visit.amendments:
            fields = ", ".join(a.fields)
            self.amendment_list.addItem(
                f"{a.at:%Y-%m-%d %H:%M} · {a.author} · {fields} · {a.reason}"
            )
        self.amendment_list.setVisible(bool(visit.amendments))

    def _on_sign_button_clicked(self) -> None:
        by = self.by_edit.text().strip()
        if not by:
            self.status_label.setText(self.tr("Type who signs the visit first."))
            self.by_edit.setFocus()
            return
        self._flush_all()
        visit = self.session.visit
        if visit is None or not self.session.editable:
            return
        try:
            signed = records.sign_visit(self.session.store, visit, by=self._signer(by))
        except (StoreError, ValueError) as exc:
            self.session.failed.emit(str(exc))
            return
        self.session.open(signed)

    def _signer(self, typed: str) -> str | None:
        """The typed name on a solo database; None (the signed-in therapist) on a shared one."""
        return None if self.session.store.signed_in is not None else typed

    def _flush_all(self) -> None:
        """The last keystrokes in any tab go in before the visit is locked."""
        self.saver.flush()
        for saver in self.window().findChildren(FieldSaver):
            saver.flush()

    def _on_amend_button_clicked(self) -> None:
        visit = self.session.visit
        if visit is None or not visit.is_signed:
            return
        dialog = self.dialog_factory(visit, self.by_edit.text(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.amend(dialog.by_edit.text().strip(), dialog.reason_edit.text().strip(), dialog.changes())  # fmt: skip

    def amend(self, by: str, reason: str, changes: dict[str, Any]) -> None:
        visit = self.session.visit
        if visit is None:
            return
        try:
            amended = records.amend_visit(
                self.session.store, visit, by=self._signer(by), reason=reason, **changes
            )
        except (StoreError, ValueError) as exc:
            self.session.failed.emit(str(exc))
            return
        self.session.open(amended)
