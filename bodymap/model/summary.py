"""Derived chart summaries computed with the atlas (never stored): zones, extent, intensity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from bodymap.geometry import Atlas
from bodymap.geometry.lift import lifted_area, root_ids, shapes_coverage
from bodymap.geometry.strokes import painted_shape, stroke_shape
from bodymap.model.chart import Chart, Stroke


@dataclass(frozen=True)
class ChartSummary:
    """What a chart shows, in numbers: the basis of progress graphs and reports."""

    zones: tuple[str, ...]  # whole-body zones with pain (tapped or involved, also closer), sorted
    extent_by_view: dict[str, float]  # % of that whole-body view's area marked or shaded
    extent: float  # % of the whole drawn body (all whole-body views) marked or shaded
    max_intensity: int | None
    mean_intensity: float | None
    region_counts: dict[str, int]  # involved zones per coarse region


# A stroke that only grazes a zone does not make the zone "involved"; a small dab well inside
# a large zone (the front of the thigh is 6000 units, a fingertip dab 60) still does.
MIN_STROKE_COVERAGE = 0.02  # of the zone's area
MIN_STROKE_SHARE = 0.25  # of the stroke's area inside the body


def stroke_involves(zone_area: float, piece: float, stroke_inside: float) -> bool:
    """Whether the `piece` of a stroke lying in a zone makes that zone involved.

    It does when it covers at least 2 % of the zone, or holds at least a quarter of the
    stroke's area inside the body. The one rule for "zones with pain": the reports, the
    summaries and the window's status bar all ask it, so they never disagree on the count.
    """
    if piece <= 0:
        return False
    return piece >= MIN_STROKE_COVERAGE * zone_area or piece >= MIN_STROKE_SHARE * stroke_inside


def involved(pieces: Mapping[str, float], zone_area: Callable[[str], float]) -> set[str]:
    """The zones a stroke involves, from the area of its piece in each zone it touches."""
    inside = sum(pieces.values())
    return {z for z, a in pieces.items() if stroke_involves(zone_area(z), a, inside)}


def stroke_zones(atlas: Atlas, stroke: Stroke) -> dict[str, float]:
    """Zone id -> fraction of that zone the stroke covers.

    The zones lie inside the body, so the coverage needs no clipping to the silhouette first.
    """
    return atlas.coverage(stroke.view, stroke_shape(stroke.points, stroke.width))


def involved_zones(atlas: Atlas, stroke: Stroke) -> dict[str, float]:
    """stroke_zones, keeping only the zones the stroke involves (stroke_involves)."""
    cover = stroke_zones(atlas, stroke)
    area = {z: atlas.zone(z).area for z in cover}
    keep = involved({z: c * area[z] for z, c in cover.items()}, area.__getitem__)
    return {z: c for z, c in cover.items() if z in keep}


def summarize(chart: Chart, atlas: Atlas) -> ChartSummary:
    """Zones involved, pain extent per view and overall, intensity and counts per region.

    A tap mark counts its whole zone; a stroke counts its buffered shape clipped to the body
    and involves the zones stroke_involves names. Marks on a side view or a closer chart
    count through their whole-body parent zones (geometry.lift).
    """
    zones = {m.zone for m in chart.marks}
    for s in chart.strokes:
        zones.update(involved_zones(atlas, s))
    covered = shapes_coverage(atlas, painted_shapes(chart, atlas))
    by_view = {
        view: 100.0 * lifted_area(atlas, covered, view) / atlas.body_area(view)
        for view in atlas.root_views
    }
    intensities = [m.intensity for m in chart.marks] + [s.intensity for s in chart.strokes]
    roots = root_ids(atlas, zones)
    regions = Counter(atlas.zone(z).region for z in roots)
    return ChartSummary(
        zones=tuple(sorted(roots)),
        extent_by_view=by_view,
        extent=100.0 * lifted_area(atlas, covered) / atlas.body_area(),
        max_intensity=max(intensities) if intensities else None,
        mean_intensity=sum(intensities) / len(intensities) if intensities else None,
        region_counts=dict(sorted(regions.items())),
    )


def painted_shapes(chart: Chart, atlas: Atlas) -> dict[str, BaseGeometry]:
    """View -> the union of the chart's tapped zones and strokes there, clipped to the body."""
    return {
        view: painted_shape(
            atlas,
            view,
            (m.zone for m in chart.marks if m.view == view),
            ((s.points, s.width) for s in chart.strokes if s.view == view),
        )
        for view in atlas.views
    }
