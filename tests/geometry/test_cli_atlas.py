"""The atlas commands: zones, locate and atlas check, as a user runs them."""

from __future__ import annotations

import json

from bodymap.cli.main import main


def test_zones_json(capsys):
    assert main(["zones", "--view", "back", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) >= 80
    first = data[0]
    assert set(first) == {"id", "label", "view", "side", "region", "area", "point", "parent"}
    assert all(z["view"] == "back" for z in data)


def test_zones_people_output(capsys):
    assert main(["zones"]) == 0
    out = capsys.readouterr().out
    assert "left-temple" in out and "zones" in out.splitlines()[-1]


def test_locate_inside_and_outside(capsys):
    assert main(["locate", "front", "231", "53", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "left-forehead"
    assert main(["locate", "front", "2", "2"]) == 1
    assert "outside the body" in capsys.readouterr().err


def test_locate_unknown_view(capsys):
    assert main(["locate", "side", "1", "1"]) == 1
    assert "unknown view" in capsys.readouterr().err


def test_atlas_check_builtin_and_bad(tmp_path, capsys):
    from bodymap.geometry.sources import builtin_dir

    assert main(["atlas", "check", str(builtin_dir())]) == 0
    assert "valid atlas" in capsys.readouterr().out
    bad = tmp_path / "x.svg"
    bad.write_text("not xml")
    assert main(["atlas", "check", str(bad)]) == 1
    assert "NOT valid" in capsys.readouterr().out
