"""Saving visit fields as they are edited: text debounced (~500 ms) and flushed on focus-out."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from bodymap.model import SignedVisitError, VisitDocument
from bodymap.ops.records import set_field
from bodymap.store import StoreError
from bodymap.ui.chart.session import VisitSession

log = logging.getLogger(__name__)
DEBOUNCE_MS = 500


class FieldSaver(QObject):
    """Queues field values and writes them through the session (undoable, one step per run).

    A value queued for one visit is written to that visit even if another visit was opened
    meanwhile, so switching visits never loses a half-typed note.
    """

    saved = Signal(str)  # field name

    def __init__(self, session: VisitSession, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._doc: VisitDocument | None = None
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        # Connected before any panel's own slot, so queued values reach the visit they belong to.
        session.reset.connect(self.flush)

    def pending(self, field: str) -> bool:
        return field in self._pending

    def schedule(self, field: str, value: Any) -> None:
        """Save `value` to `field` after a pause in typing."""
        if self._pending and self._doc is not self.session.doc:
            self.flush()
        self._doc = self.session.doc
        self._pending[field] = value
        self._timer.start()

    def save_now(self, field: str, value: Any) -> None:
        self.schedule(field, value)
        self.flush()

    def flush(self) -> None:
        """Write every queued value now."""
        self._timer.stop()
        doc, pending = self._doc, self._pending
        self._pending = {}
        if doc is None:
            return
        for field, value in pending.items():
            if doc.visit.is_signed or getattr(doc.visit, field) == value:
                continue
            if doc is self.session.doc:
                self.session.run(set_field(doc, field, value), merge_key=f"field:{field}")
            else:  # the visit was switched before the pause ended: still save, no undo step
                try:
                    set_field(doc, field, value).apply()
                except (StoreError, SignedVisitError, ValueError) as exc:
                    log.warning("late save failed: %s", type(exc).__name__)
                    self.session.failed.emit(str(exc))
                    continue
            self.saved.emit(field)

    def watch_focus(self, *widgets: QWidget) -> None:
        """Flush when any of `widgets` loses the keyboard focus."""
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._pending:
            self.flush()
        return False
