"""Reading and writing visits with their charts, chart items and amendments (Core statements)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bodymap.model import Chart, Visit
from bodymap.model.commands import KIND_NAMES
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
    vrows = conn.execute(
        select(visits).where(where).order_by(visits.c.started_at, visits.c.id)
    ).mappings()
    fields = [rows.visit_fields_from(r) for r in vrows]
    if not fields:
        return []
    ids = [f["id"] for f in fields]
    chart_rows = _in_chunks(conn, charts, charts.c.visit_id, ids)
    chart_ids = [r["id"] for r in chart_rows]
    items: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for name, table in ITEM_TABLES.items():
        read = rows.ITEM_READERS[name]
        for r in _in_chunks(conn, table, table.c.chart_id, chart_ids, table.c.seq):
            items[(r["chart_id"], name)].append(read(r))
    by_visit: dict[tuple[str, str], Chart] = {}
    for r in chart_rows:
        by_visit[(r["visit_id"], r["slot"])] = Chart(
            id=r["id"],
            version=r["version"],
            **{f"{n}s": tuple(items.get((r["id"], n), ())) for n in ITEM_TABLES},
        )
    notes: dict[str, list[Any]] = defaultdict(list)
    for r in _in_chunks(conn, amendments, amendments.c.visit_id, ids, amendments.c.seq):
        notes[r["visit_id"]].append(rows.amendment_from(r))
    return [
        Visit(
            **f,
            pre_chart=by_visit[(f["id"], "pre")],
            post_chart=by_visit[(f["id"], "post")],
            amendments=tuple(notes.get(f["id"], ())),
        )
        for f in fields
    ]


def _in_chunks(
    conn: Connection, table: Any, column: Any, keys: Sequence[str], order: Any = None
) -> list[Any]:
    # SQLite limits bound parameters per statement; 500 keys at a time stays well inside it.
    out: list[Any] = []
    for i in range(0, len(keys), 500):
        stmt = select(table).where(column.in_(keys[i : i + 500]))
        if order is not None:
            stmt = stmt.order_by(column, order)
        out.extend(conn.execute(stmt).mappings().all())
    return out


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
