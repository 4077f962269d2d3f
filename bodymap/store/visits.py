"""Reading and writing visits with their charts, chart items and amendments (Core statements)."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, and_, bindparam, delete, func, select, update
from sqlalchemy.engine import Connection

from bodymap.model import Chart, Visit, VisitStatus
from bodymap.model.commands import KIND_NAMES
from bodymap.model.values import trusted
from bodymap.store import bulk, rows
from bodymap.store.schema import ITEM_TABLES, amendments, charts, visits


def insert_visit(conn: Connection, v: Visit) -> None:
    bulk.write_rows(conn, bulk.visit_rows([v], now_stamp()))


def insert_amendments(conn: Connection, v: Visit, start: int) -> None:
    new = [rows.amendment_row(a, v.id, i) for i, a in enumerate(v.amendments) if i >= start]
    if new:
        conn.execute(amendments.insert(), new)


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


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while thousands of acyclic objects are built.

    Otherwise it runs every few hundred allocations and scans the growing batch again each
    time; paused, it scans the batch once, at the first allocation after the pause.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Statements are built once per scope and bound with :key, so SQLAlchemy neither builds
# nor compiles them again on each read.
SCOPES = {"client": visits.c.client_id, "visit": visits.c.id}
PRE, POST = charts.alias("pre"), charts.alias("post")


def scoped_visits(stmt: Select[Any], scope: str) -> Select[Any]:
    """`stmt` over a scope's visits (bound as :key) joined to their charts PRE and POST, by time."""
    return (
        stmt.join_from(visits, PRE, and_(PRE.c.visit_id == visits.c.id, PRE.c.slot == "pre"))
        .join(POST, and_(POST.c.visit_id == visits.c.id, POST.c.slot == "post"))
        .where(SCOPES[scope] == bindparam("key"))
        .order_by(visits.c.started_at, visits.c.id)
    )


@functools.cache
def _visit_query(scope: str) -> Select[Any]:
    return scoped_visits(
        select(
            visits,
            PRE.c.id.label("pre_id"),
            PRE.c.version.label("pre_version"),
            POST.c.id.label("post_id"),
            POST.c.version.label("post_version"),
        ),
        scope,
    )


@functools.cache
def _item_query(scope: str, name: str) -> Select[Any]:
    # A join on the scope rather than an IN list of chart ids: one cached statement per
    # table, however many visits there are.
    table = ITEM_TABLES[name]
    return (
        select(table)
        .join(charts, table.c.chart_id == charts.c.id)
        .join(visits, charts.c.visit_id == visits.c.id)
        .where(SCOPES[scope] == bindparam("key"))
        .order_by(table.c.chart_id, table.c.seq)
    )


@functools.cache
def _amendment_query(scope: str) -> Select[Any]:
    return (
        select(amendments)
        .join(visits, amendments.c.visit_id == visits.c.id)
        .where(SCOPES[scope] == bindparam("key"))
        .order_by(amendments.c.visit_id, amendments.c.seq)
    )


def load_visits(conn: Connection, scope: str, key: str) -> list[Visit]:
    """A client's visits (scope "client") or one visit ("visit"), oldest first, complete.

    One query for the visits with their chart ids, one per item table for every chart at
    once, and one for amendments when a visit is signed.
    """
    with paused_gc():
        params = {"key": key}
        vrows = conn.execute(_visit_query(scope), params).all()
        if not vrows:
            return []
        # Item rows come sorted by chart: each chart's items are one run of rows.
        items: dict[str, dict[str, tuple[Any, ...]]] = {}
        for name, read in rows.ITEM_READERS.items():
            found = conn.execute(_item_query(scope, name), params).all()
            items[name] = {
                chart_id: tuple(map(read, run)) for chart_id, run in groupby(found, _CHART_ID)
            }
        notes: dict[str, list[Any]] = defaultdict(list)
        if any(r.status == SIGNED for r in vrows):  # only signed visits have amendments
            for r in conn.execute(_amendment_query(scope), params).all():
                notes[r.visit_id].append(rows.amendment_from(r))
        return [_visit(r, items, notes) for r in vrows]


_CHART_ID = itemgetter(1)  # chart_id is the second column of every item table
SIGNED = VisitStatus.SIGNED.value


def _visit(r: Any, items: dict[str, dict[str, tuple[Any, ...]]], notes: Any) -> Visit:
    fields = rows.visit_fields_from(r)
    pre_id, pre_version, post_id, post_version = r[-4:]
    fields["pre_chart"] = _chart(pre_id, pre_version, items)
    fields["post_chart"] = _chart(post_id, post_version, items)
    fields["amendments"] = tuple(notes.get(fields["id"], ()))
    return trusted(Visit, fields)


def _chart(chart_id: str, version: int, items: dict[str, dict[str, tuple[Any, ...]]]) -> Chart:
    return trusted(Chart, {
        "marks": items["mark"].get(chart_id, ()), "strokes": items["stroke"].get(chart_id, ()),
        "findings": items["finding"].get(chart_id, ()), "arrows": items["arrow"].get(chart_id, ()),
        "id": chart_id, "version": version,
    })  # fmt: skip


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


def now_stamp() -> str:
    """The time a row was written, for its updated_at column (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
