"""Use cases: chart edits placed with the atlas and committed one by one, undo, sign, intakes."""

import pytest

from bodymap.model import FindingKind, Soap, TriggerPointState
from bodymap.ops import records as ops
from bodymap.ops.editing import edit_visit
from bodymap.store import Store
from tests.store.helpers import T0


def test_each_command_is_committed_and_undo_too(store, db, atlas):
    c = ops.new_client(store, name="Synthetic")
    doc = edit_visit(store, ops.new_visit(store, client_id=c.id, started_at=T0, therapist="T"))
    add = ops.mark_point(doc, atlas=atlas, slot="pre", view="front", x=65, y=20, intensity=7)
    change = add.apply()
    assert change.item.zone == "left-crown"  # type: ignore[union-attr]
    stroke = ops.add_stroke(doc, atlas=atlas, slot="pre", view="back", points=[(30, 40), (40, 41)],
                            width=4, intensity=3)  # fmt: skip
    stroke.apply()
    ops.add_finding(doc, atlas=atlas, slot="post", kind=FindingKind.TRIGGER_POINT, view="back",
                    x=65, y=20, state=TriggerPointState.LATENT, muscle="upper trapezius").apply()  # fmt: skip
    ops.add_arrow(doc, atlas=atlas, slot="pre", view="front", start=(35, 45), end=(35, 75)).apply()
    ops.set_field(doc, "soap", Soap(plan="stretch")).apply()
    with Store.open(db, atlas=atlas) as fresh:  # what another process would read now
        assert fresh.get_visit(doc.visit.id) == doc.visit
    stroke.revert()
    add.revert()
    with Store.open(db, atlas=atlas) as fresh:
        got = fresh.get_visit(doc.visit.id)
        assert got.pre_chart.marks == () and got.pre_chart.strokes == ()
        assert got.pre_chart.arrows[0].to_zone == "right-thigh-box"
        assert got == doc.visit


def test_points_outside_the_body_are_refused(store, atlas):
    c = ops.new_client(store, name="Synthetic")
    doc = edit_visit(store, ops.new_visit(store, client_id=c.id, started_at=T0))
    with pytest.raises(ValueError, match=r"point: \(5, 5\) is outside the body on the front view"):
        ops.mark_point(doc, atlas=atlas, slot="pre", view="front", x=5, y=5, intensity=3)


def test_sign_amend_and_revise_intake(store):
    c = ops.new_client(store, name="Synthetic")
    v = ops.new_visit(store, client_id=c.id, started_at=T0)
    signed = ops.sign_visit(store, v, by="T")
    amended = ops.amend_visit(store, signed, by="T", reason="late note", soap=Soap(assessment="ok"))
    assert store.get_visit(v.id) == amended and len(amended.amendments) == 1
    first = ops.revise_intake(store, client_id=c.id, by="T", chief_complaint="neck")
    second = ops.revise_intake(store, client_id=c.id, by="T", goals=("sleep",))
    assert (first.revision, second.revision) == (1, 2)
    assert second.chief_complaint == "neck" and second.goals == ("sleep",)
    assert [i.id for i in store.intakes(c.id)] == [first.id, second.id]
