"""Use cases the widgets call: client search, visits, chart edits as domain commands (Qt-free)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bodymap.geometry import Atlas
from bodymap.model import (
    Chart,
    Client,
    Finding,
    PainMark,
    Quality,
    ReferralArrow,
    RemoveItem,
    Stroke,
    UpdateItem,
    Visit,
    VisitDocument,
)
from bodymap.model.values import new_id
from bodymap.ops import records
from bodymap.store import Store


def search_clients(store: Store, text: str = "") -> list[Client]:
    """Clients whose name contains `text` or whose date of birth (YYYY-MM-DD) starts with it."""
    needle = text.strip().casefold()
    found = store.list_clients(include_archived=False)
    if not needle:
        return found
    return [
        c
        for c in found
        if needle in c.name.casefold()
        or (c.date_of_birth is not None and c.date_of_birth.isoformat().startswith(needle))
    ]


def copy_chart(chart: Chart) -> Chart:
    """The same marks, strokes, findings and arrows with fresh ids (a chart to start from)."""

    def fresh(items: Iterable) -> tuple:
        return tuple(dataclasses.replace(x, id=new_id()) for x in items)

    return Chart(
        marks=fresh(chart.marks),
        strokes=fresh(chart.strokes),
        findings=fresh(chart.findings),
        arrows=fresh(chart.arrows),
    )


def start_visit(store: Store, *, client_id: str, from_previous: bool = False) -> Visit:
    """A new draft visit; optionally its pre chart starts as the last visit's latest chart.

    ops.records.new_visit has no chart argument, so the copy is stored with store.add_visit.
    """
    previous = store.visits(client_id)
    if not (from_previous and previous):
        return records.new_visit(store, client_id=client_id)
    last = previous[-1]
    base = last.post_chart if not last.post_chart.is_empty else last.pre_chart
    draft = Visit(
        client_id=client_id,
        started_at=datetime.now().replace(second=0, microsecond=0),
        therapist=last.therapist,
    )
    return store.add_visit(dataclasses.replace(draft, pre_chart=copy_chart(base)))


def move_item(
    doc: VisitDocument, atlas: Atlas, slot: str, item_id: str, x: float, y: float
) -> UpdateItem:
    """An UpdateItem moving a mark or finding to (x, y); its zone follows the point.

    Raises ValueError when the point is outside the body.
    """
    item = _item(doc, slot, item_id)
    zone = atlas.zone_at(item.view, x, y)
    if zone is None:
        raise ValueError(f"point: ({x:g}, {y:g}) is outside the body on the {item.view} view")
    if isinstance(item, (PainMark, Finding)):
        return UpdateItem(doc, slot, dataclasses.replace(item, point=(x, y), zone=zone.id))
    if isinstance(item, ReferralArrow):
        return UpdateItem(doc, slot, dataclasses.replace(item, end=(x, y), to_zone=zone.id))
    raise ValueError(f"a {type(item).__name__} cannot be moved")


def edit_mark(
    doc: VisitDocument,
    slot: str,
    item_id: str,
    *,
    intensity: int | None = None,
    qualities: Iterable[Quality] | None = None,
) -> UpdateItem:
    """An UpdateItem changing a mark's (or stroke's) intensity and/or qualities."""
    item = _item(doc, slot, item_id)
    changes: dict[str, Any] = {}
    if intensity is not None:
        changes["intensity"] = intensity
    if qualities is not None:
        q = tuple(qualities) or (Quality.ACHING,)
        if isinstance(item, Stroke):
            changes["quality"] = q[0]
        else:
            changes["qualities"] = q
            if Quality.OTHER not in q:
                changes["other_text"] = ""
    return UpdateItem(doc, slot, dataclasses.replace(item, **changes))


def delete_item(doc: VisitDocument, slot: str, item_id: str) -> RemoveItem:
    return RemoveItem(doc, slot, item_id)


def _item(doc: VisitDocument, slot: str, item_id: str) -> Any:
    item = doc.visit.chart(slot).find(item_id)
    if item is None:
        raise KeyError(f"no chart item with id {item_id!r}")
    return item


def client_visits(store: Store, client_id: str) -> list[Visit]:
    """A client's visits, newest first (the order a therapist scans them in)."""
    return list(reversed(store.visits(client_id)))


def add_client(store: Store, *, name: str, date_of_birth: Any = None) -> Client:
    return records.new_client(store, name=name.strip(), date_of_birth=date_of_birth)


def load_visit(store: Store, visit_id: str) -> Visit:
    return store.get_visit(visit_id)
