"""Ranks trigger points as possible sources of charted pain, zone by zone.

Each charted zone is one piece of evidence, weighted by how strongly it is charted relative to
the strongest zone, never by its size: a painful little finger counts as much as a painful
thigh. A pattern scores by the share of that evidence it explains, lowered a little for each of
its main zones that is not charted:

    score = explained share / (1 + missing * share of its primary zones that are pain-free)

A charted zone explained only as spillover or as the trigger point's own site counts in part,
and the rest of it counts as unexplained.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bodymap.referral.candidate import Candidate
from bodymap.referral.explain import explain
from bodymap.referral.resolve import SIDES, SidedPattern, resolve_zones

# Scores closer than this count as equal (the score is a ratio of sums of small numbers).
EPS = 1e-6


@dataclass(frozen=True)
class RankWeights:
    """How much a charted zone counts when a pattern reaches it, and what missing zones cost.

    primary: a main referral zone; spillover: a zone the pattern reaches less often;
    location: pain where the trigger point itself lies. missing: the cost of a pattern whose
    primary zones are all pain-free (a pattern explaining everything with none of its own
    main zones missing scores 1).
    """

    primary: float = 1.0
    spillover: float = 0.5
    location: float = 0.5
    missing: float = 0.5


DEFAULT_WEIGHTS = RankWeights()


def pain_weights(
    items: Iterable[tuple[str, float, float | None]], *, scale: float = 10.0
) -> dict[str, float]:
    """Zone id -> pain weight (intensity/scale x share charted, 0..1) from charted items.

    Each item is (zone_id, intensity on 0..scale, share of the zone charted 0..1, or None for a
    tap mark, which charts the whole zone). Several items on one zone keep the strongest.
    """
    out: dict[str, float] = {}
    for zone_id, intensity, share in items:
        s = 1.0 if share is None else min(max(share, 0.0), 1.0)
        w = min(max(intensity / scale, 0.0), 1.0) * s
        if w > 0:
            out[zone_id] = max(out.get(zone_id, 0.0), w)
    return out


def _membership(p: SidedPattern, w: RankWeights) -> dict[str, float]:
    """Zone -> how much of a charted zone there the pattern explains."""
    member = {z: w.location for z in p.location}
    member.update({z: max(w.spillover, member.get(z, 0.0)) for z in p.spillover})
    member.update({z: w.primary for z in p.primary})
    return member


def pattern_score(
    member: Mapping[str, float],
    primary: Sequence[str],
    evidence: Mapping[str, float],
    total: float,
    missing_cost: float,
    *,
    fit: Callable[[str], float] | None = None,
    extra: float = 0.0,
) -> tuple[float, float] | None:
    """(score, explained evidence) of one pattern, or None when it explains none of the chart.

    `member`: zone -> how much of a charted zone there the pattern explains; `primary`: its
    main zones, whose pain-free share costs `missing_cost`; `evidence`: zone -> weight, of
    `total` in all (which may include evidence that is not a zone). `fit(zone)` (0..1) scales a
    zone's explained part, e.g. by how well its charted qualities suit the pattern; `extra` is
    explained evidence that is not a zone (such as the pattern's own charted trigger point).
    """
    explained = extra + sum(
        e * member.get(z, 0.0) * (fit(z) if fit is not None else 1.0)
        for z, e in evidence.items()
        if z in member
    )
    if explained <= 0:
        return None
    free = sum(1 for z in primary if z not in evidence)
    missing = free / len(primary) if primary else 0.0
    return (explained / total) / (1.0 + missing_cost * missing), explained


def _score(
    p: SidedPattern, evidence: Mapping[str, float], total: float, w: RankWeights
) -> tuple[float, float] | None:
    """(score, explained evidence), or None when the pattern explains none of the chart."""
    return pattern_score(_membership(p, w), p.primary, evidence, total, w.missing)


def _flag(p: SidedPattern, charted: Iterable[str]) -> str | None:
    """The muscle's red flag when one of its trigger zones is charted, else None."""
    flag = p.muscle.red_flag
    if flag is None:
        return None
    sides = SIDES if p.side not in SIDES else (p.side,)
    zones = {z for s in sides for z in resolve_zones(flag.when_charted, s)}
    return flag.text if zones.intersection(charted) else None


def _candidate(
    p: SidedPattern,
    evidence: Mapping[str, float],
    score: float,
    explained: float,
    labels: Mapping[str, str] | None,
) -> Candidate:
    pattern = set(p.primary) | set(p.spillover)
    matched = tuple(z for z in evidence if z in pattern)
    local = tuple(z for z in evidence if z in p.location and z not in pattern)
    c = Candidate(
        muscle=p.muscle,
        trigger_point=p.trigger_point,
        side=p.side,
        score=score,
        matched_zones=matched,
        as_spillover=tuple(z for z in matched if z not in p.primary),
        at_trigger_point=local,
        unmatched_pain_zones=tuple(z for z in evidence if z not in pattern and z not in local),
        pain_free_zones=tuple(z for z in (*p.primary, *p.spillover) if z not in evidence),
        pain_free_primary=sum(1 for z in p.primary if z not in evidence),
        primary_count=len(p.primary),
        explained=explained / sum(evidence.values()),
        explanation="",
        red_flag=_flag(p, evidence),
    )
    return replace(c, explanation=explain(c, labels))


def _merge_midline(cands: list[Candidate]) -> list[Candidate]:
    """One entry, side "midline", when both sides of a trigger point explain the same zones
    equally well (midline pain, or a pattern that reaches both sides)."""
    by_tp: dict[tuple[str, str], list[Candidate]] = {}
    for c in cands:
        by_tp.setdefault((c.muscle.id, c.trigger_point.id), []).append(c)
    out: list[Candidate] = []
    for c in cands:
        pair = by_tp[(c.muscle.id, c.trigger_point.id)]
        if len(pair) == 2 and _same_evidence(*pair):
            a, b = pair
            if c is b:
                continue
            free = tuple(dict.fromkeys((*a.pain_free_zones, *b.pain_free_zones)))
            c = replace(c, side="midline", pain_free_zones=free)
        out.append(c)
    return out


def _same_evidence(a: Candidate, b: Candidate) -> bool:
    return (
        abs(a.score - b.score) < EPS
        and set(a.matched_zones) == set(b.matched_zones)
        and set(a.at_trigger_point) == set(b.at_trigger_point)
    )


def rank_sources(
    pain: Mapping[str, float],
    zone_ids: Iterable[str],
    patterns: Sequence[SidedPattern],
    *,
    weights: RankWeights = DEFAULT_WEIGHTS,
    labels: Mapping[str, str] | None = None,
    top: int | None = None,
) -> list[Candidate]:
    """Trigger points that could cause the charted pain, best first.

    `pain` maps zone id -> weight (see pain_weights); only the relative weights matter.
    `zone_ids` are the atlas's zone ids (a mapping keyed by them, such as zone areas, will
    do; sizes play no part). Each side is ranked on its own; a pain-free chart gives an empty
    list. Raises ValueError for an unknown pain zone.
    """
    known = set(zone_ids)
    unknown = sorted(z for z in pain if z not in known)
    if unknown:
        raise ValueError(f"unknown zone id(s) in the pain chart: {', '.join(unknown)}")
    peak = max((m for m in pain.values() if m > 0), default=0.0)
    if peak <= 0:
        return []
    evidence = {z: min(m / peak, 1.0) for z, m in pain.items() if m > 0}
    total = sum(evidence.values())
    scored: list[tuple[float, float, int, SidedPattern]] = []
    for order, p in enumerate(patterns):
        result = _score(p, evidence, total, weights)
        if result is not None:
            scored.append((result[0], result[1], order, p))
    scored.sort(key=lambda s: (-round(s[0], 9), -round(s[1], 9), s[2]))
    if top is not None:
        scored = scored[: 2 * top]  # midline merging can at most halve the list
    cands = [_candidate(p, evidence, s, e, labels) for s, e, _, p in scored]
    cands = _merge_midline(cands)
    return cands[:top] if top is not None else cands
