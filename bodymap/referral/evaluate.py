"""Evaluating the ranking: each pattern charted as pain (self-recovery), and realistic presentations."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bodymap.referral.candidate import Candidate
from bodymap.referral.rank import DEFAULT_WEIGHTS, EPS, RankWeights, rank_sources
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


Row = tuple[str, str, float]  # (muscle id, side, score) of one ranked trigger point


@dataclass(frozen=True)
class Presentation:
    """A realistic chart with the muscle(s) a clinician would expect among its sources."""

    id: str
    area: str  # body area for the report: "head and jaw", "neck", "shoulder", ...
    side: str  # "left", "right", or "midline" (either side may count)
    pain: Mapping[str, float]  # zone id -> pain weight, as rank_sources takes it
    expected: tuple[str, ...]  # muscle ids; one of them in the first k is a hit
    source: str
    story: str = ""


def _pain(raw: object, where: str) -> dict[str, float]:
    if isinstance(raw, list) and all(isinstance(z, str) for z in raw):
        return {z: 1.0 for z in raw}
    if isinstance(raw, dict) and all(isinstance(v, (int, float)) for v in raw.values()):
        return {str(z): float(v) / 10.0 for z, v in raw.items()}
    raise ValueError(f"{where}: 'pain' must be a list of zone ids or a zone -> intensity map")


def read_presentations(path: str | Path) -> list[Presentation]:
    """Read an evaluation set (JSON: {"cases": [...]}); ValueError names a malformed case."""
    cases = json.loads(Path(path).read_text(encoding="utf-8"))["cases"]
    out = []
    for i, c in enumerate(cases):
        where = f"{path}: case {i} ({c.get('id', '?')})"
        if c.get("side") not in ("left", "right", "midline") or not c.get("expected"):
            raise ValueError(f"{where}: needs a side (left, right, midline) and expected muscles")
        out.append(
            Presentation(
                c["id"],
                c["area"],
                c["side"],
                _pain(c.get("pain"), where),
                tuple(c["expected"]),
                c["source"],
                c.get("story", ""),
            )  # fmt: skip
        )
    return out


def strict_rank(rows: Sequence[Row], muscle_ids: Sequence[str], side: str) -> int:
    """Best rank of any of the muscles on the side (or midline): 1 + other muscles scoring as
    high or higher, so a tie counts against it; 0 when none of them is listed."""
    ok = (side, "midline") if side in ("left", "right") else ("left", "right", "midline")
    ranks = []
    for m in muscle_ids:
        own = [s for mid, sd, s in rows if mid == m and sd in ok]
        if own:
            best = max(own)
            ranks.append(1 + len({mid for mid, _, s in rows if mid != m and s >= best - EPS}))
    return min(ranks, default=0)


def hit_shares(ranks: Sequence[int]) -> tuple[float, float]:
    """(share ranked first, share within the first three) of presentation ranks."""
    n = len(ranks) or 1
    return sum(r == 1 for r in ranks) / n, sum(1 <= r <= 3 for r in ranks) / n


def candidate_rows(cands: Sequence[Candidate]) -> list[Row]:
    """(muscle id, side, score) rows of a ranking, for strict_rank."""
    return [(c.muscle.id, c.side, c.score) for c in cands]
