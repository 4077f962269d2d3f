"""Live pain extent: per-zone covered area kept incrementally as strokes and marks change."""

from __future__ import annotations

from collections import defaultdict

import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.geometry import Atlas
from bodymap.geometry.strokes import clip_to_body, stroke_shape
from bodymap.model import Chart, PainMark, Stroke


class CoverageTracker:
    """Which zones a chart covers and how much of the body, updated one item at a time.

    The zones tile the body, so the covered area is the sum over zones of the area covered
    inside each zone: a tap mark covers its whole zone, a stroke its clipped outline. Adding a
    stroke touches only the zones under it (no union of the whole chart).
    """

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self._strokes: dict[str, dict[str, BaseGeometry]] = {}  # stroke id -> zone id -> part
        self._zone_strokes: dict[str, set[str]] = defaultdict(set)
        self._zone_geom: dict[str, BaseGeometry] = {}  # union of the stroke parts per zone
        self._marks: dict[str, str] = {}  # mark id -> zone id
        self._mark_count: dict[str, int] = defaultdict(int)

    def reset(self, chart: Chart) -> None:
        self.__init__(self.atlas)  # type: ignore[misc]
        for m in chart.marks:
            self.add(m)
        for s in chart.strokes:
            self.add(s)

    def add(self, item: object) -> None:
        if isinstance(item, PainMark):
            self._marks[item.id] = item.zone
            self._mark_count[item.zone] += 1
        elif isinstance(item, Stroke):
            self._add_stroke(item)

    def remove(self, item_id: str) -> None:
        zone = self._marks.pop(item_id, None)
        if zone is not None:
            self._mark_count[zone] -= 1
            return
        parts = self._strokes.pop(item_id, None)
        for zone_id in parts or {}:
            self._zone_strokes[zone_id].discard(item_id)
            self._recount(zone_id)

    def update(self, item: object) -> None:
        self.remove(item.id)  # type: ignore[attr-defined]
        self.add(item)

    def _add_stroke(self, stroke: Stroke) -> None:
        shape = clip_to_body(self.atlas, stroke.view, stroke_shape(stroke.points, stroke.width))
        touched = self.atlas.coverage(stroke.view, shape)
        parts: dict[str, BaseGeometry] = {}
        for zone_id in touched:
            parts[zone_id] = shapely.intersection(shape, self.atlas.zone(zone_id).polygon)
        self._strokes[stroke.id] = parts
        for zone_id, part in parts.items():
            self._zone_strokes[zone_id].add(stroke.id)
            old = self._zone_geom.get(zone_id)
            self._zone_geom[zone_id] = part if old is None else shapely.union(old, part)

    def _recount(self, zone_id: str) -> None:
        """Rebuild one zone's union after a stroke left it."""
        ids = self._zone_strokes[zone_id]
        if not ids:
            self._zone_geom.pop(zone_id, None)
            return
        self._zone_geom[zone_id] = shapely.union_all([self._strokes[i][zone_id] for i in ids])

    def zones(self) -> set[str]:
        """Zones with pain: tapped, or touched by a stroke."""
        marked = {z for z, n in self._mark_count.items() if n > 0}
        return marked | set(self._zone_geom)

    def covered_area(self, view: str | None = None) -> float:
        total = 0.0
        for zone_id in self.zones():
            zone = self.atlas.zone(zone_id)
            if view is not None and zone.view != view:
                continue
            if self._mark_count.get(zone_id, 0) > 0:
                total += zone.area
            else:
                total += float(self._zone_geom[zone_id].area)
        return total

    def extent(self, view: str | None = None) -> float:
        """Percent of the drawn body (one view, or all views) covered."""
        return 100.0 * self.covered_area(view) / self.atlas.body_area(view)
