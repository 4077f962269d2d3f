"""Undoable domain commands: apply/revert, change records, signed visits, failing sinks."""

from datetime import datetime

import pytest

from bodymap.model import (
    AddItem,
    PainMark,
    RemoveItem,
    SetVisitField,
    SignedVisitError,
    Soap,
    UpdateItem,
    Visit,
    VisitDocument,
)
from bodymap.model.signing import sign
from tests.store.helpers import mark


@pytest.fixture
def doc():
    return VisitDocument(Visit(client_id="c1", started_at=datetime(2024, 3, 1, 9)))


def test_add_update_remove_with_undo(doc):
    a, b = mark(3), mark(4, x=36)
    c1 = AddItem(doc, "pre", a).apply()
    assert (c1.what, c1.action, c1.slot, c1.item_id, c1.index) == ("mark", "added", "pre", a.id, 0)
    AddItem(doc, "pre", b).apply()
    louder = PainMark(**{**a.__dict__, "intensity": 9})
    upd = UpdateItem(doc, "pre", louder)
    assert upd.apply().action == "updated"
    assert doc.visit.pre_chart.marks[0].intensity == 9
    assert upd.revert().item == a
    rm = RemoveItem(doc, "pre", a.id)
    change = rm.apply()
    assert (change.action, change.index, change.item) == ("removed", 0, None)
    assert doc.visit.pre_chart.marks == (b,)
    rm.revert()
    assert doc.visit.pre_chart.marks == (a, b)  # back where it was
    assert doc.visit.post_chart.marks == ()


def test_set_field_and_revert(doc):
    cmd = SetVisitField(doc, "soap", Soap(subjective="better"))
    change = cmd.apply()
    assert (change.what, change.field) == ("visit", "soap")
    assert doc.visit.soap.subjective == "better"
    cmd.revert()
    assert doc.visit.soap == Soap()
    with pytest.raises(ValueError, match="field: 'status' is not an editable"):
        SetVisitField(doc, "status", "signed")
    with pytest.raises(ValueError, match="kind: 'home' is not one of"):
        SetVisitField(doc, "kind", "home").apply()


def test_signed_visit_is_read_only(doc):
    doc.visit = sign(doc.visit, "T", datetime(2024, 3, 1, 10))
    with pytest.raises(SignedVisitError, match="record an amendment"):
        AddItem(doc, "pre", mark()).apply()


def test_failing_sink_leaves_the_document_unchanged(doc):
    def sink(change, new):
        raise OSError("disk full")

    doc.sink = sink
    before = doc.visit
    with pytest.raises(OSError):
        AddItem(doc, "post", mark()).apply()
    assert doc.visit is before


def test_bad_slot_and_missing_item(doc):
    with pytest.raises(ValueError, match="slot: 'mid' is not pre or post"):
        AddItem(doc, "mid", mark())
    with pytest.raises(KeyError):
        RemoveItem(doc, "pre", "nope")
    m = mark()
    AddItem(doc, "pre", m).apply()
    with pytest.raises(ValueError, match="already on the chart"):
        AddItem(doc, "pre", m).apply()
