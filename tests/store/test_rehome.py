"""Charts stored or exported under the earlier atlas open, save and import under the current one."""

from __future__ import annotations

import dataclasses

from bodymap.model import Chart, ClientRecord, Finding, FindingKind, PainMark, ReferralArrow
from bodymap.model.atlas_check import visit_problems
from bodymap.model.codec import record_to_json
from bodymap.ops.portable import read_client_json
from bodymap.store import Store
from tests.conftest import needs_real_atlas
from tests.store.helpers import client, visit

pytestmark = needs_real_atlas


def _old_chart(atlas) -> Chart:
    """What the earlier atlas and arrows rule allowed: one upper-arm zone per view, and an arrow
    drawn on the back view to the temple (which ended on the patient's left)."""
    inner = atlas.zone("right-upper-arm-front-inner").point
    outer = atlas.zone("left-upper-arm-back-outer").point
    return Chart(
        marks=(PainMark(view="front", point=inner, zone="right-upper-arm-front", intensity=5),),
        findings=(
            Finding(kind=FindingKind.TENDER_POINT, view="back", point=outer, zone="left-upper-arm-back"),
        ),
        arrows=(
            ReferralArrow(view="back", start=atlas.zone("right-shoulder-top").point, to_zone="right-temple"),
            ReferralArrow(view="front", start=atlas.zone("right-side-neck").point, to_zone="right-upper-arm-front"),
        ),
    )  # fmt: skip


def _check_moved(chart: Chart, atlas) -> None:
    assert chart.marks[0].zone == "right-upper-arm-front-inner"
    assert chart.findings[0].zone == "left-upper-arm-back-outer"
    temple, arm = chart.arrows
    assert temple.view == "front" and temple.to_zone == "right-temple"
    assert atlas.zone_at("front", *temple.start).side == "right"
    assert arm.to_zone == "right-upper-arm-front-inner"


def test_a_store_from_the_earlier_atlas_opens_with_items_on_the_current_zones(db, real_atlas):
    with Store.open(db, atlas=None, create=True) as old:  # no atlas: its ids go unchecked
        c = old.add_client(client())
        v = old.add_visit(
            dataclasses.replace(visit(c.id), pre_chart=_old_chart(real_atlas), post_chart=Chart())
        )
    with Store.open(db, atlas=real_atlas) as store:
        got = store.get_visit(v.id)
        _check_moved(got.pre_chart, real_atlas)
        assert visit_problems(got, real_atlas) == []
        store.save_visit(got)  # a draft from before the change can still be saved
    with Store.open(db, atlas=real_atlas) as again:  # nothing left to move
        assert again.get_visit(v.id).pre_chart == got.pre_chart


def test_an_export_from_the_earlier_atlas_imports(real_atlas):
    who = client()
    old = dataclasses.replace(visit(who.id), pre_chart=_old_chart(real_atlas), post_chart=Chart())
    text = record_to_json(ClientRecord(client=who, visits=(old,)))
    record = read_client_json(text, real_atlas)
    _check_moved(record.visits[0].pre_chart, real_atlas)
