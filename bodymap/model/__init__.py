"""Qt-free clinical records: clients, intakes, visits, charts and plans, validated on creation."""

from bodymap.model.chart import Chart, ChartItem, Finding, PainMark, ReferralArrow, Stroke
from bodymap.model.client import Client
from bodymap.model.commands import (
    AddItem,
    Change,
    Command,
    RemoveItem,
    SetVisitField,
    UpdateItem,
    VisitDocument,
)
from bodymap.model.errors import SignedVisitError
from bodymap.model.intake import Intake, RedFlag, RedFlagAnswer
from bodymap.model.outcomes import Outcomes, Peg, PsfsRating, RomEntry
from bodymap.model.overview import ChartTally, ClientHeader, ClientOverview, VisitSummary
from bodymap.model.plan import TreatmentPlan
from bodymap.model.record import ClientRecord
from bodymap.model.values import (
    VIEWS,
    FindingKind,
    Quality,
    SelfCare,
    Source,
    Technique,
    TriggerPointState,
    VisitKind,
    VisitStatus,
)
from bodymap.model.visit import Amendment, Soap, Visit

__all__ = [
    "VIEWS", "AddItem", "Amendment", "Change", "Chart", "ChartItem", "ChartTally", "Client",
    "ClientHeader", "ClientOverview", "ClientRecord", "Command", "Finding", "FindingKind", "Intake",
    "Outcomes", "PainMark", "Peg", "PsfsRating", "Quality", "RedFlag", "RedFlagAnswer",
    "ReferralArrow", "RemoveItem", "RomEntry", "SelfCare", "SetVisitField", "SignedVisitError",
    "Soap", "Source", "Stroke", "Technique", "TreatmentPlan", "TriggerPointState", "UpdateItem",
    "Visit", "VisitDocument", "VisitKind", "VisitStatus", "VisitSummary",
]  # fmt: skip
