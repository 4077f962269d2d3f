"""Invariants of the built-in atlas: coverage of anatomy, tiling, symmetry, laterality."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from shapely import affinity

from bodymap.geometry import REGIONS, load_atlas
from bodymap.geometry.metadata import ZONE_ID_RE, mirror_id

ROOT = Path(__file__).resolve().parents[2]

# Places the issue requires as zones of their own on each side (stems, per view).
REQUIRED_FRONT = [
    "forehead", "temple", "eye", "cheek", "jaw", "ear", "tmj", "front-neck", "side-neck",
    "front-shoulder", "side-shoulder", "upper-chest", "breast", "upper-abdomen", "mid-abdomen",
    "lower-abdomen", "groin", "upper-arm-front-inner", "upper-arm-front-outer", "elbow-front",
    "inner-elbow", "outer-elbow-front", "forearm-palmar-radial",
    "forearm-palmar-ulnar", "wrist-palmar", "palm", "thumb-palmar", "index-palmar",
    "middle-palmar", "ring-palmar", "little-palmar", "thigh-front", "thigh-inner", "thigh-outer",
    "kneecap", "knee-front", "knee-inner", "knee-outer", "shin", "lower-leg-outer",
    "ankle-front", "ankle-inner", "ankle-outer", "foot-top", "big-toe",
]  # fmt: skip
REQUIRED_BACK = [
    "occiput", "mastoid", "back-neck", "cervical-paraspinal", "shoulder-top", "back-shoulder",
    "supraspinous", "infraspinous", "scapular-border", "upper-thoracic-paraspinal",
    "lower-thoracic-paraspinal", "lumbar-paraspinal", "flank", "iliac-crest", "sacroiliac",
    "buttock-upper", "buttock-lower", "hip-side", "upper-arm-back-inner", "upper-arm-back-outer",
    "elbow-back", "outer-elbow",
    "forearm-dorsal-radial", "forearm-dorsal-ulnar", "wrist-dorsal", "hand-back",
    "thumb-dorsal", "index-dorsal", "middle-dorsal", "ring-dorsal", "little-dorsal",
    "thigh-back-inner", "knee-back", "calf-inner", "achilles", "heel-back", "heel-pad", "sole",
]  # fmt: skip
MIDLINE = {
    "front": ["vertex", "sternum"],
    "back": ["cervical-spine", "upper-thoracic-spine", "lumbar-spine", "sacrum", "coccyx", "crown"],
}


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def test_zone_count_and_views(atlas):
    assert atlas.views == ("front", "back")
    assert len(atlas.zones) >= 160
    assert atlas.view("front").viewbox == atlas.view("back").viewbox


@pytest.mark.parametrize("side", ["left", "right"])
def test_required_lateral_zones_exist(atlas, side):
    for view, stems in (("front", REQUIRED_FRONT), ("back", REQUIRED_BACK)):
        for stem in stems:
            z = atlas.zone(f"{side}-{stem}")
            assert z.view == view and z.side == side


def test_required_midline_zones(atlas):
    for view, ids in MIDLINE.items():
        for zid in ids:
            assert atlas.zone(zid).view == view and atlas.zone(zid).side == "midline"


def test_metadata_rules(atlas):
    ids = [z.id for z in atlas.zones]
    assert len(ids) == len(set(ids))
    for z in atlas.zones:
        assert ZONE_ID_RE.match(z.id)
        assert z.region in REGIONS
        assert z.label and z.label[0].isupper()
        expected = (
            "left"
            if z.id.startswith("left-")
            else "right"
            if z.id.startswith("right-")
            else "midline"
        )
        assert z.side == expected
        if z.side != "midline":
            assert z.label.lower().startswith(z.side)


@pytest.mark.parametrize("view", ["front", "back"])
def test_exact_tiling(atlas, view):
    zones = atlas.zones_in(view)
    silhouette = atlas.view(view).silhouette
    assert silhouette.geom_type == "Polygon" and len(silhouette.interiors) == 0
    total = sum(z.area for z in zones)
    assert total == pytest.approx(silhouette.area, rel=1e-6)
    tree = shapely.STRtree([z.polygon for z in zones])
    a, b = tree.query([z.polygon for z in zones], predicate="intersects")
    for i, j in zip(a.tolist(), b.tolist(), strict=True):
        if i < j:
            assert zones[i].polygon.intersection(zones[j].polygon).area < 0.05


@pytest.mark.parametrize("view", ["front", "back"])
def test_left_right_mirror_images(atlas, view):
    mid = atlas.view(view).midline_x
    for z in atlas.zones_in(view):
        twin_id = mirror_id(z.id)
        if twin_id is None:
            mirrored = affinity.scale(z.polygon, xfact=-1, origin=(mid, 0))
            assert mirrored.symmetric_difference(z.polygon).area < 0.01 * z.area
            continue
        twin = atlas.zone(twin_id)
        assert twin.view == view
        assert abs(z.area - twin.area) <= 0.01 * max(z.area, twin.area)
        mirrored = affinity.scale(z.polygon, xfact=-1, origin=(mid, 0))
        assert mirrored.symmetric_difference(twin.polygon).area < 0.01 * z.area


def test_patient_left_is_viewer_right_on_front_and_viewer_left_on_back(atlas):
    for z in atlas.zones:
        if z.side == "midline":
            continue
        cx = z.polygon.centroid.x
        mid = atlas.view(z.view).midline_x
        on_viewer_left = cx < mid
        if z.view == "front":
            assert on_viewer_left == (z.side == "right"), z.id
        else:
            assert on_viewer_left == (z.side == "left"), z.id


@pytest.mark.parametrize(
    ("view", "x", "y", "expected"),
    [
        ("front", 209, 53, "right-forehead"),  # viewer's left of the face = patient's right
        ("front", 231, 53, "left-forehead"),
        ("front", 330, 284, "left-upper-arm-front-outer"),
        ("front", 110, 284, "right-upper-arm-front-outer"),
        ("front", 128, 284, "right-upper-arm-front-inner"),
        ("back", 165, 223, "left-infraspinous"),  # viewer's left of the back = patient's left
        ("back", 275, 223, "right-infraspinous"),
        ("back", 220, 427, "sacrum"),
    ],
)
def test_known_points(atlas, view, x, y, expected):
    assert atlas.zone_at(view, x, y).id == expected


def test_every_zone_locates_at_its_representative_point(atlas):
    for z in atlas.zones:
        assert atlas.zone_at(z.view, *z.point).id == z.id


@pytest.mark.parametrize("xy", [(5, 5), (220, 5), (20, 300), (220, 700), (-50, 40), (1e9, 1e9)])
def test_outside_the_body_finds_nothing(atlas, xy):
    for view in atlas.views:
        assert atlas.zone_at(view, *xy) is None


def test_nan_and_unknown_view(atlas):
    assert atlas.zone_at("front", float("nan"), 10) is None
    with pytest.raises(KeyError, match="unknown view"):
        atlas.zone_at("side", 1, 1)
    with pytest.raises(KeyError, match="unknown zone"):
        atlas.zone("left-tail")


def test_coverage_of_a_whole_zone_is_one(atlas):
    z = atlas.zone("left-kneecap")
    cov = atlas.coverage("front", z.polygon)
    assert cov["left-kneecap"] == pytest.approx(1.0)
    assert all(v < 0.01 for k, v in cov.items() if k != "left-kneecap")


def test_generated_files_are_up_to_date():
    r = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_atlas.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr


def test_outline_is_drawn_with_cubic_beziers():
    text = (ROOT / "assets" / "svg" / "front.svg").read_text()
    outline = text.split('id="outline"')[1]
    assert outline.count("C") > 100 and " L" not in outline
