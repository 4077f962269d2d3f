"""Counting closer views through their parents: coverage carried up to the whole-body zones.

A closer view's zones under one parent depict that parent whole (a hand chart shows the palm
zones of the front view, magnified; a side view shows the outer thigh). So the share of those
zones that is covered is the share of the parent covered. Where the parent is also marked on
its own view the larger share counts: the same skin drawn twice is not counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from shapely.geometry.base import BaseGeometry

from bodymap.geometry.atlas import Atlas


def lift_coverage(atlas: Atlas, covered: Mapping[str, float]) -> dict[str, float]:
    """Whole-body zone id -> fraction covered (0..1), from every zone's own covered fraction.

    `covered` may hold zones of any view; zones of closer views are carried up through their
    parents, the deepest views first.
    """
    acc = {z: min(1.0, max(0.0, f)) for z, f in covered.items() if f > 0}
    closer = [v for v in atlas.views if v not in atlas.root_views]
    for view in sorted(closer, key=lambda v: -atlas.view_depth(v)):
        zones = atlas.zones_in(view)
        if not any(z.id in acc for z in zones):
            continue
        num: dict[str, float] = {}
        den: dict[str, float] = {}
        for z in zones:
            if z.parent is None:
                continue
            num[z.parent] = num.get(z.parent, 0.0) + acc.get(z.id, 0.0) * z.area
            den[z.parent] = den.get(z.parent, 0.0) + z.area
        for parent, n in num.items():
            if n > 0:
                acc[parent] = max(acc.get(parent, 0.0), min(1.0, n / den[parent]))
    return {z: f for z, f in acc.items() if atlas.zone(z).parent is None}


def body_units(atlas: Atlas, zone_id: str) -> float:
    """A zone's area in whole-body units (a zone of a view drawn s times larger: area / s²)."""
    z = atlas.zone(zone_id)
    return z.area / atlas.view(z.view).scale ** 2


def lifted_area(atlas: Atlas, covered: Mapping[str, float], view: str | None = None) -> float:
    """Area covered on the whole-body views (or one of them), closer views counted through."""
    total = 0.0
    for zone_id, frac in lift_coverage(atlas, covered).items():
        if view is None or atlas.zone(zone_id).view == view:
            total += frac * body_units(atlas, zone_id)
    return total


def root_ids(atlas: Atlas, zone_ids: Iterable[str]) -> set[str]:
    """The whole-body zones the given zones count through."""
    return {atlas.root(z).id for z in zone_ids}


def shapes_coverage(atlas: Atlas, shapes: Mapping[str, BaseGeometry]) -> dict[str, float]:
    """Zone id -> fraction covered, from each view's painted shape (view -> geometry)."""
    covered: dict[str, float] = {}
    for view, shape in shapes.items():
        if not shape.is_empty:
            covered.update(atlas.coverage(view, shape))
    return covered
