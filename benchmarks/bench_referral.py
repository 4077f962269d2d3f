"""Referral ranking benchmark: realistic presentations and self-recovery, old score vs new.

Run: .venv/bin/python benchmarks/bench_referral.py [--data OLD_REFERRALS.json]
The evaluation set (tests/referral/presentations.json) lists realistic charts with the
muscles a clinician would expect; a case is a hit at k when one expected muscle ranks within
the first k muscles, ties counting against it. Both scores rank the same patterns in the same
run: the old area-weighted Tversky overlap (benchmarks/referral_baseline.py) and the new
zone-by-zone score. --data ranks with another referral data file as well (for example the one
shipped before issue 11, from `git show <commit>:bodymap/referral/data/referrals.json`).
Speed: one query on the demo intake chart, and on ten times the patterns; target < 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from referral_baseline import area_tversky_rows, old_chart_pain

from bodymap.geometry import load_atlas
from bodymap.ops.demo import build_demo_record
from bodymap.referral import (
    RankWeights,
    load_referrals,
    rank_sources,
    read_referrals,
    sided_patterns,
)
from bodymap.referral.charts import chart_pain
from bodymap.referral.evaluate import (
    Presentation,
    Row,
    candidate_rows,
    hit_shares,
    read_presentations,
    strict_rank,
)
from bodymap.referral.resolve import SidedPattern

CASES = Path(__file__).resolve().parent.parent / "tests" / "referral" / "presentations.json"
TARGET_MS = 50.0
Ranker = Callable[[Mapping[str, float]], list[Row]]


def rankers(patterns: Sequence[SidedPattern], areas: Mapping[str, float]) -> dict[str, Ranker]:
    return {
        "old (area Tversky)": lambda pain: area_tversky_rows(pain, areas, patterns),
        "new (zone by zone)": lambda pain: candidate_rows(rank_sources(pain, areas, patterns)),
    }


def table(cases: Sequence[Presentation], ranks: dict[str, list[int]]) -> None:
    names = list(ranks)
    head = "".join(f" | {n[:18]:>18} top1  top3" for n in names)
    print(f"{'body area':14} {'n':>3}{head}")
    for area in [*dict.fromkeys(c.area for c in cases), "all"]:
        idx = [i for i, c in enumerate(cases) if area in ("all", c.area)]
        cells = ""
        for n in names:
            first, top3 = hit_shares([ranks[n][i] for i in idx])
            cells += f" | {'':18} {first:4.0%} {top3:5.0%}"
        print(f"{area:14} {len(idx):>3}{cells}")


def misses(cases: Sequence[Presentation], ranks: dict[str, list[int]]) -> None:
    for n, rs in ranks.items():
        out = [f"{c.id} ({r or '-'})" for c, r in zip(cases, rs, strict=True) if not 1 <= r <= 3]
        print(f"  not in the top 3, {n}: {', '.join(out) or 'none'}")


def evaluate(label: str, patterns: Sequence[SidedPattern], areas: Mapping[str, float]) -> None:
    cases = read_presentations(CASES)
    ranks = {
        n: [strict_rank(r(c.pain), c.expected, c.side) for c in cases]
        for n, r in rankers(patterns, areas).items()
    }
    print(f"\n{label}: {len(cases)} presentations, {len(patterns)} sided patterns")
    table(cases, ranks)
    misses(cases, ranks)


def self_recovery(patterns: Sequence[SidedPattern], areas: Mapping[str, float]) -> None:
    for n, rank in rankers(patterns, areas).items():
        rs = [
            strict_rank(rank({z: 1.0 for z in p.primary}), [p.muscle.id], p.side) for p in patterns
        ]
        first, top3 = hit_shares(rs)
        print(f"  self-recovery (primary zones charted), {n}: 1st {first:.0%}, top 3 {top3:.0%}")


def named_cases(patterns: Sequence[SidedPattern], areas: Mapping[str, float]) -> None:
    atlas = load_atlas()
    chart = build_demo_record(atlas).visits[0].pre_chart
    jaw = {"right-jaw": 1.0}
    thumb = {
        f"right-{z}": 1.0
        for z in ("thumb-palmar", "upper-arm-front-outer", "forearm-palmar-radial")
    }
    for n, rank in rankers(patterns, areas).items():
        pain = old_chart_pain(chart, atlas) if n.startswith("old") else chart_pain(chart, atlas)
        rows = rank(pain)
        ut, sc = (strict_rank(rows, [m], "right") for m in ("upper-trapezius", "scalenes"))
        soleus = strict_rank(rank(jaw), ["soleus"], "right") or "not listed"
        scal = strict_rank(rank(thumb), ["scalenes"], "right")
        print(f"  {n}: demo intake chart upper trapezius #{ut}, scalenes #{sc}; thumb, front "
              f"of arm, radial forearm: scalenes #{scal}; jaw pain: soleus #{soleus}")  # fmt: skip


def sensitivity(patterns: Sequence[SidedPattern], areas: Mapping[str, float]) -> None:
    """The new score's hit shares as the cost of missing main zones varies around its default."""
    cases = read_presentations(CASES)
    cells = []
    for missing in (0.3, 0.5, 0.7, 1.0):
        w = RankWeights(missing=missing)
        ranks = [
            strict_rank(
                candidate_rows(rank_sources(c.pain, areas, patterns, weights=w)), c.expected, c.side
            )  # fmt: skip
            for c in cases
        ]
        first, top3 = hit_shares(ranks)
        cells.append(f"missing={missing}: {first:.0%}/{top3:.0%}")
    print(f"  new score, top1/top3 by missing-zone cost: {'; '.join(cells)}")


def median_ms(rank: Ranker, pain: Mapping[str, float], repeat: int = 100) -> float:
    rank(pain)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        rank(pain)
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def speed(patterns: Sequence[SidedPattern], areas: Mapping[str, float]) -> None:
    atlas = load_atlas()
    pain = chart_pain(build_demo_record(atlas).visits[0].pre_chart, atlas)
    for scale in (1, 10):
        pats = list(patterns) * scale
        ms = {n: median_ms(r, pain) for n, r in rankers(pats, areas).items()}
        old, new = ms.values()
        print(f"  speed x{scale} ({len(pats)} patterns): old {old:.2f} ms, new {new:.2f} ms, "
              f"new/old {new / old:.2f}, target < {TARGET_MS:.0f} ms x{scale}: "
              f"{'met' if new < TARGET_MS * scale else 'MISSED'}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", help="also rank with this referral data file")
    args = parser.parse_args()
    atlas = load_atlas()
    areas = {z.id: z.area for z in atlas.zones}
    patterns = sided_patterns(load_referrals())
    evaluate("built-in data, default ranking set (verified and partly verified)", patterns, areas)
    self_recovery(patterns, areas)
    named_cases(patterns, areas)
    sensitivity(patterns, areas)
    if args.data:
        old = sided_patterns(read_referrals(args.data), unverified=True)  # zones unchecked
        evaluate(f"{args.data}, every pattern", old, areas)
        named_cases(old, areas)
    print()
    speed(patterns, areas)


if __name__ == "__main__":
    main()
