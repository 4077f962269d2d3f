"""Checks on the built-in atlas: the demo client is valid, stored, exported and improving."""

import pytest

from bodymap.model.atlas_check import record_problems
from bodymap.model.summary import summarize
from bodymap.ops.demo import build_demo_record, create_demo
from bodymap.store import Store
from tests.conftest import needs_real_atlas

pytestmark = needs_real_atlas


def test_demo_record_is_valid_and_improves(real_atlas):
    record = build_demo_record(real_atlas)
    assert record_problems(record, real_atlas) == []
    assert len(record.visits) >= 6
    days = (record.visits[-1].started_at - record.visits[0].started_at).days
    assert 49 <= days <= 63
    first, last = (
        summarize(record.visits[0].pre_chart, real_atlas),
        summarize(record.visits[-1].pre_chart, real_atlas),
    )
    assert last.extent < first.extent and last.max_intensity < first.max_intensity  # type: ignore[operator]
    worst = [v.outcomes.pain_worst for v in record.visits]
    assert worst == sorted(worst, reverse=True) and worst[0] > worst[-1]
    psfs = [[r.activity for r in v.outcomes.psfs] for v in record.visits]
    assert all(p == psfs[0] and len(p) == 3 for p in psfs)
    zones = set(first.zones)
    assert {"right-temple", "right-thumb-palmar", "right-shoulder-top", "right-side-neck"} <= zones
    muscles = {f.muscle for f in record.visits[0].pre_chart.findings}
    assert {"upper trapezius", "scalenes"} <= muscles
    for v in record.visits:
        for chart in (v.pre_chart, v.post_chart):
            for m in chart.marks:
                assert real_atlas.zone_at(m.view, *m.point).id == m.zone


def test_demo_command(capsys, db, real_atlas):
    from bodymap.cli.main import main

    assert main(["--db", str(db), "demo"]) == 0
    out = capsys.readouterr().out
    client_id = out.split()[1]
    assert out.count("visit ") >= 6
    with Store.open(db, atlas=real_atlas) as s:
        record = s.load_record(client_id)
        assert record.visits[0].pre_chart.strokes and record.plans and record.intakes
        assert record_problems(record, real_atlas) == []


def test_real_zone_ids_are_accepted(db, real_atlas):
    with Store.open(db, atlas=real_atlas, create=True) as s:
        record = create_demo(s, real_atlas)
        assert s.load_record(record.client.id) == record
    for zone_id in ("left-temple", "right-upper-arm-front-inner", "left-thumb-palmar", "sacrum"):
        assert real_atlas.has_zone(zone_id)


@pytest.mark.parametrize("view", ["front", "back"])
def test_stroke_on_real_atlas_is_clipped(real_atlas, view):
    from bodymap.geometry.strokes import clip_to_body, stroke_shape

    x0, y0, w, h = real_atlas.view(view).viewbox
    shape = stroke_shape([(x0, y0 + h / 2), (x0 + w, y0 + h / 2)], 10)
    clipped = clip_to_body(real_atlas, view, shape)
    assert 0 < clipped.area < shape.area
