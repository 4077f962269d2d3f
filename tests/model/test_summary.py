"""Derived summaries and stroke shapes on the synthetic atlas (body 60 x 80 per view)."""

import math

import pytest

from bodymap.geometry.strokes import clip_to_body, painted_area, stroke_shape
from bodymap.model import Chart, PainMark, Stroke
from bodymap.model.summary import stroke_zones, summarize


def test_stroke_shape_disc_and_capsule():
    disc = stroke_shape([(10, 10)], 4)
    assert disc.area == pytest.approx(math.pi * 4, rel=0.02)
    same = stroke_shape([(10, 10), (10, 10)], 4)
    assert same.area == pytest.approx(disc.area)
    capsule = stroke_shape([(0, 0), (10, 0)], 2)
    assert capsule.area == pytest.approx(20 + math.pi, rel=0.02)
    with pytest.raises(ValueError):
        stroke_shape([], 2)


def test_clip_to_body(atlas):
    # Half of this disc lies left of the body edge at x = 20.
    disc = stroke_shape([(20, 45)], 10)
    assert clip_to_body(atlas, "front", disc).area == pytest.approx(disc.area / 2, rel=0.01)


def test_tap_mark_counts_its_whole_zone(atlas):
    chart = Chart(marks=(PainMark(view="front", point=(35, 20), zone="right-crown", intensity=6),))
    s = summarize(chart, atlas)
    assert s.zones == ("right-crown",)
    assert s.extent_by_view == {"front": pytest.approx(600 / 4800 * 100), "back": 0.0}
    assert s.extent == pytest.approx(600 / 9600 * 100)
    assert (s.max_intensity, s.mean_intensity) == (6, 6.0)
    assert s.region_counts == {"head": 1}


def test_strokes_clip_and_overlaps_count_once(atlas):
    # A 10-wide horizontal band across the chest row, running past both body edges.
    band = Stroke(view="front", points=((0, 45), (100, 45)), width=10, intensity=4)
    mark = PainMark(view="front", point=(35, 45), zone="right-chest-box", intensity=8)
    s = summarize(Chart(marks=(mark,), strokes=(band,)), atlas)
    # The right chest box (900) plus the band's part over the left box (30 x 10).
    assert s.extent_by_view["front"] == pytest.approx((900 + 300) / 4800 * 100, rel=1e-3)
    assert s.zones == ("left-chest-box", "right-chest-box")
    assert s.max_intensity == 8 and s.mean_intensity == 6
    assert s.region_counts == {"chest": 2}
    cover = stroke_zones(atlas, band)
    assert cover["left-chest-box"] == pytest.approx(300 / 900, rel=1e-3)


def test_empty_chart(atlas):
    s = summarize(Chart(), atlas)
    assert (s.zones, s.extent, s.max_intensity, s.mean_intensity) == ((), 0.0, None, None)
    assert painted_area(atlas, "back", [], []) == 0.0


def test_one_rule_for_involved_zones(atlas):
    from bodymap.analysis.zones import zone_pain
    from bodymap.model.summary import MIN_STROKE_COVERAGE, involved_zones, stroke_involves

    assert stroke_involves(100, 2, 1000) and not stroke_involves(100, 1.9, 1000)  # 2 % of zone
    assert stroke_involves(1000, 5, 20) and not stroke_involves(1000, 4.9, 20)  # 1/4 of stroke
    # A 4-wide band ending 2 units into the left chest box covers about 1.6 % of it and holds
    # about a tenth of the band: a graze, not an involved zone.
    graze = Stroke(view="front", points=((25, 45), (52, 45)), width=4, intensity=5)
    cover = stroke_zones(atlas, graze)
    assert 0 < cover["left-chest-box"] < MIN_STROKE_COVERAGE
    assert set(involved_zones(atlas, graze)) == {"right-chest-box"}
    assert set(zone_pain(Chart(strokes=(graze,)), atlas)) == {"right-chest-box"}
    assert summarize(Chart(strokes=(graze,)), atlas).zones == ("right-chest-box",)
    # A small dab well inside a zone covers under 2 % of it and still involves it.
    dab = Stroke(view="front", points=((35, 45),), width=4, intensity=5)
    assert stroke_zones(atlas, dab)["right-chest-box"] < MIN_STROKE_COVERAGE
    assert set(zone_pain(Chart(strokes=(dab,)), atlas)) == {"right-chest-box"}
