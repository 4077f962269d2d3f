"""Reading and writing visits with their charts, chart items and amendments (Core statements)."""

from __future__ import annotations

import gc
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bodymap.model import Chart, Visit
from bodymap.model.commands import KIND_NAMES
from bodymap.model.values import trusted
from bodymap.store import rows
from bodymap.store.schema import ITEM_TABLES, amendments, charts, visits


def insert_visit(conn: Connection, v: Visit) -> None:
    conn.execute(visits.insert(), {**rows.visit_row(v), "version": 1, "updated_at": _now()})
    for slot in ("pre", "post"):
        insert_chart(conn, v.chart(slot), v.id, slot)
    insert_amendments(conn, v, 0)


def insert_amendments(conn: Connection, v: Visit, start: int) -> None:
    new = [rows.amendment_row(a, v.id, i) for i, a in enumerate(v.amendments) if i >= start]
    if new:
        conn.execute(amendments.insert(), new)


def insert_chart(conn: Connection, chart: Chart, visit_id: str, slot: str) -> None:
    conn.execute(
        charts.insert(), {"id": chart.id, "visit_id": visit_id, "slot": slot, "version": 1}
    )
    insert_items(conn, chart)


def insert_items(conn: Connection, chart: Chart) -> None:
    for kind, name in KIND_NAMES.items():
        items = chart.items(kind)
        if items:
            conn.execute(
                ITEM_TABLES[name].insert(),
                [rows.item_row(x, chart.id, i) for i, x in enumerate(items)],
            )


def clear_items(conn: Connection, chart_id: str) -> None:
    for table in ITEM_TABLES.values():
        conn.execute(delete(table).where(table.c.chart_id == chart_id))


def load_visits(conn: Connection, where: ColumnElement[bool]) -> list[Visit]:
    """Visits matching `where`, oldest first, with charts, items and amendments (batched)."""
    # Thousands of acyclic objects are built here; pausing the cycle collector meanwhile
    # saves a third of the time (it would scan every live object several times over).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_visits(conn, where)
    finally:
        if was_enabled:
            gc.enable()


def _load_visits(conn: Connection, where: ColumnElement[bool]) -> list[Visit]:
    vrows = conn.execute(select(visits).where(where).order_by(visits.c.started_at, visits.c.id))
    visit_fields = [rows.visit_fields_from(r) for r in vrows]
    if not visit_fields:
        return []
    # Charts and items are selected through a join on the same condition rather than with
    # IN lists of ids: one cached statement per table, however many visits there are.
    chart_rows = conn.execute(
        select(charts).join(visits, charts.c.visit_id == visits.c.id).where(where)
    ).all()
    items: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for name, table in ITEM_TABLES.items():
        read = rows.ITEM_READERS[name]
        stmt = (
            select(table)
            .join(charts, table.c.chart_id == charts.c.id)
            .join(visits, charts.c.visit_id == visits.c.id)
            .where(where)
            .order_by(table.c.chart_id, table.c.seq)
        )
        for r in conn.execute(stmt).all():  # fetchall: much faster than row by row
            items[(r.chart_id, name)].append(read(r))
    by_visit: dict[tuple[str, str], Chart] = {}
    for r in chart_rows:
        fields = {f"{n}s": tuple(items.get((r.id, n), ())) for n in ITEM_TABLES}
        by_visit[(r.visit_id, r.slot)] = trusted(
            Chart, {**fields, "id": r.id, "version": r.version}
        )
    notes: dict[str, list[Any]] = defaultdict(list)
    stmt = (
        select(amendments)
        .join(visits, amendments.c.visit_id == visits.c.id)
        .where(where)
        .order_by(amendments.c.visit_id, amendments.c.seq)
    )
    for r in conn.execute(stmt).all():
        notes[r.visit_id].append(rows.amendment_from(r))
    return [
        trusted(
            Visit,
            {
                **f,
                "pre_chart": by_visit[(f["id"], "pre")],
                "post_chart": by_visit[(f["id"], "post")],
                "amendments": tuple(notes.get(f["id"], ())),
            },
        )  # fmt: skip
        for f in visit_fields
    ]


def amendment_count(conn: Connection, visit_id: str) -> int:
    stmt = select(func.count()).where(amendments.c.visit_id == visit_id)
    return int(conn.execute(stmt).scalar_one())


def item_count(conn: Connection, kind: str, chart_id: str) -> int:
    table = ITEM_TABLES[kind]
    n = conn.execute(select(func.count()).where(table.c.chart_id == chart_id)).scalar_one()
    return int(n)


def insert_item(conn: Connection, kind: str, chart_id: str, item: Any, index: int | None) -> int:
    """Insert an item at a position (default: the end), shifting later items; returns it."""
    table = ITEM_TABLES[kind]
    n = item_count(conn, kind, chart_id)
    pos = n if index is None else max(0, min(index, n))
    if pos < n:
        _shift(conn, table, chart_id, pos, 1)
    conn.execute(table.insert(), rows.item_row(item, chart_id, pos))
    return pos


def _shift(conn: Connection, table: Any, chart_id: str, from_seq: int, by: int) -> None:
    conn.execute(
        update(table)
        .where(table.c.chart_id == chart_id, table.c.seq >= from_seq)
        .values(seq=table.c.seq + by)
    )


def update_item(conn: Connection, kind: str, chart_id: str, item: Any) -> bool:
    table = ITEM_TABLES[kind]
    row = rows.item_row(item, chart_id, 0)
    del row["seq"], row["id"], row["chart_id"]
    res = conn.execute(
        update(table).where(table.c.id == item.id, table.c.chart_id == chart_id).values(**row)
    )
    return res.rowcount == 1


def delete_item(conn: Connection, kind: str, chart_id: str, item_id: str) -> bool:
    table = ITEM_TABLES[kind]
    seq = conn.execute(
        select(table.c.seq).where(table.c.id == item_id, table.c.chart_id == chart_id)
    ).scalar()
    if seq is None:
        return False
    conn.execute(delete(table).where(table.c.id == item_id))
    _shift(conn, table, chart_id, seq + 1, -1)
    return True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
