"""Red flags for nerve-shaped patterns, on the built-in data and atlas: when, and when not."""

from __future__ import annotations

from bodymap.model.intake import RedFlag
from bodymap.nerves.evidence import zone_evidence
from bodymap.nerves.flags import flag_texts, nerve_flags


def flags(ctx, zones, qualities=("numbness",), intake=()) -> list[str]:
    ev = zone_evidence(zones, qualities)
    found = nerve_flags(ev, ctx.nerve_patterns, ctx.regions, intake=intake, labels=ctx.labels)
    assert all(f.text and f.why and f.sources for f in found)
    return [f.id for f in found]


def test_saddle_numbness_on_the_midline_or_both_buttocks(ctx):
    assert flags(ctx, ["coccyx"]) == ["saddle"]
    assert flags(ctx, ["left-buttock-lower", "right-buttock-lower"]) == ["saddle", "both-legs"]
    assert flags(ctx, ["right-buttock-lower"]) == []  # one lower buttock: not the saddle
    assert flags(ctx, ["coccyx"], qualities=("aching",)) == []  # pain there is no red flag


def test_both_legs_but_not_a_commonly_bilateral_nerve(ctx):
    assert flags(ctx, ["left-calf-outer", "right-calf-outer"]) == ["both-legs"]
    assert flags(ctx, ["left-thigh-outer", "right-thigh-outer"], ("burning",)) == []  # meralgia


def test_both_hands_but_not_bilateral_carpal_tunnel(ctx):
    cts = [f"{s}-{f}-palmar" for s in ("left", "right") for f in ("thumb", "index", "middle")]
    assert flags(ctx, cts, ("tingling",)) == []
    assert flags(ctx, [*cts, "left-little-palmar", "right-little-palmar"]) == ["both-arms"]


def test_several_roots_on_one_side(ctx):
    assert flags(ctx, ["right-thumb-palmar", "right-index-dorsal"]) == []  # C6
    assert flags(ctx, ["right-middle-palmar", "right-ring-dorsal"]) == []  # C7 and C8 neighbour
    assert flags(ctx, ["right-thumb-palmar", "right-middle-palmar", "right-ring-palmar"]) == []
    assert flags(ctx, ["right-thumb-palmar", "right-little-palmar"]) == ["multi-level"]
    assert flags(ctx, ["left-thigh-front", "left-sole"]) == ["multi-level"]  # L2 and S1


def test_tingling_along_a_roots_pain_counts_as_that_root(ctx):
    c7 = ["right-upper-arm-back-outer", "right-forearm-dorsal-ulnar", "right-middle-dorsal"]
    assert flags(ctx, c7, ("tingling",)) == []


def test_a_band_on_both_sides_of_the_trunk(ctx):
    assert flags(ctx, ["left-mid-abdomen", "right-mid-abdomen"]) == ["both-sides-trunk"]
    assert flags(ctx, ["right-mid-abdomen", "right-flank"]) == []  # one side: one band (zoster?)


def test_intake_answers_raise_their_flags_in_the_files_order(ctx):
    answers = [RedFlag.BOWEL_BLADDER.value, RedFlag.PROGRESSIVE_NEURO.value,
               RedFlag.SADDLE_NUMBNESS.value, RedFlag.FEVER.value]  # fmt: skip
    assert flags(ctx, ["right-shin"], ("aching",), answers) == [
        "saddle",
        "progressive",
        "bladder-bowel",
    ]
    assert list(flag_texts()) == ["saddle", "both-legs", "both-arms", "both-sides-trunk",
                                  "multi-level", "progressive", "bladder-bowel"]  # fmt: skip
