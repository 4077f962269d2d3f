"""The visit being charted: its document, the undo stack and change notifications for views."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from bodymap.geometry import Atlas
from bodymap.model import Change, Command, SignedVisitError, Visit
from bodymap.ops.connection import ConnectionWatch
from bodymap.ops.editing import edit_visit
from bodymap.store import ConflictError, Store, StoreError
from bodymap.ui.chart._undo import DomainUndoCommand

log = logging.getLogger(__name__)


class VisitSession(QObject):
    """Runs chart commands against the store (saved as they are made) and the undo stack.

    changed(Change) tells views what to repaint; reset() that the whole visit was (re)loaded;
    failed(str) carries a message a therapist can act on; connection_changed(ConnectionState)
    that the server went away (edits kept, charting paused) or came back (edits saved).
    """

    changed = Signal(object)
    reset = Signal()
    failed = Signal(str)
    unsaved_changed = Signal(bool)
    connection_changed = Signal(object)

    def __init__(self, store: Store, atlas: Atlas, parent: QObject | None = None):
        super().__init__(parent)
        self.store, self.atlas = store, atlas
        self.doc = None
        self.slot = "pre"
        self.undo_stack = QUndoStack(self)
        self._broken = False
        self.watch = ConnectionWatch(store)
        self.watch.listeners.append(self._on_watch_state)
        self._merge_keys: dict[int, str | None] = {}
        self._online = True

    @property
    def visit(self) -> Visit | None:
        return self.doc.visit if self.doc else None

    @property
    def unsaved(self) -> bool:
        """True only while the window may disagree with the database (a step failed).

        Every step is written as it is made, so there is no "save" and the undo stack's clean
        state is not used for this: QUndoStack never merges into the clean step, and slider
        drags or "1" then "0" must merge into one step.
        """
        return self._broken

    @property
    def editable(self) -> bool:
        return self.doc is not None and not self.doc.visit.is_signed and self.watch.online

    def open(self, visit: Visit) -> None:
        """Start charting a visit (the stored version); the undo history starts empty."""
        self.doc = edit_visit(self.store, visit)
        self.undo_stack.clear()
        self._set_broken(False)
        self.reset.emit()

    def close(self) -> None:
        self.doc = None
        self.undo_stack.clear()
        self.reset.emit()

    def reload(self) -> None:
        """Read the visit back from the store (after a failure left the history unreliable)."""
        if self.doc is None:
            return
        try:
            self.open(self.store.get_visit(self.doc.visit.id))
        except StoreError as exc:
            self.failed.emit(str(exc))

    def run(self, command: Command, merge_key: str | None = None) -> Change | None:
        """Apply and save a command, then put it on the undo stack; None if it was refused."""
        try:
            change = self.watch.run(command)
        except (StoreError, SignedVisitError, ValueError, KeyError) as exc:
            log.info("edit refused: %s", type(exc).__name__)
            self.failed.emit(str(exc))
            if isinstance(exc, ConflictError):  # changed elsewhere: show the stored visit
                QTimer.singleShot(0, self.reload)
            return None
        if change is None:  # the server is away: kept, saved by retry_pending when it is back
            self._merge_keys[id(command)] = merge_key
            return None
        self._saved(command, change, merge_key)
        return change

    def _on_watch_state(self, state: object) -> None:
        was = self._online
        self._online = self.watch.online
        self.connection_changed.emit(state)
        if was != self._online:
            self.reset.emit()  # panels follow `editable`: paused while the server is away

    def _saved(self, command: Command, change: Change, merge_key: str | None) -> None:
        self.changed.emit(change)
        wrapper = DomainUndoCommand(command, self.changed.emit, self._on_command_error, merge_key)
        self.undo_stack.push(wrapper)

    def retry_pending(self) -> None:
        """Save the edits kept while the server was away, if it answers now (the banner's timer)."""
        try:
            saved = self.watch.retry()
        except StoreError as exc:  # changed elsewhere meanwhile: say so, show the stored visit
            dropped = self.watch.discard()
            self.failed.emit(
                f"{exc}\n{len(dropped)} edit(s) made while the server was away could not be "
                "saved on top of that change; the stored visit is shown"
            )
            self._merge_keys.clear()
            QTimer.singleShot(0, self.reload)
            return
        for command, change in saved:
            key = self._merge_keys.pop(id(command), None)
            if change.what == "visit" and change.field is None:
                self.reset.emit()  # it was saved before the answer was lost: show the stored visit
            else:
                self._saved(command, change, key)

    def _on_command_error(self, exc: Exception) -> None:
        self._set_broken(True)
        self.failed.emit(str(exc))
        # The stack now disagrees with the model: rebuild both from the database.
        QTimer.singleShot(0, self.reload)

    def _set_broken(self, broken: bool) -> None:
        if broken != self._broken:
            self._broken = broken
            self.unsaved_changed.emit(broken)
