"""A treatment visit: charts before and after, SOAP notes, techniques, self-care, outcomes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bodymap.model.chart import Chart
from bodymap.model.outcomes import Outcomes
from bodymap.model.values import (
    SelfCare,
    Technique,
    VisitKind,
    VisitStatus,
    check_datetime,
    check_enum,
    check_enums,
    check_id,
    check_optional,
    check_text,
    check_texts,
    check_tuple,
    new_id,
)


@dataclass(frozen=True)
class Soap:
    """Subjective, objective, assessment and plan notes (clinical.md §4.2)."""

    subjective: str = ""
    objective: str = ""
    assessment: str = ""
    plan: str = ""

    def __post_init__(self) -> None:
        for name in ("subjective", "objective", "assessment", "plan"):
            check_text(name, getattr(self, name))

    def __repr__(self) -> str:
        return "Soap(...)"


@dataclass(frozen=True)
class Amendment:
    """A change to a signed visit: who, when, why, which fields, and the visit as it was."""

    author: str
    at: datetime
    reason: str = field(repr=False)
    fields: tuple[str, ...] = ()
    original_json: str = field(
        repr=False, default=""
    )  # the visit before this amendment, as portable JSON (model.codec)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_text("author", self.author, required=True, limit=200)
        check_datetime("at", self.at)
        check_text("reason", self.reason, limit=2000)
        object.__setattr__(self, "fields", check_texts("fields", self.fields))
        check_text("original_json", self.original_json, required=True, limit=50_000_000)


# Visit fields that an edit may change one at a time (the charts change item by item).
EDITABLE_FIELDS: tuple[str, ...] = (
    "started_at", "therapist", "kind", "soap", "techniques", "technique_other",
    "self_care", "self_care_text", "outcomes",
)  # fmt: skip


@dataclass(frozen=True)
class Visit:
    """One appointment; read-only once signed (changes then go through an amendment)."""

    client_id: str
    started_at: datetime
    therapist: str = ""
    kind: VisitKind = VisitKind.FOLLOW_UP
    status: VisitStatus = VisitStatus.DRAFT
    pre_chart: Chart = field(default_factory=Chart)
    post_chart: Chart = field(default_factory=Chart)
    soap: Soap = field(default_factory=Soap)
    techniques: tuple[Technique, ...] = ()
    technique_other: str = ""
    self_care: tuple[SelfCare, ...] = ()
    self_care_text: str = ""
    outcomes: Outcomes = field(default_factory=Outcomes)
    signed_at: datetime | None = None
    signed_by: str = ""
    amendments: tuple[Amendment, ...] = ()
    id: str = field(default_factory=new_id)
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_datetime("started_at", self.started_at)
        check_text("therapist", self.therapist, limit=200)
        object.__setattr__(self, "kind", check_enum("kind", VisitKind, self.kind))
        status = check_enum("status", VisitStatus, self.status)
        object.__setattr__(self, "status", status)
        for name in ("pre_chart", "post_chart"):
            if not isinstance(getattr(self, name), Chart):
                raise ValueError(f"{name}: expected a Chart")
        if self.pre_chart.id == self.post_chart.id:
            raise ValueError("post_chart.id: the two charts of a visit need different ids")
        if not isinstance(self.soap, Soap):
            raise ValueError("soap: expected Soap notes")
        techniques = check_enums("techniques", Technique, self.techniques)
        object.__setattr__(self, "techniques", techniques)
        check_text("technique_other", self.technique_other, limit=2000)
        object.__setattr__(self, "self_care", check_enums("self_care", SelfCare, self.self_care))
        check_text("self_care_text", self.self_care_text)
        if not isinstance(self.outcomes, Outcomes):
            raise ValueError("outcomes: expected Outcomes")
        check_optional("signed_at", self.signed_at, check_datetime)
        check_text("signed_by", self.signed_by, limit=200)
        if status is VisitStatus.SIGNED and (self.signed_at is None or not self.signed_by):
            raise ValueError("signed_at: a signed visit needs who signed it and when")
        amendments = check_tuple("amendments", self.amendments, Amendment)
        if amendments and status is not VisitStatus.SIGNED:
            raise ValueError("amendments: only a signed visit has amendments")
        object.__setattr__(self, "amendments", amendments)

    @property
    def is_signed(self) -> bool:
        return self.status is VisitStatus.SIGNED

    def chart(self, slot: str) -> Chart:
        """The "pre" or "post" treatment chart."""
        return self.pre_chart if check_slot(slot) == "pre" else self.post_chart

    def with_chart(self, slot: str, chart: Chart) -> Visit:
        """This visit with its "pre" or "post" chart replaced."""
        kw: dict[str, Any] = {f"{check_slot(slot)}_chart": chart}
        return dataclasses.replace(self, **kw)

    def __repr__(self) -> str:
        return f"Visit(id={self.id!r}, client_id={self.client_id!r}, status={self.status.value})"


CHART_SLOTS: tuple[str, ...] = ("pre", "post")


def check_slot(slot: str) -> str:
    """A chart slot name: "pre" or "post" treatment."""
    if slot not in CHART_SLOTS:
        raise ValueError(f"slot: {slot!r} is not pre or post")
    return slot
