"""The Atlas: zones with metadata and polygons, indexed once for point and area queries."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from bodymap.geometry.errors import AtlasError
from bodymap.geometry.sources import AtlasSource, read_source
from bodymap.geometry.zone import ViewInfo, Zone

# Grid cell size of the point-lookup accelerator, in viewBox units.
CELL = 3.0
_OUTSIDE = -1
_MIXED = -2
_UNKNOWN = -3


class _ViewIndex:
    """Point and area lookups for one view: an STRtree plus a coarse grid for fast interior hits."""

    def __init__(self, zones: list[Zone], bounds: tuple[float, float, float, float]):
        self.zones = zones
        self.geoms = np.array([z.polygon for z in zones], dtype=object)
        shapely.prepare(self.geoms)
        self.tree = shapely.STRtree(self.geoms)
        minx, miny, maxx, maxy = bounds
        self.x0, self.y0 = minx, miny
        self.nx = max(1, math.ceil((maxx - minx) / CELL))
        self.ny = max(1, math.ceil((maxy - miny) / CELL))
        # Cells are classified lazily, on the first lookup that lands in them.
        self.grid = np.full((self.ny, self.nx), _UNKNOWN, dtype=np.int32)
        self.mixed: dict[tuple[int, int], tuple[int, ...]] = {}

    def _classify(self, row: int, col: int) -> int:
        """Fill one grid cell on first use: a zone index when the cell lies inside one zone."""
        x0, y0 = self.x0 + col * CELL, self.y0 + row * CELL
        box = shapely.box(x0, y0, x0 + CELL, y0 + CELL)
        hits = self.tree.query(box, predicate="intersects")
        if len(hits) == 0:
            v = _OUTSIDE
        elif len(hits) == 1 and self.geoms[hits[0]].contains_properly(box):
            v = int(hits[0])
        else:
            v = _MIXED
            self.mixed[(row, col)] = tuple(sorted(int(h) for h in hits))
        self.grid[row, col] = v
        return v

    def at(self, x: float, y: float) -> Zone | None:
        col = int((x - self.x0) // CELL)
        row = int((y - self.y0) // CELL)
        if not (0 <= col < self.nx and 0 <= row < self.ny):
            return None
        v = int(self.grid[row, col])
        if v == _UNKNOWN:
            v = self._classify(row, col)
        if v >= 0:
            return self.zones[v]
        if v == _OUTSIDE:
            return None
        for i in self.mixed[(row, col)]:
            if shapely.intersects_xy(self.geoms[i], x, y):
                return self.zones[i]
        return None

    def at_tree(self, x: float, y: float) -> Zone | None:
        """Reference lookup straight through the STRtree (used to cross-check the grid)."""
        hits = self.tree.query(Point(x, y), predicate="intersects")
        return self.zones[int(min(hits))] if len(hits) else None

    def coverage(self, geometry: BaseGeometry) -> dict[str, float]:
        idx = self.tree.query(geometry, predicate="intersects")
        if len(idx) == 0:
            return {}
        parts = shapely.intersection(self.geoms[idx], geometry)
        areas = shapely.area(parts)
        out: dict[str, float] = {}
        for i, a in zip(idx.tolist(), areas.tolist(), strict=True):
            if a > 0:
                z = self.zones[i]
                out[z.id] = min(1.0, a / z.area)
        return out


class Atlas:
    """Zones of every view with their metadata, a hit test and coverage queries."""

    def __init__(
        self,
        zones: Iterable[Zone],
        views: Mapping[str, ViewInfo],
        source: str,
        retired: Mapping[str, tuple[str, ...]] | None = None,
    ):
        self.source = source
        # ids an earlier version of this atlas used, and the zones that replaced each
        self.retired: Mapping[str, tuple[str, ...]] = dict(retired or {})
        self.zones: tuple[Zone, ...] = tuple(zones)
        self._by_id = {z.id: z for z in self.zones}
        self._views = dict(views)
        self.views: tuple[str, ...] = tuple(self._views)
        self._index = {
            v: _ViewIndex([z for z in self.zones if z.view == v], info.silhouette.bounds)
            for v, info in self._views.items()
        }
        # Whole-body views: their zones have no parent; every other zone counts through them.
        self.root_views: tuple[str, ...] = tuple(
            v for v in self.views if not any(z.parent for z in self._index[v].zones)
        )
        self.charts: tuple[str, ...] = tuple(dict.fromkeys(i.chart for i in self._views.values()))
        self._roots: dict[str, str] = {}
        self._depths: dict[str, int] = {}

    def zone(self, zone_id: str) -> Zone:
        """The zone with this id; KeyError names the unknown id."""
        try:
            return self._by_id[zone_id]
        except KeyError:
            raise KeyError(f"unknown zone id {zone_id!r}") from None

    def has_zone(self, zone_id: str) -> bool:
        return zone_id in self._by_id

    def zones_in(self, view: str) -> tuple[Zone, ...]:
        """The zones of one view, in drawing order."""
        return tuple(self._index[self._check_view(view)].zones)

    def view(self, view: str) -> ViewInfo:
        return self._views[self._check_view(view)]

    def zone_at(self, view: str, x: float, y: float) -> Zone | None:
        """The zone under a viewBox point, or None outside the body."""
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        return self._index[self._check_view(view)].at(x, y)

    def coverage(self, view: str, geometry: BaseGeometry) -> dict[str, float]:
        """Zone id -> fraction of that zone's area covered by the geometry (0..1)."""
        return self._index[self._check_view(view)].coverage(geometry)

    def body_area(self, view: str | None = None) -> float:
        """Drawn area of one view's silhouette, or of all whole-body views together.

        In whole-body units: a view drawn bigger (a hand chart) counts its area / scale².
        Closer views count through their parents, so the total is the root views' alone.
        """
        names = [self._check_view(view)] if view else list(self.root_views)
        return float(sum(self._views[v].silhouette.area / self._views[v].scale ** 2 for v in names))

    def views_of_chart(self, chart: str) -> tuple[str, ...]:
        """The views shown together on one chart page ("body", "sides", "hands" ...)."""
        return tuple(v for v, info in self._views.items() if info.chart == chart)

    def lineage(self, zone_id: str) -> tuple[str, ...]:
        """The zone, its parent, the parent's parent ... up to its whole-body zone."""
        out = [self.zone(zone_id).id]
        while (parent := self._by_id[out[-1]].parent) and parent in self._by_id:
            if parent in out:  # a broken custom atlas; load_atlas refuses cycles
                break
            out.append(parent)
        return tuple(out)

    def root(self, zone_id: str) -> Zone:
        """The whole-body zone a zone counts through (the zone itself on a whole-body view)."""
        found = self._roots.get(zone_id)
        if found is None:
            found = self._roots[zone_id] = self.lineage(zone_id)[-1]
        return self._by_id[found]

    def view_depth(self, view: str) -> int:
        """How many parent steps a view's zones are from the whole-body views (0 for those)."""
        found = self._depths.get(view)
        if found is None:
            zones = self.zones_in(view)
            found = max((len(self.lineage(z.id)) - 1 for z in zones), default=0)
            self._depths[view] = found
        return found

    def first_in(self, zone_id: str, table: Mapping[str, object]) -> str | None:
        """The nearest of the zone and its ancestors that `table` has data for, or None.

        Data kept per whole-body zone (codes, nerve territories) reaches the closer views so.
        """
        return next((z for z in self.lineage(zone_id) if z in table), None)

    def _check_view(self, view: str) -> str:
        if view not in self._views:
            raise KeyError(f"unknown view {view!r}; this atlas has {', '.join(self.views)}")
        return view


def load_atlas(path: str | Path | None = None) -> Atlas:
    """Load the built-in atlas, or a custom one (an SVG file or a folder of them).

    Raises AtlasError naming every problem when the atlas is not valid.
    """
    source: AtlasSource = read_source(path)
    errors = [p for p in source.problems if p.severity == "error"]
    if errors:
        raise AtlasError(errors)
    return Atlas(source.zones, source.views, source.name, source.retired)
