"""Opening a chart computes coverage in bulk; it must agree with adding strokes one by one."""

from __future__ import annotations

import random

import pytest

from bodymap.model import Chart, Stroke
from bodymap.ui.chart.coverage import CoverageTracker


def _strokes(atlas, n: int) -> tuple[Stroke, ...]:
    rng = random.Random(3)
    out = []
    for _ in range(n):
        view = rng.choice(["front", "back"])
        x, y = atlas.zone(rng.choice([z.id for z in atlas.zones_in(view)])).point
        pts = [(x + rng.uniform(-12, 12), y + rng.uniform(-12, 12)) for _ in range(8)]
        out.append(Stroke(view=view, points=tuple(pts), width=rng.uniform(4, 14), intensity=5))
    return tuple(out)


def test_bulk_reset_matches_incremental_adds(body_atlas):
    strokes = _strokes(body_atlas, 60)
    bulk = CoverageTracker(body_atlas)
    bulk.reset(Chart(strokes=strokes))
    one_by_one = CoverageTracker(body_atlas)
    one_by_one.reset(Chart())
    for s in strokes:
        one_by_one.add(s)
    assert bulk.zones() == one_by_one.zones()
    assert bulk.extent() == pytest.approx(one_by_one.extent(), rel=1e-6)
    for s in strokes:
        assert bulk.zones_of(s.id) == one_by_one.zones_of(s.id)
    # removing after a bulk load recounts the zones exactly as well
    for s in strokes[:20]:
        bulk.remove(s.id)
        one_by_one.remove(s.id)
    assert bulk.extent() == pytest.approx(one_by_one.extent(), rel=1e-6)
