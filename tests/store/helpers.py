"""Small synthetic records for store tests (the zones are the test atlas's, see tests/conftest.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bodymap.model import (
    Chart,
    Client,
    Finding,
    FindingKind,
    Intake,
    PainMark,
    ReferralArrow,
    Stroke,
    TreatmentPlan,
    Visit,
)

T0 = datetime(2024, 4, 2, 9, 30)


def mark(intensity: int = 5, x: float = 35.0, zone: str = "right-chest-box") -> PainMark:
    return PainMark(view="front", point=(x, 45.0), zone=zone, intensity=intensity)


def chart(n: int = 2) -> Chart:
    return Chart(
        marks=tuple(mark(i + 1, 30.0 + i) for i in range(n)),
        strokes=(Stroke(view="back", points=((30, 40), (40, 42.5)), width=3.5, intensity=4),),
        findings=(Finding(kind=FindingKind.SPASM, view="back", point=(65, 45), zone="right-chest-box-back"),),
        arrows=(ReferralArrow(view="front", start=(35, 45), to_zone="right-thigh-box", end=(35, 75)),),
    )  # fmt: skip


def client(name: str = "Synthetic Client") -> Client:
    return Client(name=name, date_of_birth=date(1980, 2, 29), contact="555-0100")


def visit(client_id: str, day: int = 0) -> Visit:
    return Visit(client_id=client_id, started_at=T0 + timedelta(days=day), therapist="T",
                 pre_chart=chart(), post_chart=chart(1))  # fmt: skip


def intake(client_id: str, revision: int = 1) -> Intake:
    return Intake(client_id=client_id, revision=revision, recorded_at=T0, chief_complaint="neck")


def plan(client_id: str) -> TreatmentPlan:
    return TreatmentPlan(client_id=client_id, created_at=T0, goals=("sleep",), planned_visits=6,
                         appointments=(T0 + timedelta(days=7),))  # fmt: skip
