"""The "Outcomes" tab: pain now/least/worst, PEG, PSFS (carried over), sleep, medication, ROM."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Change, Outcomes, Peg, PsfsRating, RomEntry
from bodymap.model.outcomes import pain_order_problems
from bodymap.ops.followup import carried_activities, last_ratings
from bodymap.store import StoreError
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.common.form_widgets import error_label
from bodymap.ui.visit._field_saver import FieldSaver

NOT_ASKED = "—"
PAIN_FIELDS = ("pain_now", "pain_least", "pain_worst")


def score_box(maximum: int = 10) -> QSpinBox:
    """0..maximum, with "—" (not asked) below 0."""
    box = QSpinBox()
    box.setRange(-1, maximum)
    box.setSpecialValueText(NOT_ASKED)
    box.setValue(-1)
    box.setMinimumWidth(64)
    return box


def _score(box: QSpinBox) -> int | None:
    return None if box.value() < 0 else box.value()


class OutcomesPanel(QScrollArea):
    """All measures form one Outcomes value, saved as it is edited; invalid rows are named."""

    def __init__(self, session: VisitSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.saver = FieldSaver(session, self)
        self._loading = False
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self._build_pain(), 0, 0)
        grid.addWidget(self._build_peg(), 0, 1)
        grid.addWidget(self._build_psfs(), 1, 0)
        grid.addWidget(self._build_sleep(), 1, 1)
        grid.addWidget(self._build_rom(), 2, 0, 1, 2)
        grid.setRowStretch(3, 1)
        self.setWidget(body)
        session.reset.connect(self._on_session_reset)
        session.changed.connect(self._on_session_changed)
        self._on_session_reset()

    # -- construction -------------------------------------------------------------

    def _score_group(self, title: str, labels: tuple[str, ...], *, beside: tuple[QLabel, ...] = ()) -> tuple[QGroupBox, QFormLayout, list[QSpinBox]]:  # fmt: skip
        """A box of 0-10 scores, one labelled row each, every change saved.

        `beside`: a message label per row, shown right of its box.
        """
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        spins = [score_box() for _ in labels]
        for i, (label, spin) in enumerate(zip(labels, spins, strict=True)):
            if i < len(beside):
                row = QHBoxLayout()
                row.addWidget(spin)
                row.addWidget(beside[i], 1)
                form.addRow(label, row)
            else:
                form.addRow(label, spin)
            spin.valueChanged.connect(self._on_value_changed)
        return box, form, spins

    def _build_pain(self) -> QGroupBox:
        labels = (self.tr("Now"), self.tr("Least (past week)"), self.tr("Worst (past week)"))
        # One message beside each box, from the model's rule (least <= now <= worst).
        self.pain_messages = {name: error_label() for name in PAIN_FIELDS}  # one line each
        box, _form, spins = self._score_group(
            self.tr("Pain (0-10)"), labels, beside=tuple(self.pain_messages.values())
        )
        self.pain_now, self.pain_least, self.pain_worst = spins
        return box

    def _build_peg(self) -> QGroupBox:
        labels = (self.tr("Average pain"), self.tr("Interference: enjoyment of life"), self.tr("Interference: general activity"))  # fmt: skip
        box, form, spins = self._score_group(self.tr("PEG (past week, 0-10)"), labels)
        self.peg_boxes = tuple(spins)
        self.peg_label = QLabel()
        form.addRow(self.peg_label)
        return box

    def _build_psfs(self) -> QGroupBox:
        box = QGroupBox(self.tr("PSFS: activities (0 unable - 10 as before)"))
        col = QVBoxLayout(box)
        self.psfs_grid = QGridLayout()
        col.addLayout(self.psfs_grid)
        self.psfs_rows: list[tuple[QLineEdit, QSpinBox]] = []
        self._hints: list[QLabel] = []
        self._last: dict[str, int] = {}  # carried-over activity -> its last rating
        self.add_psfs_button = QPushButton(self.tr("Add activity"))
        self.add_psfs_button.clicked.connect(self._on_add_psfs_button_clicked)
        self.psfs_label = error_label(wrap=True)
        row = QHBoxLayout()
        row.addWidget(self.psfs_label, 1)
        row.addWidget(self.add_psfs_button)
        col.addLayout(row)
        return box

    def _build_sleep(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sleep and medication"))
        form = QFormLayout(box)
        self.sleep_spin = QDoubleSpinBox()
        self.sleep_spin.setRange(-0.5, 24)
        self.sleep_spin.setSingleStep(0.5)
        self.sleep_spin.setDecimals(1)
        self.sleep_spin.setSpecialValueText(NOT_ASKED)
        self.sleep_spin.setSuffix(self.tr(" h"))
        self.wakes_combo = QComboBox()
        self.wakes_combo.addItems([NOT_ASKED, self.tr("No"), self.tr("Yes")])
        self.medication_edit = QLineEdit()
        self.medication_edit.setPlaceholderText(self.tr("Pain medication taken, e.g. ibuprofen 400 mg twice a day"))  # fmt: skip
        form.addRow(self.tr("Sleep per night"), self.sleep_spin)
        form.addRow(self.tr("Woken by pain"), self.wakes_combo)
        form.addRow(self.tr("Medication"), self.medication_edit)
        self.sleep_spin.valueChanged.connect(self._on_value_changed)
        self.wakes_combo.activated.connect(self._on_value_changed)
        self.medication_edit.textEdited.connect(self._on_value_changed)
        self.saver.watch_focus(self.medication_edit)
        return box

    def _build_rom(self) -> QGroupBox:
        box = QGroupBox(self.tr("Range of motion"))
        col = QVBoxLayout(box)
        self.rom_grid = QGridLayout()
        for i, head in enumerate((self.tr("Joint"), self.tr("Movement"), self.tr("Degrees"), self.tr("Painful"))):  # fmt: skip
            self.rom_grid.addWidget(QLabel(head), 0, i)
        col.addLayout(self.rom_grid)
        self.rom_rows: list[tuple[QLineEdit, QLineEdit, QSpinBox, QCheckBox]] = []
        self.add_rom_button = QPushButton(self.tr("Add movement"))
        self.add_rom_button.clicked.connect(self._on_add_rom_button_clicked)
        self.rom_label = error_label(wrap=True)
        row = QHBoxLayout()
        row.addWidget(self.rom_label, 1)
        row.addWidget(self.add_rom_button)
        col.addLayout(row)
        return box

    def _add_psfs_row(self, activity: str = "", score: int | None = None) -> tuple[QLineEdit, QSpinBox]:  # fmt: skip
        edit, spin = QLineEdit(activity), score_box()
        edit.setPlaceholderText(self.tr("Activity, e.g. lifting my child"))
        spin.setValue(-1 if score is None else score)
        n = len(self.psfs_rows)
        self.psfs_grid.addWidget(edit, n, 0)
        self.psfs_grid.addWidget(spin, n, 1)
        last = self._last.get(activity.casefold()) if activity else None
        if last is not None:  # re-rating is quicker with the last score in sight
            hint = QLabel(self.tr("last {0}").format(last))
            hint.setObjectName("hint")
            self.psfs_grid.addWidget(hint, n, 2)
            self._hints.append(hint)
        edit.textEdited.connect(self._on_value_changed)
        spin.valueChanged.connect(self._on_value_changed)
        self.saver.watch_focus(edit)
        edit.setReadOnly(not self.session.editable)
        spin.setEnabled(self.session.editable)
        self.psfs_rows.append((edit, spin))
        return edit, spin

    def _add_rom_row(self, entry: RomEntry | None = None) -> tuple[QLineEdit, QLineEdit, QSpinBox, QCheckBox]:  # fmt: skip
        joint, move, deg, pain = QLineEdit(), QLineEdit(), QSpinBox(), QCheckBox()
        joint.setPlaceholderText(self.tr("e.g. neck"))
        move.setPlaceholderText(self.tr("e.g. right rotation"))
        deg.setRange(0, 360)
        deg.setSuffix("°")
        if entry is not None:
            joint.setText(entry.joint)
            move.setText(entry.movement)
            deg.setValue(round(entry.degrees))
            pain.setChecked(entry.painful)
        n = len(self.rom_rows) + 1
        for i, w in enumerate((joint, move, deg, pain)):
            self.rom_grid.addWidget(w, n, i)
            w.setEnabled(self.session.editable)
        joint.textEdited.connect(self._on_value_changed)
        move.textEdited.connect(self._on_value_changed)
        deg.valueChanged.connect(self._on_value_changed)
        pain.toggled.connect(self._on_value_changed)
        self.saver.watch_focus(joint, move)
        self.rom_rows.append((joint, move, deg, pain))
        return joint, move, deg, pain

    # -- values -------------------------------------------------------------------

    def outcomes_value(self) -> Outcomes | None:
        """The Outcomes on screen, or None (with the reason next to the field) when invalid."""
        errors = {label: "" for label in (*self.pain_messages.values(), self.psfs_label, self.rom_label)}  # fmt: skip
        now, least, worst = _score(self.pain_now), _score(self.pain_least), _score(self.pain_worst)
        problems = pain_order_problems(now, least, worst)
        for name, problem in problems.items():
            errors[self.pain_messages[name]] = self.tr(problem[:1].upper() + problem[1:] + ".")
        pegs = [_score(b) for b in self.peg_boxes]
        peg = Peg(*pegs) if all(p is not None for p in pegs) else None  # type: ignore[arg-type]
        self.peg_label.setText(self.tr("PEG score {0:.1f}").format(peg.score) if peg else self.tr("Rate all three for a PEG score."))  # fmt: skip
        psfs: list[PsfsRating] = []
        for edit, spin in self.psfs_rows:
            name, score = edit.text().strip(), _score(spin)
            if name and score is None:
                errors[self.psfs_label] = self.tr("Rate “{0}” (or leave it unrated to skip).").format(name)  # fmt: skip
            elif score is not None and not name:
                errors[self.psfs_label] = self.tr("A rated row needs the activity's name.")
            elif name and score is not None:
                if name.casefold() in {r.activity.casefold() for r in psfs}:
                    errors[self.psfs_label] = self.tr("“{0}” is listed twice.").format(name)
                else:
                    psfs.append(PsfsRating(name, score))
        rom: list[RomEntry] = []
        for i, (joint, move, deg, pain) in enumerate(self.rom_rows, 1):
            if joint.text().strip() and move.text().strip():
                rom.append(RomEntry(joint.text().strip(), move.text().strip(), deg.value(), pain.isChecked()))  # fmt: skip
            elif joint.text().strip() or move.text().strip():
                errors[self.rom_label] = self.tr("Row {0}: give both joint and movement.").format(i)
        for label, text in errors.items():
            label.setText(text)
        if problems:  # kept on screen, not saved, until the scores agree
            return None
        sleep = None if self.sleep_spin.value() < 0 else self.sleep_spin.value()
        wakes = (None, False, True)[self.wakes_combo.currentIndex()]
        # Incomplete PSFS/ROM rows are kept on screen and left out until complete.
        return Outcomes(
            pain_now=now, pain_least=least, pain_worst=worst, peg=peg, psfs=tuple(psfs),
            sleep_hours=sleep, pain_wakes=wakes, medication=self.medication_edit.text(),
            rom=tuple(rom),
        )  # fmt: skip

    def _show(self, o: Outcomes, carried: list[str]) -> None:
        self._loading = True
        try:
            for box, v in ((self.pain_now, o.pain_now), (self.pain_least, o.pain_least), (self.pain_worst, o.pain_worst)):  # fmt: skip
                box.setValue(-1 if v is None else v)
            pegs = (o.peg.pain, o.peg.enjoyment, o.peg.activity) if o.peg else (-1, -1, -1)
            for box, v in zip(self.peg_boxes, pegs, strict=True):
                box.setValue(v)
            self.sleep_spin.setValue(-0.5 if o.sleep_hours is None else o.sleep_hours)
            self.wakes_combo.setCurrentIndex({None: 0, False: 1, True: 2}[o.pain_wakes])
            self.medication_edit.setText(o.medication)
            self._clear_rows()
            rated = {r.activity.casefold() for r in o.psfs}
            for r in o.psfs:
                self._add_psfs_row(r.activity, r.score)
            for name in carried:
                if name.casefold() not in rated:
                    self._add_psfs_row(name)
            self._add_psfs_row()
            for entry in o.rom:
                self._add_rom_row(entry)
            self._add_rom_row()
            self._fix_tab_order()
            self.outcomes_value()
        finally:
            self._loading = False

    def _fix_tab_order(self) -> None:
        """Rows are added after the rest: keep Tab going down the page, top to bottom."""
        chain: list[QWidget] = [self.pain_now, self.pain_least, self.pain_worst, *self.peg_boxes]
        chain += [w for row in self.psfs_rows for w in row] + [self.add_psfs_button]
        chain += [self.sleep_spin, self.wakes_combo, self.medication_edit]
        chain += [w for row in self.rom_rows for w in row] + [self.add_rom_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _on_add_psfs_button_clicked(self) -> None:
        edit, _spin = self._add_psfs_row()
        self._fix_tab_order()
        QTimer.singleShot(0, edit.setFocus)  # once the layout has shown the new row

    def _on_add_rom_button_clicked(self) -> None:
        joint, *_rest = self._add_rom_row()
        self._fix_tab_order()
        QTimer.singleShot(0, joint.setFocus)

    def _clear_rows(self) -> None:
        for row in (*self.psfs_rows, *self.rom_rows, self._hints):
            for w in row:
                w.setParent(None)
                w.deleteLater()
        self._hints = []
        self.psfs_rows, self.rom_rows = [], []

    def _carried(self) -> list[str]:
        visit = self.session.visit
        self._last = {}
        if visit is None:
            return []
        try:
            visits = self.session.store.open_client(visit.client_id).visits
        except StoreError:
            return []
        self._last = last_ratings(visits, visit.id)
        return carried_activities(visits, visit.id)

    # -- slots --------------------------------------------------------------------

    def _on_session_reset(self) -> None:
        visit = self.session.visit
        self._show(visit.outcomes if visit else Outcomes(), self._carried())
        editable = self.session.editable
        for w in (self.pain_now, self.pain_least, self.pain_worst, *self.peg_boxes, self.sleep_spin,
                  self.wakes_combo, self.add_psfs_button, self.add_rom_button):  # fmt: skip
            w.setEnabled(editable)
        self.medication_edit.setReadOnly(not editable)
        self.setEnabled(visit is not None)

    def _on_session_changed(self, change: Change) -> None:
        visit = self.session.visit
        if change.field != "outcomes" or visit is None or self.saver.pending("outcomes"):
            return
        if visit.outcomes != self.outcomes_value():
            self._show(visit.outcomes, self._carried())

    def _on_value_changed(self, *_args: object) -> None:
        if self._loading or not self.session.editable:
            return
        value = self.outcomes_value()
        if value is not None:
            self.saver.schedule("outcomes", value)
