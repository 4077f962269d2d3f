"""One explanation's zone sets on one side, whatever its kind: muscle, dermatome or nerve."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bodymap.model.values import Quality
from bodymap.nerves.territories import ROLES, Territory, TerritoryData
from bodymap.referral.patterns import Muscle, TriggerPoint
from bodymap.referral.resolve import SIDES, SidedPattern, resolve_zones, status_of

MUSCLE, DERMATOME, NERVE = "muscle", "dermatome", "nerve"
KINDS = (MUSCLE, DERMATOME, NERVE)
# Qualities that point to a nerve: the neuropathic descriptors (clinical.md §4.1) that
# radicular and entrapment pain bring (RCGP, MSDRAD) and trigger-point referral does not
# (DEFABIO: no sensory loss with myogenic referral).
NEURAL_ORDER = (Quality.NUMBNESS.value, Quality.TINGLING.value, Quality.BURNING.value)
NEURAL = frozenset(NEURAL_ORDER)
# Qualities of trigger-point referral: "a deep and aching quality" (ASHER).
DEEP_ACHE = frozenset({Quality.ACHING.value, Quality.CRAMPING.value})
# Words in a trigger point's symptoms that make a neural quality its own (piriformis:
# "numbness or tingling down the leg"; middle trapezius: "superficial burning pain").
_SYMPTOM_WORDS = {"numb": Quality.NUMBNESS.value, "tingl": Quality.TINGLING.value,
                  "burn": Quality.BURNING.value}  # fmt: skip


@dataclass(frozen=True)
class Pattern:
    """The zones an explanation reaches on one side, by role, with what it is."""

    kind: str  # muscle, dermatome or nerve
    id: str  # "scalenes:scalenes" (muscle:trigger point) or the territory id ("C6")
    name: str
    structure: str  # the muscle id, the root level or the nerve: what the evaluation checks
    side: str
    core: tuple[str, ...]  # main zones: a muscle's primary referral zones, a territory's core
    partial: tuple[str, ...]  # spillover, or zones a territory reaches in part
    pain: tuple[str, ...]  # pain beyond a territory's skin area (radicular pain, symptoms)
    site: tuple[str, ...]  # where the trigger point lies or the nerve is trapped
    status: str
    spared: tuple[str, ...] = ()
    fits: frozenset[str] = frozenset()  # neural qualities the sources name for this muscle
    muscle: SidedPattern | None = None
    territory: Territory | None = None

    @property
    def main(self) -> tuple[str, ...]:
        """The zones whose pain-free share costs: core, else partial (a band with no core)."""
        return self.core or self.partial

    def roles(self) -> dict[str, str]:
        """Zone -> the strongest role the pattern gives it (core beats partial beats the rest)."""
        out: dict[str, str] = {}
        for role in reversed(ROLES):  # later (stronger) roles overwrite
            out.update(dict.fromkeys(getattr(self, role), role))
        return out


def history_matches(p: Pattern, entries: Iterable[str]) -> tuple[str, ...]:
    """The intake surgeries or injuries that name a cause of this nerve's entrapment.

    An entry naming a side ("left knee arthroscopy") counts only for that side.
    """
    history = p.territory.history if p.territory is not None else None
    if history is None:
        return ()
    out = []
    for entry in entries:
        text = entry.lower()
        sides = [s for s in SIDES if re.search(rf"\b{s}\b", text)]
        if any(w in text for w in history.words) and (not sides or p.side in sides):
            out.append(entry)
    return tuple(out)


def muscle_fits(tp: TriggerPoint) -> frozenset[str]:
    """The neural qualities a trigger point's own symptoms name."""
    text = " ".join(tp.symptoms).lower()
    return frozenset(q for word, q in _SYMPTOM_WORDS.items() if word in text)


def muscle_name(muscle: Muscle, tp: TriggerPoint) -> str:
    """ "Gluteus minimus, anterior" when the muscle has several trigger points."""
    return f"{muscle.name}, {tp.name}" if len(muscle.trigger_points) > 1 else muscle.name


def from_muscle(p: SidedPattern) -> Pattern:
    """A trigger point's referral pattern as an explanation pattern."""
    m, tp = p.muscle, p.trigger_point
    return Pattern(MUSCLE, f"{m.id}:{tp.id}", muscle_name(m, tp), m.id, p.side, p.primary,
                   p.spillover, (), p.location, status_of(m, tp), fits=muscle_fits(tp),
                   muscle=p)  # fmt: skip


def from_territory(t: Territory, side: str) -> Pattern:
    """A dermatome or nerve territory resolved for one side."""

    def zones(role: str) -> tuple[str, ...]:
        return resolve_zones(t.zones(role), side)

    return Pattern(t.kind, t.id, t.name, t.structure, side, zones("core"), zones("partial"),
                   zones("pain"), zones("site"), t.status, spared=zones("spared"),
                   territory=t)  # fmt: skip


def territory_patterns(data: TerritoryData, *, unverified: bool = False) -> tuple[Pattern, ...]:
    """Every territory on both sides; status U is left out unless `unverified`."""
    return tuple(
        from_territory(t, side)
        for t in data.territories
        if unverified or t.status != "U"
        for side in SIDES
    )


def with_children(p: Pattern, children: Mapping[str, Sequence[str]]) -> Pattern:
    """The pattern reaching detail and side-view zones through their parents.

    `children` maps a full-body zone to the zones of other views whose parent it is. A child
    takes its parent's role, unless the pattern names the child (or a finer zone) itself.
    """
    if not children:
        return p
    named = {z for role in (*ROLES, "spared") for z in getattr(p, role)}

    def grown(zones: tuple[str, ...]) -> tuple[str, ...]:
        out = list(zones)
        for z in zones:
            out += [c for c in children.get(z, ()) if c not in named and c not in out]
        return tuple(out)

    return replace(p, core=grown(p.core), partial=grown(p.partial), pain=grown(p.pain),
                   site=grown(p.site), spared=grown(p.spared))  # fmt: skip


def all_patterns(
    muscles: Iterable[SidedPattern],
    territories: Iterable[Pattern],
    children: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Pattern, ...]:
    """Muscles, then dermatomes and nerves, each reaching child zones through their parents."""
    out = [*(from_muscle(p) for p in muscles), *territories]
    return tuple(with_children(p, children or {}) for p in out)
