"""The audit trail: who did what to which record, when and where; ids only; append-only."""

import dataclasses
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from bodymap.model import Soap
from bodymap.model.record import ClientRecord
from bodymap.ops import records as ops
from bodymap.ops.portable import export_client_json
from bodymap.ops.reports import ReportRequest, export_report
from bodymap.store import StoreError
from bodymap.store.schema import audit
from tests.store.helpers import client, mark, visit

SECRET_NAME = "Quentin Synthetic-Audit"
SECRET_NOTE = "confided: knee pain since the accident"


def test_each_action_leaves_one_line_of_ids(clinic, tmp_path, atlas):
    dana = clinic("dana")
    c = dana.add_client(dataclasses.replace(client(SECRET_NAME), notes=SECRET_NOTE))
    v = dana.add_visit(visit(c.id))
    dana.add_item(v.pre_chart.id, mark(), version=1)
    dana.update_visit_field(dataclasses.replace(v, soap=Soap(subjective=SECRET_NOTE)), "soap")
    dana.open_client(c.id)
    signed = ops.sign_visit(dana, dana.get_visit(v.id))
    ops.amend_visit(dana, signed, reason=SECRET_NOTE, soap=Soap(plan=SECRET_NOTE))
    export_client_json(dana, c.id, tmp_path / "c.json")
    export_report(dana, atlas, ReportRequest("visit", v.id), tmp_path / "v.pdf")
    other = client("Other Synthetic")
    dana.import_record(ClientRecord(other, visits=(visit(other.id),)))

    trail = clinic("admin").audit_trail(user="dana")
    assert [(e.action, e.record_kind) for e in trail] == [
        ("signed_in", "account"), ("created", "client"), ("created", "visit"),
        ("changed", "visit"), ("changed", "visit"), ("opened", "client"), ("opened", "visit"),
        ("signed", "visit"), ("amended", "visit"), ("exported", "client"), ("opened", "visit"),
        ("exported", "visit"), ("imported", "client"),
    ]  # fmt: skip
    assert {e.client_id for e in trail[1:-1]} == {c.id} and trail[-1].client_id == other.id
    assert all(e.account_name == "dana" and e.computer for e in trail)
    # Nothing but ids, actions, times and the computer: no name, note or chart content.
    with dana.engine.connect() as conn:
        stored = " ".join(str(v) for row in conn.execute(select(audit)) for v in row)
    for secret in (SECRET_NAME, "Synthetic", SECRET_NOTE, "Dana Lee", "right-chest-box"):
        assert secret not in stored


def test_filters_by_client_account_and_day(clinic):
    dana, desk = clinic("dana"), clinic("fran")
    a, b = dana.add_client(client()), desk.add_client(client("B Synthetic"))
    admin = clinic("admin")
    assert [e.action for e in admin.audit_trail(client_id=b.id)] == ["created"]
    assert {e.client_id for e in admin.audit_trail(user="dana") if e.client_id} == {a.id}
    today = date.today()
    assert len(admin.audit_trail(since=today - timedelta(days=1))) == len(admin.audit_trail())
    assert admin.audit_trail(since=today + timedelta(days=2)) == []


@pytest.mark.parametrize("sql", ["UPDATE audit SET action = 'nothing'", "DELETE FROM audit"])
def test_the_database_refuses_to_change_or_delete_audit_lines(clinic, sql):
    s = clinic("dana")
    s.add_client(client())
    with s.engine.connect() as conn:
        before = conn.execute(select(audit)).all()
    with pytest.raises(DBAPIError, match="append-only"), s.engine.begin() as conn:
        conn.execute(text(sql))
    with s.engine.connect() as conn:
        assert conn.execute(select(audit)).all() == before


def test_unknown_actions_are_refused(clinic):
    with pytest.raises(StoreError, match="not an audit action"):
        clinic("dana").record_event("drop table; --", client_id=None, kind="x", record_id=None)
