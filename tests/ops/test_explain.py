"""ops.explain: a chart's marks, strokes, trigger points and intake become explanations."""

from __future__ import annotations

from datetime import datetime

import pytest

from bodymap.model import (
    Chart,
    Finding,
    FindingKind,
    Intake,
    PainMark,
    Quality,
    Stroke,
    TriggerPointState,
)
from bodymap.model.intake import RedFlag, RedFlagAnswer
from bodymap.model.values import new_id
from bodymap.ops.explain import (
    chart_evidence,
    charted_trigger_points,
    explain_chart,
    explain_context,
)
from bodymap.ops.referrals import PainCache


@pytest.fixture(scope="module")
def ctx(real_atlas):
    return explain_context(real_atlas)


def _mark(atlas, zone: str, *qualities: Quality, intensity: int = 6) -> PainMark:
    z = atlas.zone(zone)
    return PainMark(view=z.view, point=z.point, zone=zone, intensity=intensity,
                    qualities=qualities or (Quality.ACHING,))  # fmt: skip


def _stroke(atlas, zone: str, quality: Quality) -> Stroke:
    z = atlas.zone(zone)
    return Stroke(view=z.view, points=(z.point,), width=14.0, intensity=6, quality=quality)


def _tp(atlas, zone: str, muscle: str, state=TriggerPointState.ACTIVE) -> Finding:
    z = atlas.zone(zone)
    return Finding(FindingKind.TRIGGER_POINT, z.view, z.point, zone, state=state, muscle=muscle)


def test_marks_and_strokes_bring_their_qualities(real_atlas, ctx):
    chart = Chart((_mark(real_atlas, "right-thumb-palmar", Quality.NUMBNESS, Quality.TINGLING),),
                  (_stroke(real_atlas, "right-index-palmar", Quality.TINGLING),))  # fmt: skip
    ev = chart_evidence(chart, real_atlas, ctx, cache=PainCache(real_atlas))
    assert ev.qualities["right-thumb-palmar"] == {"numbness": 0.5, "tingling": 0.5}
    assert ev.qualities["right-index-palmar"] == {"tingling": 1.0}
    found = explain_chart(chart, real_atlas, ctx).explanations
    assert found[0].kind in ("dermatome", "nerve")


def test_only_active_trigger_points_of_known_muscles_count(real_atlas, ctx):
    chart = Chart(findings=(
        _tp(real_atlas, "right-hip-side", "Gluteus minimus: anterior"),
        _tp(real_atlas, "left-buttock-upper", "piriformis", TriggerPointState.LATENT),
        _tp(real_atlas, "right-shin", "a muscle nobody knows"),
    ))  # fmt: skip
    (tp,) = charted_trigger_points(ctx, chart)
    assert (tp.muscle, tp.side) == ("gluteus-minimus", "right")


def test_a_chart_with_its_trigger_point_and_intake(real_atlas, ctx):
    ache = [_mark(real_atlas, z) for z in ("right-thigh-outer", "right-knee-outer",
                                           "right-lower-leg-outer", "right-buttock-lower")]  # fmt: skip
    chart = Chart(tuple(ache), findings=(_tp(real_atlas, "right-hip-side", "gluteus minimus"),))
    intake = Intake(client_id=new_id(), revision=1, recorded_at=datetime(2026, 1, 1),
                    red_flags=(RedFlagAnswer(RedFlag.BOWEL_BLADDER, True),
                               RedFlagAnswer(RedFlag.FEVER, True)))  # fmt: skip
    result = explain_chart(chart, real_atlas, ctx, intake=intake, top=3)
    assert result.explanations[0].structure == "gluteus-minimus"
    assert result.explanations[0].trigger_point
    assert [f.id for f in result.flags] == ["bladder-bowel"]
    assert explain_chart(Chart(), real_atlas, ctx).explanations == []
