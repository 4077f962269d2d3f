"""Where pain sits relative to the spine: its pain-weighted centroid and distance from the axis."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import LineString, Point

from bodymap.analysis.zones import ZonePain
from bodymap.geometry import Atlas

# The body's central axis runs down the midline from the top of the neck to the bottom of
# the trunk; pain moving toward it is centralising (McKenzie), away from it peripheralising.
TRUNK_REGIONS = frozenset({"neck", "chest", "abdomen", "upper-back", "mid-back", "lower-back"})


@dataclass(frozen=True)
class Centrality:
    """Pain-weighted position of a chart's pain (weights: intensity x area covered)."""

    distance: float  # weighted mean distance from the central axis, viewBox units
    centroids: dict[str, tuple[float, float]]  # per view with pain: the weighted centroid


def central_axis(atlas: Atlas, view: str) -> LineString:
    """The vertical midline segment spanning the trunk zones (the whole body without any)."""
    info = atlas.view(view)
    trunk = [z.polygon.bounds for z in atlas.zones_in(view) if z.region in TRUNK_REGIONS]
    bounds = trunk or [info.silhouette.bounds]
    top, bottom = min(b[1] for b in bounds), max(b[3] for b in bounds)
    return LineString([(info.midline_x, top), (info.midline_x, bottom)])


def centrality(pain: dict[str, ZonePain], atlas: Atlas) -> Centrality | None:
    """Weighted mean distance of the pain from the central axis; None for a chart without pain.

    Distances are averaged zone by zone rather than taken from one centroid, because the
    centroid of pain on both arms lies on the spine.
    """
    total = dist = 0.0
    sums: dict[str, list[float]] = {}
    axes: dict[str, LineString] = {}
    for zp in pain.values():
        zone = atlas.zone(zp.zone)
        weight = zp.intensity * zp.covered * zone.area
        if weight <= 0:
            continue
        axis = axes.get(zone.view) or axes.setdefault(zone.view, central_axis(atlas, zone.view))
        c = zone.polygon.centroid
        dist += weight * axis.distance(Point(c.x, c.y))
        total += weight
        acc = sums.setdefault(zone.view, [0.0, 0.0, 0.0])
        acc[0] += weight * c.x
        acc[1] += weight * c.y
        acc[2] += weight
    if total <= 0:
        return None
    centroids = {v: (a[0] / a[2], a[1] / a[2]) for v, a in sums.items()}
    return Centrality(distance=dist / total, centroids=centroids)
