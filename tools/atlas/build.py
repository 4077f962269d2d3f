"""Builds one view's SVG from its Design: faces become zones, seeds name them, halves mirror."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Point, Polygon

from tools.atlas.geometry import Builder, Design, Edge, cycle_d, cycle_polygon, faces, signed_area

UNIT = 110.0  # viewBox units per head height
WIDTH, HEIGHT = 440.0, 960.0
CX, TOP = WIDTH / 2, 20.0

# Which patient side the design half (drawn on the viewer's left) is, per view.
# Front view: the patient faces us, so their RIGHT is on our left. Back view: their LEFT.
DESIGN_HALF_SIDE = {"front": "right", "back": "left"}
OTHER = {"right": "left", "left": "right"}


@dataclass
class BuiltZone:
    id: str
    d: str


@dataclass
class BuiltView:
    view: str
    zones: list[BuiltZone]
    outline_d: str
    landmark_ds: list[str]


def build_view(design: Design) -> BuiltView:
    b = Builder(design, CX, TOP, UNIT)
    b.build()
    cycles = faces(b.edges)
    polys = [cycle_polygon(c) for c in cycles]
    areas = [signed_area(p) for p in polys]
    outer = max(range(len(cycles)), key=lambda i: abs(areas[i]))
    outer_sign = 1 if areas[outer] > 0 else -1
    bounded = [i for i in range(len(cycles)) if i != outer and areas[i] * outer_sign < 0]
    holes = [i for i in range(len(cycles)) if i != outer and areas[i] * outer_sign > 0]
    # Each hole cycle belongs to the smallest bounded face that contains it.
    hole_of: dict[int, list[int]] = {}
    for h in holes:
        hp = Polygon(polys[h].exterior.coords).representative_point()
        containing = [
            i for i in bounded if Polygon(polys[i].exterior.coords).contains(hp) and i != h
        ]
        # the island's own interior face has the same ring: skip faces of equal area
        containing = [i for i in containing if abs(abs(areas[i]) - abs(areas[h])) > 1e-6]
        if not containing:
            raise ValueError(f"{design.view}: an island at {hp} is outside every face")
        host = min(containing, key=lambda i: abs(areas[i]))
        hole_of.setdefault(host, []).append(h)

    seeds = _seed_points(design)
    zones: list[BuiltZone] = []
    for i in bounded:
        shell = Polygon(
            polys[i].exterior.coords, [polys[h].exterior.coords for h in hole_of.get(i, [])]
        )
        inside = [zid for zid, pt in seeds.items() if shell.contains(pt)]
        if len(inside) != 1:
            c = shell.representative_point()
            raise ValueError(
                f"{design.view}: face near ({c.x:.1f},{c.y:.1f}) "
                f"[u={abs(c.x - CX) / UNIT:.3f}, v={(c.y - TOP) / UNIT:.3f}] has seeds {inside}"
            )
        d = cycle_d(cycles[i]) + "".join(" " + cycle_d(cycles[h]) for h in hole_of.get(i, []))
        zones.append(BuiltZone(inside[0], d))
    found = {z.id for z in zones}
    missing = sorted(set(seeds) - found)
    if missing:
        raise ValueError(f"{design.view}: seeds not in any face: {missing}")
    outline_d = cycle_d([(e, True) for e in b.outline_edges])
    landmark_ds = [_edge_d(e) for e in b.edges if e.landmark or e.mark]
    return BuiltView(design.view, zones, outline_d, landmark_ds)


def _seed_points(design: Design) -> dict[str, Point]:
    half = DESIGN_HALF_SIDE[design.view]
    out: dict[str, Point] = {}
    for stem, u, v in design.seeds:
        y = TOP + v * UNIT
        if u == 0:
            out[stem] = Point(CX, y)
        else:
            out[f"{half}-{stem}"] = Point(CX - u * UNIT, y)
            out[f"{OTHER[half]}-{stem}"] = Point(CX + u * UNIT, y)
    return out


def _edge_d(e: Edge) -> str:
    return cycle_d([(e, True)]).removesuffix(" Z")
