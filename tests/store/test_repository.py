"""Repository round trips, fine-grained edits, ordering, signing and amendments (both backends)."""

import dataclasses
import sqlite3
from datetime import datetime

import pytest

from bodymap.model import SignedVisitError, Soap, VisitStatus
from bodymap.model.signing import amend, sign
from bodymap.store import NotFoundError, Store
from tests.backends import sqlite_only
from tests.store.helpers import T0, chart, client, intake, mark, plan, visit


@sqlite_only  # the SQLite file settings
def test_new_database_is_configured(store, db_path):
    assert db_path.exists()
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_client_round_trip_and_update(store):
    c = store.add_client(client())
    assert c.version == 1
    assert store.get_client(c.id) == c
    c2 = store.update_client(dataclasses.replace(c, archived=True, notes="moved"))
    assert c2.version == 2 and store.get_client(c.id).archived
    assert [x.id for x in store.list_clients(include_archived=False)] == []
    assert store.resolve_client_id(c.id[:6]) == c.id
    with pytest.raises(NotFoundError):
        store.get_client("nope")


def test_visits_are_listed_oldest_first_with_charts(store):
    c = store.add_client(client())
    later, earlier = visit(c.id, 5), visit(c.id, 1)
    store.add_visit(later)
    store.add_visit(earlier)
    got = store.visits(c.id)
    assert [v.id for v in got] == [earlier.id, later.id]
    assert got[0] == earlier and got[0].pre_chart == earlier.pre_chart
    assert (got[0].version, got[0].pre_chart.version) == (1, 1)


def test_fine_grained_item_edits_keep_order(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    ch = v.pre_chart
    m_new = mark(9, 60.0, "left-chest-box")
    ver = store.add_item(ch.id, m_new, version=ch.version, index=1)
    marks = store.get_visit(v.id).pre_chart.marks
    assert [m.id for m in marks] == [ch.marks[0].id, m_new.id, ch.marks[1].id]
    ver = store.update_item(ch.id, dataclasses.replace(m_new, intensity=2), version=ver)
    ver = store.delete_item(ch.id, ch.marks[0].id, version=ver)
    ver = store.delete_item(ch.id, ch.strokes[0].id, version=ver)
    got = store.get_visit(v.id).pre_chart
    assert [(m.id, m.intensity) for m in got.marks] == [(m_new.id, 2), (ch.marks[1].id, 2)]
    assert got.strokes == () and got.version == ver == 5
    with pytest.raises(NotFoundError):
        store.delete_item(ch.id, "missing", version=ver)


def test_update_one_visit_field(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    v2 = dataclasses.replace(v, soap=Soap(subjective="better today"))
    assert store.update_visit_field(v2, "soap") == 2
    assert store.get_visit(v.id).soap.subjective == "better today"


def test_whole_visit_save(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    changed = dataclasses.replace(
        v, therapist="B", pre_chart=chart(4), post_chart=dataclasses.replace(v.post_chart, marks=())
    )
    changed = dataclasses.replace(
        changed, pre_chart=dataclasses.replace(changed.pre_chart, id=v.pre_chart.id, version=1)
    )
    saved = store.save_visit(changed)
    assert saved.version == 2 and saved.pre_chart.version == 2
    assert store.get_visit(v.id) == changed


def test_signed_visit_is_read_only_and_amendments_keep_the_original(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    signed = store.sign_visit(sign(v, "Therapist", T0))
    assert store.get_visit(v.id).status is VisitStatus.SIGNED
    with pytest.raises(SignedVisitError):
        store.add_item(v.pre_chart.id, mark(), version=signed.pre_chart.version)
    with pytest.raises(SignedVisitError):
        store.update_visit_field(signed, "therapist")
    amended = amend(signed, "Therapist", datetime(2024, 4, 3), "typo", therapist="Corrected")
    stored = store.amend_visit(amended)
    got = store.get_visit(v.id)
    assert got == amended and got.therapist == "Corrected" and stored.version == got.version
    assert got.amendments[0].fields == ("therapist",)
    assert '"therapist":"T"' in got.amendments[0].original_json


def test_intake_revisions_and_plans(store):
    c = store.add_client(client())
    store.add_intake(intake(c.id, 1))
    store.add_intake(dataclasses.replace(intake(c.id, 2), chief_complaint="neck and arm"))
    assert [i.revision for i in store.intakes(c.id)] == [1, 2]
    with pytest.raises(Exception, match="changed elsewhere"):
        store.add_intake(intake(c.id, 2))
    p = store.add_plan(plan(c.id))
    p2 = store.update_plan(dataclasses.replace(p, planned_visits=8))
    assert store.plans(c.id) == [p2]


def test_load_and_import_record(store, new_db, atlas):
    c = store.add_client(client())
    store.add_visit(visit(c.id))
    store.add_intake(intake(c.id))
    store.add_plan(plan(c.id))
    record = store.load_record(c.id)
    with Store.open(new_db("other"), atlas=atlas, create=True) as other:
        other.import_record(record)
        assert other.load_record(c.id) == record


def test_delete_draft_visit_cascades(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    store.delete_visit(v)
    assert store.visits(c.id) == []
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM marks").scalar() == 0
