"""The Store's visits and their charts: add, read, save, edit items, sign, amend, delete."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bodymap.model import Chart, ChartItem, SignedVisitError, Visit, VisitStatus
from bodymap.model.accounts import Permission
from bodymap.model.atlas_check import check_item_zone, check_visit
from bodymap.model.commands import KIND_NAMES
from bodymap.model.visit import EDITABLE_FIELDS
from bodymap.store import rows
from bodymap.store import visits as vstore
from bodymap.store.errors import NotFoundError, PermissionDeniedError
from bodymap.store.repo_base import RepositoryBase, versioned
from bodymap.store.schema import ITEM_TABLES, charts, visits
from bodymap.store.visits import now_stamp


class VisitRecords(RepositoryBase):
    """Visits with both charts; drafts change freely, signed visits only by amendment."""

    def add_visit(self, visit: Visit) -> Visit:
        """Store a new visit with both charts; returns it with its stored versions."""
        self._allow(Permission.CHART)
        if self.atlas is not None:
            check_visit(visit, self.atlas)
        with self._write() as conn:
            vstore.insert_visit(conn, visit)
            self._audit(conn, "created", visit.client_id, "visit", visit.id)
        return versioned(visit, 1, 1, 1)

    def get_visit(self, visit_id: str) -> Visit:
        """One visit complete with both charts (what the chart screen opens)."""
        self._allow(Permission.READ_CLINICAL)
        with self._read() as conn:
            found = vstore.load_visits(conn, "visit", visit_id)
        if not found:
            raise NotFoundError(f"no visit with id {visit_id}")
        self._audit_read("opened", found[0].client_id, "visit", visit_id)
        return found[0]

    def visits(self, client_id: str) -> list[Visit]:
        """A client's visits, oldest first, complete with charts."""
        self._allow(Permission.READ_CLINICAL)
        with self._read() as conn:
            return vstore.load_visits(conn, "client", client_id)

    def save_visit(self, visit: Visit) -> Visit:
        """Save a whole draft visit (fields and both charts) based on the stored versions."""
        self._allow(Permission.CHART)
        if self.atlas is not None:
            check_visit(visit, self.atlas)
        row = rows.visit_row(visit)
        del row["id"], row["client_id"]
        with self._write() as conn:
            client_id = self._check_draft(conn, visit.id)
            v = self._bump(
                conn, visits, "visit", visit.id, visit.version, updated_at=now_stamp(), **row
            )
            pre = self._rewrite_chart(conn, visit.pre_chart)
            post = self._rewrite_chart(conn, visit.post_chart)
            self._audit(conn, "changed", client_id, "visit", visit.id)
        return versioned(visit, v, pre, post)

    def update_visit_field(self, visit: Visit, field: str) -> int:
        """Save one field of a draft visit from `visit` (SOAP, outcomes, ...); returns the new version."""
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"field: {field!r} is not an editable visit field")
        self._allow(Permission.CHART)
        value = rows.visit_field_value(field, getattr(visit, field))
        with self._write() as conn:
            client_id = self._check_draft(conn, visit.id)
            values = {field: value, "updated_at": now_stamp()}
            new = self._bump(conn, visits, "visit", visit.id, visit.version, **values)
            self._audit(conn, "changed", client_id, "visit", visit.id)
        return new

    def _check_draft(self, conn: Connection, visit_id: str) -> str:
        """The client of a draft visit; refuses a signed or missing one."""
        row = conn.execute(
            select(visits.c.status, visits.c.client_id).where(visits.c.id == visit_id)
        ).first()
        if row is None:
            raise NotFoundError(f"no visit with id {visit_id}")
        if row.status == VisitStatus.SIGNED.value:
            raise SignedVisitError(visit_id)
        return str(row.client_id)

    def _edit_chart(self, conn: Connection, chart_id: str, version: int) -> int:
        """Bump a draft visit's chart version (the edit's optimistic check) and audit it."""
        self._allow(Permission.CHART)
        row = conn.execute(
            select(visits.c.id, visits.c.status, visits.c.client_id)
            .join_from(charts, visits, charts.c.visit_id == visits.c.id)
            .where(charts.c.id == chart_id)
        ).first()
        if row is None:
            raise NotFoundError(f"no chart with id {chart_id}")
        if row.status == VisitStatus.SIGNED.value:
            raise SignedVisitError(row.id)
        new = self._bump(conn, charts, "chart", chart_id, version)
        self._audit(conn, "changed", row.client_id, "visit", row.id)
        return new

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
        self._check_signer(visit.signed_by)
        with self._write() as conn:
            client_id = self._check_draft(conn, visit.id)
            for chart in (visit.pre_chart, visit.post_chart):
                self._bump(conn, charts, "chart", chart.id, chart.version)
            v = self._bump(
                conn, visits, "visit", visit.id, visit.version, updated_at=now_stamp(),
                status=VisitStatus.SIGNED.value, signed_by=visit.signed_by,
                signed_at=rows.when_text(visit.signed_at),
            )  # fmt: skip
            self._audit(conn, "signed", client_id, "visit", visit.id)
        return versioned(visit, v, visit.pre_chart.version + 1, visit.post_chart.version + 1)

    def amend_visit(self, visit: Visit) -> Visit:
        """Store an amended signed visit (from model.signing.amend): new content plus the record
        of what it replaced, which is kept for ever."""
        if visit.amendments:
            self._check_signer(visit.amendments[-1].author)
        if self.atlas is not None:
            check_visit(visit, self.atlas)
        row = rows.visit_row(visit)
        del row["id"], row["client_id"]
        with self._write() as conn:
            stored = conn.execute(
                select(visits.c.status, visits.c.client_id).where(visits.c.id == visit.id)
            ).first()
            if stored is None or stored.status != VisitStatus.SIGNED.value:
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
            self._audit(conn, "amended", stored.client_id, "visit", visit.id)
        return versioned(visit, v, pre, post)

    def _check_signer(self, name: str) -> None:
        """Where people sign in, a signature is the signed-in therapist's own, never typed."""
        self._allow(Permission.SIGN)
        if self.signed_in is not None and name != self.signed_in.signature:
            raise PermissionDeniedError(
                f"a visit is signed or amended as the signed-in therapist "
                f"({self.signed_in.signature}), not as {name!r}; nothing was changed"
            )

    def delete_visit(self, visit: Visit) -> None:
        """Delete a draft visit (signed visits are kept for ever)."""
        self._allow(Permission.CHART)
        with self._write() as conn:
            client_id = self._check_draft(conn, visit.id)
            self._bump(conn, visits, "visit", visit.id, visit.version)
            conn.execute(visits.delete().where(visits.c.id == visit.id))
            self._audit(conn, "deleted", client_id, "visit", visit.id)
