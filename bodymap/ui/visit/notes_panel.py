"""The "Treatment & notes" tab: techniques, areas, pressure, SOAP notes and self-care advice."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bodymap.geometry import Atlas
from bodymap.model import Change, SelfCare, Soap, Technique, Visit
from bodymap.ops.wording import join_tagged, objective_text, split_tagged
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.common.form_widgets import note_edit
from bodymap.ui.visit._field_saver import FieldSaver
from bodymap.ui.visit.sign_panel import SignPanel

# The visit model has no columns for these: they are "Tag: value" lines inside SOAP text.
AREAS, PRESSURE, FEEDBACK = "Areas treated", "Pressure tolerance", "Client feedback"
PRESSURES = ("", "light", "moderate", "firm", "deep")
TECHNIQUE_NAMES = {
    Technique.SWEDISH: "Swedish", Technique.DEEP_TISSUE: "Deep tissue",
    Technique.TRIGGER_POINT: "Trigger point", Technique.MYOFASCIAL_RELEASE: "Myofascial release",
    Technique.STRETCHING: "Stretching", Technique.JOINT_MOBILISATION: "Joint mobilisation",
    Technique.OTHER: "Other",
}  # fmt: skip
SELF_CARE_NAMES = {
    SelfCare.HEAT: "Heat", SelfCare.COLD: "Cold", SelfCare.EPSOM_SALT_BATH: "Epsom salt bath",
    SelfCare.STRETCHES: "Stretches",
}  # fmt: skip
SOAP_PARTS = ("subjective", "objective", "assessment", "plan")


class NotesPanel(QScrollArea):
    """Every field is saved as it is edited; a signed visit shows them read-only."""

    def __init__(self, session: VisitSession, atlas: Atlas, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.atlas = session, atlas
        self.saver = FieldSaver(session, self)
        self._loading = False
        self._prefilled: set[str] = set()  # visits whose objective was drafted from the chart
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self._build_treatment())
        col.addWidget(self._build_soap())
        col.addWidget(self._build_self_care())
        self.sign_panel = SignPanel(session, self.saver)
        col.addWidget(self.sign_panel)
        col.addStretch(1)
        self.setWidget(body)
        session.reset.connect(self._on_session_reset)
        session.changed.connect(self._on_session_changed)
        self._on_session_reset()

    # -- construction -------------------------------------------------------------

    def _build_treatment(self) -> QGroupBox:
        box = QGroupBox(self.tr("Treatment"))
        form = QFormLayout(box)
        grid = QGridLayout()
        self.technique_checks: dict[Technique, QCheckBox] = {}
        for i, (t, name) in enumerate(TECHNIQUE_NAMES.items()):
            check = QCheckBox(self.tr(name))
            check.toggled.connect(self._on_techniques_toggled)
            grid.addWidget(check, i // 4, i % 4)
            self.technique_checks[t] = check
        form.addRow(self.tr("Techniques"), grid)
        self.technique_other_edit = QLineEdit()
        self.technique_other_edit.setPlaceholderText(self.tr("Other technique, e.g. cupping"))
        self.technique_other_edit.textEdited.connect(self._on_technique_other_edit_text_edited)
        form.addRow(self.tr("Other"), self.technique_other_edit)
        self.areas_edit = QLineEdit()
        self.areas_edit.setPlaceholderText(self.tr("e.g. neck, both upper trapezius, left scapula"))
        self.pressure_combo = QComboBox()
        self.pressure_combo.addItems([self.tr(p) if p else "—" for p in PRESSURES])
        self.feedback_edit = QLineEdit()
        self.feedback_edit.setPlaceholderText(
            self.tr("Client's words on discomfort during treatment")
        )
        form.addRow(self.tr("Areas treated"), self.areas_edit)
        form.addRow(self.tr("Pressure tolerance"), self.pressure_combo)
        form.addRow(self.tr("Client feedback"), self.feedback_edit)
        self.areas_edit.textEdited.connect(self._on_soap_edited)
        self.feedback_edit.textEdited.connect(self._on_soap_edited)
        self.pressure_combo.activated.connect(self._on_pressure_combo_activated)
        return box

    def _build_soap(self) -> QGroupBox:
        box = QGroupBox(self.tr("SOAP notes"))
        form = QFormLayout(box)
        hints = {
            "subjective": self.tr("Client's report in their own words"),
            "objective": self.tr(
                "Findings: posture, tone, ROM, tenderness (drafted from the chart)"
            ),
            "assessment": self.tr("Response to treatment, progress toward goals"),
            "plan": self.tr("Next visit, home care"),
        }
        self.soap_edits = {p: note_edit(hints[p]) for p in SOAP_PARTS}
        for part, edit in self.soap_edits.items():
            edit.textChanged.connect(self._on_soap_edited)
            self.saver.watch_focus(edit)
            if part == "objective":
                self.draft_button = QPushButton(self.tr("Draft from chart"))
                self.draft_button.setToolTip(
                    self.tr("Replace the objective text by the chart in words")
                )
                self.draft_button.clicked.connect(self._on_draft_button_clicked)
                cell = QVBoxLayout()
                cell.addWidget(edit)
                cell.addWidget(self.draft_button, 0, Qt.AlignmentFlag.AlignRight)
                form.addRow(self.tr("Objective"), cell)
            else:
                form.addRow(self.tr(part.capitalize()), edit)
        self.saver.watch_focus(self.areas_edit, self.feedback_edit, self.technique_other_edit)
        return box

    def _build_self_care(self) -> QGroupBox:
        box = QGroupBox(self.tr("Self-care advice"))
        col = QVBoxLayout(box)
        row = QHBoxLayout()
        self.self_care_checks: dict[SelfCare, QCheckBox] = {}
        for s, name in SELF_CARE_NAMES.items():
            check = QCheckBox(self.tr(name))
            check.toggled.connect(self._on_self_care_toggled)
            row.addWidget(check)
            self.self_care_checks[s] = check
        row.addStretch(1)
        col.addLayout(row)
        self.self_care_edit = note_edit(self.tr("Specific stretches or your own advice"), 2)
        self.self_care_edit.textChanged.connect(self._on_self_care_edit_text_changed)
        self.saver.watch_focus(self.self_care_edit)
        col.addWidget(self.self_care_edit)
        return box

    # -- values -------------------------------------------------------------------

    def soap_value(self) -> Soap:
        e = self.soap_edits
        tags = {AREAS: self.areas_edit.text(), PRESSURE: PRESSURES[self.pressure_combo.currentIndex()]}  # fmt: skip
        return Soap(
            subjective=e["subjective"].toPlainText(),
            objective=join_tagged(e["objective"].toPlainText(), tags),
            assessment=join_tagged(
                e["assessment"].toPlainText(), {FEEDBACK: self.feedback_edit.text()}
            ),  # fmt: skip
            plan=e["plan"].toPlainText(),
        )

    def _show_soap(self, soap: Soap) -> None:
        objective, tags = split_tagged(soap.objective, (AREAS, PRESSURE))
        assessment, fb = split_tagged(soap.assessment, (FEEDBACK,))
        texts = {"subjective": soap.subjective, "objective": objective, "assessment": assessment, "plan": soap.plan}  # fmt: skip
        for part, edit in self.soap_edits.items():
            if edit.toPlainText() != texts[part]:
                edit.setPlainText(texts[part])
        self.areas_edit.setText(tags.get(AREAS, ""))
        pressure = tags.get(PRESSURE, "")
        self.pressure_combo.setCurrentIndex(
            PRESSURES.index(pressure) if pressure in PRESSURES else 0
        )
        self.feedback_edit.setText(fb.get(FEEDBACK, ""))

    def _show(self, visit: Visit, field: str | None = None) -> None:
        self._loading = True
        try:
            if field in (None, "soap"):
                self._show_soap(visit.soap)
            if field in (None, "techniques"):
                for t, check in self.technique_checks.items():
                    check.setChecked(t in visit.techniques)
            if field in (None, "technique_other"):
                self.technique_other_edit.setText(visit.technique_other)
            if field in (None, "self_care"):
                for s, check in self.self_care_checks.items():
                    check.setChecked(s in visit.self_care)
            if field in (None, "self_care_text") and self.self_care_edit.toPlainText() != visit.self_care_text:  # fmt: skip
                self.self_care_edit.setPlainText(visit.self_care_text)
        finally:
            self._loading = False

    def _set_editable(self, editable: bool) -> None:
        for w in (*self.technique_checks.values(), *self.self_care_checks.values(),
                  self.pressure_combo, self.draft_button):  # fmt: skip
            w.setEnabled(editable)
        self.draft_button.setVisible(editable)
        for e in (*self.soap_edits.values(), self.self_care_edit):
            e.setReadOnly(not editable)
        for line in (self.technique_other_edit, self.areas_edit, self.feedback_edit):
            line.setReadOnly(not editable)

    # -- slots --------------------------------------------------------------------

    def _on_session_reset(self) -> None:
        visit = self.session.visit
        self._show(visit if visit is not None else Visit(client_id="none", started_at=_EPOCH))
        self._set_editable(self.session.editable)
        self.setEnabled(visit is not None)
        if self.isVisible():
            self._prefill_objective()

    def _on_session_changed(self, change: Change) -> None:
        visit = self.session.visit
        if change.what == "visit" and visit is not None and change.field and not self.saver.pending(change.field):  # fmt: skip
            self._show(visit, change.field)

    def _on_soap_edited(self, *_args: object) -> None:
        if not self._loading and self.session.editable:
            self.saver.schedule("soap", self.soap_value())

    def _on_pressure_combo_activated(self, _index: int) -> None:
        if self.session.editable:
            self.saver.save_now("soap", self.soap_value())

    def _on_techniques_toggled(self, _on: bool) -> None:
        if not self._loading and self.session.editable:
            chosen = tuple(t for t, c in self.technique_checks.items() if c.isChecked())
            self.saver.save_now("techniques", chosen)

    def _on_technique_other_edit_text_edited(self, text: str) -> None:
        if self.session.editable:
            self.saver.schedule("technique_other", text)

    def _on_self_care_toggled(self, _on: bool) -> None:
        if not self._loading and self.session.editable:
            chosen = tuple(s for s, c in self.self_care_checks.items() if c.isChecked())
            self.saver.save_now("self_care", chosen)

    def _on_self_care_edit_text_changed(self) -> None:
        if not self._loading and self.session.editable:
            self.saver.schedule("self_care_text", self.self_care_edit.toPlainText())

    def _on_draft_button_clicked(self) -> None:
        visit = self.session.visit
        if visit is not None and self.session.editable:
            self.soap_edits["objective"].setPlainText(objective_text(visit.pre_chart, self.atlas))

    def _prefill_objective(self) -> None:
        """An empty objective of a draft starts as the chart in words."""
        visit = self.session.visit
        edit = self.soap_edits["objective"]
        if visit is None or visit.id in self._prefilled or not self.session.editable:
            return
        if not edit.toPlainText().strip():
            text = objective_text(visit.pre_chart, self.atlas)
            if text:
                edit.setPlainText(text)
                self._prefilled.add(visit.id)  # once: a cleared objective stays cleared

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._prefill_objective()


_EPOCH = datetime(2000, 1, 1)  # an empty form when no visit is open
