"""Two store instances on one database: optimistic row versions stop silent overwrites."""

import dataclasses

import pytest

from bodymap.model import AddItem
from bodymap.ops.editing import edit_visit
from bodymap.store import ConflictError, Store
from tests.store.helpers import client, mark, visit


@pytest.fixture
def pair(db, atlas):
    a = Store.open(db, atlas=atlas, create=True)
    b = Store.open(db, atlas=atlas)
    yield a, b
    a.close()
    b.close()


def test_client_edit_conflict(pair):
    a, b = pair
    c = a.add_client(client())
    seen_by_b = b.get_client(c.id)
    a.update_client(dataclasses.replace(c, contact="new phone"))
    with pytest.raises(
        ConflictError, match="changed elsewhere .*you had version 1, it is now at version 2"
    ):
        b.update_client(dataclasses.replace(seen_by_b, notes="stale edit"))
    assert b.get_client(c.id).contact == "new phone"


def test_chart_edit_conflict_through_documents(pair):
    a, b = pair
    c = a.add_client(client())
    v = a.add_visit(visit(c.id))
    doc_a, doc_b = edit_visit(a, v), edit_visit(b, b.get_visit(v.id))
    AddItem(doc_a, "pre", mark(3)).apply()
    before = doc_b.visit
    with pytest.raises(ConflictError, match="chart"):
        AddItem(doc_b, "pre", mark(7)).apply()
    assert doc_b.visit is before  # nothing applied in memory either
    assert len(a.get_visit(v.id).pre_chart.marks) == 3
    # Reloading and redoing the edit works.
    doc_b.visit = b.get_visit(v.id)
    AddItem(doc_b, "pre", mark(7)).apply()
    assert len(a.get_visit(v.id).pre_chart.marks) == 4


def test_visit_field_conflict(pair):
    a, b = pair
    c = a.add_client(client())
    v = a.add_visit(visit(c.id))
    a.update_visit_field(dataclasses.replace(v, therapist="A"), "therapist")
    with pytest.raises(ConflictError, match="visit"):
        b.update_visit_field(dataclasses.replace(v, therapist="B"), "therapist")
    assert b.get_visit(v.id).therapist == "A"


def test_sign_refused_when_chart_changed_since_read(pair):
    from bodymap.model.signing import sign

    a, b = pair
    c = a.add_client(client())
    v = a.add_visit(visit(c.id))
    a.add_item(v.pre_chart.id, mark(), version=1)
    with pytest.raises(ConflictError, match="chart"):
        b.sign_visit(sign(v, "T", v.started_at))
    assert not b.get_visit(v.id).is_signed
