"""Atlas validation: ids, metadata, pairing, overlaps and gaps, each named with where it is."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from bodymap.geometry.errors import Problem
from bodymap.geometry.metadata import REGIONS, SIDES, ZONE_ID_RE, ZoneMeta, mirror_id, side_from_id

# Shared area below this (square viewBox units) is a hair, not an overlap; same for gaps.
HAIR = 0.05
# Mirror twins whose areas differ by more than this fraction are reported as a warning.
MIRROR_TOLERANCE = 0.01
# Gaps named one by one; past this many the rest are counted (a broken atlas can have 20,000).
MAX_GAPS = 20

Entry = tuple[str, ZoneMeta, BaseGeometry, str]


def body_union(geoms: list[BaseGeometry]) -> BaseGeometry:
    """Union of a view's zones; exact-noded zone borders take GEOS's fast coverage union."""
    try:
        return shapely.coverage_union_all(geoms)
    except shapely.errors.GEOSException:
        return shapely.union_all(geoms)


def validate_views(
    per_view: dict[str, list[Entry]],
    meta: dict[str, ZoneMeta],
    unions: dict[str, BaseGeometry] | None = None,
    mirrors: dict[str, str] | None = None,
) -> list[Problem]:
    """Every problem of the zones of all views; errors refuse the atlas, warnings inform.

    `mirrors` names, for a view drawn from one side (a right side view), the view that is its
    mirror image: its lateral zones have their twins there, not beside them.
    """
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for view, entries in per_view.items():
        for file, m, _, _ in entries:
            problems.extend(_check_meta(file, view, m, seen))
        twin_view = (mirrors or {}).get(view, view)
        if twin_view in per_view and (twin_view != view or _two_sided(entries)):
            problems.extend(_check_pairs(view, entries, twin_view, per_view[twin_view]))
        problems.extend(_check_tiling(entries, (unions or {}).get(view)))
    if not any(per_view.values()):
        problems.append(Problem("atlas", 'no zones found (paths need an id and class="zone")'))
    return problems


def _check_meta(file: str, view: str, m: ZoneMeta, seen: dict[str, str]) -> list[Problem]:
    out: list[Problem] = []
    if m.id in seen:
        out.append(Problem(file, f"duplicate zone id (also in {seen[m.id]})", zone=m.id))
    seen[m.id] = file
    if not ZONE_ID_RE.match(m.id):
        out.append(Problem(file, "zone id must be lowercase kebab-case", zone=m.id))
    if m.region not in REGIONS:
        shown = m.region or "(none)"
        out.append(
            Problem(file, f"unknown region {shown!r}; expected one of {', '.join(REGIONS)}", m.id)
        )
    if m.side not in SIDES or m.side != side_from_id(m.id):
        out.append(
            Problem(
                file,
                f"side {m.side!r} does not match the id (expected {side_from_id(m.id)!r})",
                m.id,
            )
        )
    if m.view != view:
        out.append(
            Problem(file, f"zone data says view {m.view!r} but the zone is drawn in {view!r}", m.id)
        )
    return out


def _two_sided(entries: list[Entry]) -> bool:
    """Whether a view must show both sides: a whole-body view does, a closer view (its zones
    have parents, e.g. a right hand chart) may show one."""
    sides = {m.side for _, m, _, _ in entries}
    return {"left", "right"} <= sides or not any(m.parent for _, m, _, _ in entries)


def _check_pairs(
    view: str, entries: list[Entry], twin_view: str, twin_entries: list[Entry]
) -> list[Problem]:
    out: list[Problem] = []
    by_id = {m.id: (file, g) for file, m, g, _ in entries}
    twins = {m.id: (file, g) for file, m, g, _ in twin_entries}
    for zid, (file, geom) in by_id.items():
        twin = mirror_id(zid)
        if twin is None:
            continue
        if twin not in twins:
            out.append(
                Problem(
                    file, f"unpaired lateral zone: {twin!r} is missing in view {twin_view!r}", zid
                )
            )
            continue
        if zid.startswith("left-") or zid.endswith("-from-left"):
            a, b = geom.area, twins[twin][1].area
            if abs(a - b) > MIRROR_TOLERANCE * max(a, b):
                out.append(
                    Problem(
                        file,
                        f"area differs from its twin {twin!r} by {abs(a - b) / max(a, b):.1%}",
                        zid,
                        severity="warning",
                    )
                )
    return out


def _check_tiling(entries: list[Entry], union: BaseGeometry | None = None) -> list[Problem]:
    out: list[Problem] = []
    if not entries:
        return out
    geoms = [g for _, _, g, _ in entries]
    tree = STRtree(geoms)
    # interiors shared: partial overlaps, plus one zone lying wholly inside another
    pairs: set[tuple[int, int]] = set()
    for predicate in ("overlaps", "contains"):
        left, right = tree.query(geoms, predicate=predicate)
        pairs.update(
            (min(i, j), max(i, j))
            for i, j in zip(left.tolist(), right.tolist(), strict=True)
            if i != j
        )
    for i, j in sorted(pairs):
        shared = geoms[i].intersection(geoms[j])
        if shared.area > HAIR:
            p = shared.representative_point()
            out.append(
                Problem(
                    entries[i][0],
                    f"overlaps zone {entries[j][1].id!r} by {shared.area:.2f} square units",
                    entries[i][1].id,
                    (p.x, p.y),
                )
            )
    if union is None:
        union = body_union(geoms)
    parts = list(union.geoms) if isinstance(union, MultiPolygon) else [union]
    big_parts = [p for p in parts if p.area > HAIR]
    if len(big_parts) > 1:
        p = sorted(big_parts, key=lambda g: g.area)[0].representative_point()
        out.append(
            Problem(
                entries[0][0],
                f"zones form {len(big_parts)} separate pieces, not one body",
                None,
                (p.x, p.y),
            )
        )
    return out + _gap_problems(entries, tree, parts)


def _gap_problems(entries: list[Entry], tree: STRtree, parts: list) -> list[Problem]:
    """Holes in the body, the first MAX_GAPS named with the zones around them.

    Linear in the number of holes: areas are taken in one vectorised call, and only the
    named ones are matched to zones (by touching, not by buffering each hole).
    """
    rings = [r for part in parts if isinstance(part, Polygon) for r in part.interiors]
    holes = shapely.polygons(np.array(rings, dtype=object)) if rings else np.array([])
    big = np.flatnonzero(shapely.area(holes) > HAIR) if rings else np.array([], dtype=int)
    out: list[Problem] = []
    for k in big[:MAX_GAPS]:
        hole = holes[k]
        p = hole.representative_point()
        near = sorted(entries[i][1].id for i in tree.query(hole, predicate="intersects"))
        out.append(
            Problem(
                entries[0][0],
                f"gap of {hole.area:.2f} square units between zones {', '.join(near[:4])}",
                None,
                (p.x, p.y),
            )
        )
    if len(big) > MAX_GAPS:
        out.append(Problem(entries[0][0], f"and {len(big) - MAX_GAPS:,} more gaps between zones"))
    return out
