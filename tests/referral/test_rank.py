"""Ranking possible sources: zone-by-zone evidence, sides, red flags and the weight helper."""

from __future__ import annotations

import pytest

from bodymap.referral import (
    Muscle,
    RedFlag,
    SidedPattern,
    TriggerPoint,
    ZoneRef,
    load_referrals,
    pain_weights,
    rank_sources,
    sided_patterns,
)
from bodymap.referral.charts import FINGERTIP_AREA, charted_share
from bodymap.referral.evaluate import muscle_rank, recovery_case, self_recovery, shares
from bodymap.referral.resolve import status_of

_DATA = load_referrals()
_CASES = [
    (m.id, tp.id) for m in _DATA.muscles for tp in m.trigger_points if status_of(m, tp) != "U"
]
ARM_TO_THUMB = (
    "upper-arm-front-outer",
    "upper-arm-back-outer",
    "forearm-palmar-radial",
    "forearm-dorsal-radial",
    "thumb-palmar",
    "thumb-dorsal",
)


def _rank(patterns, zones, pain_ids, **kw):
    return rank_sources(
        {z: 1.0 for z in pain_ids}, zones.areas, patterns, labels=zones.labels, **kw
    )


def _muscles(cands, n=3):
    return [c.muscle.id for c in cands[:n]]


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(("muscle_id", "tp_id"), _CASES)
def test_own_primary_pattern_ranks_the_muscle_near_the_top(
    data, patterns, zones, muscle_id, tp_id, side
):
    m = data.muscle(muscle_id)
    p = next(p for p in patterns if p.key == (muscle_id, tp_id, side))
    case = recovery_case(p, patterns, zones.areas)
    assert 1 <= case.rank <= 3, f"{m.name} {tp_id} {side}: rank {case.rank}"


def test_share_of_muscles_recovered_first_and_in_top_three(patterns, zones):
    first, top3 = shares(self_recovery(patterns, zones.areas))
    print(f"\nself-recovery: 1st {first:.0%}, top 3 {top3:.0%} ({len(patterns)} cases)")
    assert first >= 0.8 and top3 >= 0.95


@pytest.mark.parametrize("side", ["left", "right"])
def test_arm_to_thumb_ranks_scalenes_first_without_a_chest_caution(patterns, zones, side):
    cands = _rank(patterns, zones, [f"{side}-{z}" for z in ARM_TO_THUMB])
    assert cands[0].muscle.id == "scalenes" and cands[0].side == side
    assert cands[0].red_flag is None  # no chest pain charted: no cardiac caution


@pytest.mark.parametrize("side", ["left", "right"])
def test_chest_pain_brings_the_cardiac_caution(patterns, zones, side):
    cands = _rank(patterns, zones, [f"{side}-{z}" for z in (*ARM_TO_THUMB, "upper-chest")])
    scal = next(c for c in cands if c.muscle.id == "scalenes")
    assert scal.red_flag and "cardiac" in scal.red_flag
    assert all(c.red_flag is None for c in cands if c.muscle.red_flag is None)


def test_a_caution_is_shown_only_with_its_own_trigger_zones(patterns, zones):
    cands = _rank(patterns, zones, ["right-side-chest", "right-scapular-border"])
    flags = {c.muscle.id: c.red_flag for c in cands}
    assert flags["serratus-anterior"] and "Side-of-chest" in flags["serratus-anterior"]
    cands = _rank(patterns, zones, ["right-cheek"])
    assert all(c.red_flag is None for c in cands)  # masseter's arteritis caution needs jaw/temple


def test_soleus_is_not_suggested_for_jaw_pain(patterns, zones):
    for side in ("left", "right"):
        cands = _rank(patterns, zones, [f"{side}-jaw"])
        assert "soleus" not in [c.muscle.id for c in cands]
        assert {"masseter", "medial-pterygoid"} <= set(_muscles(cands))


def test_unverified_patterns_stay_out_of_the_default_ranking(data, zones):
    default = {p.muscle.id for p in sided_patterns(data)}
    everything = {p.muscle.id for p in sided_patterns(data, unverified=True)}
    assert "short-toe-extensors" in everything - default
    trap = next(p for p in sided_patterns(data) if p.muscle.id == "upper-trapezius")
    assert "right-occiput" not in trap.spillover and "left-occiput" not in trap.spillover


def _synthetic(pid: str, primary: tuple[str, ...], spill: tuple[str, ...] = ()) -> SidedPattern:
    tp = TriggerPoint(pid, pid, (ZoneRef(id="site"),), (), ())
    flag = RedFlag("see a doctor", "test", "V", (ZoneRef(id="chest"),))
    m = Muscle(pid, pid, (tp,), ("test",), "V", red_flag=flag)
    return SidedPattern(m, tp, "right", ("site",), primary, spill)


def test_each_charted_zone_counts_whatever_its_size():
    big = _synthetic("big", ("thigh",))
    small = _synthetic("small", ("finger", "wrist", "elbow"))
    ids = ["thigh", "finger", "wrist", "elbow", "site", "chest"]
    cands = rank_sources({z: 1.0 for z in ids[:4]}, ids, [big, small])
    assert [c.muscle.id for c in cands] == ["small", "big"]
    assert cands[0].score == pytest.approx(0.75) and cands[1].score == pytest.approx(0.25)
    assert all(c.red_flag is None for c in cands)
    flagged = rank_sources({"thigh": 1.0, "chest": 1.0}, ids, [big])
    assert flagged[0].red_flag == "see a doctor"


def test_unexplained_zones_and_missing_main_zones_cost():
    whole = _synthetic("whole", ("a", "b"))
    wide = _synthetic("wide", ("a", "b", "c", "d"))
    spill = _synthetic("spill", ("a",), ("b",))
    ids = ["a", "b", "c", "d", "site", "chest"]
    cands = rank_sources({"a": 1.0, "b": 1.0}, ids, [wide, spill, whole])
    assert [c.muscle.id for c in cands] == ["whole", "wide", "spill"]
    assert cands[0].score == pytest.approx(1.0)
    assert cands[1].score == pytest.approx(1 / 1.25)  # half its main zones pain-free
    assert cands[2].score == pytest.approx(0.75)  # b explained only half, as spillover
    assert cands[2].as_spillover == ("b",)


@pytest.mark.parametrize("side", ["left", "right"])
def test_temple_headache_ranks_upper_trapezius_and_temporalis_top_three(patterns, zones, side):
    top = _muscles(_rank(patterns, zones, [f"{side}-temple"]))
    assert "upper-trapezius" in top and "temporalis" in top


def test_temple_and_neck_headache_puts_upper_trapezius_first(patterns, zones):
    cands = _rank(patterns, zones, ["right-temple", "right-back-neck", "right-mastoid"])
    assert cands[0].muscle.id == "upper-trapezius"


def test_a_pattern_follows_the_trigger_points_side(patterns, zones):
    for p in patterns:
        cands = rank_sources({z: 1.0 for z in p.primary}, zones.areas, patterns)
        own = [c for c in cands if (c.muscle.id, c.trigger_point.id) == p.key[:2]]
        assert own[0].side in (p.side, "midline"), f"{p.key}"


def test_right_sided_pain_ranks_only_right_side_trigger_points(patterns, zones):
    cands = _rank(patterns, zones, ["right-upper-arm-front-outer", "right-front-shoulder"])
    assert cands and all(c.side == "right" for c in cands)


def test_pain_free_chart_gives_no_candidates(patterns, zones):
    assert rank_sources({}, zones.areas, patterns) == []
    assert rank_sources({"right-temple": 0.0}, zones.areas, patterns) == []


def test_midline_only_pain_lists_a_midline_trigger_point_once(patterns, zones):
    cands = _rank(patterns, zones, ["lumbar-spine"])
    multifidi = [c for c in cands if (c.muscle.id, c.trigger_point.id) == ("multifidi", "lumbar")]
    assert [c.side for c in multifidi] == ["midline"]
    assert cands[0].muscle.id == "multifidi"


def test_candidate_fields_and_explanation(patterns, zones):
    cands = _rank(patterns, zones, ["right-temple", "right-jaw", "right-knee-back"])
    c = next(c for c in cands if c.muscle.id == "upper-trapezius")
    assert 0 < c.score <= 1
    assert "right-knee-back" in c.unmatched_pain_zones
    assert set(c.matched_zones) <= {"right-temple", "right-jaw"}
    assert c.explanation == (
        "Explains 2 of the 3 charted zones (right temple, right jaw (angle of mandible)); "
        "5 of its 7 main zones are pain-free."
    )


def test_scores_are_bounded_and_sorted(patterns, zones):
    cands = _rank(patterns, zones, ["right-buttock-lower", "right-thigh-back-outer", "sacrum"])
    scores = [c.score for c in cands]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_unknown_pain_zone_is_an_error(patterns, zones):
    with pytest.raises(ValueError, match="nowhere"):
        rank_sources({"nowhere": 1.0}, zones.areas, patterns)


def test_pain_weights_combine_marks_and_shading():
    w = pain_weights(
        [("right-temple", 8, None), ("right-temple", 10, 0.5), ("right-jaw", 6, 0.5), ("x", 0, 1)]
    )
    assert w == {"right-temple": pytest.approx(0.8), "right-jaw": pytest.approx(0.3)}
    assert pain_weights([("a", 3, 1.0)], scale=3) == {"a": 1.0}


def test_intensity_scale_does_not_change_the_ranking(patterns, zones):
    weak = rank_sources({"right-temple": 0.2}, zones.areas, patterns)
    strong = rank_sources({"right-temple": 1.0}, zones.areas, patterns)
    assert [c.muscle.id for c in weak] == [c.muscle.id for c in strong]


def test_muscle_rank_counts_ties_in_the_muscles_favour(patterns, zones):
    cands = _rank(patterns, zones, ["right-back-shoulder"])
    assert muscle_rank(cands, "deltoid", "right") == 1
    assert muscle_rank(cands, "teres-minor", "right") == 1


def test_patterns_resolve_for_both_sides():
    every = sum(len(m.trigger_points) for m in _DATA.muscles)
    assert len(sided_patterns(_DATA, unverified=True)) == 2 * every
    assert len(sided_patterns(_DATA)) == 2 * len(_CASES)


def test_a_stroke_charts_a_zone_once_it_covers_a_fingertip():
    assert charted_share(FINGERTIP_AREA / 5000, 5000) == pytest.approx(1.0)
    assert charted_share(0.5, 130) == pytest.approx(1.0)  # a thumb half covered
    assert charted_share(0.004, 1000) == pytest.approx(0.04)  # a graze counts in proportion
    assert charted_share(0.5, 0) == 0.0
