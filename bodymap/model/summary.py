"""Derived chart summaries computed with the atlas (never stored): zones, extent, intensity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bodymap.geometry import Atlas
from bodymap.geometry.strokes import painted_area, stroke_shape
from bodymap.model.chart import Chart, Stroke


@dataclass(frozen=True)
class ChartSummary:
    """What a chart shows, in numbers: the basis of progress graphs and reports."""

    zones: tuple[str, ...]  # zones with pain (tap marks, or touched by a stroke), sorted
    extent_by_view: dict[str, float]  # % of that view's drawn body area marked or shaded
    extent: float  # % of the whole drawn body (all views) marked or shaded
    max_intensity: int | None
    mean_intensity: float | None
    region_counts: dict[str, int]  # involved zones per coarse region


# A stroke that only grazes a zone (under 2 % of it) does not make the zone "involved".
MIN_STROKE_COVERAGE = 0.02


def stroke_involves(covered: float) -> bool:
    """Whether a stroke covering this fraction of a zone makes the zone involved.

    The one rule for "zones with pain": the reports, the summaries and the window's status bar
    all ask it, so they never disagree on the zone count.
    """
    return covered >= MIN_STROKE_COVERAGE


def stroke_zones(atlas: Atlas, stroke: Stroke) -> dict[str, float]:
    """Zone id -> fraction of that zone the stroke covers.

    The zones lie inside the body, so the coverage needs no clipping to the silhouette first.
    """
    return atlas.coverage(stroke.view, stroke_shape(stroke.points, stroke.width))


def summarize(chart: Chart, atlas: Atlas) -> ChartSummary:
    """Zones involved, pain extent per view and overall, intensity and counts per region.

    A tap mark counts its whole zone; a stroke counts its buffered shape clipped to the body.
    """
    zones = {m.zone for m in chart.marks}
    for s in chart.strokes:
        zones.update(stroke_zones(atlas, s))
    by_view: dict[str, float] = {}
    covered = 0.0
    for view in atlas.views:
        area = painted_area(
            atlas,
            view,
            (m.zone for m in chart.marks if m.view == view),
            ((s.points, s.width) for s in chart.strokes if s.view == view),
        )
        covered += area
        by_view[view] = 100.0 * area / atlas.body_area(view)
    intensities = [m.intensity for m in chart.marks] + [s.intensity for s in chart.strokes]
    regions = Counter(atlas.zone(z).region for z in zones)
    return ChartSummary(
        zones=tuple(sorted(zones)),
        extent_by_view=by_view,
        extent=100.0 * covered / atlas.body_area(),
        max_intensity=max(intensities) if intensities else None,
        mean_intensity=sum(intensities) / len(intensities) if intensities else None,
        region_counts=dict(sorted(regions.items())),
    )
