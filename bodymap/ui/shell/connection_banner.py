"""The banner that says the clinic server is away, how many edits wait, and retries them."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from bodymap.ops.connection import ConnectionState

RETRY_MS = 2000


class ConnectionBanner(QFrame):
    """Hidden while the server answers. When it does not, it says so, keeps saying how many
    edits wait, and asks `retry` every few seconds (or at once with "Try now")."""

    def __init__(self, retry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connection_banner")
        self.setStyleSheet(
            "#connection_banner { background: #fff3cd; border-bottom: 1px solid #e0c36c; }"
            "#connection_banner QLabel { color: #5c4400; }"
        )
        self._retry = retry
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.try_now = QPushButton(self.tr("Try now"))
        self.try_now.clicked.connect(self._on_try_now_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.try_now)
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.hide()

    def show_state(self, state: ConnectionState) -> None:
        if state.online:
            self.timer.stop()
            self.hide()
            return
        self.label.setText(
            self.tr(
                "The clinic server cannot be reached. {0} edit(s) kept on this computer will be "
                "saved when it answers again; charting is paused until then."
            ).format(state.waiting)
        )
        self.show()
        if not self.timer.isActive():
            self.timer.start()

    def _on_timer_timeout(self) -> None:
        self._retry()

    def _on_try_now_clicked(self) -> None:
        self._retry()
