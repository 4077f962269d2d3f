"""Stored marks, findings and arrows brought onto the atlas's current zones as a store opens.

The rules are model.rehome's; here only the rows they touch are read and rewritten, so an
up-to-date database costs three filtered queries. Versions are not bumped: this is stored
data following its atlas (like a schema upgrade), not anyone's edit of a chart.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, and_, bindparam, or_, select, update
from sqlalchemy.engine import Connection

from bodymap.geometry import Atlas
from bodymap.model.chart import ReferralArrow
from bodymap.model.rehome import current_zone, rehome_arrow
from bodymap.store.schema import arrows, findings, marks


def rehome_stored_items(conn: Connection, atlas: Atlas) -> int:
    """Rewrite every stored item the atlas's rules move; returns how many rows changed."""
    changed = sum(_rehome_zones(conn, table, atlas) for table in (marks, findings))
    return changed + _rehome_arrows(conn, atlas)


def _rehome_zones(conn: Connection, table: Table, atlas: Atlas) -> int:
    if not atlas.retired:
        return 0
    c = table.c
    rows = conn.execute(
        select(c.id, c.view, c.x, c.y, c.zone).where(c.zone.in_(list(atlas.retired)))
    ).all()
    moves = [
        {"rid": r.id, "new_zone": current_zone(atlas, r.view, r.zone, (r.x, r.y))} for r in rows
    ]
    return _update(conn, table, moves, ("zone",))


def _rehome_arrows(conn: Connection, atlas: Atlas) -> int:
    c = arrows.c
    elsewhere = [
        and_(c.view == view, c.to_zone.in_([z.id for z in atlas.zones if z.view != view]))
        for view in atlas.views
    ]
    rows = conn.execute(
        select(c.id, c.view, c.x1, c.y1, c.to_zone, c.x2, c.y2).where(
            or_(c.to_zone.in_(list(atlas.retired)), *elsewhere)
        )
    ).all()
    moves = []
    for r in rows:
        end = None if r.x2 is None or r.y2 is None else (r.x2, r.y2)
        old = ReferralArrow(view=r.view, start=(r.x1, r.y1), to_zone=r.to_zone, end=end, id=r.id)
        new = rehome_arrow(old, atlas)
        (x1, y1), (x2, y2) = new.start, new.end or (None, None)
        moves.append({
            "rid": r.id, "new_view": new.view, "new_x1": x1, "new_y1": y1,
            "new_to_zone": new.to_zone, "new_x2": x2, "new_y2": y2,
        })  # fmt: skip
    return _update(conn, arrows, moves, ("view", "x1", "y1", "to_zone", "x2", "y2"))


def _update(
    conn: Connection, table: Table, moves: list[dict[str, Any]], columns: tuple[str, ...]
) -> int:
    """One executemany: an atlas change can move thousands of rows in one open."""
    if moves:
        values: dict[str, Any] = {col: bindparam(f"new_{col}") for col in columns}
        conn.execute(update(table).where(table.c.id == bindparam("rid")).values(**values), moves)
    return len(moves)
