"""Checks of parent zones and view metadata: every parent exists, chains end on a whole-body view.

A closer view (a side view, a head, hand or foot chart) gives every zone a parent; a whole-body
view gives none. A view that magnifies another (`of` with a `transform`) must put each zone's
point inside that zone's parent on the other view.
"""

from __future__ import annotations

import math

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from bodymap.geometry.errors import Problem
from bodymap.geometry.metadata import ZoneMeta
from bodymap.geometry.views import ViewMeta, apply, area_ratio

Entry = tuple[str, ZoneMeta, BaseGeometry, str]


def parent_problems(
    per_view: dict[str, list[Entry]], views: dict[str, ViewMeta], where: str
) -> list[Problem]:
    """Every problem with the zones' parents and the views' metadata."""
    zones = {
        m.id: (file, m, geom, view) for view, es in per_view.items() for file, m, geom, _ in es
    }
    out: list[Problem] = []
    for view, entries in per_view.items():
        with_parent = [m.id for _, m, _, _ in entries if m.parent]
        if with_parent and len(with_parent) != len(entries):
            bare = next(m.id for _, m, _, _ in entries if not m.parent)
            out.append(
                Problem(
                    entries[0][0],
                    f"view {view!r} mixes zones with a parent and zones without (e.g. {bare!r}): "
                    "a closer view gives every zone a parent, a whole-body view none",
                )
            )
    for file, m, _, view in zones.values():
        if m.parent:
            out += _one_parent(file, m, view, zones)
    out += _cycles(zones)
    out += _view_problems(per_view, views, zones, where)
    return out


def _one_parent(file: str, m: ZoneMeta, view: str, zones: dict) -> list[Problem]:
    parent = zones.get(m.parent)
    if parent is None:
        return [Problem(file, f"parent {m.parent!r} is not a zone of this atlas", m.id)]
    _, pm, _, pview = parent
    if pview == view:
        return [Problem(file, f"parent {m.parent!r} is on the same view {view!r}", m.id)]
    if pm.side != "midline" and pm.side != m.side:
        return [Problem(file, f"parent {m.parent!r} is on the {pm.side} side, this zone on the {m.side}", m.id)]  # fmt: skip
    return []


def _cycles(zones: dict) -> list[Problem]:
    out: list[Problem] = []
    for zid, (file, m, _, _) in zones.items():
        seen = {zid}
        cur = m.parent
        while cur and cur in zones:
            if cur in seen:
                out.append(Problem(file, f"parents go round in a circle through {cur!r}", zid))
                break
            seen.add(cur)
            cur = zones[cur][1].parent
    return out


def _view_problems(
    per_view: dict[str, list[Entry]], views: dict[str, ViewMeta], zones: dict, where: str
) -> list[Problem]:
    out: list[Problem] = []
    for vid, meta in views.items():
        if vid not in per_view:
            msg = f"the data file describes view {vid!r}, which no SVG draws"
            out.append(Problem(where, msg, severity="warning"))
            continue
        file = per_view[vid][0][0] if per_view[vid] else where
        for key in ("of", "mirror"):
            other = getattr(meta, key)
            if other is not None and (other not in per_view or other == vid):
                out.append(Problem(file, f"view {vid!r}: {key} {other!r} is not another view"))
        if meta.mirror in views and views[meta.mirror].mirror not in (None, vid):
            out.append(Problem(file, f"view {vid!r} and its mirror {meta.mirror!r} disagree"))
        if (meta.of is None) != (meta.transform is None):
            msg = (
                "gives 'of' without a 'transform'" if meta.of else "gives a transform without 'of'"
            )
            out.append(Problem(file, f"view {vid!r} {msg}"))
        elif meta.of in per_view and meta.transform is not None:
            out += _mapped_points(vid, meta, per_view[vid], zones)
    return out


def _mapped_points(vid: str, meta: ViewMeta, entries: list[Entry], zones: dict) -> list[Problem]:
    """Each zone's point, carried onto the `of` view, lies in the zone's parent there."""
    assert meta.transform is not None and meta.of is not None
    out: list[Problem] = []
    for file, m, geom, _ in entries:
        parent = zones.get(m.parent or "")
        if parent is None:
            continue
        if parent[3] != meta.of:
            out.append(Problem(file, f"parent {m.parent!r} is on view {parent[3]!r}, but view {vid!r} shows {meta.of!r} closer", m.id))  # fmt: skip
            continue
        p = geom.representative_point()
        x, y = apply(meta.transform, p.x, p.y)
        if not parent[2].buffer(1e-6).contains(Point(x, y)):
            out.append(Problem(file, f"its point maps to ({x:.1f}, {y:.1f}) on view {meta.of!r}, outside its parent {m.parent!r}", m.id, (p.x, p.y)))  # fmt: skip
    return out


def view_scales(views: dict[str, ViewMeta]) -> dict[str, float]:
    """viewBox units per whole-body unit: given, or through the transform onto `of`, else 1."""
    out: dict[str, float] = {}

    def scale(vid: str, depth: int = 0) -> float:
        if vid in out:
            return out[vid]
        meta = views.get(vid)
        s = 1.0
        if meta is not None and meta.scale:
            s = meta.scale
        elif meta is not None and meta.transform and meta.of and depth < len(views):
            ratio = area_ratio(meta.transform)
            s = scale(meta.of, depth + 1) / math.sqrt(ratio) if ratio > 0 else 1.0
        out[vid] = s
        return s

    for vid in views:
        scale(vid)
    return out
