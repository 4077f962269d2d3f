"""The compact editor beside the map: intensity, qualities, brush, finding kind, selection."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import FindingKind, PainMark, Quality, Stroke, TriggerPointState
from bodymap.ui.common.theme import intensity_color, paint_finding, text_color_on
from bodymap.ui.common.wording import FINDING_NAMES, QUALITY_NAMES

TAP, SHADE, FINDINGS = "tap", "shade", "findings"  # the marking modes
ARROW = "arrow"  # the findings tool's "referral arrow" choice


def finding_icon(kind: FindingKind, state: TriggerPointState | None = None) -> QIcon:
    pm = QPixmap(QSize(28, 28))
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.translate(14, 14)
    paint_finding(p, kind, state, 8.5)
    p.end()
    return QIcon(pm)


class ToolPanel(QWidget):
    """Settings for the next mark and, when one is selected, editing of that item."""

    intensity_edited = Signal(int)
    qualities_edited = Signal(object)
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("toolPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(10)
        self.readback = QLabel(self.tr("Click the body to mark pain."))
        self.readback.setObjectName("readback")
        self.readback.setWordWrap(True)
        self.readback.setMinimumHeight(40)
        layout.addWidget(self.readback)
        self.pain_box = self._build_pain()
        self.findings_box = self._build_findings()
        self.selection_box = self._build_selection()
        for w in (self.pain_box, self.findings_box, self.selection_box):
            layout.addWidget(w)
        layout.addStretch(1)
        self.set_mode(TAP)

    # -- building -----------------------------------------------------------------

    def _build_pain(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pain"))
        grid = QGridLayout(box)
        self.intensity_slider = QSlider(Qt.Orientation.Horizontal)
        self.intensity_slider.setRange(0, 10)
        self.intensity_slider.setValue(5)
        self.intensity_slider.setPageStep(1)
        self.intensity_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.intensity_slider.setAccessibleName(self.tr("Intensity"))
        self.intensity_value = QLabel()
        self.intensity_value.setObjectName("intensityValue")
        self.intensity_value.setFixedSize(40, 30)
        self.intensity_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intensity_slider.valueChanged.connect(self._on_intensity_slider_value_changed)
        grid.addWidget(QLabel(self.tr("Intensity (keys 0-9, 1 0 = 10)")), 0, 0, 1, 2)
        grid.addWidget(self.intensity_slider, 1, 0)
        grid.addWidget(self.intensity_value, 1, 1)
        self.quality_group = QButtonGroup(self)
        self.quality_group.setExclusive(False)
        qgrid = QGridLayout()
        qgrid.setSpacing(4)
        for i, q in enumerate(Quality):
            b = QToolButton()
            b.setText(self.tr(QUALITY_NAMES[q]))
            b.setCheckable(True)
            b.setChecked(q is Quality.ACHING)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setSizePolicy(
                b.sizePolicy().horizontalPolicy().Expanding, b.sizePolicy().verticalPolicy()
            )
            b.setProperty("quality", q.value)
            b.setMinimumHeight(24)
            self.quality_group.addButton(b)
            qgrid.addWidget(b, i // 2, i % 2)
        self.quality_group.buttonToggled.connect(self._on_quality_group_button_toggled)
        grid.addWidget(QLabel(self.tr("Quality")), 2, 0, 1, 2)
        grid.addLayout(qgrid, 3, 0, 1, 2)
        self.width_label = QLabel(self.tr("Brush width"))
        self.width_slider = QSlider(Qt.Orientation.Horizontal)
        self.width_slider.setRange(4, 60)
        self.width_slider.setValue(16)
        self.width_slider.setAccessibleName(self.tr("Brush width"))
        grid.addWidget(self.width_label, 4, 0, 1, 2)
        grid.addWidget(self.width_slider, 5, 0, 1, 2)
        self._on_intensity_slider_value_changed(5)
        return box

    def _build_findings(self) -> QGroupBox:
        box = QGroupBox(self.tr("Finding"))
        col = QVBoxLayout(box)
        self.kind_group = QButtonGroup(self)
        for kind in FindingKind:
            b = QRadioButton(self.tr(FINDING_NAMES[kind]).capitalize())
            b.setIcon(finding_icon(kind, TriggerPointState.ACTIVE if kind is FindingKind.TRIGGER_POINT else None))  # fmt: skip
            b.setProperty("kind", kind.value)
            self.kind_group.addButton(b)
            col.addWidget(b)
            if kind is FindingKind.TRIGGER_POINT:
                b.setChecked(True)
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 0)
                self.active_radio = QRadioButton(self.tr("active"))
                self.latent_radio = QRadioButton(self.tr("latent"))
                self.active_radio.setChecked(True)
                state_group = QButtonGroup(self)
                for r in (self.active_radio, self.latent_radio):
                    state_group.addButton(r)
                    row.addWidget(r)
                col.addLayout(row)
                self.muscle_edit = QLineEdit()
                self.muscle_edit.setPlaceholderText(self.tr("Muscle (optional)"))
                self.muscle_edit.setContentsMargins(24, 0, 0, 0)
                col.addWidget(self.muscle_edit)
        self.arrow_radio = QRadioButton(self.tr("Referral arrow"))
        self.arrow_radio.setToolTip(self.tr("Drag from a trigger point to where the pain is felt"))
        self.arrow_radio.setProperty("kind", ARROW)
        self.kind_group.addButton(self.arrow_radio)
        col.addWidget(self.arrow_radio)
        hint = QLabel(self.tr("Arrows: drag from a trigger point to where the pain goes."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        col.addWidget(hint)
        return box

    def _build_selection(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected"))
        col = QVBoxLayout(box)
        self.selection_label = QLabel()
        self.selection_label.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected item (Del)"))
        self.delete_button.clicked.connect(self.delete_requested)
        col.addWidget(self.selection_label)
        col.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)
        box.setVisible(False)
        return box

    # -- state --------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.pain_box.setVisible(mode in (TAP, SHADE))
        self.findings_box.setVisible(mode == FINDINGS)
        shade = mode == SHADE
        self.width_label.setVisible(shade)
        self.width_slider.setVisible(shade)
        self.quality_group.setExclusive(shade)  # a stroke has one quality
        if shade and len(self.qualities()) > 1:
            keep = self.qualities()[0]
            for b in self.quality_group.buttons():
                b.setChecked(b.property("quality") == keep.value)

    def show_item(self, item: object | None, words: str = "") -> None:
        """Show the selected item's values (edits then apply to it)."""
        self.selection_box.setVisible(item is not None)
        self.selection_label.setText(words)
        if isinstance(item, (PainMark, Stroke)):
            self.set_intensity(item.intensity)
            qualities = item.qualities if isinstance(item, PainMark) else (item.quality,)
            with QSignalBlocker(self.quality_group):
                for b in self.quality_group.buttons():
                    b.setChecked(Quality(b.property("quality")) in qualities)

    def set_intensity(self, n: int) -> None:
        with QSignalBlocker(self.intensity_slider):
            self.intensity_slider.setValue(n)
        self._show_intensity(n)

    def intensity(self) -> int:
        return self.intensity_slider.value()

    def qualities(self) -> tuple[Quality, ...]:
        chosen = [
            Quality(b.property("quality")) for b in self.quality_group.buttons() if b.isChecked()
        ]
        return tuple(chosen) or (Quality.ACHING,)

    def brush_width(self) -> float:
        return float(self.width_slider.value())

    def finding_kind(self) -> FindingKind | str:
        b = self.kind_group.checkedButton()
        value = b.property("kind") if b else FindingKind.TRIGGER_POINT.value
        return ARROW if value == ARROW else FindingKind(value)

    def trigger_state(self) -> TriggerPointState | None:
        if self.finding_kind() is not FindingKind.TRIGGER_POINT:
            return None
        return (
            TriggerPointState.ACTIVE if self.active_radio.isChecked() else TriggerPointState.LATENT
        )

    def muscle(self) -> str:
        return (
            self.muscle_edit.text().strip()
            if self.finding_kind() is FindingKind.TRIGGER_POINT
            else ""
        )

    def _show_intensity(self, n: int) -> None:
        bg, fg = intensity_color(n).name(), text_color_on(n).name()
        self.intensity_value.setText(str(n))
        self.intensity_value.setStyleSheet(
            f"background:{bg}; color:{fg}; border-radius:15px; font-weight:bold; font-size:15px;"
        )

    def _on_intensity_slider_value_changed(self, n: int) -> None:
        self._show_intensity(n)
        self.intensity_edited.emit(n)

    def _on_quality_group_button_toggled(self, _button: QToolButton, _checked: bool) -> None:
        self.qualities_edited.emit(self.qualities())
