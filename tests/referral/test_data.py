"""The built-in referral data: complete, sourced, valid against the atlas, clinically spot-checked."""

from __future__ import annotations

import importlib.resources

import pytest

from bodymap.referral import ReferralData, resolve_pattern, validate_referrals
from bodymap.referral.patterns import STATUSES

REFERENCE_ROWS = range(1, 58)  # clinical.md section 3 rows


def test_builtin_file_ships_as_package_data():
    res = importlib.resources.files("bodymap.referral.data") / "referrals.json"
    assert res.is_file()


def test_builtin_data_is_valid_against_the_atlas(data: ReferralData, zones):
    assert validate_referrals(data, zones.areas.keys()) == []


def test_covers_at_least_55_muscles_and_every_reference_row(data: ReferralData):
    assert len(data.muscles) >= 55
    assert {m.ref for m in data.muscles} >= set(REFERENCE_ROWS)
    assert len({m.id for m in data.muscles}) == len(data.muscles)


def test_every_entry_cites_a_listed_source_and_a_status(data: ReferralData):
    for m in data.muscles:
        assert m.sources, m.id
        assert all(s in data.sources for s in m.sources), m.id
        assert m.status in STATUSES, m.id
        for tp in m.trigger_points:
            assert tp.status in (None, *STATUSES) and tp.spillover_status in (None, *STATUSES)


def test_every_trigger_point_has_location_and_primary_zones(data: ReferralData):
    for m in data.muscles:
        assert m.trigger_points, m.id
        for tp in m.trigger_points:
            assert tp.location and tp.primary, f"{m.id}/{tp.id}"


def test_several_trigger_points_where_the_reference_splits_patterns(data: ReferralData):
    for muscle_id in ("masseter", "deltoid", "pectoralis-major", "gluteus-minimus", "multifidi"):
        assert len(data.muscle(muscle_id).trigger_points) >= 2, muscle_id


def test_unverified_rows_are_marked_u(data: ReferralData):
    for muscle_id in ("extensor-digitorum", "brachioradialis", "short-toe-extensors"):
        assert data.muscle(muscle_id).status == "U"
    assert data.muscle("upper-trapezius").trigger_points[0].spillover_status == "U"


# Issue 11's gaps, each with a cited source and a status (V or P: partly checked).
GAPS = [
    "popliteus", "plantaris", "gracilis", "sartorius", "tibialis-posterior", "long-toe-flexors",
    "long-toe-extensors", "abductor-hallucis", "quadratus-plantae", "lateral-pterygoid",
    "medial-pterygoid", "digastric", "rectus-abdominis", "abdominal-obliques", "anconeus",
    "coracobrachialis", "flexor-carpi-radialis", "flexor-carpi-ulnaris", "flexor-digitorum",
    "pronator-teres",
]  # fmt: skip


@pytest.mark.parametrize("muscle_id", GAPS)
def test_filled_gaps_cite_sources_with_a_status(data: ReferralData, muscle_id: str):
    m = data.muscle(muscle_id)
    assert m.sources and all(key in data.sources for key in m.sources)
    assert m.status in ("V", "P")


def test_triceps_elbow_patterns_and_quadratus_lumborum_own_zone(data: ReferralData):
    triceps = data.muscle("triceps")
    primaries = {str(z) for tp in triceps.trigger_points for z in tp.primary}
    assert {"outer-elbow", "inner-elbow", "elbow-back"} <= primaries
    ql = _pattern(data, "quadratus-lumborum")
    assert {"right-lower-back", "right-iliac-crest"} <= set(ql.primary)


def test_rare_zones_are_listed_but_never_in_a_pattern(data: ReferralData):
    soleus = data.muscle("soleus").trigger_points[0]
    assert [str(z) for z in soleus.rare] == ["jaw"]
    assert "right-jaw" not in (
        *_pattern(data, "soleus").primary,
        *_pattern(data, "soleus").spillover,
    )


def test_every_red_flag_names_the_zones_that_trigger_it(data: ReferralData):
    flagged = [m for m in data.muscles if m.red_flag]
    assert len(flagged) >= 10
    assert all(m.red_flag and m.red_flag.when_charted for m in flagged)
    chest = {str(z) for z in data.muscle("scalenes").red_flag.when_charted}  # type: ignore[union-attr]
    assert {"upper-chest (both)", "breast (both)", "sternum"} <= chest


def test_bilateral_and_midline_patterns_are_encoded(data: ReferralData):
    scm = data.muscle("scm-clavicular").trigger_point("clavicular-head")
    assert scm.pattern_side == "bilateral"
    p = resolve_pattern(data.muscle("scm-clavicular"), scm, "right")
    assert "right-forehead" in p.primary and "left-forehead" in p.spillover
    for muscle_id in ("multifidi", "middle-trapezius"):
        assert all(tp.pattern_side == "midline" for tp in data.muscle(muscle_id).trigger_points)
    mid = data.muscle("middle-trapezius")
    assert "upper-thoracic-spine" in resolve_pattern(mid, mid.trigger_points[0], "left").primary


@pytest.mark.parametrize(
    ("muscle_id", "words"),
    [
        ("scalenes", "cardiac"),
        ("pectoralis-major", "cardiac"),
        ("pectoralis-minor", "cardiac"),
        ("scm-sternal", "Horner"),
        ("scm-clavicular", "Horner"),
        ("temporalis", "arteritis"),
        ("masseter", "arteritis"),
    ],
)
def test_red_flags_from_the_reference(data: ReferralData, muscle_id: str, words: str):
    flag = data.muscle(muscle_id).red_flag
    assert flag is not None and words in flag.text and flag.status == "V"


def _pattern(data: ReferralData, muscle_id: str, side: str = "right"):
    m = data.muscle(muscle_id)
    return resolve_pattern(m, m.trigger_points[0], side)


def test_scalene_pattern_reaches_thumb_and_index_on_both_views(data: ReferralData):
    p = _pattern(data, "scalenes", "left")
    for z in ("thumb-palmar", "thumb-dorsal", "index-palmar", "index-dorsal"):
        assert f"left-{z}" in p.primary
    for z in (
        "forearm-palmar-radial",
        "forearm-dorsal-radial",
        "upper-arm-front-outer",
        "upper-arm-back-outer",
    ):
        assert f"left-{z}" in p.primary
    assert not any(z.startswith("right-") for z in (*p.primary, *p.spillover))


def test_head_patterns_use_the_right_views(data: ReferralData, zones):
    trap = _pattern(data, "upper-trapezius")
    assert {"right-temple", "right-mastoid", "right-jaw", "right-eye"} <= set(trap.primary)
    temporalis = _pattern(data, "temporalis")
    assert "right-temple" in temporalis.primary
    assert {"vertex", "crown"} <= set(_pattern(data, "splenius-capitis").primary)


def test_lower_limb_spot_checks(data: ReferralData):
    assert "right-knee-back" in _pattern(data, "biceps-femoris").primary
    assert {"right-heel-back", "right-heel-pad"} <= set(_pattern(data, "soleus").primary)
    assert "right-big-toe" in _pattern(data, "tibialis-anterior").primary
    assert {"right-sacroiliac", "right-buttock-lower"} <= set(
        _pattern(data, "quadratus-lumborum").primary
    )


def test_referral_core_does_not_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, bodymap.referral, bodymap.referral.charts, bodymap.referral.evaluate;"
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
