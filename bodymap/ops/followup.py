"""What a follow-up screen carries over: PSFS activities, the next appointment, red flags, trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bodymap.model import ClientOverview, Intake, TreatmentPlan, VisitSummary
from bodymap.model.intake import red_flag_lines
from bodymap.store import Store


def _earlier(visits: Sequence[VisitSummary], visit_id: str) -> list[VisitSummary]:
    """The other visits up to `visit_id`'s time (all others when it is not among them)."""
    this = next((v for v in visits if v.id == visit_id), None)
    return [
        v for v in visits if v.id != visit_id and (this is None or v.started_at <= this.started_at)
    ]


def carried_activities(visits: Sequence[VisitSummary], visit_id: str) -> list[str]:
    """PSFS activities rated at the other visits up to `visit_id`'s time, first named first."""
    names: list[str] = []
    for v in _earlier(visits, visit_id):
        for r in v.outcomes.psfs:
            if r.activity.casefold() not in {n.casefold() for n in names}:
                names.append(r.activity)
    return names


def last_ratings(visits: Sequence[VisitSummary], visit_id: str) -> dict[str, int]:
    """Each carried-over activity's latest earlier rating, keyed by its casefolded name."""
    out: dict[str, int] = {}
    for v in _earlier(visits, visit_id):  # oldest first: later ratings overwrite earlier ones
        out.update({r.activity.casefold(): r.score for r in v.outcomes.psfs})
    return out


def next_appointment(plans: Sequence[TreatmentPlan], now: datetime) -> datetime | None:
    """The earliest planned appointment at or after `now` in any plan (naive times are local)."""
    naive = now.replace(tzinfo=None)
    upcoming = [a for p in plans for a in p.appointments if a.replace(tzinfo=None) >= naive]
    return min(upcoming, key=lambda a: a.replace(tzinfo=None), default=None)


@dataclass(frozen=True)
class TimelineEntry:
    """One visit on the client's timeline: date, worst pain and how many zones were charted."""

    visit_id: str
    started_at: datetime
    worst: int | None  # the worst pain reported, else the chart's highest intensity
    marks: int
    signed: bool


def timeline(overview: ClientOverview) -> list[TimelineEntry]:
    """The client's visits oldest first, with the figures a timeline row shows."""
    out = []
    for v in overview.visits:
        worst = v.outcomes.pain_worst
        if worst is None:
            worst = v.pre.max_intensity
        out.append(
            TimelineEntry(v.id, v.started_at, worst, v.pre.marks + v.pre.strokes, v.is_signed)
        )
    return out


def save_plan(store: Store, plan: TreatmentPlan) -> TreatmentPlan:
    """Store a new plan (version 0) or the edit of a stored one."""
    return store.add_plan(plan) if plan.version == 0 else store.update_plan(plan)


INTAKE_LABELS = (
    ("chief_complaint", "Chief complaint"), ("onset", "Onset"), ("duration", "Duration"),
    ("aggravating", "Worse with"), ("easing", "Better with"), ("injuries", "Injuries"),
    ("surgeries", "Surgeries"), ("conditions", "Conditions"), ("medications", "Medications"),
    ("posture_work", "Posture and work setup"), ("stress", "Stress"), ("sleep", "Sleep"),
    ("nutrition", "Nutrition"), ("repetitive_strain", "Repetitive strain"),
    ("nerve_symptoms", "Numbness or tingling"), ("goals", "Goals"),
)  # fmt: skip


def intake_lines(intake: Intake) -> list[tuple[str, str]]:
    """The answered questions of an intake revision as (label, answer), red flags last."""
    out = []
    for name, label in INTAKE_LABELS:
        value = getattr(intake, name)
        text = "; ".join(value) if isinstance(value, tuple) else value
        if text:
            out.append((label, text))
    flags = red_flag_lines(intake)
    out.append(("Red flags", "; ".join(flags) if flags else "none reported"))
    return out
