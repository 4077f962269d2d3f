"""The Store: a repository of clients, intakes, visits, charts and plans returning model objects."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection, Engine

from bodymap.geometry import Atlas
from bodymap.model import (
    Chart,
    ChartItem,
    Client,
    ClientRecord,
    Intake,
    SignedVisitError,
    TreatmentPlan,
    Visit,
    VisitStatus,
)
from bodymap.model.atlas_check import check_item_zone, check_visit, record_problems
from bodymap.model.commands import KIND_NAMES
from bodymap.model.overview import ClientHeader, ClientOverview, VisitSummary
from bodymap.model.values import trusted
from bodymap.model.visit import EDITABLE_FIELDS
from bodymap.store import backup as backups
from bodymap.store import rows, summaries
from bodymap.store import visits as vstore
from bodymap.store.database import check_file, make_engine, mapped_errors, resolve
from bodymap.store.errors import (
    ConflictError,
    CorruptDatabaseError,
    NotFoundError,
    StoreError,
)
from bodymap.store.migrate import ensure_schema
from bodymap.store.schema import ITEM_TABLES, charts, clients, intakes, plans, visits
from bodymap.store.visits import now_stamp

log = logging.getLogger(__name__)


class Store:
    """Clinical records in one database. Every method is one transaction, committed on return.

    Records carry a row version; writes name the version they were based on and raise
    ConflictError when another process changed the record since.
    """

    def __init__(self, engine: Engine, url: str, path: Path | None, atlas: Atlas | None = None):
        self.engine, self.url, self.path, self.atlas = engine, url, path, atlas
        self.upgraded_from: str | None = None

    @classmethod
    def open(cls, target: str | Path | None = None, *, atlas: Atlas | None = None) -> Store:
        """Open (creating or upgrading) the database at a path or SQLAlchemy URL.

        With an atlas, every zone id written is checked against it.
        """
        url, path = resolve(target)
        if path is not None:
            check_file(path)
        engine = make_engine(url)
        store = cls(engine, url, path, atlas)
        try:
            with mapped_errors(path):
                if path is not None and path.exists() and path.stat().st_size > 0:
                    store._quick_check()
                store.upgraded_from = ensure_schema(engine, path)
        except BaseException:
            engine.dispose()
            raise
        log.info("store opened (%s)", "upgraded" if store.upgraded_from else "current schema")
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with mapped_errors(self.path), self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with mapped_errors(self.path), self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="DEFERRED")
            with conn.begin():
                yield conn

    def _quick_check(self) -> None:
        result = self.integrity_check(quick=True)
        if result != "ok":
            raise CorruptDatabaseError(self.path, result, backups.latest_backup(self.path))

    def integrity_check(self, *, quick: bool = False) -> str:
        """SQLite's integrity check: "ok", or the problems found."""
        if not self.url.startswith("sqlite"):
            return "ok"
        pragma = "quick_check" if quick else "integrity_check"
        with mapped_errors(self.path), self.engine.connect() as conn:
            found = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        return "ok" if found == ["ok"] else "; ".join(found[:5])

    @staticmethod
    def _bump(
        conn: Connection, table: Table, what: str, rid: str, expected: int, **values: Any
    ) -> int:
        res = conn.execute(
            update(table)
            .where(table.c.id == rid, table.c.version == expected)
            .values(version=table.c.version + 1, **values)
        )
        if res.rowcount != 1:
            actual = conn.execute(select(table.c.version).where(table.c.id == rid)).scalar()
            if actual is None:
                raise NotFoundError(f"no {what} with id {rid}")
            raise ConflictError(what, rid, expected, actual)
        return expected + 1

    # -- clients ------------------------------------------------------------------------

    def add_client(self, client: Client) -> Client:
        with self._write() as conn:
            _insert_client(conn, client)
        return dataclasses.replace(client, version=1)

    def update_client(self, client: Client) -> Client:
        """Save a changed client; its version must be the stored one."""
        row = rows.client_row(client)
        del row["id"]
        with self._write() as conn:
            v = self._bump(
                conn, clients, "client", client.id, client.version, updated_at=now_stamp(), **row
            )
        return dataclasses.replace(client, version=v)

    def get_client(self, client_id: str) -> Client:
        with self._read() as conn:
            return _client(conn, client_id)

    def list_clients(self, *, include_archived: bool = True) -> list[Client]:
        """Every client, by name (a list screen needs only list_client_headers)."""
        stmt = select(clients).order_by(clients.c.name, clients.c.id)
        if not include_archived:
            stmt = stmt.where(clients.c.archived.is_(False))
        with self._read() as conn, vstore.paused_gc():
            return [rows.client_from(r) for r in conn.execute(stmt).all()]

    def list_client_headers(self, *, include_archived: bool = True) -> list[ClientHeader]:
        """Every client's list line (id, name, date of birth, archived), by name.

        Reads only those columns, from an index that holds them: the fast way to fill a
        client list or search box.
        """
        with self._read() as conn:
            return summaries.client_headers(conn, include_archived=include_archived)

    def open_client(self, client_id: str) -> ClientOverview:
        """What opening a client shows: the client, latest intake, plans and visit summaries.

        No chart item is read (counts and top intensities come from SQL); open the chosen
        visit with get_visit. Archived clients open like any other.
        """
        with self._read() as conn:
            found = summaries.client_overview(conn, client_id)
        if found is None:
            raise NotFoundError(f"no client with id {client_id}")
        return found

    def visit_summary(self, visit_id: str) -> VisitSummary:
        """One visit's timeline entry (e.g. to refresh it after the visit was edited)."""
        with self._read() as conn:
            found = summaries.visit_summaries(conn, "visit", visit_id)
        if not found:
            raise NotFoundError(f"no visit with id {visit_id}")
        return found[0]

    def resolve_client_id(self, prefix: str) -> str:
        """The id of the one client whose id starts with `prefix` (ids are long to type)."""
        pattern = prefix.replace("\\", "").replace("%", "").replace("_", "")
        stmt = select(clients.c.id).where(clients.c.id.like(f"{pattern}%")).limit(2)
        with self._read() as conn:
            found = list(conn.execute(stmt).scalars()) if pattern else []
        if len(found) != 1:
            raise NotFoundError(
                f"no client with id {prefix}"
                if not found
                else f"{prefix!r} matches several clients"
            )
        return str(found[0])

    # -- intakes and plans --------------------------------------------------------------

    def add_intake(self, intake: Intake) -> Intake:
        """Store a new intake revision (revision numbers run 1, 2, 3, ... per client)."""
        with self._write() as conn:
            last = conn.execute(
                select(intakes.c.revision)
                .where(intakes.c.client_id == intake.client_id)
                .order_by(intakes.c.revision.desc())
            ).scalar()
            if intake.revision != (last or 0) + 1:
                raise ConflictError("intake of client", intake.client_id, intake.revision - 1, last)
            conn.execute(intakes.insert(), rows.intake_row(intake))
        return intake

    def intakes(self, client_id: str) -> list[Intake]:
        """Every intake revision of a client, oldest first."""
        with self._read() as conn:
            return _intakes(conn, client_id)

    def add_plan(self, plan: TreatmentPlan) -> TreatmentPlan:
        with self._write() as conn:
            _insert_plan(conn, plan)
        return dataclasses.replace(plan, version=1)

    def update_plan(self, plan: TreatmentPlan) -> TreatmentPlan:
        row = rows.plan_row(plan)
        del row["id"], row["client_id"]
        with self._write() as conn:
            v = self._bump(conn, plans, "plan", plan.id, plan.version, **row)
        return dataclasses.replace(plan, version=v)

    def plans(self, client_id: str) -> list[TreatmentPlan]:
        with self._read() as conn:
            return _plans(conn, client_id)

    # -- visits -------------------------------------------------------------------------

    def add_visit(self, visit: Visit) -> Visit:
        """Store a new visit with both charts; returns it with its stored versions."""
        if self.atlas is not None:
            check_visit(visit, self.atlas)
        with self._write() as conn:
            vstore.insert_visit(conn, visit)
        return _versioned(visit, 1, 1, 1)

    def get_visit(self, visit_id: str) -> Visit:
        """One visit complete with both charts (what the chart screen opens)."""
        with self._read() as conn:
            found = vstore.load_visits(conn, "visit", visit_id)
        if not found:
            raise NotFoundError(f"no visit with id {visit_id}")
        return found[0]

    def visits(self, client_id: str) -> list[Visit]:
        """A client's visits, oldest first, complete with charts."""
        with self._read() as conn:
            return vstore.load_visits(conn, "client", client_id)

    def save_visit(self, visit: Visit) -> Visit:
        """Save a whole draft visit (fields and both charts) based on the stored versions."""
        if self.atlas is not None:
            check_visit(visit, self.atlas)
        row = rows.visit_row(visit)
        del row["id"], row["client_id"]
        with self._write() as conn:
            self._check_draft(conn, visit.id)
            v = self._bump(
                conn, visits, "visit", visit.id, visit.version, updated_at=now_stamp(), **row
            )
            pre = self._rewrite_chart(conn, visit.pre_chart)
            post = self._rewrite_chart(conn, visit.post_chart)
        return _versioned(visit, v, pre, post)

    def update_visit_field(self, visit: Visit, field: str) -> int:
        """Save one field of a draft visit from `visit` (SOAP, outcomes, ...); returns the new version."""
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"field: {field!r} is not an editable visit field")
        value = rows.visit_field_value(field, getattr(visit, field))
        with self._write() as conn:
            self._check_draft(conn, visit.id)
            values = {field: value, "updated_at": now_stamp()}
            return self._bump(conn, visits, "visit", visit.id, visit.version, **values)

    def _check_draft(self, conn: Connection, visit_id: str) -> None:
        status = conn.execute(select(visits.c.status).where(visits.c.id == visit_id)).scalar()
        if status is None:
            raise NotFoundError(f"no visit with id {visit_id}")
        if status == VisitStatus.SIGNED.value:
            raise SignedVisitError(visit_id)

    def _edit_chart(self, conn: Connection, chart_id: str, version: int) -> int:
        row = conn.execute(
            select(visits.c.id, visits.c.status)
            .join_from(charts, visits, charts.c.visit_id == visits.c.id)
            .where(charts.c.id == chart_id)
        ).first()
        if row is None:
            raise NotFoundError(f"no chart with id {chart_id}")
        if row.status == VisitStatus.SIGNED.value:
            raise SignedVisitError(row.id)
        return self._bump(conn, charts, "chart", chart_id, version)

    def _rewrite_chart(self, conn: Connection, chart: Chart) -> int:
        """Replace a chart's stored items by `chart`'s; returns its new version."""
        new = self._bump(conn, charts, "chart", chart.id, chart.version)
        vstore.clear_items(conn, chart.id)
        vstore.insert_items(conn, chart)
        return new

    def add_item(
        self, chart_id: str, item: ChartItem, *, version: int, index: int | None = None
    ) -> int:
        """Add one mark, stroke, finding or arrow to a chart; returns the chart's new version."""
        if self.atlas is not None:
            check_item_zone(item, self.atlas)
        with self._write() as conn:
            new = self._edit_chart(conn, chart_id, version)
            vstore.insert_item(conn, KIND_NAMES[type(item)], chart_id, item, index)
        return new

    def update_item(self, chart_id: str, item: ChartItem, *, version: int) -> int:
        """Replace one chart item (same id); returns the chart's new version."""
        if self.atlas is not None:
            check_item_zone(item, self.atlas)
        with self._write() as conn:
            new = self._edit_chart(conn, chart_id, version)
            if not vstore.update_item(conn, KIND_NAMES[type(item)], chart_id, item):
                raise NotFoundError(f"no chart item with id {item.id}")
        return new

    def delete_item(self, chart_id: str, item_id: str, *, version: int) -> int:
        """Remove one chart item; returns the chart's new version."""
        with self._write() as conn:
            new = self._edit_chart(conn, chart_id, version)
            if not any(vstore.delete_item(conn, k, chart_id, item_id) for k in ITEM_TABLES):
                raise NotFoundError(f"no chart item with id {item_id}")
        return new

    def sign_visit(self, visit: Visit) -> Visit:
        """Store the signature of `visit` (already signed in the model, see model.signing.sign).

        Refused if the visit or either chart changed since `visit` was read.
        """
        if not visit.is_signed or visit.amendments:
            raise ValueError("status: pass the visit as returned by model.signing.sign")
        assert visit.signed_at is not None
        with self._write() as conn:
            self._check_draft(conn, visit.id)
            for chart in (visit.pre_chart, visit.post_chart):
                self._bump(conn, charts, "chart", chart.id, chart.version)
            v = self._bump(
                conn, visits, "visit", visit.id, visit.version, updated_at=now_stamp(),
                status=VisitStatus.SIGNED.value, signed_by=visit.signed_by,
                signed_at=visit.signed_at.isoformat(),
            )  # fmt: skip
        return _versioned(visit, v, visit.pre_chart.version + 1, visit.post_chart.version + 1)

    def amend_visit(self, visit: Visit) -> Visit:
        """Store an amended signed visit (from model.signing.amend): new content plus the record
        of what it replaced, which is kept for ever."""
        if self.atlas is not None:
            check_visit(visit, self.atlas)
        row = rows.visit_row(visit)
        del row["id"], row["client_id"]
        with self._write() as conn:
            stored = conn.execute(select(visits.c.status).where(visits.c.id == visit.id)).scalar()
            if stored != VisitStatus.SIGNED.value:
                raise ValueError("status: only a signed visit is amended")
            v = self._bump(
                conn, visits, "visit", visit.id, visit.version, updated_at=now_stamp(), **row
            )
            known = vstore.amendment_count(conn, visit.id)
            if known >= len(visit.amendments):
                raise ValueError("amendments: the visit carries no new amendment")
            vstore.insert_amendments(conn, visit, known)
            pre = self._rewrite_chart(conn, visit.pre_chart)
            post = self._rewrite_chart(conn, visit.post_chart)
        return _versioned(visit, v, pre, post)

    def delete_visit(self, visit: Visit) -> None:
        """Delete a draft visit (signed visits are kept for ever)."""
        with self._write() as conn:
            self._check_draft(conn, visit.id)
            self._bump(conn, visits, "visit", visit.id, visit.version)
            conn.execute(visits.delete().where(visits.c.id == visit.id))

    # -- whole records, backups ---------------------------------------------------------

    def load_record(self, client_id: str) -> ClientRecord:
        """A client with every intake revision, visit and plan (one consistent snapshot).

        The full load, for export and JSON; a screen opening a client wants open_client.
        """
        with self._read() as conn:
            client = _client(conn, client_id)
            intake_list = tuple(_intakes(conn, client_id))
            vs = tuple(vstore.load_visits(conn, "client", client_id))
            plan_list = tuple(_plans(conn, client_id))
        # Not re-validated: every part was checked when written, and ids are primary keys
        # (checking thousands of item ids again would cost more than reading them).
        return trusted(ClientRecord, {
            "client": client, "intakes": intake_list, "visits": vs, "plans": plan_list,
        })  # fmt: skip

    def import_record(self, record: ClientRecord) -> None:
        """Add a whole client record in one transaction: all of it or nothing."""
        if self.atlas is not None:
            problems = record_problems(record, self.atlas)
            if problems:
                raise ValueError("; ".join(problems))
        with self._write() as conn:
            exists = conn.execute(
                select(clients.c.id).where(clients.c.id == record.client.id)
            ).first()
            if exists:
                raise StoreError(
                    f"client {record.client.id} is already in this database; nothing was imported"
                )
            _insert_client(conn, record.client)
            for intake in record.intakes:
                conn.execute(intakes.insert(), rows.intake_row(intake))
            for visit in record.visits:
                vstore.insert_visit(conn, visit)
            for plan in record.plans:
                _insert_plan(conn, plan)

    def backup(self, dest: Path) -> Path:
        """A consistent copy of the database at `dest`, safe while others are writing."""
        with mapped_errors(self.path):
            return backups.copy_database(self._file(), Path(dest))

    def daily_backup(
        self, *, keep: int = backups.KEEP_DAILY, today: date | None = None
    ) -> Path | None:
        """Today's rolling backup (the app calls this once after opening); keeps the last `keep`."""
        with mapped_errors(self.path):
            return backups.daily_backup(self._file(), keep=keep, today=today)

    def _file(self) -> Path:
        if self.path is None:
            raise StoreError("backups are made by the database server for non-SQLite databases")
        return self.path


def _versioned(visit: Visit, v: int, pre: int, post: int) -> Visit:
    return dataclasses.replace(
        visit,
        version=v,
        pre_chart=dataclasses.replace(visit.pre_chart, version=pre),
        post_chart=dataclasses.replace(visit.post_chart, version=post),
    )


def _insert_client(conn: Connection, client: Client) -> None:
    conn.execute(
        clients.insert(), {**rows.client_row(client), "version": 1, "updated_at": now_stamp()}
    )


def _insert_plan(conn: Connection, plan: TreatmentPlan) -> None:
    conn.execute(plans.insert(), {**rows.plan_row(plan), "version": 1})


def _client(conn: Connection, client_id: str) -> Client:
    row = conn.execute(select(clients).where(clients.c.id == client_id)).first()
    if row is None:
        raise NotFoundError(f"no client with id {client_id}")
    return rows.client_from(row)


def _intakes(conn: Connection, client_id: str) -> list[Intake]:
    stmt = select(intakes).where(intakes.c.client_id == client_id).order_by(intakes.c.revision)
    return [rows.intake_from(r) for r in conn.execute(stmt)]


def _plans(conn: Connection, client_id: str) -> list[TreatmentPlan]:
    return [rows.plan_from(r) for r in conn.execute(summaries.plans_query(client_id))]
