"""Editing a visit with every change committed to the store as it is made."""

from __future__ import annotations

import dataclasses

from bodymap.model import Change, Visit, VisitDocument
from bodymap.model.commands import Sink
from bodymap.store import Store


def store_sink(store: Store) -> Sink:
    """A VisitDocument sink that writes each change to `store` and keeps row versions current.

    The chart (or visit) version the edit was based on goes with the write, so an edit made
    meanwhile by another process raises ConflictError instead of being overwritten.
    """

    def sink(change: Change, new: Visit) -> Visit:
        if change.what == "visit":
            assert change.field is not None
            return dataclasses.replace(new, version=store.update_visit_field(new, change.field))
        assert change.slot is not None and change.item_id is not None
        chart = new.chart(change.slot)
        if change.action == "added":
            assert change.item is not None
            v = store.add_item(chart.id, change.item, version=chart.version, index=change.index)
        elif change.action == "updated":
            assert change.item is not None
            v = store.update_item(chart.id, change.item, version=chart.version)
        else:
            v = store.delete_item(chart.id, change.item_id, version=chart.version)
        return new.with_chart(change.slot, dataclasses.replace(chart, version=v))

    return sink


def edit_visit(store: Store, visit: Visit) -> VisitDocument:
    """A document for editing `visit`: each command applied to it is saved at once."""
    return VisitDocument(visit, store_sink(store))
