"""Feeds a charted body map (tap marks and shaded strokes) into the referral ranking."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bodymap.referral.rank import pain_weights

if TYPE_CHECKING:
    from bodymap.geometry import Atlas
    from bodymap.model import Chart, Stroke

PainItem = tuple[str, float, float | None]


def chart_items(
    chart: Chart, atlas: Atlas, coverage: Callable[[Stroke], dict[str, float]] | None = None
) -> list[PainItem]:
    """(zone id, intensity 0-10, coverage) for every tap mark and every zone a stroke touches.

    A tap mark counts its whole zone (coverage None); a stroke counts the fraction it covers,
    from `coverage(stroke)` (default: model.summary.stroke_zones).
    """
    from bodymap.model.summary import stroke_zones

    zones_of = coverage or (lambda stroke: stroke_zones(atlas, stroke))
    items: list[PainItem] = [(m.zone, float(m.intensity), None) for m in chart.marks]
    for stroke in chart.strokes:
        for zone_id, cov in zones_of(stroke).items():
            items.append((zone_id, float(stroke.intensity), cov))
    return items


def chart_pain(chart: Chart, atlas: Atlas) -> dict[str, float]:
    """Zone id -> pain weight for a chart, ready for rank_sources."""
    return pain_weights(chart_items(chart, atlas))
