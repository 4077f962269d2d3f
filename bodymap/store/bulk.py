"""A whole client record as rows, prepared before its write transaction and written table by table.

Building the rows (dates to text, items to columns) is most of an import's work; doing it
ahead keeps the write lock short, so a therapist's edit in another window is not kept waiting.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from bodymap.model import ClientRecord
from bodymap.model.commands import KIND_NAMES
from bodymap.store import rows
from bodymap.store.schema import ITEM_TABLES, amendments, charts, clients, intakes, plans, visits

Batch = list[tuple[Table, list[dict[str, Any]]]]


def visit_rows(visits_: list[Any], stamp: str) -> Batch:
    """Rows of visits with their charts, chart items and amendments, parents first."""
    items: dict[str, list[dict[str, Any]]] = {name: [] for name in ITEM_TABLES}
    chart_rows, visit_rows_, notes = [], [], []
    for v in visits_:
        visit_rows_.append({**rows.visit_row(v), "version": 1, "updated_at": stamp})
        for slot in ("pre", "post"):
            chart = v.chart(slot)
            chart_rows.append({"id": chart.id, "visit_id": v.id, "slot": slot, "version": 1})
            for kind, name in KIND_NAMES.items():
                found = chart.items(kind)
                items[name] += [rows.item_row(x, chart.id, i) for i, x in enumerate(found)]
        notes += [rows.amendment_row(a, v.id, i) for i, a in enumerate(v.amendments)]
    return [
        (visits, visit_rows_),
        (charts, chart_rows),
        *((ITEM_TABLES[name], found) for name, found in items.items()),
        (amendments, notes),
    ]


def record_rows(record: ClientRecord, stamp: str) -> Batch:
    """Every row of a record, per table, parents before children; `stamp` is the updated_at."""
    client = {**rows.client_row(record.client), "version": 1, "updated_at": stamp}
    batch: Batch = [
        (clients, [client]),
        (intakes, [rows.intake_row(i) for i in record.intakes]),
        *visit_rows(list(record.visits), stamp),
        (plans, [{**rows.plan_row(p), "version": 1} for p in record.plans]),
    ]
    return batch


def write_rows(conn: Connection, batch: Batch) -> None:
    """Insert prepared rows, one executemany per table."""
    for table, found in batch:
        if found:
            conn.execute(table.insert(), found)
