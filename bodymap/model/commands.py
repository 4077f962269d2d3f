"""Undoable edits as domain commands: apply/revert on a VisitDocument, each returning a Change."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bodymap.model.chart import ITEM_FIELDS, ChartItem
from bodymap.model.errors import SignedVisitError
from bodymap.model.visit import EDITABLE_FIELDS, Visit, check_slot

# Item kind names used in Change records and by the store.
KIND_NAMES: dict[type, str] = {kind: name[:-1] for kind, name in ITEM_FIELDS.items()}


@dataclass(frozen=True)
class Change:
    """What one edit changed, so a view repaints only that and the store writes only that.

    what: "mark", "stroke", "finding", "arrow" (a chart item in `slot`) or "visit" (a field).
    action: "added", "updated" or "removed".
    """

    visit_id: str
    what: str
    action: str
    slot: str | None = None
    item_id: str | None = None
    item: ChartItem | None = None  # the item now (added/updated); None when removed
    index: int | None = None  # where the item sits (added) or sat (removed)
    field: str | None = None
    value: Any = None


# Persists a change (raising leaves the document untouched) and returns the visit to keep,
# e.g. with row versions updated by the store.
Sink = Callable[[Change, Visit], Visit]


class VisitDocument:
    """The visit being edited: commands change it, and a sink commits each change first."""

    def __init__(self, visit: Visit, sink: Sink | None = None):
        self.visit = visit
        self.sink = sink

    def commit(self, new_visit: Visit, change: Change) -> Change:
        if self.visit.is_signed:
            raise SignedVisitError(self.visit.id)
        kept = self.sink(change, new_visit) if self.sink else new_visit
        self.visit = kept
        return change


class Command(Protocol):
    """An undoable edit; the GUI wraps each in a QUndoCommand."""

    text: str

    def apply(self) -> Change: ...

    def revert(self) -> Change: ...


def _with_items(visit: Visit, slot: str, kind: type, items: tuple) -> Visit:
    items_kw: dict[str, Any] = {ITEM_FIELDS[kind]: items}
    return visit.with_chart(slot, dataclasses.replace(visit.chart(slot), **items_kw))


def _insert(doc: VisitDocument, slot: str, item: ChartItem, index: int | None) -> Change:
    items = doc.visit.chart(slot).items(type(item))
    if any(x.id == item.id for x in items):
        raise ValueError(f"id: {item.id!r} is already on the chart")
    pos = len(items) if index is None else max(0, min(index, len(items)))
    new = _with_items(doc.visit, slot, type(item), items[:pos] + (item,) + items[pos:])
    change = Change(doc.visit.id, KIND_NAMES[type(item)], "added", slot, item.id, item, pos)
    return doc.commit(new, change)


def _remove(doc: VisitDocument, slot: str, kind: type, item_id: str) -> tuple[Change, int]:
    items = doc.visit.chart(slot).items(kind)
    pos = _index(items, item_id)
    new = _with_items(doc.visit, slot, kind, items[:pos] + items[pos + 1 :])
    change = Change(doc.visit.id, KIND_NAMES[kind], "removed", slot, item_id, None, pos)
    return doc.commit(new, change), pos


def _replace(doc: VisitDocument, slot: str, item: ChartItem) -> tuple[Change, ChartItem]:
    items = doc.visit.chart(slot).items(type(item))
    pos = _index(items, item.id)
    old = items[pos]
    new = _with_items(doc.visit, slot, type(item), items[:pos] + (item,) + items[pos + 1 :])
    change = Change(doc.visit.id, KIND_NAMES[type(item)], "updated", slot, item.id, item, pos)
    return doc.commit(new, change), old


def _index(items: tuple, item_id: str) -> int:
    for i, x in enumerate(items):
        if x.id == item_id:
            return i
    raise KeyError(f"no chart item with id {item_id!r}")


class AddItem:
    """Add a mark, stroke, finding or arrow to the pre- or post-treatment chart."""

    def __init__(self, doc: VisitDocument, slot: str, item: ChartItem):
        self.doc, self.slot, self.item = doc, check_slot(slot), item
        self.text = f"Add {KIND_NAMES[type(item)]}"
        self._index: int | None = None

    def apply(self) -> Change:
        change = _insert(self.doc, self.slot, self.item, self._index)
        self._index = change.index
        return change

    def revert(self) -> Change:
        return _remove(self.doc, self.slot, type(self.item), self.item.id)[0]


class UpdateItem:
    """Replace a chart item by a new version with the same id (a drag, a new intensity)."""

    def __init__(self, doc: VisitDocument, slot: str, item: ChartItem):
        self.doc, self.slot, self.item = doc, check_slot(slot), item
        self.text = f"Edit {KIND_NAMES[type(item)]}"
        self._old: ChartItem | None = None

    def apply(self) -> Change:
        change, self._old = _replace(self.doc, self.slot, self.item)
        return change

    def revert(self) -> Change:
        assert self._old is not None, "revert before apply"
        return _replace(self.doc, self.slot, self._old)[0]


class RemoveItem:
    """Remove a chart item; undo puts it back where it was."""

    def __init__(self, doc: VisitDocument, slot: str, item_id: str):
        self.doc, self.slot, self.item_id = doc, check_slot(slot), item_id
        found = doc.visit.chart(slot).find(item_id)
        if found is None:
            raise KeyError(f"no chart item with id {item_id!r}")
        self._item: ChartItem = found
        self._index = 0
        self.text = f"Delete {KIND_NAMES[type(found)]}"

    def apply(self) -> Change:
        change, self._index = _remove(self.doc, self.slot, type(self._item), self.item_id)
        return change

    def revert(self) -> Change:
        return _insert(self.doc, self.slot, self._item, self._index)


class SetVisitField:
    """Change one visit field (SOAP notes, techniques, self-care, outcomes, time, ...)."""

    def __init__(self, doc: VisitDocument, field: str, value: Any):
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"field: {field!r} is not an editable visit field")
        self.doc, self.field, self.value = doc, field, value
        self.text = f"Edit {field.replace('_', ' ')}"
        self._old: Any = None

    def _set(self, value: Any) -> Change:
        new = dataclasses.replace(self.doc.visit, **{self.field: value})
        value = getattr(new, self.field)  # normalised by the model
        change = Change(self.doc.visit.id, "visit", "updated", field=self.field, value=value)
        return self.doc.commit(new, change)

    def apply(self) -> Change:
        self._old = getattr(self.doc.visit, self.field)
        return self._set(self.value)

    def revert(self) -> Change:
        return self._set(self._old)
