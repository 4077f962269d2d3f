"""Self-check of a referral data set: does each pattern, charted as pain, point back to its muscle?"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bodymap.referral.rank import DEFAULT_WEIGHTS, EPS, Candidate, RankWeights, rank_sources
from bodymap.referral.resolve import SidedPattern


@dataclass(frozen=True)
class RecoveryCase:
    """One trigger point on one side: its primary zones charted as pain, and where it ranked."""

    muscle_id: str
    trigger_point_id: str
    side: str
    rank: int  # 1 + number of other muscles scoring strictly higher; 0 if not found
    best_other: str  # the best-scoring other muscle, for reading failures


def muscle_rank(cands: Sequence[Candidate], muscle_id: str, side: str) -> int:
    """Rank of a muscle on a side among candidates: 1 + other muscles scoring strictly higher.

    Identical patterns of different muscles tie, and a tie counts in the muscle's favour.
    """
    own = [c.score for c in cands if c.muscle.id == muscle_id and c.side in (side, "midline")]
    if not own:
        return 0
    best = max(own)
    better = {c.muscle.id for c in cands if c.muscle.id != muscle_id and c.score > best + EPS}
    return 1 + len(better)


def recovery_case(
    p: SidedPattern,
    patterns: Sequence[SidedPattern],
    areas: Mapping[str, float],
    weights: RankWeights = DEFAULT_WEIGHTS,
) -> RecoveryCase:
    """Chart exactly the pattern's primary zones as pain and rank every pattern against it."""
    cands = rank_sources({z: 1.0 for z in p.primary}, areas, patterns, weights=weights)
    others = [c.muscle.id for c in cands if c.muscle.id != p.muscle.id]
    rank = muscle_rank(cands, p.muscle.id, p.side)
    return RecoveryCase(p.muscle.id, p.trigger_point.id, p.side, rank, others[0] if others else "")


def self_recovery(
    patterns: Sequence[SidedPattern],
    areas: Mapping[str, float],
    weights: RankWeights = DEFAULT_WEIGHTS,
) -> list[RecoveryCase]:
    """A recovery case for every trigger point on every side."""
    return [recovery_case(p, patterns, areas, weights) for p in patterns]


def shares(cases: Sequence[RecoveryCase]) -> tuple[float, float]:
    """(share ranking 1st, share within the top 3)."""
    n = len(cases) or 1
    first = sum(1 for c in cases if c.rank == 1)
    top3 = sum(1 for c in cases if 1 <= c.rank <= 3)
    return first / n, top3 / n
