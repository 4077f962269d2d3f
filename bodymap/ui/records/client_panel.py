"""Clients and their visits: search by name or date of birth, new client, new visit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Client, Visit
from bodymap.ops import clients
from bodymap.store import Store
from bodymap.ui.common.form_widgets import date_edit

ID_ROLE = Qt.ItemDataRole.UserRole


class NewClientDialog(QDialog):
    """Name and (optional) date of birth of a new client."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New client"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.dob_known = QCheckBox(self.tr("Known"))
        self.dob_edit = date_edit(QDate(1980, 1, 1))
        self.dob_edit.setEnabled(False)
        self.dob_known.toggled.connect(self.dob_edit.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.dob_edit, 1)
        row.addWidget(self.dob_known)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Date of birth"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        dob = self.dob_edit.date().toPython() if self.dob_known.isChecked() else None
        return {"name": self.name_edit.text(), "date_of_birth": dob}


class ClientPanel(QWidget):
    """The left-hand list: clients (searchable) above the selected client's visits."""

    visit_chosen = Signal(str)  # a visit id
    failed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("clientPanel")
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 8, 10, 8)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name or date of birth"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.client_list = QListWidget()
        self.client_list.setAccessibleName(self.tr("Clients"))
        self.client_list.currentItemChanged.connect(self._on_client_list_current_item_changed)
        self.new_client_button = QPushButton(self.tr("New client…"))
        self.new_client_button.clicked.connect(self._on_new_client_button_clicked)
        # What the button opens: the quick form, unless the window installs another (the intake).
        self.new_client_handler: Callable[[], None] = self.new_client
        self.visit_list = QListWidget()
        self.visit_list.setAccessibleName(self.tr("Visits"))
        for lst in (self.client_list, self.visit_list):
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.visit_list.itemActivated.connect(self._on_visit_list_item_activated)
        self.visit_list.currentItemChanged.connect(self._on_visit_list_current_item_changed)
        self.from_previous = QCheckBox(self.tr("Start from the last chart"))
        self.from_previous.setChecked(True)
        self.new_visit_button = QPushButton(self.tr("New visit"))
        self.new_visit_button.clicked.connect(self.new_visit)
        col.addWidget(self.search_edit)
        col.addWidget(self.client_list, 3)
        col.addWidget(self.new_client_button)
        self.visits_heading = QLabel(self.tr("Visits"))
        self.visits_heading.setObjectName("heading")
        col.addWidget(self.visits_heading)
        col.addWidget(self.visit_list, 2)
        col.addWidget(self.from_previous)
        col.addWidget(self.new_visit_button)
        self.refresh()

    def refresh(self, select_client: str | None = None) -> None:
        current = select_client or self.current_client_id()
        self.client_list.clear()
        for c in clients.search_clients(self.store, self.search_edit.text()):
            item = QListWidgetItem(_client_text(c))
            item.setData(ID_ROLE, c.id)
            self.client_list.addItem(item)
            if c.id == current:
                self.client_list.setCurrentItem(item)
        self._update_buttons()

    def current_client_id(self) -> str | None:
        item = self.client_list.currentItem()
        return item.data(ID_ROLE) if item else None

    def select_client(self, client_id: str) -> None:
        self.refresh(select_client=client_id)

    def select_visit(self, visit_id: str) -> None:
        for i in range(self.visit_list.count()):
            if self.visit_list.item(i).data(ID_ROLE) == visit_id:
                self.visit_list.setCurrentRow(i)
                return

    def refresh_visit_row(self, visit: Visit) -> None:
        """After signing or amending, the visit list says so (the row's text only, no reload)."""
        for i in range(self.visit_list.count()):
            item = self.visit_list.item(i)
            if item.data(ID_ROLE) == visit.id and item.text() != _visit_text(visit):
                item.setText(_visit_text(visit))

    def _load_visits(self) -> None:
        self.visit_list.clear()
        client_id = self.current_client_id()
        if client_id is None:
            return
        for v in clients.client_visits(self.store, client_id):
            item = QListWidgetItem(_visit_text(v))
            item.setData(ID_ROLE, v.id)
            self.visit_list.addItem(item)

    def _update_buttons(self) -> None:
        self.new_visit_button.setEnabled(self.current_client_id() is not None)

    def new_client(self) -> None:
        dialog = NewClientDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            client = clients.add_client(self.store, **dialog.values())
        except Exception as exc:  # validation or storage: say why, keep the list as it was
            self.failed.emit(str(exc))
            return
        self.search_edit.clear()
        self.select_client(client.id)

    def new_visit(self) -> None:
        client_id = self.current_client_id()
        if client_id is None:
            return
        try:
            visit = clients.start_visit(self.store, client_id=client_id, from_previous=self.from_previous.isChecked())  # fmt: skip
        except Exception as exc:
            self.failed.emit(str(exc))
            return
        self._load_visits()
        self.select_visit(visit.id)

    def _on_new_client_button_clicked(self) -> None:
        self.new_client_handler()

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.refresh()

    def _on_client_list_current_item_changed(self, *_args: object) -> None:
        self._load_visits()
        self._update_buttons()
        if self.visit_list.count():
            self.visit_list.setCurrentRow(0)

    def _on_visit_list_current_item_changed(
        self, item: QListWidgetItem | None, _prev: object
    ) -> None:
        if item is not None:
            self.visit_chosen.emit(item.data(ID_ROLE))

    def _on_visit_list_item_activated(self, item: QListWidgetItem) -> None:
        self.visit_chosen.emit(item.data(ID_ROLE))


def _client_text(c: Client) -> str:
    dob = c.date_of_birth.isoformat() if c.date_of_birth else "—"
    return f"{c.name}\n{dob}"


def _visit_text(v: Visit) -> str:
    kind = v.kind.value.replace("_", "-")
    status = "signed" if v.is_signed else "draft"
    return f"{v.started_at:%a %d %b %Y, %H:%M}\n{kind} · {status}"
