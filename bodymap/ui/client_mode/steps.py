"""The question pages after the map: how bad, what it feels like, anything else, summary, thanks."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Quality
from bodymap.ui.client_mode.icons import feeling_icon
from bodymap.ui.client_mode.report import CLIENT_QUALITIES
from bodymap.ui.client_mode.words import feeling_word
from bodymap.ui.common.theme import intensity_color, text_color_on

ICON = 36


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class Page(QWidget):
    """A question page: the question, the area it is about, and room for the answer."""

    def __init__(self, question: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.col = QVBoxLayout(self)
        self.col.setContentsMargins(0, 0, 0, 0)
        self.col.setSpacing(18)
        self.question = _label(question, "question")
        self.area = _label("", "area")
        self.col.addWidget(self.question)
        self.col.addWidget(self.area)
        self.set_area("")

    def set_area(self, words: str) -> None:
        self.area.setText(words)
        self.area.setVisible(bool(words))

    def set_landscape(self, landscape: bool) -> None:
        pass


class ScaleStep(Page):
    """ "How bad is it?": 0 to 10 as coloured buttons, with words at both ends."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("How bad is it?"), parent)
        self.col.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        for n in range(11):
            b = QPushButton(str(n))
            b.setCheckable(True)
            b.setObjectName("score")
            bg, fg = intensity_color(n).name(), text_color_on(n).name()
            b.setStyleSheet(f"QPushButton#score {{ background: {bg}; color: {fg}; }}")
            b.setAccessibleName(self.tr("{0} out of 10").format(n))
            self.group.addButton(b, n)
            self.buttons.append(b)
            row.addWidget(b)
        self.group.idClicked.connect(self.chosen.emit)
        self.col.addLayout(row)
        ends = QHBoxLayout()
        ends.addWidget(_label(self.tr("0 = no pain"), "scaleEnd"))
        ends.addStretch(1)
        worst = _label(self.tr("10 = worst pain imaginable"), "scaleEnd")
        worst.setAlignment(Qt.AlignmentFlag.AlignRight)
        ends.addWidget(worst)
        self.col.addLayout(ends)
        self.col.addStretch(2)

    def set_landscape(self, landscape: bool) -> None:
        for b in self.buttons:  # taller keys where a portrait screen has the room
            b.setProperty("tall", not landscape)
            b.style().unpolish(b)
            b.style().polish(b)

    def value(self) -> int | None:
        n = self.group.checkedId()
        return None if n < 0 else n

    def set_value(self, n: int | None) -> None:
        self.group.setExclusive(False)
        for i, b in enumerate(self.buttons):
            b.setChecked(i == n)
        self.group.setExclusive(True)


class FeelStep(Page):
    """ "What does it feel like?": six plain words with a simple symbol; one or more."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("What does it feel like?"), parent)
        self.col.addWidget(_label(self.tr("Choose one or more."), "hint"))
        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        self.buttons: dict[Quality, QPushButton] = {}
        for q in CLIENT_QUALITIES:
            b = QPushButton("  " + feeling_word(q))  # a little air after the symbol
            pal = self.palette()
            b.setIcon(feeling_icon(q, pal.color(QPalette.ColorRole.ButtonText), pal.color(QPalette.ColorRole.HighlightedText)))  # fmt: skip
            b.setIconSize(QSize(ICON, ICON))
            b.setCheckable(True)
            b.setObjectName("feeling")
            b.toggled.connect(lambda _on: self.changed.emit())
            self.buttons[q] = b
        self.col.addLayout(self.grid)
        self.col.addStretch(1)
        self.set_landscape(True)

    def set_landscape(self, landscape: bool) -> None:
        per_row = 3 if landscape else 2
        for i, b in enumerate(self.buttons.values()):
            self.grid.addWidget(b, i // per_row, i % per_row)

    def value(self) -> tuple[Quality, ...]:
        return tuple(q for q, b in self.buttons.items() if b.isChecked())

    def set_value(self, qualities: tuple[Quality, ...]) -> None:
        for q, b in self.buttons.items():
            b.blockSignals(True)
            b.setChecked(q in qualities)
            b.blockSignals(False)
        self.changed.emit()


class NoteStep(Page):
    """ "Anything else we should know?": free text, which may be left empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Anything else we should know?"), parent)
        self.col.addWidget(_label(self.tr("For example, what makes it better or worse. You can leave this empty."), "hint"))  # fmt: skip
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("note")
        self.edit.setAccessibleName(self.tr("Anything else we should know?"))
        self.col.addWidget(self.edit, 3)
        self.col.addStretch(2)  # a calm box, not a wall of white on a tall screen


class SummaryStep(Page):
    """Reads back every area, with its side in words, for the client to confirm."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Is this right?"), parent)
        self.col.addWidget(_label(self.tr("Here is what you told us:"), "hint"))
        inner = QWidget()
        inner.setObjectName("summaryList")
        self.lines = QVBoxLayout(inner)
        self.lines.setSpacing(12)
        self.lines.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.col.addWidget(scroll, 1)
        self.rows: list[QLabel] = []

    def show_lines(self, lines: list[str], note: str) -> None:
        # Empty the layout completely: a stretch left from an earlier call would push
        # the new rows down the page.
        while self.lines.count():
            item = self.lines.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        texts = lines or [self.tr("You did not mark any pain.")]
        if note.strip():
            texts = [*texts, self.tr("You added: “{0}”").format(note.strip())]
        self.rows = [_label(t, "summaryLine") for t in texts]
        for row in self.rows:
            self.lines.addWidget(row)
        self.lines.addStretch(1)


class ThanksStep(Page):
    """The last page: the answers are saved and the tablet goes back to the therapist."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Thank you!"), parent)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.col.insertStretch(0, 1)
        msg = _label(self.tr("Please hand the tablet back."), "thanks")
        msg.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.col.addWidget(msg)
        saved = _label(self.tr("Your answers are saved for your therapist."), "hint")
        saved.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.col.addWidget(saved)
        self.col.addStretch(1)
