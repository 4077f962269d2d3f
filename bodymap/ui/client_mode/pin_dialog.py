"""The therapist's PIN: a large on-screen keypad to leave client mode, and a dialog to set it."""

from __future__ import annotations

import math

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.ops.pin import MAX_DIGITS, PinError, check_pin
from bodymap.ui.common.settings import AppSettings

DIGITS_ONLY = rf"\d{{0,{MAX_DIGITS}}}"


def _pin_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(DIGITS_ONLY)))
    edit.setMaxLength(MAX_DIGITS)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)  # fmt: skip
    return edit


class PinPad(QWidget):
    """Digits, rub-out, OK and cancel, all large enough for a fingertip."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setSpacing(32)
        info = QVBoxLayout()
        info.setSpacing(14)
        info.addStretch(1)
        title = QLabel(self.tr("For your therapist"))
        title.setObjectName("question")
        title.setWordWrap(True)
        hint = QLabel(self.tr("Enter the therapist PIN to leave client mode."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.edit = _pin_edit()
        self.edit.setObjectName("pinEdit")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.cancel_button = QPushButton(self.tr("Back to the questions"))
        self.cancel_button.setObjectName("secondary")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.info_widgets = (title, hint, self.edit, self.message, self.cancel_button)
        for w in self.info_widgets:
            info.addWidget(w)
        info.addStretch(1)
        self.info = info
        grid = QGridLayout()
        grid.setSpacing(10)
        keys = [*"123456789", "⌫", "0", self.tr("OK")]
        for i, key in enumerate(keys):
            b = QPushButton(key)
            b.setObjectName("key")
            b.clicked.connect(lambda _=False, k=key: self._on_key(k))
            grid.addWidget(b, i // 3, i % 3)
        self.ok_button = grid.itemAtPosition(3, 2).widget()
        pad = QVBoxLayout()
        pad.addStretch(1)
        pad.addLayout(grid)
        pad.addStretch(1)
        self.pad = pad
        self.box.addStretch(1)
        self.box.addLayout(info)
        self.box.addLayout(pad)
        self.box.addStretch(1)

    def set_landscape(self, landscape: bool) -> None:
        """Words beside the keypad on a wide screen, above it on a tall one."""
        self.box.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        self.box.setSpacing(32 if landscape else 16)
        # "Back to the questions" goes under the words, or under the keypad when stacked.
        for layout in (self.info, self.pad):
            layout.removeWidget(self.cancel_button)
        if landscape:
            self.info.insertWidget(self.info.count() - 1, self.cancel_button)
        else:
            self.pad.insertWidget(self.pad.count() - 1, self.cancel_button)

    def _on_key(self, key: str) -> None:
        if key == "⌫":
            self.edit.backspace()
        elif key.isdigit():
            self.edit.insert(key)
        else:
            self.submit()

    def submit(self) -> None:
        if self.edit.isEnabled():
            self.submitted.emit(self.edit.text())

    def reset(self, message: str = "") -> None:
        self.edit.clear()
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.edit.setFocus()

    def _on_cancel_button_clicked(self) -> None:
        self.reset()
        self.cancelled.emit()

    def pause(self, seconds: int) -> None:
        """After too many wrong PINs: no tries for a while (guessing takes too long)."""
        self.reset(self.tr("Too many tries. Please wait {0} seconds.").format(seconds))
        self.set_keys_enabled(False)
        QTimer.singleShot(seconds * 1000, self, self._resume)  # dropped if the pad is gone

    def _resume(self) -> None:
        self.set_keys_enabled(True)
        self.reset()

    def set_keys_enabled(self, enabled: bool) -> None:
        for b in self.findChildren(QPushButton):
            if b is not self.cancel_button:
                b.setEnabled(enabled)
        self.edit.setEnabled(enabled)


class SetPinDialog(QDialog):
    """Set or change the therapist PIN; the current one is asked for before a change."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, *, reason: str = ""):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Therapist PIN"))
        col = QVBoxLayout(self)
        intro = QLabel(reason or self.tr("The PIN unlocks the tablet when a client has finished. Use 6 to 12 digits."))  # fmt: skip
        intro.setWordWrap(True)
        col.addWidget(intro)
        form = QFormLayout()
        self.current = _pin_edit() if settings.has_pin else None
        if self.current is not None:
            form.addRow(self.tr("Current PIN:"), self.current)
        self.new, self.repeat = _pin_edit(), _pin_edit()
        form.addRow(self.tr("New PIN:"), self.new)
        form.addRow(self.tr("New PIN again:"), self.repeat)
        col.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        col.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)

    def problem(self) -> str:
        """Why the entered PINs cannot be saved, or "" when they can."""
        if self.current is not None:
            answer = self.settings.try_pin(self.current.text())
            if answer.locked:
                wait = math.ceil(answer.wait_s)
                return self.tr("Too many wrong PINs. Please wait {0} seconds.").format(wait)
            if not answer.ok:
                return self.tr("The current PIN is not right.")
        try:
            check_pin(self.new.text())
        except PinError:
            return self.tr("Use 6 to 12 digits for the PIN.")
        if self.new.text() != self.repeat.text():
            return self.tr("The two new PINs are not the same.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.settings.set_pin(self.new.text())
        super().accept()
