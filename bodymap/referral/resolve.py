"""Turns side-neutral zone references into atlas zone ids for a trigger point on one side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bodymap.referral.patterns import Muscle, ReferralData, TriggerPoint, ZoneRef

SIDES: tuple[str, str] = ("left", "right")


def other_side(side: str) -> str:
    """The opposite body side ("left" <-> "right")."""
    if side not in SIDES:
        raise ValueError(f"side must be 'left' or 'right', not {side!r}")
    return "right" if side == "left" else "left"


def side_of_zone(zone_id: str) -> str | None:
    """ "left" or "right" from a zone id, or None for a midline zone."""
    for side in SIDES:
        if zone_id.startswith(f"{side}-"):
            return side
    return None


def resolve_zone(ref: ZoneRef, side: str) -> tuple[str, ...]:
    """The zone ids a reference means for a trigger point on `side` (the patient's own)."""
    if ref.id is not None:
        return (ref.id,)
    if ref.side == "both":
        return tuple(f"{s}-{ref.stem}" for s in (side, other_side(side)))
    target = other_side(side) if ref.side == "contralateral" else side
    if target not in SIDES:
        raise ValueError(f"side must be 'left' or 'right', not {side!r}")
    return (f"{target}-{ref.stem}",)


def resolve_zones(refs: Iterable[ZoneRef], side: str) -> tuple[str, ...]:
    """Resolve several references, keeping the first occurrence of each id."""
    out: dict[str, None] = {}
    for ref in refs:
        for zone_id in resolve_zone(ref, side):
            out.setdefault(zone_id, None)
    return tuple(out)


@dataclass(frozen=True)
class SidedPattern:
    """A trigger point's referral pattern resolved to zone ids for one body side."""

    muscle: Muscle
    trigger_point: TriggerPoint
    side: str
    location: tuple[str, ...]
    primary: tuple[str, ...]
    spillover: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.muscle.id, self.trigger_point.id, self.side)


def status_of(muscle: Muscle, tp: TriggerPoint) -> str:
    """A trigger point's evidence status (V, P or U): its own, else its muscle's."""
    return tp.status or muscle.status


def resolve_pattern(
    muscle: Muscle, tp: TriggerPoint, side: str, *, unverified: bool = True
) -> SidedPattern:
    """One trigger point on one side; a zone named as primary is never also spillover.

    With unverified=False, spillover marked unverified (spillover_status U) is left out.
    Zones the sources call rare are never part of a pattern.
    """
    primary = resolve_zones(tp.primary, side)
    spill_refs = tp.spillover if unverified or tp.spillover_status != "U" else ()
    spill = tuple(z for z in resolve_zones(spill_refs, side) if z not in primary)
    return SidedPattern(muscle, tp, side, resolve_zones(tp.location, side), primary, spill)


def sided_patterns(data: ReferralData, *, unverified: bool = False) -> tuple[SidedPattern, ...]:
    """Every trigger point of every muscle, resolved for the left and the right side.

    The default ranking set leaves out what is not verified (status U): trigger points, and
    spillover marked U. unverified=True keeps everything.
    """
    return tuple(
        resolve_pattern(m, tp, side, unverified=unverified)
        for m in data.muscles
        for tp in m.trigger_points
        if unverified or status_of(m, tp) != "U"
        for side in SIDES
    )
