"""The Store's intakes (numbered revisions) and treatment plans."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bodymap.model import Intake, TreatmentPlan
from bodymap.model.accounts import Permission
from bodymap.store import rows, summaries
from bodymap.store.errors import ConflictError
from bodymap.store.repo_base import RepositoryBase
from bodymap.store.schema import intakes, plans


class PlanRecords(RepositoryBase):
    """A client's intake revisions and treatment plans."""

    def add_intake(self, intake: Intake) -> Intake:
        """Store a new intake revision (revision numbers run 1, 2, 3, ... per client)."""
        self._allow(Permission.INTAKES)
        with self._write() as conn:
            last = conn.execute(
                select(intakes.c.revision)
                .where(intakes.c.client_id == intake.client_id)
                .order_by(intakes.c.revision.desc())
            ).scalar()
            if intake.revision != (last or 0) + 1:
                raise ConflictError("intake of client", intake.client_id, intake.revision - 1, last)
            conn.execute(intakes.insert(), rows.intake_row(intake))
            self._audit(conn, "changed", intake.client_id, "intake", intake.id)
        return intake

    def intakes(self, client_id: str) -> list[Intake]:
        """Every intake revision of a client, oldest first."""
        self._allow(Permission.INTAKES)
        with self._read() as conn:
            return read_intakes(conn, client_id)

    def add_plan(self, plan: TreatmentPlan) -> TreatmentPlan:
        self._allow(Permission.PLANS)
        with self._write() as conn:
            insert_plan(conn, plan)
            self._audit(conn, "created", plan.client_id, "plan", plan.id)
        return dataclasses.replace(plan, version=1)

    def update_plan(self, plan: TreatmentPlan) -> TreatmentPlan:
        self._allow(Permission.PLANS)
        row = rows.plan_row(plan)
        del row["id"], row["client_id"]
        with self._write() as conn:
            v = self._bump(conn, plans, "plan", plan.id, plan.version, **row)
            self._audit(conn, "changed", plan.client_id, "plan", plan.id)
        return dataclasses.replace(plan, version=v)

    def plans(self, client_id: str) -> list[TreatmentPlan]:
        self._allow(Permission.PLANS)
        with self._read() as conn:
            return read_plans(conn, client_id)


def insert_plan(conn: Connection, plan: TreatmentPlan) -> None:
    conn.execute(plans.insert(), {**rows.plan_row(plan), "version": 1})


def read_intakes(conn: Connection, client_id: str) -> list[Intake]:
    stmt = select(intakes).where(intakes.c.client_id == client_id).order_by(intakes.c.revision)
    return [rows.intake_from(r) for r in conn.execute(stmt)]


def read_plans(conn: Connection, client_id: str) -> list[TreatmentPlan]:
    return [rows.plan_from(r) for r in conn.execute(summaries.plans_query(client_id))]
