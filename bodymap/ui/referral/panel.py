"""The "possible sources" panel: muscles whose referral patterns best explain the charted pain."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bodymap.referral import Candidate
from bodymap.referral.explain import name_list

SIDE_WORDS = {"left": "LEFT", "right": "RIGHT", "midline": "both sides"}
FLAG = "\u26a0"  # warning sign: a red-flag note applies


def candidate_title(c: Candidate) -> str:
    """ "Scalenes (anterior, middle, posterior) — RIGHT · 64%" (plus the red-flag sign)."""
    tp = f", {c.trigger_point.name}" if len(c.muscle.trigger_points) > 1 else ""
    flag = f" {FLAG}" if c.red_flag else ""
    side = SIDE_WORDS.get(c.side, c.side)
    return f"{c.muscle.name}{tp} \u2014 {side} \u00b7 {round(100 * c.score)}%{flag}"


class ReferralPanel(QWidget):
    """Ranked candidates; choosing one previews its pattern, a button adds its trigger point.

    preview_requested(Candidate | None) and add_requested(Candidate) go to the controller.
    """

    preview_requested = Signal(object)
    add_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.candidates: list[Candidate] = []
        self.labels: Mapping[str, str] = {}
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 6, 10, 8)
        intro = QLabel(
            self.tr(
                "Muscles whose trigger points refer pain to where it is charted now "
                "(marks and shading, weighted by intensity and coverage). A suggestion, "
                "not a diagnosis: confirm by palpation."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        col.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("referralCandidates")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(140)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        col.addWidget(self.list, 3)
        self.details = QTextBrowser()  # scrolls: a long explanation must not widen the dock
        self.details.setObjectName("referralDetails")
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(120)
        col.addWidget(self.details, 2)
        row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Show on map"))
        self.preview_button.setCheckable(True)
        self.add_button = QPushButton(self.tr("Add trigger point"))
        self.add_button.setToolTip(
            self.tr("Add an active trigger point for this muscle where it usually lies (undoable)")
        )
        row.addWidget(self.preview_button)
        row.addWidget(self.add_button)
        col.addLayout(row)
        self.all_check = QCheckBox(self.tr("Patterns of all trigger points"))
        col.addWidget(self.all_check)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.preview_button.toggled.connect(self._on_preview_button_toggled)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.set_candidates([])

    def bind_toggle(self, action: QAction) -> None:
        """Keep the "all patterns" box and the window's checkable action in step."""
        self.all_check.setToolTip(action.toolTip())
        self.all_check.setChecked(action.isChecked())
        self.all_check.toggled.connect(action.setChecked)
        action.toggled.connect(self.all_check.setChecked)

    # -- content ------------------------------------------------------------------

    def set_candidates(
        self, candidates: Sequence[Candidate], labels: Mapping[str, str] | None = None
    ) -> None:
        """Show a new ranking, keeping the chosen muscle chosen when it is still listed."""
        keep = self.current()
        key = (keep.muscle.id, keep.trigger_point.id, keep.side) if keep else None
        self.candidates, self.labels = list(candidates), labels or self.labels
        self.list.blockSignals(True)
        self.list.clear()
        row = -1
        for i, c in enumerate(self.candidates):
            item = QListWidgetItem(f"{i + 1}. {candidate_title(c)}")
            item.setToolTip(c.explanation)
            self.list.addItem(item)
            if key == (c.muscle.id, c.trigger_point.id, c.side):
                row = i
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        if not self.candidates:
            self.details.setText(self.tr("Chart some pain to see which muscles could refer it."))
        self._show_details(row)

    def current(self) -> Candidate | None:
        row = self.list.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def choose(self, row: int) -> None:
        """Choose the candidate at `row` (as a click would): details and a map preview."""
        self.list.setCurrentRow(row)

    def _show_details(self, row: int) -> None:
        c = self.candidates[row] if 0 <= row < len(self.candidates) else None
        self.add_button.setEnabled(c is not None)
        self.preview_button.setEnabled(c is not None)
        if c is None:
            if self.candidates:
                self.details.setText(self.tr("Choose a muscle to see why it is suggested."))
            self.preview_button.setChecked(False)
            return
        self.details.setText(self._details_html(c))

    def _details_html(self, c: Candidate) -> str:
        parts = [f"<b>{escape(c.muscle.name)}</b> \u2014 {escape(c.trigger_point.name)}"]
        if c.red_flag:  # first, so it is read before anything else
            flag = escape(self.tr("Red flag: {0}").format(c.red_flag))
            parts.append(f'<span style="color:#c92a2a"><b>{FLAG} {flag}</b></span>')
        parts.append(escape(self.tr("Score {0}%: {1}").format(round(100 * c.score), c.explanation)))
        for title, zones in (
            (self.tr("Matched"), c.matched_zones),
            (self.tr("At the trigger point"), c.at_trigger_point),
            (self.tr("Pain it does not explain"), c.unmatched_pain_zones),
            (self.tr("Pattern zones without pain"), c.pain_free_zones),
        ):
            if zones:
                parts.append(f"<i>{escape(title)}:</i> {escape(name_list(zones, self.labels))}")
        return "<br>".join(parts)

    # -- slots --------------------------------------------------------------------

    def _on_list_current_row_changed(self, row: int) -> None:
        self._show_details(row)
        if 0 <= row < len(self.candidates):
            if self.preview_button.isChecked():
                self.preview_requested.emit(self.candidates[row])
            else:
                self.preview_button.setChecked(True)  # emits the preview itself

    def _on_preview_button_toggled(self, on: bool) -> None:
        self.preview_requested.emit(self.current() if on else None)

    def _on_add_button_clicked(self) -> None:
        c = self.current()
        if c is not None:
            self.add_requested.emit(c)
