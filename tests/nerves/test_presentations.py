"""The evaluation set: realistic presentations, the top-3 target, red flags, the issue's cases.

The table against the zone-only baseline is printed by benchmarks/bench_explain.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bodymap.nerves.evaluate import outcome, read_presentations, shares
from bodymap.nerves.evidence import ChartedTriggerPoint
from bodymap.nerves.flags import nerve_flags
from bodymap.nerves.rank import rank_explanations
from bodymap.referral.resolve import other_side

CASES = read_presentations(Path(__file__).with_name("presentations.json"))
BY_ID = {c.id: c for c in CASES}


def ranked(ctx, case):
    return rank_explanations(case.evidence(), ctx.patterns, labels=ctx.labels)


def test_the_set_is_realistic_sourced_and_covers_both_sides_and_kinds(ctx):
    assert len(CASES) >= 30 and len(BY_ID) == len(CASES)
    assert all(c.source and c.story for c in CASES)
    assert {c.kind for c in CASES} == {"muscle", "dermatome", "nerve"}
    assert {c.side for c in CASES} == {"left", "right", "both"}
    for kind in ("muscle", "dermatome", "nerve"):
        sides = {c.side for c in CASES if c.kind == kind}
        assert {"left", "right"} <= sides, kind
    structures = {p.structure for p in ctx.patterns}
    for c in CASES:
        assert set(c.expected) <= structures, c.id
        assert all(ctx.labels.get(z) for z, _, _ in c.marks), c.id


def test_expected_structure_in_the_top_three_for_at_least_90_percent(ctx):
    outcomes = [outcome(c, ranked(ctx, c)) for c in CASES]
    _, top3 = shares(outcomes)
    misses = [(o.case.id, o.rank, o.first) for o in outcomes if not o.top3]
    assert top3 >= 0.9, misses
    verified = [o for o in outcomes if o.case.status == "V"]
    assert shares(verified)[1] >= 0.9


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_case_raises_exactly_its_red_flags(ctx, case):
    found = nerve_flags(case.evidence(), ctx.nerve_patterns, ctx.regions,
                        intake=case.intake_flags, labels=ctx.labels)  # fmt: skip
    assert {f.id for f in found} == set(case.red_flags)


def test_the_issues_three_examples_come_first(ctx):
    saphenous = ranked(ctx, BY_ID["20-saphenous-nerve-right"])[0]
    assert (saphenous.kind, saphenous.structure) == ("nerve", "saphenous nerve")
    assert "knee" in saphenous.text
    c7 = ranked(ctx, BY_ID["03-c7-right"])[0]
    assert (c7.kind, c7.structure) == ("dermatome", "C7")
    gmin = ranked(ctx, BY_ID["27-gluteus-minimus-right"])
    assert (gmin[0].kind, gmin[0].structure) == ("muscle", "gluteus-minimus")
    assert "trigger point is charted" in gmin[0].text


def test_without_the_trigger_point_the_same_ache_still_ranks_the_muscle_above_l5(ctx):
    case = replace(BY_ID["27-gluteus-minimus-right"], trigger_points=())
    found = ranked(ctx, case)
    ranks = {e.structure: i for i, e in reversed(list(enumerate(found)))}
    assert ranks["gluteus-minimus"] < ranks["L5"]


def _mirrored(case):
    def flip(z: str) -> str:
        for s in ("left", "right"):
            if z.startswith(f"{s}-"):
                return f"{other_side(s)}-{z[len(s) + 1 :]}"
        return z

    marks = tuple((flip(z), i, q) for z, i, q in case.marks)
    tps = tuple(ChartedTriggerPoint(t.muscle, other_side(t.side) if t.side else None, flip(t.zone))
                for t in case.trigger_points)  # fmt: skip
    swap = {"left": "right", "right": "left", "Left": "Right", "Right": "Left"}
    history = tuple(re.sub(r"\b(left|right|Left|Right)\b", lambda m: swap[m[1]], entry)
                    for entry in case.surgeries)  # fmt: skip
    return replace(case, side=other_side(case.side), marks=marks, trigger_points=tps,
                   surgeries=history)  # fmt: skip


@pytest.mark.parametrize("case", [c for c in CASES if c.side != "both"], ids=lambda c: c.id)
def test_a_mirrored_case_ranks_the_same(ctx, case):
    a, b = ranked(ctx, case)[:5], ranked(ctx, _mirrored(case))[:5]
    assert [(e.pattern.id, round(e.score, 9)) for e in a] == [
        (e.pattern.id, round(e.score, 9)) for e in b
    ]
