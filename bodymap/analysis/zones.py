"""Per-zone pain of one chart: the worst intensity and the covered area of every zone involved.

Zones of side views and closer charts count through their whole-body parents, so a chart
says the same whichever view the pain was drawn on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from bodymap.geometry import Atlas
from bodymap.geometry.lift import lift_coverage, lifted_area, shapes_coverage
from bodymap.geometry.strokes import painted_shape
from bodymap.model.chart import Chart
from bodymap.model.summary import involved_zones
from bodymap.model.values import Quality


@dataclass(frozen=True)
class ZonePain:
    """What a chart says about one whole-body zone."""

    zone: str
    intensity: int  # the worst intensity of the marks and strokes on it
    covered: float  # the fraction of the zone's area marked (1.0 for a tap mark) or shaded
    qualities: tuple[Quality, ...]
    details: tuple[str, ...] = ()  # zones of closer views charted within it, sorted


def zone_hits(chart: Chart, atlas: Atlas) -> Iterator[tuple[str, int, float, tuple[Quality, ...]]]:
    """(zone, intensity, covered fraction, qualities) for every zone a chart item involves.

    Tap marks first, each covering its whole zone; then strokes, each on every zone it
    involves (model.summary.stroke_involves).
    """
    for m in chart.marks:
        yield m.zone, m.intensity, 1.0, m.qualities
    for s in chart.strokes:
        for zone, cover in involved_zones(atlas, s).items():
            yield zone, s.intensity, cover, (s.quality,)


def zone_pain(chart: Chart, atlas: Atlas) -> dict[str, ZonePain]:
    """Whole-body zone id -> its pain: tap marks count the whole zone, strokes the part they
    cover; zones of closer views count in their whole-body zone and are named in `details`."""
    worst: dict[str, int] = {}
    covered: dict[str, float] = {}
    qualities: dict[str, set[Quality]] = {}
    details: dict[str, set[str]] = {}
    for zone, intensity, cover, quals in zone_hits(chart, atlas):
        root = atlas.root(zone).id
        worst[root] = max(worst.get(root, 0), intensity)
        covered[zone] = min(1.0, max(covered.get(zone, 0.0), cover))
        qualities.setdefault(root, set()).update(quals)
        if zone != root:
            details.setdefault(root, set()).add(zone)
    lifted = lift_coverage(atlas, covered)
    return {
        z: ZonePain(
            z,
            worst[z],
            lifted.get(z, 0.0),
            tuple(q for q in Quality if q in qualities[z]),
            tuple(sorted(details.get(z, ()))),
        )
        for z in sorted(worst)
    }


def pain_area(chart: Chart, atlas: Atlas, view: str) -> BaseGeometry:
    """The union of a chart's tapped zones and strokes on one view, clipped to the body."""
    return painted_shape(
        atlas,
        view,
        (m.zone for m in chart.marks if m.view == view),
        ((s.points, s.width) for s in chart.strokes if s.view == view),
    )


def pain_areas(chart: Chart, atlas: Atlas) -> list[BaseGeometry]:
    """pain_area of every view, in atlas.views order."""
    return [pain_area(chart, atlas, view) for view in atlas.views]


def extent_of(areas: Iterable[BaseGeometry], atlas: Atlas) -> float:
    """Percent of the whole drawn body the pain areas of all views (pain_areas) cover."""
    covered = shapes_coverage(atlas, dict(zip(atlas.views, areas, strict=True)))
    return 100.0 * lifted_area(atlas, covered) / atlas.body_area()


def pain_extent(chart: Chart, atlas: Atlas) -> float:
    """Percent of the whole drawn body marked or shaded (as model.summary computes it)."""
    return extent_of(pain_areas(chart, atlas), atlas)


def region_words(region: str, side: str | None = None) -> str:
    """A region as words, with the patient's side: ("upper-back", "left") -> "left upper back".

    A midline region says so, so that it never reads as the whole region of both sides.
    """
    name = region.replace("-", " ")
    if side in ("left", "right"):
        return f"{side} {name}"
    return f"{name} (midline)" if side == "midline" else name
