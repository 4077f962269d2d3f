"""Ranking possible sources: clinical cases from the reference, sides, and the weight helper."""

from __future__ import annotations

import time

import pytest

from bodymap.referral import load_referrals, pain_weights, rank_sources, sided_patterns
from bodymap.referral.evaluate import muscle_rank, recovery_case, self_recovery, shares

_DATA = load_referrals()
_CASES = [(m.id, tp.id) for m in _DATA.muscles for tp in m.trigger_points]
ARM_TO_THUMB = (
    "upper-arm-front",
    "upper-arm-back",
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
def test_arm_to_thumb_ranks_scalenes_top_three(patterns, zones, side):
    cands = _rank(patterns, zones, [f"{side}-{z}" for z in ARM_TO_THUMB])
    assert "scalenes" in _muscles(cands)
    scal = next(c for c in cands if c.muscle.id == "scalenes")
    assert scal.side == side and scal.red_flag and "cardiac" in scal.red_flag


@pytest.mark.parametrize("side", ["left", "right"])
def test_temple_headache_ranks_upper_trapezius_and_temporalis_top_three(patterns, zones, side):
    top = _muscles(_rank(patterns, zones, [f"{side}-temple"]))
    assert "upper-trapezius" in top and "temporalis" in top


def test_temple_and_neck_headache_puts_upper_trapezius_first(patterns, zones):
    cands = _rank(patterns, zones, ["right-temple", "right-back-neck", "right-mastoid"])
    assert cands[0].muscle.id == "upper-trapezius"


def test_a_pattern_follows_the_trigger_points_side(data, patterns, zones):
    for m in data.muscles:
        for tp in m.trigger_points:
            for side in ("left", "right"):
                p = next(p for p in patterns if p.key == (m.id, tp.id, side))
                cands = rank_sources({z: 1.0 for z in p.primary}, zones.areas, patterns)
                own = [c for c in cands if c.muscle.id == m.id and c.trigger_point.id == tp.id]
                assert own[0].side in (side, "midline"), f"{m.id}/{tp.id} {side}"


def test_right_sided_pain_ranks_only_right_side_trigger_points(patterns, zones):
    cands = _rank(patterns, zones, ["right-upper-arm-front", "right-front-shoulder"])
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
    assert c.explanation.startswith("Explains ") and "pain-free" in c.explanation
    assert "right temple" in c.explanation


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


def test_one_query_is_fast(patterns, zones):
    pain = {f"right-{z}": 1.0 for z in ARM_TO_THUMB}
    start = time.perf_counter()
    for _ in range(20):
        rank_sources(pain, zones.areas, patterns)
    assert (time.perf_counter() - start) / 20 < 0.05


def test_patterns_resolve_for_both_sides():
    assert len(sided_patterns(_DATA)) == 2 * sum(len(m.trigger_points) for m in _DATA.muscles)
