"""The guided intake: details and consent, complaint and history, factors, goals, red-flag screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from bodymap.model import Client, Intake, RedFlag, RedFlagAnswer
from bodymap.model.intake import RED_FLAG_WORDS
from bodymap.ops import records
from bodymap.store import Store, StoreError
from bodymap.ui.common.form_widgets import date_edit, error_label, note_edit

FACTORS = (
    ("posture_work", "Posture and work setup", "e.g. laptop 8 h a day, no desk"),
    ("stress", "Stress", "e.g. high since a new job"), ("sleep", "Sleep", "e.g. 6 h, wakes at 3"),
    ("nutrition", "Nutrition", "e.g. skips lunch, 4 coffees"),
    ("repetitive_strain", "Repetitive strain", "e.g. mouse all day, climbing"),
    ("nerve_symptoms", "Numbness or tingling", "Where, and when it comes on"),
)  # fmt: skip
HISTORY_TEXT = (
    ("chief_complaint", "Chief complaint", "In the client's own words"),
    ("onset", "Onset", "When and how it started"), ("duration", "Duration", "e.g. 3 weeks, on and off"),
    ("aggravating", "Worse with", "e.g. sitting, looking down"), ("easing", "Better with", "e.g. heat, moving"),
)  # fmt: skip
HISTORY_LISTS = (("injuries", "Injuries"), ("surgeries", "Surgeries"), ("conditions", "Conditions"))


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class DetailsPage(QWizardPage):
    """Name, date of birth, contact and the two consents, each with its date."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Client details and consent"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_error = error_label()
        self.dob_known = QCheckBox(self.tr("Known"))
        self.dob_edit = date_edit(QDate(1980, 1, 1), popup=False)
        self.dob_edit.setEnabled(False)
        self.dob_known.toggled.connect(self.dob_edit.setEnabled)
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(self.tr("Phone or e-mail"))
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow("", self.name_error)
        self.name_error.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.dob_edit, 1)
        row.addWidget(self.dob_known)
        form.addRow(self.tr("Date of birth"), row)
        form.addRow(self.tr("Contact"), self.contact_edit)
        self.consents: dict[str, tuple[QCheckBox, QDateEdit]] = {}
        for key, text in (("treatment", self.tr("Consents to treatment")), ("storage", self.tr("Consents to storing these records"))):  # fmt: skip
            check, when = QCheckBox(text), date_edit(QDate.currentDate())
            when.setEnabled(False)
            check.toggled.connect(when.setEnabled)
            row = QHBoxLayout()
            row.addWidget(check, 1)
            row.addWidget(QLabel(self.tr("on")))
            row.addWidget(when)
            form.addRow(self.tr("Consent"), row)
            self.consents[key] = (check, when)
        self.name_edit.textChanged.connect(lambda _t: self.name_error.setVisible(False))

    def validatePage(self) -> bool:
        if not self.name_edit.text().strip():
            self.name_error.setText(self.tr("The client's name is needed."))
            self.name_error.setVisible(True)
            self.name_edit.setFocus()
            return False
        return True

    def client_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "date_of_birth": self.dob_edit.date().toPython()
            if self.dob_known.isChecked()
            else None,
            "contact": self.contact_edit.text().strip(),
        }
        for key, (check, when) in self.consents.items():
            out[f"consent_{key}"] = check.isChecked()
            out[f"consent_{key}_date"] = when.date().toPython() if check.isChecked() else None
        return out


class TextPage(QWizardPage):
    """A page of named text fields and one-per-line lists."""

    def __init__(self, title: str, texts: tuple, lists: tuple, subtitle: str = "") -> None:
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        form = QFormLayout(self)
        self.texts: dict[str, QLineEdit] = {}
        self.lists: dict[str, QPlainTextEdit] = {}
        for key, label, *hint in texts:
            edit = QLineEdit()
            edit.setPlaceholderText(hint[0] if hint else "")
            form.addRow(self.tr(label), edit)
            self.texts[key] = edit
        for key, label in lists:
            edit = note_edit(self.tr("One per line"))
            form.addRow(self.tr(label), edit)
            self.lists[key] = edit

    def show_answers(self, intake: Intake) -> None:
        for key, edit in self.texts.items():
            edit.setText(getattr(intake, key))
        for key, lst in self.lists.items():
            lst.setPlainText("\n".join(getattr(intake, key)))

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: e.text().strip() for k, e in self.texts.items()}
        out.update({k: _lines(e) for k, e in self.lists.items()})
        return out


class RedFlagPage(QWizardPage):
    """Yes/no with a note per red flag; a yes never blocks charting, it asks for a referral."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Red-flag screen"))
        self.setSubTitle(self.tr("Tick what the client reports. A tick shows on the client's record with a suggestion to refer to a physician; it does not stop charting."))  # fmt: skip
        grid = QGridLayout(self)
        self.rows: dict[RedFlag, tuple[QCheckBox, QLineEdit]] = {}
        for i, flag in enumerate(RedFlag):
            check, note = QCheckBox(self.tr(RED_FLAG_WORDS[flag].capitalize())), QLineEdit()
            note.setPlaceholderText(self.tr("Note (optional)"))
            grid.addWidget(check, i, 0)
            grid.addWidget(note, i, 1)
            self.rows[flag] = (check, note)
        self.by_edit = QLineEdit()
        self.by_edit.setPlaceholderText(self.tr("Therapist"))
        grid.addWidget(QLabel(self.tr("Recorded by")), len(self.rows), 0)
        grid.addWidget(self.by_edit, len(self.rows), 1)
        grid.setColumnStretch(1, 1)

    def show_answers(self, intake: Intake) -> None:
        for a in intake.red_flags:
            check, note = self.rows[a.flag]
            check.setChecked(a.present)
            note.setText(a.note)

    def answers(self) -> dict[str, Any]:
        flags = tuple(RedFlagAnswer(f, c.isChecked(), n.text().strip()) for f, (c, n) in self.rows.items())  # fmt: skip
        return {"red_flags": flags}


class IntakeWizard(QWizard):
    """A new client with their first intake, or (given a client) a new intake revision."""

    def __init__(self, store: Store, client: Client | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.client = store, client
        self.saved_intake: Intake | None = None
        self.setWindowTitle(self.tr("Intake") if client else self.tr("New client — intake"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(
            QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True
        )  # any step may be skipped
        self.resize(760, 560)
        self.details = DetailsPage()
        self.history = TextPage(self.tr("Complaint and history"), HISTORY_TEXT, HISTORY_LISTS)
        self.factors = TextPage(self.tr("Contributing factors"), FACTORS, ())  # fmt: skip
        self.goals = TextPage(self.tr("Goals and medications"), (), (("goals", "Goals"), ("medications", "Medications")))  # fmt: skip
        self.red_flags = RedFlagPage()
        pages: list[QWizardPage] = [self.history, self.factors, self.goals, self.red_flags]
        if client is None:
            pages.insert(0, self.details)
        for page in pages:
            self.addPage(page)
        if client is not None:
            self._show_latest(client.id)

    def _show_latest(self, client_id: str) -> None:
        previous = self.store.intakes(client_id)
        if previous:
            for page in (self.history, self.factors, self.goals, self.red_flags):
                page.show_answers(previous[-1])
            self.red_flags.by_edit.setText(previous[-1].recorded_by)

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for page in (self.history, self.factors, self.goals, self.red_flags):
            out.update(page.answers())
        return out

    def save(self) -> bool:
        """Store the client (when new) and the intake revision; False with a message on failure."""
        if self.client is None and not self.details.validatePage():
            self.restart()  # back to the details page, where the message is
            return False
        try:
            if self.client is None:
                self.client = records.new_client(self.store, **self.details.client_fields())
            self.saved_intake = records.revise_intake(
                self.store, client_id=self.client.id, by=self.red_flags.by_edit.text().strip(),
                at=None, **self.answers(),
            )  # fmt: skip
        except (StoreError, ValueError) as exc:
            self.red_flags.setSubTitle(str(exc))
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
