"""The treatment plan editor: goals, frequency, number of visits, appointments, review date."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import TreatmentPlan
from bodymap.ops.followup import save_plan
from bodymap.store import Store, StoreError
from bodymap.ui.common.form_widgets import date_edit, error_label

WHEN_ROLE = Qt.ItemDataRole.UserRole


def _naive(when: datetime) -> datetime:
    return when.replace(tzinfo=None)


class PlanDialog(QDialog):
    """Edits the client's latest plan (or starts one); saved when the dialog is accepted."""

    def __init__(self, store: Store, client_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.client_id = store, client_id
        plans = store.plans(client_id)
        self.plan = plans[-1] if plans else TreatmentPlan(client_id=client_id, created_at=datetime.now().astimezone())  # fmt: skip
        self.setWindowTitle(self.tr("Treatment plan"))
        self.resize(560, 420)
        form = QFormLayout(self)
        self.goals_edit = QPlainTextEdit("\n".join(self.plan.goals))
        self.goals_edit.setPlaceholderText(self.tr("One goal per line, e.g. sit at the desk for 2 hours without headache"))  # fmt: skip
        self.goals_edit.setTabChangesFocus(True)
        self.goals_edit.setFixedHeight(70)
        self.per_week = QDoubleSpinBox()
        self.per_week.setRange(0, 14)
        self.per_week.setSingleStep(0.5)
        self.per_week.setSpecialValueText("—")
        self.per_week.setSuffix(self.tr(" per week"))
        self.per_week.setValue(self.plan.visits_per_week or 0)
        self.planned = QSpinBox()
        self.planned.setRange(0, 500)
        self.planned.setSpecialValueText("—")
        self.planned.setValue(self.plan.planned_visits or 0)
        form.addRow(self.tr("Goals"), self.goals_edit)
        form.addRow(self.tr("Frequency"), self.per_week)
        form.addRow(self.tr("Number of visits"), self.planned)
        form.addRow(self.tr("Appointments"), self._build_appointments())
        self.review_known = QCheckBox(self.tr("Review on"))
        self.review_edit = date_edit(QDate.currentDate().addDays(42))
        if self.plan.review_date is not None:
            self.review_known.setChecked(True)
            self.review_edit.setDate(QDate(self.plan.review_date))
        self.review_edit.setEnabled(self.review_known.isChecked())
        self.review_known.toggled.connect(self.review_edit.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.review_known)
        row.addWidget(self.review_edit, 1)
        form.addRow(self.tr("Review"), row)
        self.error_label = error_label()
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _build_appointments(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        start = QDateTime(QDate.currentDate().addDays(7), QTime(10, 0))
        self.appointment_edit = QDateTimeEdit(start)
        self.appointment_edit.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        self.appointment_edit.setCalendarPopup(True)
        self.add_appointment_button = QPushButton(self.tr("Add"))
        self.add_appointment_button.clicked.connect(self._on_add_appointment_button_clicked)
        self.remove_appointment_button = QPushButton(self.tr("Remove"))
        self.remove_appointment_button.clicked.connect(self._on_remove_appointment_button_clicked)
        row.addWidget(self.appointment_edit, 1)
        row.addWidget(self.add_appointment_button)
        row.addWidget(self.remove_appointment_button)
        col.addLayout(row)
        self.appointment_list = QListWidget()
        self.appointment_list.setFixedHeight(110)
        col.addWidget(self.appointment_list)
        for when in sorted(self.plan.appointments, key=_naive):
            self._add_appointment(when)
        return box

    def _add_appointment(self, when: datetime) -> None:
        item = QListWidgetItem(f"{when:%a %d %b %Y, %H:%M}")
        item.setData(WHEN_ROLE, when.isoformat())
        self.appointment_list.addItem(item)

    def appointments(self) -> tuple[datetime, ...]:
        items = (self.appointment_list.item(i) for i in range(self.appointment_list.count()))
        return tuple(
            sorted((datetime.fromisoformat(item.data(WHEN_ROLE)) for item in items), key=_naive)
        )

    def _on_add_appointment_button_clicked(self) -> None:
        when = self.appointment_edit.dateTime().toPython().replace(second=0, microsecond=0)
        if when in [_naive(a) for a in self.appointments()]:
            self.error_label.setText(self.tr("That appointment is already listed."))
            return
        self.error_label.clear()
        self._add_appointment(when)
        step = timedelta(days=7 / self.per_week.value()) if self.per_week.value() > 0 else timedelta(days=7)  # fmt: skip
        self.appointment_edit.setDateTime(QDateTime(when + step))  # the next one, one step on

    def _on_remove_appointment_button_clicked(self) -> None:
        row = self.appointment_list.currentRow()
        if row >= 0:
            self.appointment_list.takeItem(row)

    def plan_value(self) -> TreatmentPlan:
        goals = tuple(g.strip() for g in self.goals_edit.toPlainText().splitlines() if g.strip())
        return dataclasses.replace(
            self.plan, goals=goals,
            visits_per_week=self.per_week.value() or None,
            planned_visits=self.planned.value() or None,
            appointments=self.appointments(),
            review_date=self.review_edit.date().toPython() if self.review_known.isChecked() else None,
        )  # fmt: skip

    def save(self) -> bool:
        try:
            self.plan = save_plan(self.store, self.plan_value())
        except (StoreError, ValueError) as exc:
            self.error_label.setText(str(exc))
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
