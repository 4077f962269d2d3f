"""Referral arrows are drawn from and to points of their own view, on the patient's right side."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.geometry import load_atlas
from bodymap.model import ReferralArrow, VisitDocument
from bodymap.model.arrows import arrow_end, mirrored
from bodymap.model.atlas_check import chart_problems
from bodymap.model.chart import Chart
from bodymap.model.rehome import rehome_arrow
from bodymap.ops.demo import build_demo_record
from bodymap.ops.records import add_arrow

ATLAS = load_atlas()
ZONES = {v: [z.id for z in ATLAS.zones_in(v)] for v in ATLAS.views}


def patient_side(view: str, x: float) -> str:
    """The patient's side of a point by where it is drawn: their right is on the viewer's left
    on the front view and on the viewer's right on the back view."""
    left_of_midline = x < ATLAS.view(view).midline_x
    return "right" if left_of_midline == (view == "front") else "left"


def drawn_ends(arrow: ReferralArrow) -> tuple[str, str]:
    """The zones (on the arrow's view) under the start and under the drawn arrowhead."""
    end = arrow_end(arrow, ATLAS)
    assert end is not None, f"{arrow.to_zone} has no point on the {arrow.view} view"
    start_zone, end_zone = ATLAS.zone_at(arrow.view, *arrow.start), ATLAS.zone_at(arrow.view, *end)
    assert start_zone is not None and end_zone is not None
    return start_zone.id, end_zone.id


def test_every_demo_arrow_lies_on_its_view_on_the_patients_right():
    record = build_demo_record(ATLAS)
    arrows = [a for v in record.visits for c in (v.pre_chart, v.post_chart) for a in c.arrows]
    assert len(arrows) >= 3 * len(record.visits)
    for arrow in arrows:
        assert chart_problems(Chart(arrows=(arrow,)), ATLAS) == []
        start, end = drawn_ends(arrow)
        assert end == arrow.to_zone
        assert ATLAS.zone(start).side == ATLAS.zone(end).side == "right", arrow.note
    targets = {(a.view, a.to_zone) for a in arrows}
    assert ("front", "right-temple") in targets and ("back", "right-mastoid") in targets


def test_the_old_cross_view_arrow_is_refused_and_never_drawn_on_the_wrong_side():
    trapezius = ATLAS.zone("right-shoulder-top").point
    old = ReferralArrow(view="back", start=trapezius, to_zone="right-temple")
    assert chart_problems(Chart(arrows=(old,)), ATLAS) == [
        "arrows[0].to_zone: 'right-temple' is not on the back view"
    ]
    assert arrow_end(old, ATLAS) is None  # the front view's point would be the LEFT of the back
    moved = rehome_arrow(old, ATLAS)
    assert moved.view == "front" and chart_problems(Chart(arrows=(moved,)), ATLAS) == []
    start, end = drawn_ends(moved)
    assert (ATLAS.zone(start).side, end) == ("right", "right-temple")


DOC = VisitDocument(build_demo_record(ATLAS).visits[-1])
views = st.sampled_from(("front", "back"))


@st.composite
def zone_points(draw: st.DrawFn, view: str) -> tuple[str, tuple[float, float]]:
    """A zone of the view and a point inside it (its own point, or one near it)."""
    zone = ATLAS.zone(draw(st.sampled_from(ZONES[view])))
    x, y = zone.point
    dx, dy = draw(st.floats(-6, 6)), draw(st.floats(-6, 6))
    found = ATLAS.zone_at(view, x + dx, y + dy)
    return (
        (zone.id, (x + dx, y + dy))
        if found is not None and found.id == zone.id
        else (zone.id, (x, y))
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_arrows_end_in_a_zone_of_their_own_view_and_side(data):
    view = data.draw(views)
    start_zone, start = data.draw(zone_points(view))
    target_view = data.draw(views)
    to_zone, end = data.draw(zone_points(target_view))
    end = data.draw(st.sampled_from([None, end]))
    try:
        cmd = add_arrow(
            DOC, atlas=ATLAS, slot="pre", view=view, start=start, to_zone=to_zone, end=end
        )
    except ValueError as exc:  # a target on the other view, or an end point in another view's zone
        assert target_view != view, exc
        return
    arrow = cmd.item
    assert target_view == view
    s, e = drawn_ends(arrow)
    assert s == start_zone and e == to_zone
    assert ATLAS.zone(e).side == ATLAS.zone(to_zone).side


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_arrows_from_older_charts_move_onto_their_targets_view_keeping_each_side(data):
    view, target_view = data.draw(views), data.draw(views)
    _, start = data.draw(zone_points(view))
    to_zone, end = data.draw(zone_points(target_view))
    old = ReferralArrow(
        view=view, start=start, to_zone=to_zone, end=data.draw(st.none() | st.just(end))
    )
    new = rehome_arrow(old, ATLAS)
    assert new.view == target_view
    assert chart_problems(Chart(arrows=(new,)), ATLAS) == []
    drawn = arrow_end(new, ATLAS)
    assert drawn is not None and ATLAS.zone_at(new.view, *drawn).id == to_zone  # type: ignore[union-attr]
    if abs(start[0] - ATLAS.view(view).midline_x) > 1e-6:  # a midline point has no side
        assert patient_side(new.view, new.start[0]) == patient_side(view, start[0])


@pytest.mark.parametrize("zone_id", ["right-shoulder-top", "left-infraspinous", "right-calf-outer"])
def test_mirroring_keeps_the_patient_side_and_the_body_part(zone_id):
    zone = ATLAS.zone(zone_id)
    other = "front" if zone.view == "back" else "back"
    x, y = mirrored(ATLAS, zone.point, zone.view, other)
    found = ATLAS.zone_at(other, x, y)
    assert found is not None and found.side == zone.side
