"""Hypothesis strategies for valid model objects on the synthetic test atlas (tests/conftest.py)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import strategies as st

from bodymap.model import (
    VIEWS,
    Amendment,
    Chart,
    Client,
    ClientRecord,
    Finding,
    FindingKind,
    Intake,
    Outcomes,
    PainMark,
    Peg,
    PsfsRating,
    Quality,
    RedFlag,
    RedFlagAnswer,
    ReferralArrow,
    RomEntry,
    SelfCare,
    Soap,
    Source,
    Stroke,
    Technique,
    TreatmentPlan,
    TriggerPointState,
    Visit,
    VisitKind,
    VisitStatus,
)
from bodymap.model.codec import visit_to_json
from tests.conftest import ROWS

FRONT = ("right-crown", "left-crown", "right-chest-box", "left-chest-box", "right-thigh-box")
BACK = ("right-crown-back", "left-crown-back", "left-thigh-box-back")
ZONES = {"front": FRONT, "back": BACK}

text = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=30)
ids = st.uuids().map(lambda u: u.hex)
coord = st.floats(-5, 105, allow_nan=False, allow_infinity=False)  # the test views are 0..100
point = st.tuples(coord, coord)
score = st.integers(0, 10)
dates = st.dates(date(1900, 1, 1), date(2100, 1, 1))
birth_dates = st.dates(date(1900, 1, 1), date(2020, 1, 1))
zones_tz = st.sampled_from([None, UTC, timezone(timedelta(hours=-5))])
datetimes = st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1), timezones=zones_tz)
views = st.sampled_from(VIEWS)


@st.composite
def marks(draw: st.DrawFn) -> PainMark:
    view = draw(views)
    qualities = draw(st.lists(st.sampled_from(Quality), min_size=1, max_size=3))
    other = draw(text) if Quality.OTHER in qualities else ""
    return PainMark(
        view=view, point=draw(point), zone=draw(st.sampled_from(ZONES[view])),
        intensity=draw(score), qualities=tuple(qualities), other_text=other,
        source=draw(st.sampled_from(Source)), note=draw(text), id=draw(ids),
    )  # fmt: skip


@st.composite
def strokes(draw: st.DrawFn) -> Stroke:
    return Stroke(
        view=draw(views), points=tuple(draw(st.lists(point, min_size=1, max_size=8))),
        width=draw(st.floats(0.1, 50)), intensity=draw(score),
        quality=draw(st.sampled_from([q for q in Quality if q is not Quality.OTHER])),
        source=draw(st.sampled_from(Source)), id=draw(ids),
    )  # fmt: skip


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    view = draw(views)
    kind = draw(st.sampled_from(FindingKind))
    state = draw(st.sampled_from(TriggerPointState)) if kind is FindingKind.TRIGGER_POINT else None
    return Finding(
        kind=kind, view=view, point=draw(point), zone=draw(st.sampled_from(ZONES[view])),
        state=state, muscle=draw(text), note=draw(text), id=draw(ids),
    )  # fmt: skip


def _box(zone_id: str) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a synthetic atlas zone (tests/conftest.py ROWS)."""
    stem = zone_id.removesuffix("-back").split("-", 1)[1]
    y0, y1 = next((r[2], r[3]) for r in ROWS if r[0] == stem)
    x0, x1 = (20, 50) if zone_id.startswith("right-") else (50, 80)
    if zone_id.endswith("-back"):
        x0, x1 = 100 - x1, 100 - x0
    return x0, y0, x1, y1


@st.composite
def inside(draw: st.DrawFn, zone_id: str) -> tuple[float, float]:
    x0, y0, x1, y1 = _box(zone_id)
    return (draw(st.floats(x0 + 0.01, x1 - 0.01)), draw(st.floats(y0 + 0.01, y1 - 0.01)))


@st.composite
def arrows(draw: st.DrawFn) -> ReferralArrow:
    """An arrow on one view: its start on that view's body, its target a zone of that view."""
    view = draw(views)
    to_zone = draw(st.sampled_from(ZONES[view]))
    return ReferralArrow(
        view=view, start=draw(inside(draw(st.sampled_from(ZONES[view])))), to_zone=to_zone,
        end=draw(st.none() | inside(to_zone)), note=draw(text), id=draw(ids),
    )  # fmt: skip


@st.composite
def charts(draw: st.DrawFn) -> Chart:
    def items(s):  # unique ids are guaranteed by uuids in practice
        return tuple(draw(st.lists(s, max_size=3, unique_by=lambda x: x.id)))

    return Chart(marks=items(marks()), strokes=items(strokes()), findings=items(findings()),
                 arrows=items(arrows()), id=draw(ids))  # fmt: skip


@st.composite
def outcomes(draw: st.DrawFn) -> Outcomes:
    activities = draw(st.lists(st.text(min_size=1, max_size=20).filter(lambda s: s.strip() and "\x00" not in s),
                               max_size=3, unique_by=str.casefold))  # fmt: skip
    # Any of the three may be missing; those given keep least <= now <= worst.
    least, now, worst = sorted(draw(st.lists(score, min_size=3, max_size=3)))
    return Outcomes(
        pain_now=draw(st.none() | st.just(now)), pain_least=draw(st.none() | st.just(least)),
        pain_worst=draw(st.none() | st.just(worst)),
        peg=draw(st.none() | st.builds(Peg, score, score, score)),
        psfs=tuple(PsfsRating(a, draw(score)) for a in activities),
        sleep_hours=draw(st.none() | st.floats(0, 24)), pain_wakes=draw(st.none() | st.booleans()),
        medication=draw(text),
        rom=tuple(draw(st.lists(st.builds(RomEntry, st.just("neck"), st.just("rotation"),
                                          st.floats(0, 360), st.booleans()), max_size=2))),
    )  # fmt: skip


@st.composite
def visits(draw: st.DrawFn, client_id: str) -> Visit:
    signed = draw(st.booleans())
    visit = Visit(
        client_id=client_id, started_at=draw(datetimes), therapist=draw(text),
        kind=draw(st.sampled_from(VisitKind)),
        status=VisitStatus.SIGNED if signed else VisitStatus.DRAFT,
        pre_chart=draw(charts()), post_chart=draw(charts()),
        soap=Soap(draw(text), draw(text), draw(text), draw(text)),
        techniques=tuple(draw(st.lists(st.sampled_from(Technique), max_size=3))),
        technique_other=draw(text), self_care=tuple(draw(st.lists(st.sampled_from(SelfCare), max_size=2))),
        self_care_text=draw(text), outcomes=draw(outcomes()),
        signed_at=draw(datetimes) if signed else None, signed_by="T" if signed else "",
        id=draw(ids),
    )  # fmt: skip
    if not signed:
        return visit
    # An amendment keeps the visit as it was: here, this same visit before any amendment.
    amendments = tuple(draw(st.lists(st.builds(
        Amendment, author=st.just("T"), at=datetimes, reason=text, fields=st.just(("soap",)),
        original_json=st.just(visit_to_json(visit)), id=ids), max_size=2)))  # fmt: skip
    return dataclasses.replace(visit, amendments=amendments)


@st.composite
def records(draw: st.DrawFn) -> ClientRecord:
    """A valid client record with up to 3 visits, 2 intake revisions and 2 plans."""
    cid = draw(ids)
    consent = draw(st.booleans())
    client = Client(
        name=draw(text.filter(str.strip)), date_of_birth=draw(st.none() | birth_dates),
        contact=draw(text), notes=draw(text), consent_treatment=consent,
        consent_treatment_date=draw(dates) if consent else draw(st.none() | dates),
        consent_storage=consent, consent_storage_date=draw(dates) if consent else None,
        archived=draw(st.booleans()), id=cid,
    )  # fmt: skip
    n_intakes = draw(st.integers(0, 2))
    intakes = tuple(
        Intake(client_id=cid, revision=i + 1, recorded_at=draw(datetimes), chief_complaint=draw(text),
               medications=tuple(draw(st.lists(text, max_size=2))),
               red_flags=tuple(RedFlagAnswer(f, draw(st.booleans())) for f in
                               draw(st.sets(st.sampled_from(RedFlag), max_size=3))), id=draw(ids))
        for i in range(n_intakes)
    )  # fmt: skip
    vs = tuple(draw(st.lists(visits(cid), max_size=3)))
    vs = tuple(sorted(vs, key=lambda v: (v.started_at.isoformat(), v.id)))
    plans = tuple(draw(st.lists(st.builds(
        TreatmentPlan, client_id=st.just(cid), created_at=datetimes, goals=st.lists(text, max_size=2).map(tuple),
        visits_per_week=st.none() | st.floats(0.1, 14), planned_visits=st.none() | st.integers(1, 500),
        appointments=st.lists(datetimes, max_size=2).map(tuple), review_date=st.none() | dates,
        notes=text, id=ids), max_size=2)))  # fmt: skip
    plans = tuple(sorted(plans, key=lambda p: (p.created_at.isoformat(), p.id)))
    return ClientRecord(client, intakes, vs, plans)
