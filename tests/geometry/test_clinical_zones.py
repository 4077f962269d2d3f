"""Zones a clinician taps on purpose: the jaw joint, both epicondyles, the halves of the upper arm,
the kneecap's neighbours, the iliac crest, and targets big enough for a fingertip."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import linemerge

from bodymap.geometry import load_atlas

# A fingertip's contact is 8-10 mm across; we take 9 mm. At 100% zoom (BodyMapView.zoom() == 1:
# one viewBox unit per logical pixel) and 100% display scaling (96 logical pixels per inch) that
# is 9 / 25.4 * 96 = 34.0 units.
FINGERTIP_MM = 9.0
FINGERTIP_UNITS = FINGERTIP_MM / 25.4 * 96
SIDES = ("left", "right")


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def _span(atlas, view: str, y: float, zone) -> tuple[float, float]:
    """(medial x, lateral x) of the limb's cross-section at height y through `zone`."""
    cut = atlas.view(view).silhouette.intersection(LineString([(-1e3, y), (1e4, y)]))
    seg = next(p for p in getattr(cut, "geoms", [cut]) if p.intersects(zone.polygon))
    (x0, _), (x1, _) = seg.coords[0], seg.coords[-1]
    mid = atlas.view(view).midline_x
    return (x0, x1) if abs(x0 - mid) < abs(x1 - mid) else (x1, x0)


def _toward(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


@pytest.mark.parametrize("side", SIDES)
def test_a_tap_just_in_front_of_the_ear_is_the_jaw_joint(atlas, side):
    ear, tmj = atlas.zone(f"{side}-ear"), atlas.zone(f"{side}-tmj")
    assert tmj.view == "front" and tmj.side == side and "TMJ" in tmj.label
    assert ear.polygon.boundary.intersection(tmj.polygon.buffer(0.3)).length > 15
    _, top, _, bottom = ear.polygon.bounds
    mid = atlas.view("front").midline_x
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):  # the tragus and below: in front of it is the joint
        y = _toward(top, bottom, t)
        crossing = ear.polygon.boundary.intersection(LineString([(0, y), (440, y)])).geoms
        ear_front = min(crossing, key=lambda p: abs(p.x - mid)).x
        step = 3 if ear_front < mid else -3  # 3 units toward the face
        assert atlas.zone_at("front", ear_front + step, y).id == f"{side}-tmj"


@pytest.mark.parametrize("side", SIDES)
def test_front_view_has_outer_and_inner_elbow(atlas, side):
    crease = atlas.zone(f"{side}-elbow-front")
    y = crease.point[1]
    medial, lateral = _span(atlas, "front", y, crease)
    assert (
        atlas.zone_at("front", _toward(lateral, medial, 0.08), y).id == f"{side}-outer-elbow-front"
    )
    assert atlas.zone_at("front", _toward(medial, lateral, 0.08), y).id == f"{side}-inner-elbow"
    assert atlas.zone_at("front", _toward(medial, lateral, 0.5), y).id == f"{side}-elbow-front"
    assert "lateral epicondyle" in atlas.zone(f"{side}-outer-elbow-front").label


@pytest.mark.parametrize("view", ["front", "back"])
@pytest.mark.parametrize("side", SIDES)
def test_upper_arm_has_inner_and_outer_halves(atlas, view, side):
    inner = atlas.zone(f"{side}-upper-arm-{view}-inner")
    outer = atlas.zone(f"{side}-upper-arm-{view}-outer")
    assert {inner.view, outer.view} == {view} and {inner.side, outer.side} == {side}
    assert 0.8 < inner.area / outer.area < 1.25
    _, top, _, bottom = inner.polygon.union(outer.polygon).bounds
    for t in (0.3, 0.5, 0.7):
        y = _toward(top, bottom, t)
        medial, lateral = _span(atlas, view, y, inner)
        assert atlas.zone_at(view, _toward(medial, lateral, 0.2), y).id == inner.id
        assert atlas.zone_at(view, _toward(medial, lateral, 0.8), y).id == outer.id


@pytest.mark.parametrize("side", SIDES)
def test_the_below_kneecap_zone_lies_below_the_kneecap(atlas, side):
    kneecap, below = atlas.zone(f"{side}-kneecap"), atlas.zone(f"{side}-knee-front")
    assert "below kneecap" in below.label
    assert len(below.polygon.interiors) == 0
    assert below.polygon.bounds[1] > kneecap.polygon.centroid.y
    ring = kneecap.polygon.exterior
    for neighbour in ("thigh-front", "knee-inner", "knee-outer", "knee-front"):
        shared = ring.intersection(atlas.zone(f"{side}-{neighbour}").polygon.buffer(0.3)).length
        assert shared > 3, neighbour


@pytest.mark.parametrize("side", SIDES)
def test_the_iliac_crest_zone_lies_on_the_crest(atlas, side):
    zone = atlas.zone(f"{side}-iliac-crest")
    marks = [g for kind, _, gs in atlas.view("back").decorations if kind == "landmark" for g in gs]
    # the crest is drawn as a landmark line, and it runs inside the zone from end to end
    crest = linemerge([g for g in marks if g.intersection(zone.polygon).length > 0.95 * g.length])
    assert crest.geom_type == "LineString" and crest.length > 45
    hip_outline = atlas.view("back").silhouette.exterior
    assert min(Point(c).distance(hip_outline) for c in crest.boundary.geoms) < 0.5
    # the band reaches above and below the crest at its highest point
    top = min(crest.coords, key=lambda c: c[1])
    column = zone.polygon.intersection(LineString([(top[0], 0), (top[0], 960)]))
    assert column.bounds[1] < top[1] - 5 and column.bounds[3] > top[1] + 5


@pytest.mark.parametrize("zone_id", ["coccyx", "left-side-chest", "right-side-chest"])
def test_small_targets_take_a_fingertip(atlas, zone_id):
    circle = shapely.maximum_inscribed_circle(atlas.zone(zone_id).polygon, 0.05)
    assert 2 * circle.length >= FINGERTIP_UNITS
