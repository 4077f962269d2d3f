"""Carried-over PSFS activities, next appointment, red flags in words, intake lines (Qt-free)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bodymap.model import Intake, Outcomes, PsfsRating, RedFlag, RedFlagAnswer, TreatmentPlan, Visit
from bodymap.model.overview import visit_summary
from bodymap.ops.followup import (
    carried_activities,
    intake_lines,
    last_ratings,
    next_appointment,
    red_flag_lines,
    timeline,
)

T0 = datetime(2026, 11, 1, 9, 0)


def _visit(days: int, *names: str) -> Visit:
    psfs = tuple(PsfsRating(n, 5) for n in names)
    return Visit(client_id="c1", started_at=T0 + timedelta(days=days), outcomes=Outcomes(psfs=psfs))


def test_activities_of_earlier_visits_carry_over_once_in_first_named_order():
    a, b, c, later = _visit(0, "Lifting"), _visit(7, "lifting", "Typing"), _visit(14), _visit(21, "Running")  # fmt: skip
    summaries = [visit_summary(v) for v in (a, b, c, later)]
    assert carried_activities(summaries, c.id) == ["Lifting", "Typing"]
    assert carried_activities(summaries, a.id) == []
    assert last_ratings(summaries, c.id) == {"lifting": 5, "typing": 5}


def test_next_appointment_is_the_earliest_upcoming_one_of_any_plan():
    p1 = TreatmentPlan(client_id="c1", created_at=T0, appointments=(T0, T0 + timedelta(days=9)))
    p2 = TreatmentPlan(client_id="c1", created_at=T0, appointments=(T0 + timedelta(days=3),))
    assert next_appointment([p1, p2], T0 + timedelta(days=1)) == T0 + timedelta(days=3)
    assert next_appointment([p1], T0 + timedelta(days=30)) is None


def test_red_flags_and_intake_in_words():
    intake = Intake(
        client_id="c1", revision=1, recorded_at=T0, chief_complaint="Neck pain",
        goals=("Sleep", "Work"),
        red_flags=(RedFlagAnswer(RedFlag.NIGHT_PAIN, True, "3 weeks"), RedFlagAnswer(RedFlag.FEVER, False)),
    )  # fmt: skip
    assert red_flag_lines(intake) == ["night pain not eased by rest or changing position (3 weeks)"]
    assert red_flag_lines(None) == []
    lines = dict(intake_lines(intake))
    assert lines["Chief complaint"] == "Neck pain"
    assert lines["Goals"] == "Sleep; Work"
    assert lines["Red flags"].startswith("night pain")


def test_timeline_uses_reported_worst_pain_else_the_chart():
    from bodymap.model import Client, ClientOverview

    v = _visit(0)
    v2 = Visit(client_id="c1", started_at=T0, outcomes=Outcomes(pain_worst=6))
    overview = ClientOverview(client=Client(name="Synthetic", id="c1"), intake=None, visits=(visit_summary(v), visit_summary(v2)))  # fmt: skip
    entries = timeline(overview)
    assert [e.worst for e in entries] == [None, 6]
