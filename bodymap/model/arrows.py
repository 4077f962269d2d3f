"""Where a referral arrow is drawn: from and to points of its own view, in the zones they name."""

from __future__ import annotations

from bodymap.geometry import Atlas
from bodymap.model.chart import ReferralArrow

Point = tuple[float, float]


def arrow_end(arrow: ReferralArrow, atlas: Atlas) -> Point | None:
    """The arrowhead on the arrow's own view: its end point, else its target zone's point.

    None when the target is not a zone of that view: another view's coordinates would land
    on the patient's other side (front and back are mirror images), so they are never used.
    """
    if arrow.end is not None:
        return arrow.end
    if not atlas.has_zone(arrow.to_zone):
        return None
    zone = atlas.zone(arrow.to_zone)
    return zone.point if zone.view == arrow.view else None


def arrow_problems(arrow: ReferralArrow, atlas: Atlas, where: str) -> list[str]:
    """Why the arrow could not be drawn on its own view, as "where.field: message" lines.

    The target zone is on the arrow's view (checked with the other zone ids), and an end
    point lies in that zone, so the arrowhead is on the target's side of the body.
    """
    if arrow.view not in atlas.views or arrow.end is None or not atlas.has_zone(arrow.to_zone):
        return []
    found = atlas.zone_at(arrow.view, *arrow.end)
    if found is not None and found.id == arrow.to_zone:
        return []
    x, y = arrow.end
    return [f"{where}.end: ({x:g}, {y:g}) is not in zone {arrow.to_zone!r}"]


def mirrored(atlas: Atlas, point: Point, source: str, target: str) -> Point:
    """The same place on the patient's body seen from the other view (front <-> back).

    Both views draw one silhouette, so a point keeps its height and its distance from the
    midline, and changes the side of the picture it is on: the patient's side stays the same.
    """
    x, y = point
    return (atlas.view(target).midline_x + atlas.view(source).midline_x - x, y)
