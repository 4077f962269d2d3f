"""Hostile custom atlases: NaN and 1e308 are named, huge zones refused fast, checks near-linear."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Polygon

from bodymap.cli.main import main
from bodymap.geometry import limits, sources, svgparse, validate
from bodymap.geometry.sources import read_source
from bodymap.geometry.svgparse import rings_to_geometry
from tests.geometry.test_custom_atlas import HEAD, good_body, square, write


def errors(path: Path) -> list[str]:
    return [str(p) for p in read_source(path, use_cache=False).problems if p.severity == "error"]


def test_a_nan_view_box_is_named(tmp_path, capsys):
    f = tmp_path / "front.svg"
    f.write_text(
        HEAD.format(view="front").replace("0 0 100 100", "0 0 NaN NaN") + good_body() + "</svg>"
    )
    assert errors(f)[0] == (
        f"error: {f}: the viewBox '0 0 NaN NaN' is not four finite numbers with a positive "
        "width and height"
    )
    assert main(["atlas", "check", str(f)]) == 1
    assert main(["--atlas", str(f), "zones"]) == 1
    assert "the viewBox '0 0 NaN NaN' is not four finite numbers" in capsys.readouterr().err


@pytest.mark.parametrize("d", ["M10,10 L1e308,10 L20,20 Z", "M10,10 C1e308,10 20,10 20,20 Z",
                               "M10,10 L20,10 L20,1e400 Z"])  # fmt: skip
def test_far_or_nan_path_coordinates_are_named(tmp_path, d):
    body = good_body().replace('d="M10,10 h10 v10 h-10 Z"', f'd="{d}"', 1)
    found = errors(write(tmp_path, body))
    assert any("[right-a]: path coordinate" in e and "is outside the viewBox 0 0 100 100" in e
               for e in found), found  # fmt: skip


def test_a_far_coordinate_in_the_command_line_and_the_window_start(tmp_path):
    body = good_body().replace('d="M10,10 h10 v10 h-10 Z"', 'd="M10,10 C1e308,10 20,10 20,20 Z"', 1)
    f = write(tmp_path, body)
    for args in (["atlas", "check", str(f)], ["--atlas", str(f), "zones"]):
        out = subprocess.run([sys.executable, "-m", "bodymap", *args], capture_output=True,
                             text=True, timeout=60)  # fmt: skip
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert "path coordinate (1e+308, 10) is outside the viewBox" in out.stdout + out.stderr


def _holes(n: int, size: float = 0.05) -> str:
    cols = math.ceil(math.sqrt(n))
    step = 28 / (cols + 1)
    return "".join(
        f"M{31 + step * (i % cols + 1):.4f},{51 + step * (i // cols + 1):.4f}"
        f"c{size},{-size} {size},{size} 0,0z"
        for i in range(n)
    )


def test_a_zone_sure_to_exceed_the_limit_is_refused_before_parsing(tmp_path):
    body = square("left-big", 30, 50, 30, 30, extra="") + good_body()
    big = body.replace('d="M30,50 h30 v30 h-30 Z"', f'd="M30,50 h30 v30 h-30 Z{_holes(26_000)}"')
    found = errors(write(tmp_path, big))
    assert found[0].startswith(
        f"error: {tmp_path / 'front.svg'} [left-big]: the zone has 104,002 or more points"
    )
    assert "over the limit of 100,000" in found[0]


def test_a_zone_that_flattens_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(svgparse, "MAX_ZONE_VERTICES", 500)
    # 60 long curves: few numbers in the file, but 60 x 96 points once flattened
    curves = " ".join(f"C{30 + i % 2 * 30},{50 + i * 0.5} 30,{55 + i * 0.5} 60,{50 + i * 0.5}"
                      for i in range(60))  # fmt: skip
    f = write(
        tmp_path,
        good_body()
        + f'<path id="left-wavy" class="zone" data-region="head" d="M30,50 {curves} Z"/>',
    )
    found = errors(f)
    assert any("[left-wavy]: the zone has" in e and "over the limit of 500" in e for e in found)


def test_a_view_over_its_limit_is_refused_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_VIEW_VERTICES", 20)
    found = errors(write(tmp_path, good_body()))
    assert found == [
        f"error: {tmp_path / 'front.svg'}: the front view has 30 or more points once its curves "
        "are flattened, over the limit of 20; simplify the paths (the limit keeps checking and "
        "charting fast)",
        'error: atlas: no zones found (paths need an id and class="zone")',
    ]


def test_even_odd_rule_on_nested_touching_and_crossing_rings():
    def sq(x, y, s):
        return [(x, y), (x + s, y), (x + s, y + s), (x, y + s)]

    nested = rings_to_geometry([sq(0, 0, 10), sq(1, 1, 8), sq(2, 2, 6), sq(3, 3, 4)])
    assert nested.area == pytest.approx(100 - 64 + 36 - 16)
    crossing = rings_to_geometry([sq(0, 0, 10), sq(5, 5, 10)])
    assert crossing.area == pytest.approx(150) and crossing.is_valid
    holes = rings_to_geometry([sq(0, 0, 100)] + [sq(1 + 3 * i, 1, 1) for i in range(30)])
    assert isinstance(holes, Polygon) and len(holes.interiors) == 30
    assert holes.area == pytest.approx(10_000 - 30)
    same = rings_to_geometry([sq(0, 0, 10), sq(0, 0, 10)])
    assert same.is_empty


def test_many_gaps_are_counted_after_the_first_named(tmp_path):
    body = good_body() + square("left-holey", 30, 50, 30, 30, extra="")
    holey = body.replace(
        'd="M30,50 h30 v30 h-30 Z"', f'd="M30,50 h30 v30 h-30 Z{_holes(100, 1.0)}"'
    )
    found = [e for e in errors(write(tmp_path, holey)) if ": gap of" in e or "more gaps" in e]
    assert len(found) == validate.MAX_GAPS + 1
    assert all("between zones left-holey" in e for e in found[:-1])
    assert found[-1].endswith(f"and {100 - validate.MAX_GAPS} more gaps between zones")


def test_the_limits_leave_room_for_ten_times_the_builtin_detail():
    from bodymap.geometry import load_atlas

    atlas = load_atlas()
    for view in atlas.views:
        counts = [shapely.get_num_coordinates(z.polygon) for z in atlas.zones_in(view)]
        assert 10 * max(counts) < limits.MAX_ZONE_VERTICES
        assert 10 * sum(counts) < limits.MAX_VIEW_VERTICES
