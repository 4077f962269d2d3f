"""Stroke outlines: a freehand polyline buffered to its width, optionally clipped to the body."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from bodymap.geometry.atlas import Atlas

# Arc segments per quarter circle of the round caps and joins: smooth enough at screen size.
QUAD_SEGS = 8
# Polyline simplification tolerance as a fraction of the brush radius (0.1 of 5 units = 0.5).
SIMPLIFY = 0.1


def stroke_shape(
    points: Sequence[tuple[float, float]], width: float, *, remember: bool = True
) -> BaseGeometry:
    """The area a stroke paints: its polyline buffered by width/2 with round caps and joins.

    A single point (or all points equal) gives a disc of that width. Outlines are remembered
    (the screen, the coverage and the reports all need each stroke's several times); a stroke
    still being drawn passes remember=False so it does not push finished ones out.
    """
    key = (tuple(points), float(width))
    return _outline(*key) if remember else _outline.__wrapped__(*key)


@functools.lru_cache(maxsize=4096)
def _outline(points: tuple[tuple[float, float], ...], width: float) -> BaseGeometry:
    if not points:
        raise ValueError("points: a stroke needs at least one point")
    if width <= 0:
        raise ValueError(f"width: {width!r} must be above 0")
    radius = width / 2.0
    first = points[0]
    if len(points) == 1 or all(p == first for p in points):
        return Point(first).buffer(radius, quad_segs=QUAD_SEGS)
    # Hand jitter far below the brush radius changes nothing visible but costs buffer time.
    line = LineString(points).simplify(radius * SIMPLIFY, preserve_topology=False)
    return line.buffer(radius, quad_segs=QUAD_SEGS)


def clip_to_body(atlas: Atlas, view: str, shape: BaseGeometry) -> BaseGeometry:
    """The part of a shape that lies on the body's drawn silhouette in one view."""
    return shapely.intersection(shape, atlas.view(view).silhouette)


def painted_shape(
    atlas: Atlas,
    view: str,
    zone_ids: Iterable[str],
    strokes: Iterable[tuple[Sequence[tuple[float, float]], float]],
) -> BaseGeometry:
    """The body covered by whole zones (tap marks) and strokes, overlaps once, clipped.

    `strokes` are (points, width) pairs.
    """
    parts = [atlas.zone(z).polygon for z in set(zone_ids)]
    parts += [stroke_shape(pts, w) for pts, w in strokes]
    if not parts:
        return Polygon()
    return clip_to_body(atlas, view, shapely.union_all(parts))


def painted_area(
    atlas: Atlas,
    view: str,
    zone_ids: Iterable[str],
    strokes: Iterable[tuple[Sequence[tuple[float, float]], float]],
) -> float:
    """Area of painted_shape: what a chart marks or shades on one view."""
    return float(painted_shape(atlas, view, zone_ids, strokes).area)
