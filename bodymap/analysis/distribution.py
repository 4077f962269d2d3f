"""Centralisation in the McKenzie sense: the most distal extent of pain along each limb."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bodymap.analysis.zones import ZonePain, region_words
from bodymap.geometry import Atlas

# How far from the spine a region lies along its limb (0: the spine and trunk). McKenzie
# centralisation is the most distal extent of pain retreating toward the spine, and
# peripheralisation the same extent moving away from it (clinical.md §4.2 has no scale, so the
# steps are the limb's own segments). Head and face lie on no limb and do not count.
ARM = ("shoulder", "upper-arm", "elbow", "forearm", "wrist", "hand")
LEG = ("buttock", "hip", "groin", "thigh", "knee", "lower-leg", "ankle", "foot")
LEVELS: dict[str, int] = {
    "shoulder": 1, "upper-arm": 2, "elbow": 3, "forearm": 4, "wrist": 5, "hand": 6,
    "buttock": 1, "hip": 1, "groin": 1, "thigh": 2, "knee": 3, "lower-leg": 4, "ankle": 5,
    "foot": 6,
}  # fmt: skip
CENTRALISED, PERIPHERALISED, MIXED = "centralised", "peripheralised", "mixed"
NO_CHANGE, NOT_APPLICABLE = "no change in distribution", "not applicable"


@dataclass(frozen=True)
class Reach:
    """How far down one limb a chart's pain reaches: the level and the region there."""

    level: int
    region: str


@dataclass(frozen=True)
class LimbShift:
    """One limb whose most distal pain moved: where it reached before and after."""

    limb: str  # "right arm", "left leg"
    before: Reach | None  # None: no pain on this limb
    after: Reach | None

    @property
    def centralised(self) -> bool:
        return _level(self.after) < _level(self.before)

    def words(self) -> str:
        """ "right arm: hand → elbow"."""

        def at(r: Reach | None) -> str:
            return "no pain" if r is None else region_words(r.region)

        return f"{self.limb}: {at(self.before)} → {at(self.after)}"


@dataclass(frozen=True)
class Shift:
    """The McKenzie reading of two charts and the limbs it rests on."""

    kind: str  # centralised, peripheralised, mixed, no change in distribution, not applicable
    limbs: tuple[LimbShift, ...] = ()  # the limbs whose reach moved
    before: dict[str, Reach] = field(default_factory=dict)  # every limb with pain: its reach
    after: dict[str, Reach] = field(default_factory=dict)

    def words(self) -> str:
        """ "centralised (right arm: hand → elbow)", or the kind alone when no limb moved."""
        if not self.limbs:
            return self.kind
        return f"{self.kind} ({'; '.join(s.words() for s in self.limbs)})"


def limb_of(side: str, region: str) -> str | None:
    """ "right arm" for a right forearm zone; None for the spine, trunk, head and midline."""
    if side not in ("left", "right") or region not in LEVELS:
        return None
    return f"{side} {'arm' if region in ARM else 'leg'}"


def reaches(pain: Mapping[str, ZonePain], atlas: Atlas) -> dict[str, Reach]:
    """Limb -> the most distal region with pain on it (limbs without pain are left out)."""
    out: dict[str, Reach] = {}
    for zp in pain.values():
        zone = atlas.zone(zp.zone)
        limb = limb_of(zone.side, zone.region)
        if zp.intensity <= 0 or limb is None:
            continue
        level = LEVELS[zone.region]
        if limb not in out or level > out[limb].level:
            out[limb] = Reach(level, zone.region)
    return out


def shift_of(before: Mapping[str, ZonePain], after: Mapping[str, ZonePain], atlas: Atlas) -> Shift:
    """Centralised when pain retreated toward the spine on some limb and advanced on none.

    Fewer or milder zones at the same reach are "no change in distribution": a neck that
    settles before the arm is not peripheralisation. Without pain on either chart the
    question does not arise ("not applicable").
    """
    rb, ra = reaches(before, atlas), reaches(after, atlas)
    if not _any_pain(before) or not _any_pain(after):
        return Shift(NOT_APPLICABLE, (), rb, ra)
    moved = []
    for limb in sorted(rb.keys() | ra.keys()):
        b, a = rb.get(limb), ra.get(limb)
        if _level(b) != _level(a):
            moved.append(LimbShift(limb, b, a))
    central = [m for m in moved if m.centralised]
    if not moved:
        kind = NO_CHANGE
    elif len(central) == len(moved):
        kind = CENTRALISED
    else:
        kind = MIXED if central else PERIPHERALISED
    return Shift(kind, tuple(moved), rb, ra)


def _level(reach: Reach | None) -> int:
    return 0 if reach is None else reach.level


def _any_pain(pain: Mapping[str, ZonePain]) -> bool:
    return any(zp.intensity > 0 for zp in pain.values())
