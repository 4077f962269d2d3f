"""Reads zone paths out of an SVG file (transforms, groups, arcs, relative commands) as shapely geometry."""

from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from svgelements import SVG, Arc, Close, CubicBezier, Line, Move, QuadraticBezier, Shape
from svgelements import Path as SvgPath

from bodymap.geometry.errors import Problem
from bodymap.geometry.limits import (
    MAX_ZONE_VERTICES,
    TooManyPoints,
    outside_point,
    points_at_least,
    too_many,
    viewbox_problem,
)

SVG_NS = "{http://www.w3.org/2000/svg}"
# Curves are flattened to chords of about this length (viewBox units), so that hit tests
# match the drawn outline to well under a line width.
CHORD = 0.6
MAX_SAMPLES = 96
# Flattened points are rounded to this many decimals so that a border shared by two zones
# yields identical vertices from both sides (exact noding: no slivers, fast coverage union).
SNAP = 4
# Beyond any view box: such a point is only reported (curve math on 1e308 overflows).
FAR = 1e9


@dataclass
class RawPath:
    """One path element of the SVG: id, attributes and its flattened rings."""

    id: str | None
    attrs: dict[str, str]
    rings: list[list[tuple[float, float]]]
    d: str


@dataclass
class SvgDocument:
    """The zone-relevant content of one SVG file."""

    file: str
    view: str
    viewbox: tuple[float, float, float, float]
    root_attrs: dict[str, str] = field(default_factory=dict)  # the <svg> element's attributes
    zones: list[RawPath] = field(default_factory=list)
    decorations: list[RawPath] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _samples(points: list[complex]) -> int:
    """Sample count for a curve from its control polygon length (symmetric under reversal)."""
    length = sum(abs(points[i + 1] - points[i]) for i in range(len(points) - 1))
    return int(min(MAX_SAMPLES, max(4, math.ceil(length / CHORD))))


def _bezier_points(ctrl: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points along a cubic (start excluded), identical whichever way the curve is written.

    A border shared by two zones appears in one path forwards and in the other backwards;
    evaluating both in one canonical direction gives bit-identical vertices (exact tiling).
    """
    for x, y in ctrl:
        if not (abs(x) <= FAR and abs(y) <= FAR):  # NaN too: report the point, do no math
            return [(x, y)]
    flip = ctrl[0] > ctrl[-1]
    c = np.array(ctrl[::-1] if flip else ctrl, dtype=float)
    n = _samples([complex(x, y) for x, y in ctrl])
    t = np.linspace(0.0, 1.0, n + 1)[:, None]
    m = 1.0 - t
    pts = m**3 * c[0] + 3 * m * m * t * c[1] + 3 * m * t * t * c[2] + t**3 * c[3]
    pts = np.round(pts, SNAP)
    if flip:
        pts = pts[::-1]
    return [(float(x), float(y)) for x, y in pts[1:]]


def _far(*points: Any) -> bool:
    return not all(abs(p.x) <= FAR and abs(p.y) <= FAR for p in points)


def _flatten(path: SvgPath, limit: int | None = None) -> list[list[tuple[float, float]]]:
    """Split a path into subpaths and flatten every segment into points.

    Raises TooManyPoints as soon as more than `limit` points are made (a huge path costs no
    more than the limit to refuse).
    """
    limit = MAX_ZONE_VERTICES if limit is None else limit
    rings: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    made = 0
    for seg in path:
        if made + len(current) > limit:
            raise TooManyPoints(made + len(current))
        if isinstance(seg, Move):
            if len(current) > 1:
                rings.append(current)
                made += len(current)
            current = [(round(seg.end.x, SNAP), round(seg.end.y, SNAP))]
            continue
        if seg.start is None or seg.end is None:
            continue
        if isinstance(seg, (Line, Close)):
            current.append((round(seg.end.x, SNAP), round(seg.end.y, SNAP)))
        elif isinstance(seg, CubicBezier):
            ctrl = [seg.start, seg.control1, seg.control2, seg.end]
            current.extend(_bezier_points([(p.x, p.y) for p in ctrl]))
        elif isinstance(seg, QuadraticBezier):
            q0, q1, q2 = seg.start, seg.control, seg.end
            ctrl = [q0, q0 + (q1 - q0) * (2 / 3), q2 + (q1 - q2) * (2 / 3), q2]
            current.extend(_bezier_points([(p.x, p.y) for p in ctrl]))
        elif isinstance(seg, Arc) and not _far(seg.start, seg.end):
            n = int(min(MAX_SAMPLES, max(4, math.ceil(seg.length() / CHORD))))
            pts = np.round(seg.npoint(np.linspace(0.0, 1.0, n + 1)[1:]), SNAP)
            current.extend((float(x), float(y)) for x, y in pts)
        else:
            current.append((seg.end.x, seg.end.y))
    if len(current) > 1:
        rings.append(current)
    if made + len(current) > limit:
        raise TooManyPoints(made + len(current))
    return rings


def rings_to_geometry(rings: list[list[tuple[float, float]]]) -> BaseGeometry:
    """Build a (multi)polygon from closed rings with the even-odd rule (inner rings are holes).

    Near-linear in the number of rings: their outlines are noded once and cut into faces,
    and a face is inside when an odd number of rings contains it. (Taking the symmetric
    difference ring by ring was quadratic: 1,000 small holes took 30 s.)
    """
    polys = np.array([Polygon(r) for r in rings if len(r) >= 3], dtype=object)
    if len(polys) <= 1:
        return polys[0] if len(polys) else Polygon()
    outlines = shapely.union_all(shapely.get_exterior_ring(polys))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(outlines)))
    points = shapely.point_on_surface(faces)
    shapely.prepare(polys)
    face_idx, ring_idx = shapely.STRtree(polys).query(points)
    inside = shapely.contains(polys[ring_idx], points[face_idx])
    kept = faces[np.bincount(face_idx[inside], minlength=len(faces)) % 2 == 1]
    if len(kept) == 0:
        return Polygon()
    try:
        return shapely.coverage_union_all(kept)
    except shapely.errors.GEOSException:
        return shapely.union_all(kept)


def rings_to_lines(rings: list[list[tuple[float, float]]]) -> list[LineString]:
    """Open polylines for decorative paths (outline strokes, landmarks)."""
    return [LineString(r) for r in rings if len(r) >= 2]


def _zone_group_ids(root: ET.Element) -> set[str]:
    """Ids of paths that sit inside a <g id="zones"> group at any depth."""
    ids: set[str] = set()
    for g in root.iter(f"{SVG_NS}g"):
        if g.get("id") == "zones":
            for el in g.iter():
                if el.get("id") and el is not g and el.tag != f"{SVG_NS}g":
                    ids.add(str(el.get("id")))
    return ids


def is_zone(raw_id: str | None, attrs: dict[str, str], grouped: set[str], known: set[str]) -> bool:
    """Whether a path is a zone: in the zones group, classed "zone", carrying data-region, or listed."""
    classes = (attrs.get("class") or "").split()
    return bool(
        (raw_id and (raw_id in grouped or raw_id in known))
        or "zone" in classes
        or "data-region" in attrs
    )


def read_svg(file: Path, known_ids: set[str] | None = None) -> SvgDocument:
    """Parse one atlas SVG; problems (unreadable file, bad paths) are collected, never raised."""
    name = str(file)
    known = known_ids or set()
    doc = SvgDocument(file=name, view=file.stem, viewbox=(0.0, 0.0, 0.0, 0.0))
    try:
        root = ET.parse(file).getroot()
    except (OSError, ET.ParseError) as exc:
        doc.problems.append(Problem(name, f"unreadable file: {exc}"))
        return doc
    if root.tag != f"{SVG_NS}svg":
        doc.problems.append(Problem(name, "unreadable file: the root element is not an SVG <svg>"))
        return doc
    doc.view = root.get("data-view") or file.stem
    doc.root_attrs = {str(k): str(v) for k, v in root.attrib.items()}
    grouped = _zone_group_ids(root)
    pruned = _drop_oversized(root, doc)
    try:
        svg = SVG.parse(io.BytesIO(ET.tostring(root)) if pruned else str(file), reify=True)
    except Exception as exc:  # svgelements raises many kinds on broken markup
        doc.problems.append(Problem(name, f"unreadable file: {exc}"))
        return doc
    vb = svg.viewbox
    if vb is None:
        doc.problems.append(Problem(name, "the <svg> element has no viewBox"))
        return doc
    bad_box = viewbox_problem((vb.x, vb.y, vb.width, vb.height), root.get("viewBox"))
    if bad_box:
        doc.problems.append(Problem(name, bad_box))
        return doc
    doc.viewbox = (float(vb.x), float(vb.y), float(vb.width), float(vb.height))
    _read_paths(doc, svg, grouped, known)
    return doc


def _drop_oversized(root: ET.Element, doc: SvgDocument) -> bool:
    """Take out paths sure to exceed the zone limit, before the (slow) full parse; True if any."""
    dropped = False
    for parent in root.iter():
        for el in list(parent):
            at_least = points_at_least(el.get("d") or "")
            if at_least > MAX_ZONE_VERTICES:
                parent.remove(el)
                ET.register_namespace("", SVG_NS[1:-1])  # written back without ns0: prefixes
                what = "the zone" if el.get("id") else "a path"
                doc.problems.append(
                    Problem(doc.file, too_many(at_least, MAX_ZONE_VERTICES, what), el.get("id"))
                )
                dropped = True
    return dropped


def _read_paths(doc: SvgDocument, svg: SVG, grouped: set[str], known: set[str]) -> None:
    """Flatten every shape into doc.zones or doc.decorations; bad ones become problems."""
    name = doc.file
    for el in svg.elements():
        if not isinstance(el, Shape):
            continue
        attrs = {str(k): str(v) for k, v in el.values.items() if isinstance(v, str)}
        raw_id = el.id if isinstance(el.id, str) and el.id else None
        zone = is_zone(raw_id, attrs, grouped, known)
        try:
            path = el if isinstance(el, SvgPath) else SvgPath(el)
            rings = _flatten(path)
            d = path.d()
        except TooManyPoints as exc:
            what = "the zone" if zone else "the path"
            doc.problems.append(
                Problem(name, too_many(exc.args[0], MAX_ZONE_VERTICES, what), raw_id)
            )
            continue
        except Exception as exc:
            if zone:
                doc.problems.append(Problem(name, f"invalid path data: {exc}", zone=raw_id))
            continue
        far = outside_point(rings, doc.viewbox)
        if far is not None:
            box = " ".join(f"{v:g}" for v in doc.viewbox)
            where = f"path coordinate ({far[0]:g}, {far[1]:g}) is outside the viewBox {box}"
            doc.problems.append(Problem(name, where, zone=raw_id))
            continue
        raw = RawPath(id=raw_id, attrs=attrs, rings=rings, d=d)
        (doc.zones if zone else doc.decorations).append(raw)


def zone_polygon(raw: RawPath, file: str) -> tuple[BaseGeometry | None, list[Problem]]:
    """The zone's area as a valid (multi)polygon, or None with the problems that prevent it."""
    closed = [r for r in raw.rings if len(r) >= 3]
    if not closed:
        return None, [Problem(file, "path is empty or has fewer than three points", zone=raw.id)]
    problems: list[Problem] = []
    for ring in closed:
        poly = Polygon(ring)
        if not poly.is_valid:
            reason = shapely.is_valid_reason(poly)
            point = _reason_point(reason)
            problems.append(
                Problem(file, f"self-intersecting or invalid path ({reason})", raw.id, point)
            )
    if problems:
        return None, problems
    geom = rings_to_geometry(closed)
    if geom.is_empty or geom.area <= 0:
        return None, [Problem(file, "path encloses no area", zone=raw.id)]
    if not isinstance(geom, (Polygon, MultiPolygon)):
        return None, [Problem(file, "path does not form an area", zone=raw.id)]
    return geom, []


def _reason_point(reason: str) -> tuple[float, float] | None:
    """Pull the coordinate out of GEOS's validity reason ("Self-intersection[12 34]")."""
    if "[" in reason and "]" in reason:
        inner = reason[reason.index("[") + 1 : reason.index("]")].split()
        try:
            return float(inner[0]), float(inner[1])
        except (ValueError, IndexError):
            return None
    return None
