"""Finding clients and their visits, and starting a visit (optionally from the last one's chart)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bodymap.model import Chart, Client, Visit
from bodymap.model.accounts import Permission
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


def client_visits(store: Store, client_id: str) -> list[Visit]:
    """A client's visits, newest first (the order a therapist scans them in); none for a role
    that may not read clinical records (the front desk)."""
    if not store.may(Permission.READ_CLINICAL):
        return []
    return list(reversed(store.visits(client_id)))


def add_client(store: Store, *, name: str, date_of_birth: Any = None) -> Client:
    """A new client from the quick form: the name as typed, without surrounding spaces."""
    return records.new_client(store, name=name.strip(), date_of_birth=date_of_birth)


def load_visit(store: Store, visit_id: str) -> Visit:
    """The stored visit (raises StoreError when it is gone)."""
    return store.get_visit(visit_id)


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
