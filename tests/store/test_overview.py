"""The light reads (client overview, visit summaries, client list lines) agree with a full load."""

import dataclasses
import gc
from datetime import date, datetime, timedelta

import pytest

from bodymap.model import Chart, Outcomes, Peg, PsfsRating, Stroke, VisitKind
from bodymap.model.overview import (
    ChartTally,
    ClientOverview,
    chart_tally,
    client_header,
    client_overview,
    visit_summary,
)
from bodymap.model.signing import amend, sign
from bodymap.store import NotFoundError
from tests.store.helpers import T0, client, intake, mark, plan, visit


def busy_client(store):
    """A client with intake revisions, plans and visits of every shape (signed, amended, empty)."""
    c = store.add_client(client())
    store.add_intake(intake(c.id, 1))
    store.add_intake(dataclasses.replace(intake(c.id, 2), chief_complaint="neck and arm"))
    store.add_plan(plan(c.id))
    store.add_plan(dataclasses.replace(plan(c.id), created_at=T0 + timedelta(days=30)))
    scored = dataclasses.replace(
        visit(c.id, 3),
        kind=VisitKind.REASSESSMENT,
        outcomes=Outcomes(
            pain_now=4, pain_worst=8, peg=Peg(5, 6, 7), psfs=(PsfsRating("Lifting", 3),)
        ),
    )
    store.add_visit(scored)
    strokes_only = Chart(
        strokes=(Stroke(view="back", points=((30, 40), (40, 42.5)), width=3.5, intensity=9),)
    )
    store.add_visit(dataclasses.replace(visit(c.id, 1), pre_chart=strokes_only, post_chart=Chart()))
    signed = store.sign_visit(sign(store.add_visit(visit(c.id, 2)), "Therapist", T0))
    store.amend_visit(amend(signed, "Therapist", datetime(2024, 4, 9), "typo", therapist="B"))
    return c


def test_open_client_equals_the_full_load(store):
    c = busy_client(store)
    other = store.add_client(client("Other Synthetic"))
    store.add_visit(visit(other.id, 4))  # another client's visit stays out
    record = store.load_record(c.id)
    got = store.open_client(c.id)
    assert got == client_overview(record)
    assert got.client == c and got.intake == record.intakes[-1] and got.intake.revision == 2
    assert got.plans == record.plans and got.latest_plan == record.plans[-1]
    assert [s.id for s in got.visits] == [v.id for v in record.visits]
    # Row versions do not take part in equality: check them on their own.
    for s, v in zip(got.visits, record.visits, strict=True):
        assert s.version == v.version
        assert (s.pre.version, s.post.version) == (v.pre_chart.version, v.post_chart.version)


def test_summaries_count_items_and_the_top_intensity(store):
    c = busy_client(store)
    by_day = {s.started_at.day: s for s in store.open_client(c.id).visits}
    strokes_only, amended, scored = by_day[3], by_day[4], by_day[5]
    assert strokes_only.pre == ChartTally(
        id=strokes_only.pre.id, strokes=1, max_intensity=9, version=1
    )
    assert strokes_only.post.is_empty and strokes_only.post.max_intensity is None
    assert scored.pre.marks == 2 and scored.pre.findings == scored.pre.arrows == 1
    assert scored.pre.max_intensity == 4  # the stroke's 4 beats marks of 1 and 2
    assert scored.outcomes.pain_worst == 8 and scored.outcomes.peg == Peg(5, 6, 7)
    assert scored.kind is VisitKind.REASSESSMENT and not scored.is_signed
    assert amended.is_signed and amended.amendments == 1 and amended.therapist == "B"
    assert amended.signed_by == "Therapist" and amended.signed_at == T0


def test_visit_summary_and_get_visit_agree_with_the_full_load(store):
    c = busy_client(store)
    for v in store.load_record(c.id).visits:
        assert store.get_visit(v.id) == v
        assert store.visit_summary(v.id) == visit_summary(v)
        assert store.visit_summary(v.id).pre == chart_tally(v.pre_chart)


def test_summary_follows_edits(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    version = store.add_item(v.pre_chart.id, mark(10, 60.0, "left-chest-box"), version=1)
    got = store.visit_summary(v.id)
    assert got.pre.marks == 3 and got.pre.max_intensity == 10 and got.pre.version == version
    assert got == visit_summary(store.get_visit(v.id))


def test_empty_client(store):
    c = store.add_client(client())
    assert store.open_client(c.id) == ClientOverview(client=c, intake=None)
    assert store.open_client(c.id).latest_plan is None
    assert store.load_record(c.id).visits == ()


def test_archived_client_opens_but_leaves_the_short_list(store):
    kept = store.add_client(client("Kept Synthetic"))
    gone = store.add_client(client("Archived Synthetic"))
    store.add_visit(visit(gone.id))
    gone = store.update_client(dataclasses.replace(gone, archived=True))
    overview = store.open_client(gone.id)
    assert overview.client.archived and len(overview.visits) == 1
    assert overview == client_overview(store.load_record(gone.id))
    assert [h.id for h in store.list_client_headers(include_archived=False)] == [kept.id]
    everyone = store.list_client_headers()
    assert [h.id for h in everyone] == [gone.id, kept.id]  # by name
    assert everyone[0].archived and not everyone[1].archived


def test_client_headers_match_the_clients(store):
    names = ["Beta Synthetic", "alpha Synthetic", "Alpha Synthetic", "Alpha Synthetic"]
    for i, name in enumerate(names):
        store.add_client(dataclasses.replace(client(name), date_of_birth=date(1970 + i, 1, 2)))
    store.add_client(dataclasses.replace(client("Undated Synthetic"), date_of_birth=None))
    for archived in (True, False):
        full = store.list_clients(include_archived=archived)
        headers = store.list_client_headers(include_archived=archived)
        assert headers == [client_header(x) for x in full]
    undated = [h for h in store.list_client_headers() if h.name.startswith("Undated")]
    assert undated[0].date_of_birth is None
    assert "Synthetic" not in repr(store.list_client_headers()[0])


def test_unknown_ids(store):
    with pytest.raises(NotFoundError):
        store.open_client("nope")
    with pytest.raises(NotFoundError):
        store.visit_summary("nope")
    with pytest.raises(NotFoundError):
        store.get_visit("nope")
    assert store.list_client_headers() == []


def test_reads_leave_the_cycle_collector_as_they_found_it(store):
    c = busy_client(store)
    assert gc.isenabled()
    store.open_client(c.id), store.load_record(c.id), store.list_client_headers()
    assert gc.isenabled()
    gc.disable()
    try:
        store.open_client(c.id), store.load_record(c.id), store.list_clients()
        assert not gc.isenabled()
    finally:
        gc.enable()
