"""Light views of a client's record for lists and timelines: no chart items are carried.

Opening a client shows its details, intake, plans and a timeline of visits; only the visit
the therapist then opens needs its charts. These read-only views hold what that first
screen shows, and each has a function deriving it from the full model objects, so a screen
can update one entry after an edit and tests can check the store against a full load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bodymap.model.chart import Chart
from bodymap.model.client import Client
from bodymap.model.intake import Intake
from bodymap.model.outcomes import Outcomes
from bodymap.model.plan import TreatmentPlan
from bodymap.model.record import ClientRecord
from bodymap.model.values import VisitKind, VisitStatus
from bodymap.model.visit import Visit


@dataclass(frozen=True)
class ClientHeader:
    """One line of the client list: who, born when, archived or not."""

    id: str
    name: str
    date_of_birth: date | None = None
    archived: bool = False

    def __repr__(self) -> str:
        # Keep names out of tracebacks and logs, as Client does.
        return f"ClientHeader(id={self.id!r})"


@dataclass(frozen=True)
class ChartTally:
    """How many items a chart holds, and its highest pain intensity (marks and strokes)."""

    id: str
    marks: int = 0
    strokes: int = 0
    findings: int = 0
    arrows: int = 0
    max_intensity: int | None = None
    version: int = field(default=0, compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.marks or self.strokes or self.findings or self.arrows)


@dataclass(frozen=True)
class VisitSummary:
    """A visit's header and outcome measures with its charts' tallies (a timeline entry)."""

    id: str
    client_id: str
    started_at: datetime
    therapist: str
    kind: VisitKind
    status: VisitStatus
    outcomes: Outcomes
    pre: ChartTally
    post: ChartTally
    signed_at: datetime | None = None
    signed_by: str = ""
    amendments: int = 0  # how many times the signed visit was amended
    version: int = field(default=0, compare=False)

    @property
    def is_signed(self) -> bool:
        return self.status is VisitStatus.SIGNED

    def __repr__(self) -> str:
        return f"VisitSummary(id={self.id!r}, status={self.status.value})"


@dataclass(frozen=True)
class ClientOverview:
    """What opening a client shows: details, latest intake, plans and the visit timeline."""

    client: Client
    intake: Intake | None  # the latest revision; None before the first intake
    plans: tuple[TreatmentPlan, ...] = ()  # oldest first
    visits: tuple[VisitSummary, ...] = ()  # oldest first, as Store.visits

    @property
    def latest_plan(self) -> TreatmentPlan | None:
        return self.plans[-1] if self.plans else None

    def __repr__(self) -> str:
        return f"ClientOverview(client={self.client!r}, visits={len(self.visits)})"


def client_header(client: Client) -> ClientHeader:
    """The list line of a client."""
    return ClientHeader(client.id, client.name, client.date_of_birth, client.archived)


def chart_tally(chart: Chart) -> ChartTally:
    """The tally of a chart."""
    intensities = [m.intensity for m in chart.marks] + [s.intensity for s in chart.strokes]
    return ChartTally(
        id=chart.id, marks=len(chart.marks), strokes=len(chart.strokes),
        findings=len(chart.findings), arrows=len(chart.arrows),
        max_intensity=max(intensities) if intensities else None, version=chart.version,
    )  # fmt: skip


def visit_summary(visit: Visit) -> VisitSummary:
    """The timeline entry of a visit."""
    return VisitSummary(
        id=visit.id, client_id=visit.client_id, started_at=visit.started_at,
        therapist=visit.therapist, kind=visit.kind, status=visit.status,
        outcomes=visit.outcomes, pre=chart_tally(visit.pre_chart),
        post=chart_tally(visit.post_chart), signed_at=visit.signed_at,
        signed_by=visit.signed_by, amendments=len(visit.amendments), version=visit.version,
    )  # fmt: skip


def client_overview(record: ClientRecord) -> ClientOverview:
    """The overview of a whole record, plans and visits in the record's order.

    For a record from Store.load_record this equals Store.open_client for the same client.
    """
    return ClientOverview(
        client=record.client,
        intake=max(record.intakes, key=lambda i: i.revision, default=None),
        plans=record.plans,
        visits=tuple(visit_summary(v) for v in record.visits),
    )
