"""Edits that meet a lost server connection: kept in order, retried when the server answers.

Qt-free, so the charting window (a banner and a timer) and any other front end (the tablet
hand-off) share it: `run` an edit, `retry` on a timer, listen for the state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from bodymap.model import AddItem, Change, Command, RemoveItem, SetVisitField, UpdateItem, Visit
from bodymap.store import ConflictError, Store
from bodymap.store.errors import ConnectionLostError

log = logging.getLogger(__name__)

Listener = Callable[["ConnectionState"], None]


@dataclass(frozen=True)
class ConnectionState:
    """Whether the server answers, and how many edits wait for it."""

    online: bool
    waiting: int
    message: str = ""


@dataclass
class ConnectionWatch:
    """Runs edits against the store; one that meets a lost connection waits, in order, with
    the ones made after it, until `retry` finds the server back and saves them all."""

    store: Store
    pending: list[Command] = field(default_factory=list)
    listeners: list[Listener] = field(default_factory=list)
    message: str = ""

    @property
    def online(self) -> bool:
        return not self.pending

    @property
    def state(self) -> ConnectionState:
        return ConnectionState(self.online, len(self.pending), self.message)

    def run(self, command: Command) -> Change | None:
        """Apply an edit now (its Change), or keep it for later (None) if the server is away."""
        if self.pending:  # keep the order: nothing overtakes an edit that is waiting
            self.pending.append(command)
            self._tell()
            return None
        try:
            return command.apply()
        except ConnectionLostError as exc:
            log.warning("server connection lost; the edit is kept and will be retried")
            self.message = str(exc)
            self.pending.append(command)
            self._tell()
            return None

    def retry(self) -> list[tuple[Command, Change]]:
        """Save the waiting edits if the server answers; returns those saved, in order.

        An edit the server already holds (its answer was lost on the way back) is not made
        twice. A ConflictError (someone else changed the record meanwhile) is raised with
        the edits after it still waiting.
        """
        done: list[tuple[Command, Change]] = []
        if not self.pending or not self.store.reachable():
            return done
        while self.pending:
            command = self.pending[0]
            try:
                change = self._apply_once(command)
            except ConnectionLostError:
                break  # gone again: the rest waits for the next try
            self.pending.pop(0)
            done.append((command, change))
        if not self.pending:
            self.message = ""
        self._tell()
        return done

    def discard(self) -> list[Command]:
        """Give up the waiting edits (after a conflict the user was told about); returns them."""
        dropped, self.pending, self.message = self.pending, [], ""
        self._tell()
        return dropped

    def _apply_once(self, command: Command) -> Change:
        try:
            return command.apply()
        except ConflictError:
            doc = getattr(command, "doc", None)
            if doc is None:
                raise
            stored = self.store.get_visit(doc.visit.id)
            if not already_applied(command, stored):
                raise
            doc.visit = stored  # the lost answer's commit: take the stored versions
            return Change(stored.id, "visit", "updated")

    def _tell(self) -> None:
        state = self.state
        for listener in list(self.listeners):
            listener(state)


def already_applied(command: Command, stored: Visit) -> bool:
    """Whether `stored` already shows the command's effect (its commit reached the server)."""
    if isinstance(command, (AddItem, UpdateItem)):
        return stored.chart(command.slot).find(command.item.id) == command.item
    if isinstance(command, RemoveItem):
        return stored.chart(command.slot).find(command.item_id) is None
    if isinstance(command, SetVisitField):
        return bool(getattr(stored, command.field) == command.value)
    return False
