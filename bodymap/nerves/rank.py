"""Ranks muscles, dermatomes and nerves as explanations of a chart, under one evidence rule.

The rule is the referral ranking's (bodymap.referral.rank.pattern_score): each charted zone is
evidence in its own right, weighted by its strength relative to the strongest zone; a pattern
scores by the share of the evidence it explains, lowered for each of its main zones that is
pain-free. A zone reached in part (spillover, a trunk band, radicular pain beyond the skin
area, the trigger point's or entrapment's own site) is explained by half.

Qualities then weigh each zone: numbness, tingling and burning are poorly explained by a
trigger point (unless its sources name that symptom), deep aching a little less well by a root
or a nerve. An active trigger point charted on a muscle, and an intake surgery or injury that
a nerve's sources name as a cause, are further evidence that only that explanation explains.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from bodymap.nerves.evidence import HISTORY_WEIGHT, TRIGGER_POINT_WEIGHT, Evidence
from bodymap.nerves.explanation import Explanation
from bodymap.nerves.patterns import MUSCLE, NEURAL, NEURAL_ORDER, Pattern, history_matches
from bodymap.nerves.words import explain
from bodymap.referral.rank import DEFAULT_WEIGHTS, EPS, RankWeights, pattern_score
from bodymap.referral.resolve import SIDES, resolve_zones


@dataclass(frozen=True)
class Weighing:
    """How the evidence beyond the charted zones counts, for each kind of explanation.

    neural_cost: the part of a numb, tingling or burning zone a trigger point cannot explain
    (with myogenic referral "there won't be any reflex changes or sensory loss", DEFABIO).
    ache_cost: the part of a deeply aching zone a root or nerve explains less well (trigger
    point pain is "deep and aching", ASHER; radicular pain often aches too, so the cost is small).
    The switches turn qualities, charted trigger points and intake history on or off.
    """

    neural_cost: float = 0.6
    ache_cost: float = 0.25
    qualities: bool = True
    trigger_points: bool = True
    history: bool = True


DEFAULT_WEIGHING = Weighing()
# The zone-only ranking: each charted zone as evidence, nothing else (what the referral
# ranking does for muscles), extended to dermatomes and nerves.
BASELINE = Weighing(qualities=False, trigger_points=False, history=False)


def _membership(p: Pattern, w: RankWeights) -> dict[str, float]:
    weight = {"core": w.primary, "partial": w.spillover, "pain": w.spillover, "site": w.location}
    return {z: weight[role] for z, role in p.roles().items()}


def _fit(p: Pattern, ev: Evidence, w: Weighing) -> Callable[[str], float]:
    if p.kind == MUSCLE:
        return lambda z: 1.0 - w.neural_cost * ev.neural(z, p.fits)
    return lambda z: 1.0 - w.ache_cost * ev.deep_ache(z)


def _own_trigger_points(p: Pattern, ev: Evidence) -> int:
    if p.kind != MUSCLE:
        return 0
    return sum(1 for t in ev.trigger_points if t.muscle == p.structure and t.side in (p.side, None))


def _neural_words(p: Pattern, ev: Evidence) -> tuple[str, ...]:
    """The neural qualities charted where it matters: for a root or nerve in the zones it
    reaches, for a muscle anywhere on the chart (except those its own sources name)."""
    zones = ev.zones if p.kind == MUSCLE else p.roles()
    own = p.fits if p.kind == MUSCLE else frozenset()
    found = {q for z in zones for q, v in ev.qualities.get(z, {}).items()
             if v > 0 and q in NEURAL - own}  # fmt: skip
    return tuple(q for q in NEURAL_ORDER if q in found)


def _muscle_flag(p: Pattern, ev: Evidence) -> str | None:
    """A muscle's caution when one of its trigger zones is charted (as in referral ranking)."""
    flag = p.muscle.muscle.red_flag if p.muscle is not None else None
    if flag is None:
        return None
    zones = {z for s in SIDES for z in resolve_zones(flag.when_charted, s)
             if p.side not in SIDES or s == p.side}  # fmt: skip
    return flag.text if zones.intersection(ev.zones) else None


def _explanation(p: Pattern, ev: Evidence, score: float, share: float,
                 labels: Mapping[str, str] | None) -> Explanation:  # fmt: skip
    roles = p.roles()
    charted = list(ev.zones)
    muscle = p.kind == MUSCLE

    def charted_as(role: str) -> tuple[str, ...]:
        return tuple(z for z in charted if roles.get(z) == role)

    e = Explanation(
        pattern=p, side=p.side, score=score, explained=share,
        core=charted_as("core"), partial=charted_as("partial"), pain=charted_as("pain"),
        site=charted_as("site"),
        unexplained=tuple(z for z in charted if z not in roles),
        pain_free=tuple(z for z in p.main if z not in ev.zones),
        spared=tuple(z for z in charted if z in p.spared),
        neural_unfit=tuple(z for z in charted if muscle and ev.neural(z, p.fits) > 0),
        ache_only=tuple(z for z in charted if z in roles and not muscle
                        and ev.deep_ache(z) > 0 and ev.neural(z) == 0),
        trigger_point=_own_trigger_points(p, ev) > 0,
        neural=_neural_words(p, ev),
        history=history_matches(p, ev.history),
        red_flag=_muscle_flag(p, ev),
    )  # fmt: skip
    return replace(e, text=explain(e, labels))


def _merge_sides(found: list[Explanation]) -> list[Explanation]:
    """One "midline" entry when both sides of a pattern explain the chart equally."""
    by_id: dict[tuple[str, str], list[Explanation]] = {}
    for e in found:
        by_id.setdefault((e.kind, e.pattern.id), []).append(e)
    out = []
    for e in found:
        pair = by_id[(e.kind, e.pattern.id)]
        if len(pair) == 2 and _same(*pair):
            if e is pair[1]:
                continue
            free = tuple(dict.fromkeys((*pair[0].pain_free, *pair[1].pain_free)))
            e = replace(e, side="midline", pain_free=free)
        out.append(e)
    return out


def _same(a: Explanation, b: Explanation) -> bool:
    return abs(a.score - b.score) < EPS and set(a.reached) == set(b.reached)


def weighed(ev: Evidence, weighing: Weighing) -> Evidence:
    """The evidence the weighing uses: without qualities, trigger points or history if off."""
    return Evidence(ev.zones, ev.qualities if weighing.qualities else {},
                    ev.trigger_points if weighing.trigger_points else (),
                    ev.history if weighing.history else ())  # fmt: skip


def rank_explanations(
    ev: Evidence,
    patterns: Sequence[Pattern],
    *,
    weighing: Weighing = DEFAULT_WEIGHING,
    weights: RankWeights = DEFAULT_WEIGHTS,
    labels: Mapping[str, str] | None = None,
    top: int | None = None,
) -> list[Explanation]:
    """Muscles, dermatomes and nerves that could explain the evidence, best first.

    A chart with no charted zone gives an empty list. Ties keep the patterns' order.
    """
    if not ev.zones:
        return []
    ev = weighed(ev, weighing)
    history = {(p.id, p.side): history_matches(p, ev.history) for p in patterns if p.territory}
    told = {entry for found in history.values() for entry in found}
    total = (sum(ev.zones.values()) + TRIGGER_POINT_WEIGHT * len(ev.trigger_points)
             + HISTORY_WEIGHT * len(told))  # fmt: skip
    scored = []
    for order, p in enumerate(patterns):
        extra = (TRIGGER_POINT_WEIGHT * _own_trigger_points(p, ev)
                 + HISTORY_WEIGHT * len(history.get((p.id, p.side), ())))  # fmt: skip
        fit = _fit(p, ev, weighing) if weighing.qualities else None
        result = pattern_score(_membership(p, weights), p.main, ev.zones, total, weights.missing,
                               fit=fit, extra=extra)  # fmt: skip
        if result is not None:
            scored.append((result[0], result[1] / total, order, p))
    scored.sort(key=lambda s: (-round(s[0], 9), -round(s[1], 9), s[2]))
    if top is not None:
        scored = scored[: 2 * top]  # merging the sides can at most halve the list
    found = [_explanation(p, ev, s, x, labels) for s, x, _, p in scored]
    found = _merge_sides(found)
    return found[:top] if top is not None else found
