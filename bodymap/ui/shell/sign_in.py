"""The sign-in dialog shown at start where the database has accounts (a clinic server)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bodymap.store import Store, StoreError
from bodymap.ui.common.form_widgets import error_label


class SignInDialog(QDialog):
    """Name and password; a refusal (wrong password, a wait, a disabled account) is shown here
    and the dialog stays open; Cancel quits."""

    def __init__(self, store: Store, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Sign in to bodymap"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("sign_in_name")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("sign_in_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label(wrap=True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addWidget(QLabel(self.tr("This records database is shared: sign in to go on.")))
        col.addLayout(form)
        col.addWidget(self.message)
        col.addWidget(buttons)
        (self.password_edit if name else self.name_edit).setFocus()

    def _on_buttons_accepted(self) -> None:
        try:
            self.store.sign_in(self.name_edit.text().strip(), self.password_edit.text())
        except StoreError as exc:
            self.message.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            self.message.show()
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.accept()
