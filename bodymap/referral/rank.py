"""Ranks trigger points as possible sources of charted pain by an area-weighted Tversky overlap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bodymap.referral.explain import explain
from bodymap.referral.patterns import Muscle, TriggerPoint
from bodymap.referral.resolve import SidedPattern, side_of_zone

# Scores closer than this count as equal: mirrored zones differ in area by up to ~1e-6.
EPS = 1e-6


@dataclass(frozen=True)
class RankWeights:
    """How much each part of a pattern counts, and how hard mismatches are penalised.

    Score = I / (I + alpha * A + beta * B) over zone areas, where I is pain the pattern
    explains, A pain it does not explain and B pattern area without pain. alpha > beta, so a
    pattern that covers the pain ranks high even if it also reaches pain-free zones.
    """

    primary: float = 1.0
    spillover: float = 0.4
    location: float = 0.25  # pain at the trigger point itself: explains, never penalised
    alpha: float = 0.8
    beta: float = 0.2


DEFAULT_WEIGHTS = RankWeights()


@dataclass(frozen=True)
class Candidate:
    """One trigger point on one side as a possible source of the charted pain."""

    muscle: Muscle
    trigger_point: TriggerPoint
    side: str  # "left", "right", or "midline" when both sides explain the pain equally
    score: float  # 0..1
    matched_zones: tuple[str, ...]  # painful zones inside the referral pattern
    at_trigger_point: tuple[
        str, ...
    ]  # painful zones where the trigger point lies, not in the pattern
    unmatched_pain_zones: tuple[str, ...]  # painful zones the pattern does not reach
    pain_free_zones: tuple[str, ...]  # pattern zones (primary, spillover) without pain
    pain_free_primary: int
    primary_count: int
    explained: float  # share of the charted pain (by area) inside the pattern, 0..1
    explanation: str

    @property
    def red_flag(self) -> str | None:
        flag = self.muscle.red_flag
        return flag.text if flag else None


def pain_weights(
    items: Iterable[tuple[str, float, float | None]], *, scale: float = 10.0
) -> dict[str, float]:
    """Zone id -> pain weight (intensity/scale x coverage, 0..1) from charted items.

    Each item is (zone_id, intensity on 0..scale, coverage fraction 0..1 or None for a point
    mark, which counts as the whole zone). Several items on one zone keep the strongest.
    """
    out: dict[str, float] = {}
    for zone_id, intensity, coverage in items:
        cov = 1.0 if coverage is None else min(max(coverage, 0.0), 1.0)
        w = min(max(intensity / scale, 0.0), 1.0) * cov
        if w > 0:
            out[zone_id] = max(out.get(zone_id, 0.0), w)
    return out


def _membership(p: SidedPattern, w: RankWeights) -> tuple[dict[str, float], dict[str, float]]:
    """(zone -> weight that explains pain, zone -> weight that expects pain)."""
    expect = {z: w.spillover for z in p.spillover}
    expect.update({z: w.primary for z in p.primary})
    explains = {z: w.location for z in p.location}
    for z, r in expect.items():
        explains[z] = max(r, explains.get(z, 0.0))
    return explains, expect


def _score(
    p: SidedPattern, pain: Mapping[str, float], areas: Mapping[str, float], w: RankWeights
) -> tuple[float, float, float] | None:
    """(score, explained pain, total pain) or None when the pattern touches no pain."""
    explains, expect = _membership(p, w)
    inter = sum(areas[z] * min(m, explains.get(z, 0.0)) for z, m in pain.items())
    if inter <= 0:
        return None
    total = sum(areas[z] * m for z, m in pain.items())
    unexplained = total - inter
    missing = sum(areas.get(z, 0.0) * max(0.0, r - pain.get(z, 0.0)) for z, r in expect.items())
    score = inter / (inter + w.alpha * unexplained + w.beta * missing)
    return score, inter, total


def _candidate(
    p: SidedPattern,
    pain: Mapping[str, float],
    areas: Mapping[str, float],
    score: float,
    labels: Mapping[str, str] | None,
) -> Candidate:
    pattern = set(p.primary) | set(p.spillover)
    matched = tuple(z for z in pain if z in pattern)
    local = tuple(z for z in pain if z in p.location and z not in pattern)
    total = sum(areas[z] * m for z, m in pain.items())
    inside = sum(areas[z] * pain[z] for z in matched)
    free_primary = sum(1 for z in p.primary if z not in pain)
    c = Candidate(
        muscle=p.muscle,
        trigger_point=p.trigger_point,
        side=p.side,
        score=score,
        matched_zones=matched,
        at_trigger_point=local,
        unmatched_pain_zones=tuple(z for z in pain if z not in pattern and z not in local),
        pain_free_zones=tuple(z for z in (*p.primary, *p.spillover) if z not in pain),
        pain_free_primary=free_primary,
        primary_count=len(p.primary),
        explained=inside / total if total > 0 else 0.0,
        explanation="",
    )
    return replace(c, explanation=explain(c, labels))


def _merge_midline(cands: list[Candidate]) -> list[Candidate]:
    """One entry, side "midline", when both sides of a trigger point match only midline pain."""
    by_tp: dict[tuple[str, str], list[Candidate]] = {}
    for c in cands:
        by_tp.setdefault((c.muscle.id, c.trigger_point.id), []).append(c)
    out: list[Candidate] = []
    for c in cands:
        pair = by_tp[(c.muscle.id, c.trigger_point.id)]
        charted = (*c.matched_zones, *c.at_trigger_point)
        if len(pair) == 2 and all(side_of_zone(z) is None for z in charted):
            a, b = pair
            if abs(a.score - b.score) < EPS and (a.matched_zones, a.at_trigger_point) == (
                b.matched_zones,
                b.at_trigger_point,
            ):
                if c is b:
                    continue
                free = tuple(dict.fromkeys((*a.pain_free_zones, *b.pain_free_zones)))
                c = replace(c, side="midline", pain_free_zones=free)
        out.append(c)
    return out


def rank_sources(
    pain: Mapping[str, float],
    areas: Mapping[str, float],
    patterns: Sequence[SidedPattern],
    *,
    weights: RankWeights = DEFAULT_WEIGHTS,
    labels: Mapping[str, str] | None = None,
    top: int | None = None,
) -> list[Candidate]:
    """Trigger points that could cause the charted pain, best first.

    `pain` maps zone id -> weight (see pain_weights); only the relative weights matter.
    `areas` maps zone id -> zone area (the atlas's zone.area). Each side is ranked on its
    own; a pain-free chart gives an empty list. Raises ValueError for an unknown pain zone.
    """
    unknown = sorted(z for z in pain if z not in areas)
    if unknown:
        raise ValueError(f"unknown zone id(s) in the pain chart: {', '.join(unknown)}")
    peak = max((m for m in pain.values() if m > 0), default=0.0)
    if peak <= 0:
        return []
    norm = {z: min(m / peak, 1.0) for z, m in pain.items() if m > 0}
    scored: list[tuple[float, float, int, SidedPattern]] = []
    for order, p in enumerate(patterns):
        result = _score(p, norm, areas, weights)
        if result is not None:
            scored.append((result[0], result[1], order, p))
    scored.sort(key=lambda s: (-round(s[0], 6), -round(s[1], 6), s[2]))
    if top is not None:
        scored = scored[: 2 * top]  # midline merging can at most halve the list
    cands = _merge_midline([_candidate(p, norm, areas, s, labels) for s, _, _, p in scored])
    return cands[:top] if top is not None else cands
