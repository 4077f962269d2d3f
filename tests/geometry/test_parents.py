"""Closer views and parent zones: the data-file format, atlas check, and counting through parents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bodymap.analysis import compare_charts, zone_pain
from bodymap.analysis.zones import pain_extent
from bodymap.geometry import load_atlas
from bodymap.geometry.lift import lift_coverage, lifted_area
from bodymap.geometry.sources import read_source
from bodymap.model import Chart, PainMark, Stroke
from bodymap.model.summary import summarize
from bodymap.referral.charts import chart_pain

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" data-view="{view}"{attrs}>'


def rect(zid: str, x: float, y: float, w: float, h: float, extra: str = "") -> str:
    return (
        f'<path id="{zid}" class="zone" data-region="hand" {extra} d="M{x},{y} h{w} v{h} h{-w} Z"/>'
    )


def write_view(folder: Path, view: str, body: str, attrs: str = "") -> None:
    (folder / f"{view}.svg").write_text(SVG.format(view=view, attrs=attrs) + body + "</svg>")


def make_atlas(tmp_path: Path, *, hand_zones: str | None = None, views: list | None = None) -> Path:
    """front: right-hand | palm-mid | left-hand (20 x 20 each, from x=10); hand-right: the
    right hand four times larger, split into two halves that both name it as their parent."""
    folder = tmp_path / "atlas"
    folder.mkdir()
    write_view(
        folder,
        "front",
        rect("right-hand", 10, 10, 20, 20) + rect("palm-mid", 30, 10, 20, 20)
        + rect("left-hand", 50, 10, 20, 20),
    )  # fmt: skip
    if hand_zones is None:
        hand_zones = rect("right-hand-a", 0, 0, 40, 80, 'data-parent="right-hand"') + rect(
            "right-hand-b", 40, 0, 40, 80, 'data-parent="right-hand"'
        )
    write_view(folder, "hand-right", hand_zones)
    meta = {
        "views": views
        if views is not None
        else [
            {"id": "front", "title": "Front", "chart": "body"},
            {
                "id": "hand-right",
                "title": "Right hand",
                "chart": "hands",
                "of": "front",
                "transform": [0.25, 0, 0, 0.25, 10, 10],
            },
        ],  # fmt: skip
        "zones": [],
    }
    (folder / "zones.json").write_text(json.dumps(meta))
    return folder


def errors(path: Path) -> list[str]:
    return [str(p) for p in read_source(path, use_cache=False).problems if p.severity == "error"]


def test_closer_view_loads_with_parents_scale_and_pages(tmp_path):
    atlas = load_atlas(make_atlas(tmp_path))
    assert atlas.views == ("front", "hand-right")
    assert atlas.root_views == ("front",)
    assert atlas.charts == ("body", "hands")
    assert atlas.views_of_chart("hands") == ("hand-right",)
    info = atlas.view("hand-right")
    assert (info.title, info.of, info.scale) == ("Right hand", "front", pytest.approx(4.0))
    assert atlas.zone("right-hand-a").parent == "right-hand"
    assert atlas.lineage("right-hand-b") == ("right-hand-b", "right-hand")
    assert atlas.root("right-hand-a").id == "right-hand"
    assert atlas.root("palm-mid").id == "palm-mid"
    assert atlas.first_in("right-hand-a", {"right-hand": "code"}) == "right-hand"
    # whole-body area: the front alone; the hand chart counts through its parents
    assert atlas.body_area() == pytest.approx(1200)
    assert atlas.body_area("hand-right") == pytest.approx(400)


def test_svg_root_attributes_describe_a_view(tmp_path):
    folder = make_atlas(tmp_path, views=[])
    text = (
        (folder / "hand-right.svg")
        .read_text()
        .replace(
            'data-view="hand-right"',
            'data-view="hand-right" data-title="Right hand" data-chart="hands" data-of="front" '
            'data-transform="matrix(0.25 0 0 0.25 10 10)"',
        )
    )
    (folder / "hand-right.svg").write_text(text)
    atlas = load_atlas(folder)
    assert atlas.view("hand-right").scale == pytest.approx(4.0)
    assert atlas.view("hand-right").chart == "hands"


@pytest.mark.parametrize(
    ("zones", "views", "message"),
    [
        (rect("right-hand-a", 0, 0, 80, 80, 'data-parent="right-foot"'), None,
         "parent 'right-foot' is not a zone of this atlas"),
        (rect("right-hand-a", 0, 0, 40, 80, 'data-parent="right-hand"')
         + rect("right-hand-b", 40, 0, 40, 80), None, "mixes zones with a parent and zones without"),
        (rect("right-hand-a", 0, 0, 80, 80, 'data-parent="left-hand"'), None,
         "parent 'left-hand' is on the left side, this zone on the right"),
        (rect("right-hand-a", 0, 0, 80, 80, 'data-parent="right-hand-a"'), None,
         "is on the same view"),
        (rect("right-hand-a", 0, 0, 80, 80, 'data-parent="palm-mid"'), None,
         "outside its parent 'palm-mid'"),
        (rect("right-hand-a", 0, 0, 80, 80, 'data-parent="right-hand"'),
         [{"id": "hand-right", "of": "front"}], "gives 'of' without a 'transform'"),
        (rect("right-hand-a", 0, 0, 80, 80, 'data-parent="right-hand"'),
         [{"id": "hand-right", "of": "back", "transform": [1, 0, 0, 1, 0, 0]}],
         "of 'back' is not another view"),
    ],
)  # fmt: skip
def test_atlas_check_names_parent_problems(tmp_path, zones, views, message):
    found = errors(make_atlas(tmp_path, hand_zones=zones, views=views))
    assert any(message in e for e in found), found


def test_a_bad_transform_is_named(tmp_path):
    folder = make_atlas(
        tmp_path, views=[{"id": "hand-right", "of": "front", "transform": [0, 0, 0, 0, 1, 1]}]
    )
    assert any("squashes the view flat" in e for e in errors(folder))


def test_parents_in_a_circle_are_refused(tmp_path):
    folder = make_atlas(tmp_path, views=[])
    write_view(
        folder, "foot-right", rect("right-foot-a", 0, 0, 80, 80, 'data-parent="right-hand-a"')
    )
    text = (
        (folder / "hand-right.svg")
        .read_text()
        .replace('data-parent="right-hand"', 'data-parent="right-foot-a"', 1)
    )
    (folder / "hand-right.svg").write_text(text)
    assert any("go round in a circle" in e for e in errors(folder))


def mark(view: str, zone: str, x: float, y: float, intensity: int = 6) -> PainMark:
    return PainMark(view=view, point=(x, y), zone=zone, intensity=intensity)


def test_a_mark_on_a_closer_view_counts_through_its_parent(tmp_path):
    atlas = load_atlas(make_atlas(tmp_path))
    chart = Chart(marks=(mark("hand-right", "right-hand-a", 20, 40),))
    s = summarize(chart, atlas)
    assert s.zones == ("right-hand",)
    assert s.region_counts == {"hand": 1}
    # half of the right hand (200 of its 400 units) of a 1200-unit body
    assert s.extent == pytest.approx(100 * 200 / 1200)
    assert s.extent_by_view == {"front": pytest.approx(100 * 200 / 1200)}
    assert pain_extent(chart, atlas) == pytest.approx(s.extent)
    pain = zone_pain(chart, atlas)
    assert set(pain) == {"right-hand"}
    assert pain["right-hand"].details == ("right-hand-a",)
    assert pain["right-hand"].covered == pytest.approx(0.5)
    assert chart_pain(chart, atlas) == {"right-hand": pytest.approx(0.6)}


def test_the_same_skin_marked_twice_counts_once(tmp_path):
    atlas = load_atlas(make_atlas(tmp_path))
    both = Chart(
        marks=(mark("hand-right", "right-hand-a", 20, 40), mark("front", "right-hand", 20, 20))
    )
    assert summarize(both, atlas).extent == pytest.approx(100 * 400 / 1200)
    stroke = Stroke(view="hand-right", points=((60, 10), (60, 70)), width=4.0, intensity=3)
    lifted = lift_coverage(atlas, {"right-hand-b": 0.25})
    assert lifted == {"right-hand": pytest.approx(0.125)}
    assert lifted_area(atlas, {"right-hand-b": 0.25}) == pytest.approx(50)
    assert summarize(Chart(strokes=(stroke,)), atlas).zones == ("right-hand",)


def test_comparison_sees_the_same_zone_on_either_view(tmp_path):
    atlas = load_atlas(make_atlas(tmp_path))
    before = Chart(marks=(mark("front", "right-hand", 20, 20, 7),))
    after = Chart(marks=(mark("hand-right", "right-hand-b", 60, 40, 3),))
    cmp = compare_charts(before, after, atlas)
    assert [(z.zone, z.before, z.after, z.change.value) for z in cmp.zones] == [
        ("right-hand", 7, 3, "improved")
    ]
