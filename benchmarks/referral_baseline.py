"""The referral score bodymap shipped before issue 11, kept only as the benchmark's baseline.

An area-weighted Tversky overlap: score = I / (I + 0.8 A + 0.2 B) over zone areas, where I is
charted pain the pattern explains, A pain it does not explain and B pattern area without pain.
Large zones outweigh small ones, which is what the zone-by-zone score replaced.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bodymap.geometry import Atlas
from bodymap.model import Chart
from bodymap.model.summary import stroke_zones
from bodymap.referral.evaluate import Row
from bodymap.referral.rank import pain_weights
from bodymap.referral.resolve import SidedPattern

PRIMARY, SPILLOVER, LOCATION, ALPHA, BETA = 1.0, 0.4, 0.25, 0.8, 0.2


def _score(p: SidedPattern, pain: Mapping[str, float], areas: Mapping[str, float]) -> float:
    expect = {z: SPILLOVER for z in p.spillover}
    expect.update({z: PRIMARY for z in p.primary})
    explains = {z: LOCATION for z in p.location}
    for z, r in expect.items():
        explains[z] = max(r, explains.get(z, 0.0))
    inter = sum(areas[z] * min(m, explains.get(z, 0.0)) for z, m in pain.items())
    if inter <= 0:
        return 0.0
    unexplained = sum(areas[z] * m for z, m in pain.items()) - inter
    missing = sum(areas.get(z, 0.0) * max(0.0, r - pain.get(z, 0.0)) for z, r in expect.items())
    return inter / (inter + ALPHA * unexplained + BETA * missing)


def area_tversky_rows(
    pain: Mapping[str, float], areas: Mapping[str, float], patterns: Sequence[SidedPattern]
) -> list[Row]:
    """(muscle id, side, score) for every pattern that touches the pain, best first."""
    peak = max(pain.values(), default=0.0)
    if peak <= 0:
        return []
    norm = {z: min(m / peak, 1.0) for z, m in pain.items() if m > 0}
    rows = [(p.muscle.id, p.side, _score(p, norm, areas)) for p in patterns]
    return sorted((r for r in rows if r[2] > 0), key=lambda r: -r[2])


def old_chart_pain(chart: Chart, atlas: Atlas) -> dict[str, float]:
    """The old chart weights: intensity x raw stroke coverage (no fingertip saturation)."""
    items: list[tuple[str, float, float | None]] = [
        (m.zone, m.intensity, None) for m in chart.marks
    ]
    for s in chart.strokes:
        items += [(z, s.intensity, cov) for z, cov in stroke_zones(atlas, s).items()]
    return pain_weights(items)
