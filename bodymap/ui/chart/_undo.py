"""The one adapter between domain commands (apply/revert) and Qt's QUndoStack."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from bodymap.model import Change, Command

log = logging.getLogger(__name__)
MERGE_ID = 4242
MERGE_WINDOW = 1.5  # seconds: edits of one item closer than this are one gesture


class DomainUndoCommand(QUndoCommand):
    """Wraps already-applied domain commands; undo reverts them, redo applies them again.

    Commands pushed with the same merge key in a row, each within MERGE_WINDOW of the last (a
    slider drag, "1" then "0"), become one undo step. A failure while undoing or redoing is reported, never raised into Qt.
    """

    def __init__(
        self,
        command: Command,
        on_change: Callable[[Change], None],
        on_error: Callable[[Exception], None],
        merge_key: str | None = None,
    ):
        super().__init__(command.text)
        self._commands = [command]
        self._on_change, self._on_error = on_change, on_error
        self._merge_key = merge_key
        self._last = time.monotonic()
        self._pending_first_redo = True  # push() calls redo(); the command is already applied

    def redo(self) -> None:
        if self._pending_first_redo:
            self._pending_first_redo = False
            return
        self._run([c.apply for c in self._commands])

    def undo(self) -> None:
        self._run([c.revert for c in reversed(self._commands)])

    def _run(self, steps: list[Callable[[], Change]]) -> None:
        for step in steps:
            try:
                change = step()
            except Exception as exc:  # a storage failure must not unwind through Qt
                log.warning("undo/redo failed: %s", type(exc).__name__)
                self._on_error(exc)
                return
            self._on_change(change)

    def id(self) -> int:
        return MERGE_ID if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DomainUndoCommand) or other._merge_key != self._merge_key:
            return False
        if other._last - self._last > MERGE_WINDOW:  # a later, separate edit of the same item
            return False
        self._commands.extend(other._commands)
        self._last = other._last
        return True
