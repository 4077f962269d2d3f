"""Referral ranking benchmark: self-recovery of every reference pattern, and time per query.

Run: .venv/bin/python benchmarks/bench_referral.py
For each trigger point and side, the pattern's primary zones are charted as pain and every
pattern is ranked; a case succeeds when its muscle ranks 1st (ties shared) or in the top 3.
A plain Jaccard index over zone sets (no areas, no weights) is the trivial baseline.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping, Sequence

from bodymap.referral import Candidate, load_referrals, rank_sources, sided_patterns
from bodymap.referral.rank import EPS
from bodymap.referral.resolve import SidedPattern

Ranker = Callable[[Mapping[str, float]], list[tuple[str, str, float]]]
ARM_TO_THUMB = [
    f"right-{z}"
    for z in (
        "upper-arm-front",
        "upper-arm-back",
        "forearm-palmar-radial",
        "forearm-dorsal-radial",
        "thumb-palmar",
        "thumb-dorsal",
    )
]


def zone_areas() -> tuple[dict[str, float], str]:
    """Areas from the real atlas, or equal areas from zones.json when the SVGs are missing."""
    try:
        from bodymap.geometry import load_atlas

        atlas = load_atlas()
        return {z.id: z.area for z in atlas.zones}, "real atlas areas"
    except Exception:
        from bodymap.referral import builtin_zone_ids

        return {z: 1.0 for z in builtin_zone_ids()}, "EQUAL areas (atlas SVGs missing)"


def jaccard_ranker(patterns: Sequence[SidedPattern]) -> Ranker:
    sets = [(p, set(p.primary) | set(p.spillover)) for p in patterns]

    def rank(pain: Mapping[str, float]) -> list[tuple[str, str, float]]:
        zones = {z for z, w in pain.items() if w > 0}
        out = [(p.muscle.id, p.side, len(zones & s) / len(zones | s)) for p, s in sets if zones & s]
        return sorted(out, key=lambda r: -r[2])

    return rank


def tversky_ranker(
    patterns: Sequence[SidedPattern], areas: Mapping[str, float], top: int | None = None
) -> Ranker:
    def rank(pain: Mapping[str, float]) -> list[tuple[str, str, float]]:
        cands: list[Candidate] = rank_sources(pain, areas, patterns, top=top)
        return [(c.muscle.id, c.side, c.score) for c in cands]

    return rank


def _rank_of(rows: list[tuple[str, str, float]], muscle_id: str, side: str) -> int:
    """evaluate.muscle_rank on (muscle id, side, score) rows, so the baseline ranks alike."""
    own = [s for m, sd, s in rows if m == muscle_id and sd in (side, "midline")]
    if not own:
        return 0
    return 1 + len({m for m, _, s in rows if m != muscle_id and s > max(own) + EPS})


def recovery(ranker: Ranker, patterns: Sequence[SidedPattern]) -> dict[str, float]:
    ranks = [_rank_of(ranker({z: 1.0 for z in p.primary}), p.muscle.id, p.side) for p in patterns]
    by_muscle: dict[str, list[int]] = {}
    for p, r in zip(patterns, ranks, strict=True):
        by_muscle.setdefault(p.muscle.id, []).append(r)
    n, nm = len(ranks), len(by_muscle)
    return {
        "cases_first": sum(r == 1 for r in ranks) / n,
        "cases_top3": sum(1 <= r <= 3 for r in ranks) / n,
        "muscles_first": sum(all(r == 1 for r in rs) for rs in by_muscle.values()) / nm,
        "muscles_top3": sum(all(1 <= r <= 3 for r in rs) for rs in by_muscle.values()) / nm,
    }


def time_query(ranker: Ranker, pain: Mapping[str, float], repeat: int = 200) -> float:
    """Median seconds for one ranking query."""
    ranker(pain)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        ranker(pain)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    data = load_referrals()
    patterns = sided_patterns(data)
    areas, where = zone_areas()
    print(f"referral data: {len(data.muscles)} muscles/parts, {data.trigger_point_count} trigger "
          f"points, {len(patterns)} sided patterns; {where}")  # fmt: skip
    pain = {z: 1.0 for z in ARM_TO_THUMB}
    for name, ranker in (
        ("tversky (areas)", tversky_ranker(patterns, areas)),
        ("tversky, top 10", tversky_ranker(patterns, areas, top=10)),
        ("jaccard baseline", jaccard_ranker(patterns)),
    ):
        r = recovery(ranker, patterns)
        ms = 1000 * time_query(ranker, pain)
        top = [m for m, _, _ in ranker(pain)[:3]]
        print(
            f"{name:17} cases 1st {r['cases_first']:.1%} top3 {r['cases_top3']:.1%} | "
            f"muscles (all TrPs) 1st {r['muscles_first']:.1%} top3 {r['muscles_top3']:.1%} | "
            f"one query {ms:.2f} ms | arm-to-thumb top 3: {', '.join(top)}"
        )


if __name__ == "__main__":
    main()
