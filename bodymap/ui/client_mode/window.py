"""Client mode: a locked, full-screen question flow; only the therapist's PIN leaves it."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bodymap.geometry import Atlas
from bodymap.model import Visit
from bodymap.store import Store, StoreError
from bodymap.ui.client_mode.map_step import WhereStep
from bodymap.ui.client_mode.pin_dialog import PinPad
from bodymap.ui.client_mode.report import ClientReport
from bodymap.ui.client_mode.steps import FeelStep, NoteStep, ScaleStep, SummaryStep, ThanksStep
from bodymap.ui.client_mode.style import client_style
from bodymap.ui.client_mode.words import area_phrase, feelings_of, summary_line
from bodymap.ui.common.settings import AppSettings

log = logging.getLogger(__name__)
LARGER = 1.35  # "Larger text" multiplies the text size by this


class ClientModeWindow(QWidget):
    """One client's self-report for one visit; finished(visit_id) once the therapist unlocks."""

    finished = Signal(str)

    def __init__(self, store: Store, atlas: Atlas, visit: Visit, settings: AppSettings):
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)  # fmt: skip
        self.setObjectName("clientMode")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.store, self.atlas, self.settings = store, atlas, settings
        self.report = ClientReport(atlas, visit)
        self.saved: Visit | None = None
        self.unlocked = False
        self.pages: list[tuple[str, str | None]] = [("where", None)]
        self.pos = 0
        self._build()
        self._plan()
        self._apply_text_size()
        self._show_page()

    def _build(self) -> None:
        col = QVBoxLayout(self)
        col.setContentsMargins(32, 12, 32, 16)
        col.setSpacing(12)
        top = QHBoxLayout()
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.larger = QPushButton(self.tr("Larger text"))
        self.larger.setObjectName("corner")
        self.larger.setCheckable(True)
        self.larger.setChecked(self.settings.client_text_scale > 1.0)
        self.larger.toggled.connect(self._on_larger_toggled)
        self.therapist = QPushButton(self.tr("Therapist"))
        self.therapist.setObjectName("corner")
        self.therapist.clicked.connect(self.ask_pin)
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.larger)
        top.addWidget(self.therapist)
        col.addLayout(top)
        self.where = WhereStep(self.atlas, self.report)
        self.scale, self.feel = ScaleStep(), FeelStep()
        self.note, self.summary, self.thanks = NoteStep(), SummaryStep(), ThanksStep()
        self.pin = PinPad()
        self.stack = QStackedWidget()
        for page in (self.where, self.scale, self.feel, self.note, self.summary, self.thanks, self.pin):  # fmt: skip
            self.stack.addWidget(page)
        col.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("primary")
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        col.addLayout(bottom)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.scale.chosen.connect(self._on_scale_chosen)
        self.feel.changed.connect(self._on_feel_changed)
        self.where.areas_changed.connect(self._on_areas_changed)
        self.pin.submitted.connect(self._on_pin_submitted)
        self.pin.cancelled.connect(self._on_pin_cancelled)

    # -- flow -----------------------------------------------------------------------

    @property
    def page(self) -> str:
        return self.pages[self.pos][0]

    def _plan(self) -> None:
        """Where, then two questions for each area, then anything else, summary, thanks."""
        steps: list[tuple[str, str | None]] = [("where", None)]
        for item in self.report.areas:
            steps += [("scale", item.id), ("feel", item.id)]
        self.pages = [*steps, ("note", None), ("summary", None), ("thanks", None)]

    def _on_areas_changed(self) -> None:
        if self.page == "where":
            self._plan()
            self.progress.setText(self._progress_text())
        self._update_buttons()

    def go_next(self) -> None:
        if self.page == "where":
            self._plan()
        elif self.page == "note":
            self.report.note = self.note.edit.toPlainText()
        elif self.page == "summary" and not self._save():
            return
        if self.pos < len(self.pages) - 1:
            self.pos += 1
            self._show_page()

    def go_back(self) -> None:
        if self.page == "note":
            self.report.note = self.note.edit.toPlainText()
        if self.page == "summary":  # "Change something": start again from the map, answers kept
            self.pos = 0
        elif self.pos > 0 and self.page != "thanks":
            self.pos -= 1
        self._show_page()

    def _show_page(self) -> None:
        name, item_id = self.pages[self.pos]
        item = self.report.doc.visit.chart("pre").find(item_id) if item_id else None
        words = area_phrase(self.atlas, item, self.report.main_zone(item)) if item else ""  # type: ignore[arg-type]
        if name == "scale":
            self.scale.set_area(words[:1].upper() + words[1:])
            self.scale.set_value(item.intensity if item_id in self.report.rated else None)  # type: ignore[union-attr]
        elif name == "feel":
            self.feel.set_area(words[:1].upper() + words[1:])
            chosen = feelings_of(item) if item_id in self.report.described else ()  # type: ignore[arg-type]
            self.feel.set_value(chosen)
        elif name == "summary":
            self.summary.show_lines(self._summary_lines(), self.report.note)
        self.stack.setCurrentWidget(getattr(self, name))
        self.progress.setText(self._progress_text())
        self._update_buttons()

    def _summary_lines(self) -> list[str]:
        return [summary_line(self.atlas, a, self.report.main_zone(a)) for a in self.report.areas]

    def _progress_text(self) -> str:
        if self.page == "thanks":
            return ""
        return self.tr("Step {0} of {1}").format(self.pos + 1, len(self.pages) - 1)

    def _update_buttons(self) -> None:
        name, item_id = self.pages[self.pos]
        ready = {
            "scale": item_id in self.report.rated,
            "feel": item_id in self.report.described,
        }.get(name, True)
        self.next_button.setEnabled(ready)
        self.next_button.setText(self.tr("Yes, that is right") if name == "summary" else self.tr("Next"))  # fmt: skip
        self.back_button.setText(self.tr("Change something") if name == "summary" else self.tr("Back"))  # fmt: skip
        self.back_button.setVisible(self.pos > 0 and name != "thanks")
        self.next_button.setVisible(name != "thanks")

    def _on_scale_chosen(self, n: int) -> None:
        item_id = self.pages[self.pos][1]
        if item_id:
            self.where.layers.apply(self.report.rate(item_id, n))
        self._update_buttons()

    def _on_feel_changed(self) -> None:
        item_id = self.pages[self.pos][1]
        chosen = self.feel.value()
        if item_id and chosen and self.page == "feel":
            self.where.layers.apply(self.report.describe(item_id, chosen))
        elif item_id:
            self.report.described.discard(item_id)
        self._update_buttons()

    def _save(self) -> bool:
        try:
            self.saved = self.report.save(self.store)
        except (StoreError, ValueError) as exc:
            log.warning("client report not saved: %s", type(exc).__name__)
            self.summary.show_lines([self.tr("This could not be saved. Please hand the tablet back to your therapist.")], "")  # fmt: skip
            return False
        log.info("client report saved: %d areas", len(self.report.areas))
        return True

    # -- locked down ------------------------------------------------------------------

    def ask_pin(self) -> None:
        if self.stack.currentWidget() is not self.pin:
            self.pin.reset()
            wait = self.settings.pins.wait_s()
            if wait > 0:  # still locked from an earlier window or before a restart
                self.pin.pause(math.ceil(wait))
            self.stack.setCurrentWidget(self.pin)
            self.progress.clear()
            self.back_button.hide()
            self.next_button.hide()

    def _on_pin_submitted(self, pin: str) -> None:
        answer = self.settings.try_pin(pin)
        if not answer.ok:
            if answer.locked:  # the lock is kept in the PIN file: another window sees it too
                self.pin.pause(math.ceil(answer.wait_s))
            else:
                self.pin.reset(self.tr("That PIN is not right. Please try again."))
            return
        self.unlocked = True
        self.close()
        self.finished.emit(self.report.visit_id)

    def _on_pin_cancelled(self) -> None:
        self._show_page()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unlocked:
            super().closeEvent(event)
            return
        event.ignore()  # no closing the window: the PIN pad is the only way out
        self.ask_pin()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Escape must not leave client mode
            return
        super().keyPressEvent(event)

    # -- text size and orientation --------------------------------------------------------

    def _on_larger_toggled(self, on: bool) -> None:
        self.settings.client_text_scale = LARGER if on else 1.0
        self._apply_text_size()

    def _apply_text_size(self) -> None:
        self.setStyleSheet(client_style(self.settings.client_text_scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        for page in (self.where, self.scale, self.feel, self.pin):
            page.set_landscape(landscape)

    def start(self) -> None:
        """Fill the screen (a tablet in kiosk use)."""
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
