"""Treatment plan: goals, frequency, number of visits, appointments and a review date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bodymap.model.values import (
    check_date,
    check_datetime,
    check_id,
    check_int,
    check_number,
    check_optional,
    check_text,
    check_texts,
    new_id,
)


@dataclass(frozen=True)
class TreatmentPlan:
    """A client's plan of care; a client may have several over time."""

    client_id: str
    created_at: datetime
    goals: tuple[str, ...] = ()
    visits_per_week: float | None = None
    planned_visits: int | None = None
    appointments: tuple[datetime, ...] = ()
    review_date: date | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_datetime("created_at", self.created_at)
        object.__setattr__(self, "goals", check_texts("goals", self.goals))
        if self.visits_per_week is not None:
            v = check_number("visits_per_week", self.visits_per_week, 0, 14)
            if v <= 0:
                raise ValueError(f"visits_per_week: {v!r} must be above 0")
            object.__setattr__(self, "visits_per_week", float(v))
        check_optional("planned_visits", self.planned_visits, check_int, 1, 500)
        if isinstance(self.appointments, (str, bytes)) or not isinstance(
            self.appointments, (tuple, list)
        ):
            raise ValueError("appointments: expected a list of dates and times")
        appts = tuple(
            check_datetime(f"appointments[{i}]", a) for i, a in enumerate(self.appointments)
        )
        object.__setattr__(self, "appointments", appts)
        check_optional("review_date", self.review_date, check_date)
        check_text("notes", self.notes)

    def __repr__(self) -> str:
        return f"TreatmentPlan(id={self.id!r}, client_id={self.client_id!r})"
