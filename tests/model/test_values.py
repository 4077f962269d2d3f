"""Impossible values are rejected at the model boundary with a ValueError naming the field."""

import math
import re
from datetime import date, datetime

import pytest

from bodymap.model import (
    Chart,
    Client,
    Finding,
    FindingKind,
    Outcomes,
    PainMark,
    Peg,
    PsfsRating,
    Quality,
    ReferralArrow,
    Stroke,
    TreatmentPlan,
    Visit,
)
from bodymap.model.atlas_check import chart_problems, check_item_zone


def mark(**kw):
    base = dict(view="front", point=(35.0, 45.0), zone="right-chest-box", intensity=5)
    return PainMark(**(base | kw))


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"intensity": 11}, "intensity: 11 is above 10"),
        ({"intensity": -1}, "intensity: -1 is below 0"),
        ({"intensity": 5.5}, "intensity: expected a whole number"),
        ({"intensity": True}, "intensity: expected a whole number"),
        ({"point": (math.nan, 1.0)}, "point.x: nan is not a finite number"),
        ({"point": (1.0, math.inf)}, "point.y: inf is not a finite number"),
        ({"point": (1.0,)}, "point: expected an (x, y) pair"),
        ({"view": "Side view"}, "view: 'Side view' is not a view name"),
        ({"zone": "Left Arm"}, "zone: 'Left Arm' is not a zone id"),
        ({"qualities": ()}, "qualities: at least one quality"),
        ({"qualities": ("itchy",)}, "qualities[0]: 'itchy' is not one of"),
        ({"other_text": "x"}, "other_text: only allowed with the quality 'other'"),
        ({"source": "robot"}, "source: 'robot' is not one of therapist, client"),
    ],
)
def test_pain_mark_rejects_impossible_values(kw, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        mark(**kw)


def test_pain_mark_normalises_qualities_and_point():
    m = mark(qualities=["tingling", "aching", "tingling"], point=[1, 2])
    assert m.qualities == (Quality.ACHING, Quality.TINGLING)
    assert m.point == (1.0, 2.0) and isinstance(m.point[0], float)


def test_notes_stay_out_of_repr():
    assert "secret" not in repr(mark(note="secret"))
    assert "Jane" not in repr(Client(name="Jane"))


def test_stroke_checks():
    with pytest.raises(ValueError, match=r"points\[1\].x: nan"):
        Stroke(view="front", points=((1, 1), (math.nan, 2)), width=3, intensity=2)
    with pytest.raises(ValueError, match="width: 0 must be above 0"):
        Stroke(view="front", points=((1, 1),), width=0, intensity=2)
    with pytest.raises(ValueError, match="points: 0 points"):
        Stroke(view="front", points=(), width=1, intensity=2)


def test_finding_state_rules():
    with pytest.raises(ValueError, match="state: a trigger point is either active or latent"):
        Finding(kind=FindingKind.TRIGGER_POINT, view="back", point=(1, 1), zone="a-b")
    with pytest.raises(ValueError, match="state: only trigger points"):
        Finding(kind="spasm", view="back", point=(1, 1), zone="a-b", state="active")


def test_outcome_ranges():
    with pytest.raises(ValueError, match="pain_worst: 11 is above 10"):
        Outcomes(pain_worst=11)
    with pytest.raises(ValueError, match="enjoyment: 12 is above 10"):
        Peg(1, 12, 3)
    with pytest.raises(ValueError, match=r"psfs\[1\].activity: 'walk' is rated twice"):
        Outcomes(psfs=(PsfsRating("Walk", 3), PsfsRating("walk", 4)))
    with pytest.raises(ValueError, match="sleep_hours: 25 is above 24"):
        Outcomes(sleep_hours=25)
    assert Outcomes(peg=Peg(3, 6, 9)).peg.score == 6  # type: ignore[union-attr]


def test_client_consent_needs_date():
    with pytest.raises(ValueError, match="consent_storage_date: consent needs the date"):
        Client(name="A", consent_storage=True)
    with pytest.raises(ValueError, match="name: must not be empty"):
        Client(name="  ")
    c = Client(name="A", consent_storage=True, consent_storage_date=date(2024, 1, 2))
    assert c.consent_storage


def test_visit_and_plan_checks():
    with pytest.raises(ValueError, match="signed_at: a signed visit needs"):
        Visit(client_id="c", started_at=datetime(2024, 1, 1), status="signed")
    with pytest.raises(ValueError, match="marks\\[1\\].id: .* is used twice"):
        m = mark()
        Chart(marks=(m, m))
    with pytest.raises(ValueError, match="planned_visits: 0 is below 1"):
        TreatmentPlan(client_id="c", created_at=datetime(2024, 1, 1), planned_visits=0)


def test_unknown_zone_is_named_with_the_atlas(atlas):
    with pytest.raises(ValueError, match="zone: 'left-elbow' is not a zone of this atlas"):
        check_item_zone(mark(zone="left-elbow"), atlas)
    with pytest.raises(ValueError, match="to_zone: 'nowhere' is not a zone"):
        check_item_zone(ReferralArrow(view="front", start=(1, 1), to_zone="nowhere"), atlas)
    wrong_view = mark(view="back", zone="right-chest-box")
    assert chart_problems(Chart(marks=(wrong_view,)), atlas) == [
        "marks[0].zone: 'right-chest-box' is not on the back view"
    ]
    check_item_zone(mark(), atlas)  # a known zone passes
