"""Centralisation only in the McKenzie sense: the most distal pain on a limb moving."""

from __future__ import annotations

import pytest

from bodymap.analysis.compare import compare_charts
from bodymap.analysis.distribution import (
    CENTRALISED,
    MIXED,
    NO_CHANGE,
    NOT_APPLICABLE,
    PERIPHERALISED,
)
from bodymap.model import Chart, PainMark


@pytest.fixture(scope="module")
def chart(real_atlas):
    def zone_of(side: str, region: str) -> str:
        return next(z.id for z in real_atlas.zones if z.side == side and z.region == region)

    def make(*pain: tuple[str, str, int]) -> Chart:
        marks = []
        for side, region, intensity in pain:
            z = real_atlas.zone(zone_of(side, region))
            marks.append(PainMark(view=z.view, point=z.point, zone=z.id, intensity=intensity))
        return Chart(marks=tuple(marks))

    return make


def shift(real_atlas, before: Chart, after: Chart):
    return compare_charts(before, after, real_atlas).shift


def test_neck_settling_before_the_arm_is_no_change_in_distribution(real_atlas, chart):
    # The case: every zone improved and the neck resolved first. The pain still
    # reaches the hand, so McKenzie readers see no peripheralisation.
    before = chart(("right", "neck", 7), ("right", "upper-arm", 5), ("right", "hand", 5))
    after = chart(("right", "upper-arm", 2), ("right", "hand", 2))
    s = shift(real_atlas, before, after)
    assert s.kind == NO_CHANGE and s.words() == "no change in distribution"


def test_distal_pain_retreating_toward_the_spine_is_centralised(real_atlas, chart):
    before = chart(("left", "lower-back", 6), ("left", "thigh", 5), ("left", "lower-leg", 5))
    after = chart(("left", "lower-back", 7), ("left", "buttock", 4))  # worse in the back, still
    s = shift(real_atlas, before, after)
    assert s.kind == CENTRALISED
    assert s.words() == "centralised (left leg: lower leg → buttock)"
    only_spine = shift(real_atlas, before, chart(("left", "lower-back", 3)))
    assert only_spine.kind == CENTRALISED and "left leg: lower leg → no pain" in only_spine.words()


def test_pain_spreading_down_a_limb_is_peripheralised(real_atlas, chart):
    before = chart(("right", "neck", 4))
    after = chart(("right", "neck", 2), ("right", "forearm", 2))  # milder, but further out
    s = shift(real_atlas, before, after)
    assert s.kind == PERIPHERALISED and s.words() == (
        "peripheralised (right arm: no pain → forearm)"
    )


def test_one_limb_in_and_one_out_is_mixed(real_atlas, chart):
    before = chart(("right", "hand", 5), ("left", "knee", 3))
    after = chart(("right", "elbow", 3), ("left", "foot", 3))
    s = shift(real_atlas, before, after)
    assert s.kind == MIXED
    assert [m.limb for m in s.limbs] == ["left leg", "right arm"]


def test_head_and_face_lie_on_no_limb(real_atlas, chart):
    before = chart(("right", "neck", 5), ("right", "head", 6))
    after = chart(("right", "neck", 5))
    assert shift(real_atlas, before, after).kind == NO_CHANGE


def test_without_pain_on_one_side_the_question_does_not_arise(real_atlas, chart):
    assert shift(real_atlas, chart(("right", "hand", 5)), Chart()).kind == NOT_APPLICABLE
    assert shift(real_atlas, Chart(), Chart()).kind == NOT_APPLICABLE


def test_the_demo_first_and_latest_visit_is_not_peripheralised(real_atlas):
    from datetime import date

    from bodymap.ops.demo import build_demo_record

    demo = build_demo_record(real_atlas, start=date(2026, 1, 5))
    first, last = demo.visits[0], demo.visits[-1]
    # Every zone improved or resolved; the old pain-weighted centroid called it peripheralised.
    assert shift(real_atlas, first.pre_chart, last.pre_chart).kind == NO_CHANGE
