"""Feeds a charted body map (tap marks and shaded strokes) into the referral ranking."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bodymap.referral.rank import pain_weights

if TYPE_CHECKING:
    from bodymap.geometry import Atlas
    from bodymap.model import Chart, Stroke

PainItem = tuple[str, float, float | None]
# A PainItem and the qualities charted with it (Quality values: "aching", "numbness", ...).
SymptomItem = tuple[str, float, float | None, tuple[str, ...]]

# A stroke charts a zone fully once it covers a fingertip-sized patch of it: 100 viewBox units
# squared is about 18 mm square on the built-in figure (960 units tall for about 1.7 m). A
# zone smaller than two such patches is charted fully once half of it is covered. Less than
# that (a stroke grazing the edge of a neighbouring zone) counts in proportion.
FINGERTIP_AREA = 100.0


def charted_share(coverage: float, zone_area: float) -> float:
    """How fully a stroke covering `coverage` (0..1) of a zone of this area charts it, 0..1."""
    if zone_area <= 0:
        return 0.0
    return min(1.0, coverage * zone_area / min(FINGERTIP_AREA, zone_area / 2))


def chart_symptoms(
    chart: Chart, atlas: Atlas, coverage: Callable[[Stroke], dict[str, float]] | None = None
) -> list[SymptomItem]:
    """(zone id, intensity 0-10, share charted, qualities) for every tap mark and every zone a
    stroke touches.

    A tap mark charts its whole zone (share None); a stroke charts each zone it touches by
    charted_share of the fraction it covers, from `coverage(stroke)` (default:
    model.summary.stroke_zones). Zones of side views and closer charts are named by the
    whole-body zone they count through; a fingertip patch on a hand chart charts its finger.
    """
    from bodymap.geometry.lift import body_units
    from bodymap.model.summary import stroke_zones

    zones_of = coverage or (lambda stroke: stroke_zones(atlas, stroke))
    items: list[SymptomItem] = [
        (atlas.root(m.zone).id, float(m.intensity), None, tuple(q.value for q in m.qualities))
        for m in chart.marks
    ]
    for stroke in chart.strokes:
        for zone_id, cov in zones_of(stroke).items():
            share = charted_share(cov, body_units(atlas, zone_id))
            items.append((atlas.root(zone_id).id, float(stroke.intensity), share,
                          (stroke.quality.value,)))  # fmt: skip
    return items


def chart_pain(chart: Chart, atlas: Atlas) -> dict[str, float]:
    """Zone id -> pain weight for a chart, ready for rank_sources."""
    return pain_weights(item[:3] for item in chart_symptoms(chart, atlas))
