"""Loading and validation: custom files, and clear messages for every kind of bad entry."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from bodymap.referral import (
    ReferralDataError,
    ZoneRef,
    load_referrals,
    read_referrals,
    resolve_zone,
    validate_referrals,
)
from bodymap.referral.patterns import parse_referrals

KNOWN = {"left-temple", "right-temple", "left-neck", "right-neck", "vertex"}
GOOD = {
    "sources": {"X": "a source"},
    "muscles": [
        {
            "id": "m1",
            "name": "Muscle one",
            "sources": ["X"],
            "status": "V",
            "trigger_points": [
                {
                    "id": "t1",
                    "location": [{"stem": "neck"}],
                    "primary": [{"stem": "temple"}],
                    "spillover": ["vertex"],
                }
            ],
        }
    ],
}


def _problems(mutate) -> list[str]:
    raw = copy.deepcopy(GOOD)
    mutate(raw)
    return validate_referrals(parse_referrals(raw), KNOWN)


def _tp(raw: dict) -> dict:
    return raw["muscles"][0]["trigger_points"][0]


def test_good_data_has_no_problems():
    assert _problems(lambda raw: None) == []


def test_unknown_zone_id_names_muscle_trigger_point_and_field():
    (msg,) = _problems(lambda raw: _tp(raw)["spillover"].append("nowhere"))
    assert "'m1'" in msg and "'t1'" in msg and "'spillover'" in msg and "nowhere" in msg


def test_unknown_stem_is_reported():
    (msg,) = _problems(lambda raw: _tp(raw)["primary"].append({"stem": "elbow"}))
    assert "'primary'" in msg and "elbow" in msg


@pytest.mark.parametrize("field", ["location", "primary"])
def test_missing_location_or_primary_fails(field: str):
    (msg,) = _problems(lambda raw: _tp(raw).__setitem__(field, []))
    assert f"'{field}'" in msg and "'t1'" in msg


def test_a_muscle_without_sources_or_trigger_points_fails():
    assert any("cites no source" in p for p in _problems(lambda r: r["muscles"][0].pop("sources")))
    assert any(
        "unknown" not in p and "trigger point" in p
        for p in _problems(lambda r: r["muscles"][0].__setitem__("trigger_points", []))
    )


def test_unlisted_source_key_and_bad_status_fail():
    problems = _problems(lambda r: r["muscles"][0].update(sources=["Y"], status="maybe"))
    assert len(problems) == 2


def test_a_one_sided_id_must_be_written_as_a_stem():
    (msg,) = _problems(lambda raw: _tp(raw)["primary"].append("left-temple"))
    assert "stem" in msg


def test_bilateral_pattern_needs_a_crossing_zone():
    (msg,) = _problems(lambda raw: _tp(raw).__setitem__("pattern_side", "bilateral"))
    assert "bilateral" in msg


def test_malformed_shape_raises_with_location():
    with pytest.raises(ReferralDataError, match="'m1'.*'t1'.*'primary'"):
        parse_referrals(
            {"muscles": [{**GOOD["muscles"][0], "trigger_points": [{"id": "t1", "primary": [3]}]}]}
        )


def test_load_custom_file_validates_and_names_the_file(tmp_path: Path):
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    assert load_referrals(path, known_zone_ids=KNOWN).muscles[0].id == "m1"
    with pytest.raises(ReferralDataError, match="custom.json.*'t1'"):
        load_referrals(path, known_zone_ids={"vertex"})


def test_unreadable_and_invalid_files_raise_clear_errors(tmp_path: Path):
    with pytest.raises(ReferralDataError, match="cannot read"):
        read_referrals(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ReferralDataError, match="not valid JSON"):
        read_referrals(bad)


def test_builtin_loads_without_arguments():
    assert len(load_referrals().muscles) >= 55


def test_resolve_zone_follows_the_patients_side():
    assert resolve_zone(ZoneRef(stem="temple"), "left") == ("left-temple",)
    assert resolve_zone(ZoneRef(stem="temple", side="contralateral"), "left") == ("right-temple",)
    assert resolve_zone(ZoneRef(stem="temple", side="both"), "right") == (
        "right-temple",
        "left-temple",
    )
    assert resolve_zone(ZoneRef(id="sacrum"), "left") == ("sacrum",)
    with pytest.raises(ValueError):
        resolve_zone(ZoneRef(stem="temple"), "midline")
