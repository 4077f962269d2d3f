"""The audit trail for administrators: who did what to which record, when and where."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bodymap.store import Store, StoreError

COLUMNS = ("When", "Account", "Action", "Record", "Client", "Computer")
SHOWN = 2000  # the newest lines; bodymap audit --json gives all of them


class AuditDialog(QDialog):
    """The newest audit lines, filtered by account name or client id prefix."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(900, 560)
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("account name"))
        self.client_edit = QLineEdit()
        self.client_edit.setPlaceholderText(self.tr("client id"))
        refresh = QPushButton(self.tr("Show"))
        refresh.clicked.connect(self.refresh)
        filters = QHBoxLayout()
        for w in (QLabel(self.tr("Filter:")), self.user_edit, self.client_edit, refresh):
            filters.addWidget(w)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addLayout(filters)
        col.addWidget(self.table, 1)
        col.addWidget(self.status)
        col.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            client = self.client_edit.text().strip()
            entries = self.store.audit_trail(
                user=self.user_edit.text().strip() or None,
                client_id=self.store.resolve_client_id(client) if client else None,
                limit=SHOWN,
            )
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self.table.setRowCount(len(entries))
        for row, e in enumerate(reversed(entries)):  # newest first
            cells = (
                f"{e.at:%Y-%m-%d %H:%M:%S}", e.account_name or "-", e.action.replace("_", " "),
                f"{e.record_kind or ''} {(e.record_id or '')[:8]}".strip(),
                (e.client_id or "")[:8], e.computer,
            )  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{0} line(s), newest first").format(len(entries)))
