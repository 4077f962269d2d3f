"""Feeds a charted body map (tap marks and shaded strokes) into the referral ranking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bodymap.referral.rank import pain_weights

if TYPE_CHECKING:
    from bodymap.geometry import Atlas
    from bodymap.model import Chart

PainItem = tuple[str, float, float | None]


def chart_items(chart: Chart, atlas: Atlas) -> list[PainItem]:
    """(zone id, intensity 0-10, coverage) for every tap mark and every zone a stroke touches.

    A tap mark counts its whole zone (coverage None); a stroke counts the fraction it covers.
    """
    from bodymap.model.summary import stroke_zones

    items: list[PainItem] = [(m.zone, float(m.intensity), None) for m in chart.marks]
    for stroke in chart.strokes:
        for zone_id, cov in stroke_zones(atlas, stroke).items():
            items.append((zone_id, float(stroke.intensity), cov))
    return items


def chart_pain(chart: Chart, atlas: Atlas) -> dict[str, float]:
    """Zone id -> pain weight for a chart, ready for rank_sources."""
    return pain_weights(chart_items(chart, atlas))
