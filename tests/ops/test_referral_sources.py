"""Referred pain use cases on the built-in atlas: sources of a chart, patterns of findings."""

from __future__ import annotations

from datetime import date

import pytest

from bodymap.model import Chart, Finding, FindingKind, PainMark, Stroke, TriggerPointState
from bodymap.ops import referrals
from tests.conftest import needs_real_atlas

pytestmark = needs_real_atlas

ARM = ("right-upper-arm-front-outer", "right-forearm-palmar-radial", "right-thumb-palmar")


@pytest.fixture(scope="module")
def ctx(real_atlas):
    return referrals.referral_context(real_atlas)


def _marks(atlas, zones, intensity=7):
    return tuple(
        PainMark(view=atlas.zone(z).view, point=atlas.zone(z).point, zone=z, intensity=intensity)
        for z in zones
    )


def _tp(atlas, zone, muscle):
    z = atlas.zone(zone)
    return Finding(
        kind=FindingKind.TRIGGER_POINT, view=z.view, point=z.point, zone=zone,
        state=TriggerPointState.ACTIVE, muscle=muscle,
    )  # fmt: skip


def test_arm_to_thumb_suggests_right_scalenes_near_the_top(real_atlas, ctx):
    cands = referrals.possible_sources(Chart(marks=_marks(real_atlas, ARM)), real_atlas, ctx)
    top = [(c.muscle.id, c.side) for c in cands[:5]]
    assert ("scalenes", "right") in top
    scalenes = next(c for c in cands if c.muscle.id == "scalenes")
    assert set(ARM) <= set(scalenes.matched_zones)
    assert scalenes.red_flag is None  # no chest pain charted
    assert scalenes.explanation.startswith("Explains every charted zone (right front of upper arm")


def test_a_stroke_through_small_zones_charts_them_fully(real_atlas, ctx):
    thumb = real_atlas.zone("right-thumb-palmar")
    (x, y) = thumb.point
    stroke = Stroke(view="front", points=((x, y - 3), (x, y + 3)), width=9.0, intensity=6)
    pain = referrals.PainCache(real_atlas).pain(Chart(strokes=(stroke,)))
    assert pain["right-thumb-palmar"] == pytest.approx(0.6)  # intensity 6 counts in full


def test_empty_chart_has_no_sources(real_atlas, ctx):
    assert referrals.possible_sources(Chart(), real_atlas, ctx) == []


@pytest.mark.parametrize(
    "text, muscle_id",
    [("scalenes", "scalenes"), ("Scalenes (anterior, middle, posterior)", "scalenes"),
     ("SCM", "scm-sternal"), ("upper trapezius", "upper-trapezius"), ("QL", "quadratus-lumborum"),
     ("Infraspinatus: additional trigger point near the inner border", "infraspinatus")],
)  # fmt: skip
def test_find_muscle_reads_free_text(ctx, text, muscle_id):
    assert referrals.find_muscle(ctx.data, text).id == muscle_id


def test_find_muscle_unknown_or_empty(ctx):
    assert referrals.find_muscle(ctx.data, "") is None
    assert referrals.find_muscle(ctx.data, "no such muscle") is None


def test_finding_pattern_is_on_the_finding_side(real_atlas, ctx):
    (p,) = referrals.finding_patterns(ctx, _tp(real_atlas, "left-side-neck", "scalenes"))
    assert p.side == "left" and p.muscle.id == "scalenes"
    assert p.primary and all(not z.startswith("right-") for z in p.primary)
    other = _tp(real_atlas, "left-side-neck", "")
    assert referrals.finding_patterns(ctx, other) == []


def test_chart_patterns_skip_unknown_muscles(real_atlas, ctx):
    chart = Chart(
        findings=(
            _tp(real_atlas, "right-side-neck", "scalenes"),
            _tp(real_atlas, "right-shoulder-top", "upper trapezius"),
            _tp(real_atlas, "right-side-neck", "mystery"),
        )
    )
    keys = {p.key for p in referrals.chart_patterns(ctx, chart)}
    assert keys == {
        ("scalenes", "lateral-neck", "right"),
        ("upper-trapezius", "free-border", "right"),
    }


def test_add_candidate_finding_at_the_trigger_point_zone(db, real_atlas, ctx):
    from bodymap.ops.editing import edit_visit
    from bodymap.ops.records import new_client, new_visit
    from bodymap.store import Store

    cands = referrals.possible_sources(Chart(marks=_marks(real_atlas, ARM)), real_atlas, ctx)
    scalenes = next(c for c in cands if c.muscle.id == "scalenes")
    view, x, y = referrals.candidate_location(real_atlas, scalenes)
    assert real_atlas.zone_at(view, x, y).id == "right-side-neck"
    with Store.open(db, atlas=real_atlas, create=True) as store:
        client = new_client(store, name="Synthetic Client", date_of_birth=date(1980, 1, 2))
        doc = edit_visit(store, new_visit(store, client_id=client.id))
        cmd = referrals.add_candidate_finding(doc, atlas=real_atlas, slot="pre", candidate=scalenes)
        change = cmd.apply()
        (f,) = doc.visit.pre_chart.findings
        assert change.item == f
        assert f.zone == "right-side-neck" and f.state is TriggerPointState.ACTIVE
        assert referrals.find_muscle(ctx.data, f.muscle).id == "scalenes"


def test_pain_cache_equals_chart_pain_and_follows_edits(real_atlas, ctx):
    import dataclasses

    from bodymap.referral.charts import chart_pain
    from tests.export.synthetic import busy_visit, client

    chart = busy_visit(client(), real_atlas, strokes=12).pre_chart
    cache = referrals.PainCache(real_atlas)
    assert cache.pain(chart) == chart_pain(chart, real_atlas)
    moved = dataclasses.replace(
        chart.strokes[0], points=tuple((x + 20, y) for x, y in chart.strokes[0].points)
    )
    edited = dataclasses.replace(chart, strokes=(moved, *chart.strokes[1:]))
    assert cache.pain(edited) == chart_pain(edited, real_atlas)
    assert len(cache._coverage) == len(edited.strokes)
    with_cache = referrals.possible_sources(edited, real_atlas, ctx, cache=cache)
    assert with_cache == referrals.possible_sources(edited, real_atlas, ctx)
