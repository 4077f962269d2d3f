"""Live pain extent: per-zone covered area kept incrementally as strokes and marks change."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.geometry import Atlas
from bodymap.geometry.lift import lifted_area, root_ids
from bodymap.geometry.strokes import stroke_shape
from bodymap.model import Chart, PainMark, Stroke
from bodymap.model.summary import involved


class CoverageTracker:
    """Which zones a chart covers and how much of the body, updated one item at a time.

    The zones tile the body, so the covered area is the sum over zones of the area covered
    inside each zone: a tap mark covers its whole zone, a stroke its clipped outline. Adding a
    stroke touches only the zones under it (no union of the whole chart).
    """

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self._trees = _zone_trees(atlas)
        self._strokes: dict[str, dict[str, BaseGeometry]] = {}  # stroke id -> zone id -> part
        self._zone_strokes: dict[str, set[str]] = defaultdict(set)
        self._zone_geom: dict[str, BaseGeometry] = {}  # union of the stroke parts per zone
        self._zone_area: dict[str, float] = {}
        self._marks: dict[str, str] = {}  # mark id -> zone id
        self._mark_count: dict[str, int] = defaultdict(int)
        # stroke id -> the zones it involves (model.summary's rule, as the reports count them)
        self._involves: dict[str, set[str]] = {}
        self._involved_count: dict[str, int] = defaultdict(int)
        self._preview: tuple[tuple, dict[str, BaseGeometry]] | None = None

    def reset(self, chart: Chart) -> None:
        self._strokes.clear()
        self._zone_strokes.clear()
        self._zone_geom.clear()
        self._zone_area.clear()
        self._marks.clear()
        self._mark_count.clear()
        self._involves.clear()
        self._involved_count.clear()
        for m in chart.marks:
            self.add(m)
        by_view: dict[str, list[Stroke]] = defaultdict(list)
        for s in chart.strokes:
            by_view[s.view].append(s)
        for view, strokes in by_view.items():
            self._add_strokes_at_once(view, strokes)

    def _add_strokes_at_once(self, view: str, strokes: list[Stroke]) -> None:
        """Opening a chart: one vectorised query and cut for all strokes, one union per zone."""
        shapes = np.empty(len(strokes), dtype=object)
        shapes[:] = [stroke_shape(s.points, float(s.width)) for s in strokes]
        ids, geoms, tree = self._trees[view]
        s_idx, z_idx = tree.query(shapes, predicate="intersects")
        pieces = shapely.intersection(geoms[z_idx], shapes[s_idx])
        areas = shapely.area(pieces)
        per_zone: dict[str, list[BaseGeometry]] = defaultdict(list)  # zone -> its stroke pieces
        piece_areas: dict[str, dict[str, float]] = {s.id: {} for s in strokes}
        for s in strokes:
            self._strokes[s.id] = {}
        for si, zi, piece, area in zip(s_idx.tolist(), z_idx.tolist(), pieces.tolist(), areas.tolist(), strict=True):  # fmt: skip
            if area > 0:
                stroke_id, zone_id = strokes[si].id, ids[zi]
                self._strokes[stroke_id][zone_id] = piece
                self._zone_strokes[zone_id].add(stroke_id)
                per_zone[zone_id].append(piece)
                piece_areas[stroke_id][zone_id] = area
        for stroke_id, by_zone in piece_areas.items():
            self._note_involved(stroke_id, by_zone)
        if not per_zone:
            return
        # One cascaded union of all strokes, then cut by the zones it touches: ~3x faster
        # than a union of the pieces zone by zone when strokes overlap.
        painted = shapely.union_all(shapes)
        zone_index = {zone_id: i for i, zone_id in enumerate(ids)}
        touched = list(per_zone)
        cut = shapely.intersection(geoms[[zone_index[z] for z in touched]], painted)
        for zone_id, geom in zip(touched, cut.tolist(), strict=True):
            self._zone_geom[zone_id] = geom
            self._zone_area[zone_id] = float(geom.area)

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
        for zone_id in self._involves.pop(item_id, set()):
            self._involved_count[zone_id] -= 1
        for zone_id in parts or {}:
            self._zone_strokes[zone_id].discard(item_id)
            self._recount(zone_id)

    def update(self, item: object) -> None:
        self.remove(item.id)  # type: ignore[attr-defined]
        self.add(item)

    def stroke_zones(
        self, view: str, points: Sequence[tuple[float, float]], width: float
    ) -> set[str]:
        """The zones a stroke about to be added would touch (empty: it misses the body)."""
        key = (view, tuple(points), float(width))
        parts = self._parts(view, stroke_shape(key[1], key[2]))
        self._preview = (key, parts)  # reused by add() for the same stroke
        return set(parts)

    def _parts(self, view: str, shape: BaseGeometry) -> dict[str, BaseGeometry]:
        # The zones tile the body, so cutting the stroke by its zones also clips it to the body.
        ids, geoms, tree = self._trees[view]
        idx = tree.query(shape, predicate="intersects")
        pieces = shapely.intersection(geoms[idx], shape)
        parts: dict[str, BaseGeometry] = {}
        for i, piece in zip(idx.tolist(), pieces.tolist(), strict=True):
            if piece.area > 0:
                parts[ids[i]] = piece
        return parts

    def _add_stroke(self, stroke: Stroke) -> None:
        key = (stroke.view, stroke.points, stroke.width)
        if self._preview is not None and self._preview[0] == key:
            parts = self._preview[1]
        else:
            parts = self._parts(stroke.view, stroke_shape(stroke.points, stroke.width))
        self._preview = None
        self._strokes[stroke.id] = parts
        self._note_involved(stroke.id, {z: float(p.area) for z, p in parts.items()})
        for zone_id, part in parts.items():
            self._zone_strokes[zone_id].add(stroke.id)
            old = self._zone_geom.get(zone_id)
            self._zone_geom[zone_id] = geom = part if old is None else shapely.union(old, part)
            self._zone_area[zone_id] = float(geom.area)

    def _note_involved(self, stroke_id: str, piece_areas: dict[str, float]) -> None:
        zones = involved(piece_areas, lambda z: self.atlas.zone(z).area)
        self._involves[stroke_id] = zones
        for zone_id in zones:
            self._involved_count[zone_id] += 1

    def _recount(self, zone_id: str) -> None:
        """Rebuild one zone's union after a stroke left it."""
        ids = self._zone_strokes[zone_id]
        if not ids:
            self._zone_geom.pop(zone_id, None)
            self._zone_area.pop(zone_id, None)
            return
        geom = shapely.union_all([self._strokes[i][zone_id] for i in ids])
        self._zone_geom[zone_id] = geom
        self._zone_area[zone_id] = float(geom.area)

    def zones_of(self, stroke_id: str) -> set[str]:
        """The zones one stroke on the chart involves."""
        return set(self._involves.get(stroke_id, ()))

    def zones(self) -> set[str]:
        """Whole-body zones with pain: tapped, or involved by a stroke (the reports' rule),
        zones of side views and closer charts counted through their parents."""
        marked = {z for z, n in self._mark_count.items() if n > 0}
        found = marked | {z for z, n in self._involved_count.items() if n > 0}
        return root_ids(self.atlas, found)

    def _fractions(self) -> dict[str, float]:
        """Zone id -> fraction covered: 1 for a tapped zone, else the strokes' share of it."""
        out = {z: 1.0 for z, n in self._mark_count.items() if n > 0}
        for zone_id, area in self._zone_area.items():
            out.setdefault(zone_id, area / self.atlas.zone(zone_id).area)
        return out

    def covered_area(self, view: str | None = None) -> float:
        """Area marked or shaded, grazes included: extent is area, not a count of zones.

        On the whole-body views, closer views counted through their parents (geometry.lift).
        """
        return lifted_area(self.atlas, self._fractions(), view)

    def extent(self, view: str | None = None) -> float:
        """Percent of the drawn body (one whole-body view, or all of them) covered."""
        return 100.0 * self.covered_area(view) / self.atlas.body_area(view)

    def extent_with(self, view: str, points: Sequence[tuple[float, float]], width: float) -> float:
        """The whole-body extent if a stroke still being drawn were added (nothing is kept)."""
        # Not the cached outline: a stroke still growing would crowd finished strokes out.
        fractions = self._fractions()
        for zone_id, part in self._parts(view, stroke_shape(points, width, remember=False)).items():
            if self._mark_count.get(zone_id, 0) > 0:
                continue  # a tapped zone already counts whole
            old = self._zone_geom.get(zone_id)
            area = float(part.area if old is None else shapely.union(part, old).area)
            fractions[zone_id] = area / self.atlas.zone(zone_id).area
        return 100.0 * lifted_area(self.atlas, fractions) / self.atlas.body_area()


_TREES: dict[int, dict] = {}


def _zone_trees(atlas: Atlas) -> dict[str, tuple[list[str], np.ndarray, shapely.STRtree]]:
    """Per view: zone ids, their polygons and an STRtree over them (built once per atlas)."""
    found = _TREES.get(id(atlas))
    if found is None or found["atlas"] is not atlas:
        views = {}
        for view in atlas.views:
            zones = atlas.zones_in(view)
            geoms = np.array([z.polygon for z in zones], dtype=object)
            views[view] = ([z.id for z in zones], geoms, shapely.STRtree(geoms))
        found = _TREES[id(atlas)] = {"atlas": atlas, "views": views}
    return found["views"]
