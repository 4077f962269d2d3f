"""Curve and planar-graph machinery: Catmull-Rom to cubic Béziers, mirroring, face extraction."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from shapely.geometry import Polygon

XY = tuple[float, float]


@dataclass(frozen=True)
class P:
    """A through-point in design units: u = distance out from the midline, v = down from the vertex."""

    u: float
    v: float
    name: str | None = None
    corner: bool = False


@dataclass
class Curve:
    """A chain of through-points, smoothed unless straight; endpoints may be named references."""

    points: list  # list[P | str]
    straight: bool = False
    landmark: bool = False  # drawn only, not a zone border
    closed: bool = False
    mark: bool = False  # a zone border that is also drawn as a landmark stroke


@dataclass
class Design:
    """One view: the outline half (vertex to crotch), cuts and zone seeds, in design units."""

    view: str
    outline: list[P]
    cuts: list[Curve] = field(default_factory=list)
    seeds: list[tuple[str, float, float]] = field(default_factory=list)  # (stem, u, v)
    landmarks: list[Curve] = field(default_factory=list)


@dataclass
class Node:
    key: str
    xy: XY
    corner: bool = False


@dataclass
class Edge:
    a: str
    b: str
    ctrl: tuple[XY, XY, XY, XY]  # p0, c1, c2, p3 in viewBox units
    landmark: bool = False
    mark: bool = False


def bezier_at(c: tuple[XY, XY, XY, XY], t: float) -> XY:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = c
    m = 1 - t
    a, b, cc, d = m * m * m, 3 * m * m * t, 3 * m * t * t, t * t * t
    return (a * x0 + b * x1 + cc * x2 + d * x3, a * y0 + b * y1 + cc * y2 + d * y3)


def flatten(c: tuple[XY, XY, XY, XY], n: int = 16) -> list[XY]:
    return [bezier_at(c, i / n) for i in range(n + 1)]


def _dist(a: XY, b: XY) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def catmull_rom_segment(p0: XY, p1: XY, p2: XY, p3: XY, alpha: float = 0.5) -> tuple[XY, XY]:
    """Bézier control points of the centripetal Catmull-Rom segment p1->p2 (Yuksel et al.)."""
    d1 = max(_dist(p0, p1), 1e-9) ** alpha
    d2 = max(_dist(p1, p2), 1e-9) ** alpha
    d3 = max(_dist(p2, p3), 1e-9) ** alpha
    c1 = tuple(
        (d1 * d1 * p2[k] - d2 * d2 * p0[k] + (2 * d1 * d1 + 3 * d1 * d2 + d2 * d2) * p1[k])
        / (3 * d1 * (d1 + d2))
        for k in range(2)
    )
    c2 = tuple(
        (d3 * d3 * p1[k] - d2 * d2 * p3[k] + (2 * d3 * d3 + 3 * d3 * d2 + d2 * d2) * p2[k])
        / (3 * d3 * (d3 + d2))
        for k in range(2)
    )
    return (c1[0], c1[1]), (c2[0], c2[1])


class Builder:
    """Turns a Design into nodes and Bézier edges in viewBox units, both halves."""

    def __init__(self, design: Design, cx: float, top: float, unit: float):
        self.design = design
        self.cx, self.top, self.unit = cx, top, unit
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self._anon = 0
        self.outline_edges: list[Edge] = []
        self._named: dict[str, P] = {}
        for p in design.outline:
            if p.name:
                self._named[p.name] = p
        for cut in design.cuts + design.landmarks:
            for p in cut.points:
                if isinstance(p, P) and p.name:
                    if p.name in self._named:
                        raise ValueError(f"point name {p.name!r} defined twice")
                    self._named[p.name] = p

    # -- coordinates -------------------------------------------------------------------------
    def xy(self, p: P, mirrored: bool) -> XY:
        x = self.cx - p.u * self.unit if not mirrored else self.cx + p.u * self.unit
        return (round(x, 2), round(self.top + p.v * self.unit, 2))

    def resolve(self, p: P | str) -> P:
        if isinstance(p, str):
            if p not in self._named:
                raise ValueError(f"unknown point name {p!r}")
            return self._named[p]
        return p

    def key(self, p: P, mirrored: bool) -> str:
        if p.name is None:
            self._anon += 1
            return f"_{self._anon}"
        if p.u == 0:
            return p.name
        return p.name + ("'" if mirrored else "")

    # -- curves ------------------------------------------------------------------------------
    def _node(self, p: P, mirrored: bool) -> str:
        k = self.key(p, mirrored)
        if k not in self.nodes:
            self.nodes[k] = Node(k, self.xy(p, mirrored), p.corner)
        return k

    def add_chain(
        self,
        pts: list[P],
        mirrored: bool,
        closed: bool,
        straight: bool,
        landmark: bool,
        mark: bool = False,
    ) -> list[Edge]:
        keys = [self._node(p, mirrored) for p in pts]
        xys = [self.nodes[k].xy for k in keys]
        n = len(pts)
        out: list[Edge] = []
        segs = n if closed else n - 1
        for i in range(segs):
            j = (i + 1) % n
            p1, p2 = xys[i], xys[j]
            if straight:
                c1 = (p1[0] + (p2[0] - p1[0]) / 3, p1[1] + (p2[1] - p1[1]) / 3)
                c2 = (p1[0] + 2 * (p2[0] - p1[0]) / 3, p1[1] + 2 * (p2[1] - p1[1]) / 3)
            else:
                p0 = self._phantom(pts, xys, i, -1, closed)
                p3 = self._phantom(pts, xys, j, +1, closed)
                c1, c2 = catmull_rom_segment(p0, p1, p2, p3)
            ctrl = (p1, (round(c1[0], 2), round(c1[1], 2)), (round(c2[0], 2), round(c2[1], 2)), p2)
            e = Edge(keys[i], keys[j], ctrl, landmark, mark)
            out.append(e)
        self.edges.extend(out)
        return out

    def _phantom(
        self,
        pts: list[P],
        xys: list[XY],
        i: int,
        step: int,
        closed: bool,
    ) -> XY:
        """The neighbour of point i in direction step, inventing one at ends and corners."""
        n = len(pts)
        here = xys[i]
        if closed:
            if pts[i].corner:
                inner = xys[(i - step) % n]
                return (2 * here[0] - inner[0], 2 * here[1] - inner[1])
            return xys[(i + step) % n]
        inner = xys[i - step]
        if pts[i].corner:
            return (2 * here[0] - inner[0], 2 * here[1] - inner[1])
        k = i + step
        if 0 <= k < n:
            return xys[k]
        other = pts[i - step]
        if pts[i].u == 0 and other.u != 0:
            return (2 * self.cx - inner[0], inner[1])
        return (2 * here[0] - inner[0], 2 * here[1] - inner[1])

    def build(self) -> None:
        d = self.design
        half = d.outline
        if half[0].u != 0 or half[-1].u != 0:
            raise ValueError("the outline half must start and end on the midline")
        loop = [(p, False) for p in half] + [(p, True) for p in reversed(half[1:-1])]
        self._add_loop(loop)
        for cut in d.cuts + d.landmarks:
            pts = [self.resolve(p) for p in cut.points]
            on_mid = all(p.u == 0 for p in pts)
            self.add_chain(pts, False, cut.closed, cut.straight, cut.landmark, mark=cut.mark)
            if not on_mid:
                self.add_chain(pts, True, cut.closed, cut.straight, cut.landmark, mark=cut.mark)

    def _add_loop(self, loop: list[tuple[P, bool]]) -> None:
        keys = [self._node(p, m) for p, m in loop]
        xys = [self.nodes[k].xy for k in keys]
        n = len(loop)
        for i in range(n):
            j = (i + 1) % n
            p0 = xys[i - 1]
            p3 = xys[(j + 1) % n]
            if loop[i][0].corner:
                p0 = (2 * xys[i][0] - xys[j][0], 2 * xys[i][1] - xys[j][1])
            if loop[j][0].corner:
                p3 = (2 * xys[j][0] - xys[i][0], 2 * xys[j][1] - xys[i][1])
            c1, c2 = catmull_rom_segment(p0, xys[i], xys[j], p3)
            ctrl = (
                xys[i],
                (round(c1[0], 2), round(c1[1], 2)),
                (round(c2[0], 2), round(c2[1], 2)),
                xys[j],
            )
            edge = Edge(keys[i], keys[j], ctrl, False)
            self.edges.append(edge)
            self.outline_edges.append(edge)
        self.outline_keys = keys


def _angle(e: Edge, forward: bool) -> float:
    c = e.ctrl if forward else tuple(reversed(e.ctrl))
    x0, y0 = c[0]
    x, y = bezier_at(c, 0.08)  # type: ignore[arg-type]
    return math.atan2(y - y0, x - x0)


def faces(edges: list[Edge]) -> list[list[tuple[Edge, bool]]]:
    """Bounded faces of the planar graph as cycles of (edge, forward) half-edges."""
    out_by_node: dict[str, list[tuple[float, int, bool]]] = {}
    for idx, e in enumerate(edges):
        if e.landmark:
            continue
        out_by_node.setdefault(e.a, []).append((_angle(e, True), idx, True))
        out_by_node.setdefault(e.b, []).append((_angle(e, False), idx, False))
    for lst in out_by_node.values():
        lst.sort()
    position = {}
    for node, lst in out_by_node.items():
        for pos, (_, idx, fwd) in enumerate(lst):
            position[(idx, fwd)] = (node, pos)
    seen: set[tuple[int, bool]] = set()
    cycles: list[list[tuple[Edge, bool]]] = []
    for start in position:
        if start in seen:
            continue
        cyc: list[tuple[int, bool]] = []
        h = start
        while h not in seen:
            seen.add(h)
            cyc.append(h)
            idx, fwd = h
            e = edges[idx]
            end = e.b if fwd else e.a
            twin = (idx, not fwd)
            node, pos = position[twin]
            lst = out_by_node[end]
            _, nidx, nfwd = lst[(pos - 1) % len(lst)]
            h = (nidx, nfwd)
            if len(cyc) > 10000:
                raise RuntimeError("face walk did not close")
        cycles.append([(edges[i], f) for i, f in cyc])
    return cycles


def cycle_polygon(cycle: list[tuple[Edge, bool]], n: int = 12) -> Polygon:
    pts: list[XY] = []
    for e, fwd in cycle:
        c = e.ctrl if fwd else tuple(reversed(e.ctrl))
        pts.extend(flatten(c, n)[:-1])  # type: ignore[arg-type]
    return Polygon(pts)


def signed_area(poly: Polygon) -> float:
    """Area with the ring's orientation as its sign (counter-clockwise positive)."""
    return poly.area if poly.exterior.is_ccw else -poly.area


def cycle_d(cycle: list[tuple[Edge, bool]]) -> str:
    """SVG path data of a face: one M, then a C per edge, closed."""

    def f(v: float) -> str:
        s = f"{v:.2f}".rstrip("0").rstrip(".")
        return s if s not in ("-0", "") else "0"

    parts: list[str] = []
    for i, (e, fwd) in enumerate(cycle):
        c = e.ctrl if fwd else tuple(reversed(e.ctrl))
        if i == 0:
            parts.append(f"M{f(c[0][0])},{f(c[0][1])}")
        parts.append(
            f"C{f(c[1][0])},{f(c[1][1])} {f(c[2][0])},{f(c[2][1])} {f(c[3][0])},{f(c[3][1])}"
        )
    return " ".join(parts) + " Z"


def C(*pts: P | str, straight: bool = False, closed: bool = False) -> Curve:  # noqa: N802
    """A zone border."""
    return Curve(list(pts), straight=straight, closed=closed)


def M(*pts: P | str, straight: bool = False, closed: bool = False) -> Curve:  # noqa: N802
    """A zone border that is also an anatomical landmark, drawn a little darker."""
    return Curve(list(pts), straight=straight, closed=closed, mark=True)


def L(*pts: P | str, straight: bool = False, closed: bool = False) -> Curve:  # noqa: N802
    """A landmark stroke only (not a zone border)."""
    return Curve(list(pts), straight=straight, closed=closed, landmark=True)
