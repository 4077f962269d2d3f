"""Reading the light views (client list lines, visit timelines) without loading chart items."""

from __future__ import annotations

import functools
import json
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bodymap.model.overview import ChartTally, ClientHeader, ClientOverview, VisitSummary
from bodymap.model.values import VisitKind, VisitStatus, trusted
from bodymap.store import rows
from bodymap.store.schema import (
    amendments,
    arrows,
    clients,
    findings,
    intakes,
    marks,
    plans,
    strokes,
    visits,
)
from bodymap.store.visits import POST, PRE, paused_gc, scoped_visits

# Case and accents ignored (model.client.name_sort_key); the stored name, then id, break ties.
LIST_ORDER = (clients.c.sort_name, clients.c.name, clients.c.id)
HEADER_COLUMNS = (clients.c.id, clients.c.name, clients.c.date_of_birth, clients.c.archived)


@functools.cache
def header_query(*, include_archived: bool) -> Select[Any]:
    """The client list, by name; the index ix_clients_sort covers it (no table row is read)."""
    stmt = select(*HEADER_COLUMNS).order_by(*LIST_ORDER)
    if not include_archived:
        stmt = stmt.where(clients.c.archived.is_(False))
    return stmt


def plans_query(client_id: str) -> Select[Any]:
    """A client's plans, oldest first."""
    return (
        select(plans).where(plans.c.client_id == client_id).order_by(plans.c.created_at, plans.c.id)
    )


def client_overview(conn: Connection, client_id: str) -> ClientOverview | None:
    """A client's overview (None: no such client): no chart item is read."""
    row = conn.execute(select(clients).where(clients.c.id == client_id)).first()
    if row is None:
        return None
    latest = conn.execute(
        select(intakes)
        .where(intakes.c.client_id == client_id)
        .order_by(intakes.c.revision.desc())
        .limit(1)
    ).first()
    plan_list = tuple(rows.plan_from(r) for r in conn.execute(plans_query(client_id)))
    return ClientOverview(
        client=rows.client_from(row),
        intake=rows.intake_from(latest) if latest is not None else None,
        plans=plan_list,
        visits=tuple(visit_summaries(conn, "client", client_id)),
    )


def client_headers(conn: Connection, *, include_archived: bool) -> list[ClientHeader]:
    """Every client's list line, by name."""
    new, out = object.__new__, []
    with paused_gc():
        found = conn.execute(header_query(include_archived=include_archived)).all()
        for cid, name, born, archived in found:
            h = new(ClientHeader)  # model.values.trusted, inlined: this runs for every client
            h.__dict__.update(
                id=cid, name=name, date_of_birth=date.fromisoformat(born) if born else None,
                archived=bool(archived),
            )  # fmt: skip
            out.append(h)
    return out


def _tally_columns(chart: Any) -> list[ColumnElement[Any]]:
    """A chart's id, version, item counts and top intensities, as correlated subqueries."""

    def of(table: Any, what: Any) -> ColumnElement[Any]:
        return select(what).where(table.c.chart_id == chart.c.id).scalar_subquery()

    return [
        chart.c.id, chart.c.version,
        of(marks, func.count()), of(marks, func.max(marks.c.intensity)),
        of(strokes, func.count()), of(strokes, func.max(strokes.c.intensity)),
        of(findings, func.count()), of(arrows, func.count()),
    ]  # fmt: skip


# The visit columns a timeline shows (SOAP notes, techniques and self-care stay behind).
SUMMARY_COLUMNS = (
    visits.c.id, visits.c.client_id, visits.c.started_at, visits.c.therapist, visits.c.kind,
    visits.c.status, visits.c.outcomes, visits.c.signed_at, visits.c.signed_by,
    visits.c.version,
)  # fmt: skip


@functools.cache
def summary_query(scope: str) -> Select[Any]:
    """Visit summaries of one client ("client") or one visit ("visit"); bound as :key.

    One statement: the charts are joined and their items counted by correlated subqueries
    on the (chart_id, seq) indexes, so no item row reaches Python.
    """
    n_amendments = (
        select(func.count()).where(amendments.c.visit_id == visits.c.id).scalar_subquery()
    )
    return scoped_visits(
        select(*SUMMARY_COLUMNS, n_amendments, *_tally_columns(PRE), *_tally_columns(POST)),
        scope,
    )


def visit_summaries(conn: Connection, scope: str, key: str) -> list[VisitSummary]:
    """The summaries of a client's visits (oldest first) or of one visit."""
    with paused_gc():
        return [_summary(r) for r in conn.execute(summary_query(scope), {"key": key}).all()]


def _summary(r: Any) -> VisitSummary:
    vid, client_id, started, therapist, kind, status, outcomes, signed_at, by, version = r[:10]
    return trusted(VisitSummary, {
        "id": vid, "client_id": client_id, "started_at": rows.when_from(started),
        "therapist": therapist, "kind": VisitKind(kind), "status": VisitStatus(status),
        "outcomes": rows.outcomes_from(json.loads(outcomes)), "pre": _tally(r[11:19]),
        "post": _tally(r[19:27]),
        "signed_at": rows.when_from(signed_at) if signed_at else None,
        "signed_by": by, "amendments": r[10], "version": version,
    })  # fmt: skip


def _tally(r: Any) -> ChartTally:
    chart_id, version, n_marks, top_mark, n_strokes, top_stroke, n_findings, n_arrows = r
    tops = [x for x in (top_mark, top_stroke) if x is not None]
    return trusted(ChartTally, {
        "id": chart_id, "marks": n_marks, "strokes": n_strokes, "findings": n_findings,
        "arrows": n_arrows, "max_intensity": max(tops) if tops else None, "version": version,
    })  # fmt: skip
