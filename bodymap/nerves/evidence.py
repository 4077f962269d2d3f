"""What a chart offers as evidence: zones by strength, their qualities, charted trigger points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bodymap.nerves.patterns import DEEP_ACHE, NEURAL
from bodymap.referral.charts import SymptomItem
from bodymap.referral.rank import pain_weights

# An active trigger point charted by the therapist counts like one fully charted zone at the
# chart's strongest intensity: a palpation finding that reproduces the client's pain
# (clinical.md §4.2) is evidence in its own right, which only its own muscle explains.
TRIGGER_POINT_WEIGHT = 1.0
# An intake's surgery or injury that a nerve's sources name as a cause (knee surgery for the
# saphenous nerve) counts the same, explained only by the nerves that name it.
HISTORY_WEIGHT = 1.0


@dataclass(frozen=True)
class ChartedTriggerPoint:
    """An active trigger point on the chart whose muscle is known."""

    muscle: str  # muscle id
    side: str | None  # "left", "right", or None on a midline zone
    zone: str = ""


@dataclass(frozen=True)
class Evidence:
    """Charted zones weighted relative to the strongest, with the qualities charted in each."""

    zones: Mapping[str, float]
    qualities: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    trigger_points: tuple[ChartedTriggerPoint, ...] = ()
    history: tuple[str, ...] = ()  # the intake's surgeries and injuries, as written

    def share(self, zone: str, qualities: Iterable[str]) -> float:
        """How much of a zone's charted quality is among `qualities` (0..1; 0 if none given)."""
        mix = self.qualities.get(zone, {})
        return sum(v for q, v in mix.items() if q in qualities)

    def neural(self, zone: str, own: frozenset[str] = frozenset()) -> float:
        """Share of the zone's qualities that are numbness, tingling or burning, except `own`."""
        return self.share(zone, NEURAL - own)

    def deep_ache(self, zone: str) -> float:
        """Share of the zone's qualities that are aching or cramping."""
        return self.share(zone, DEEP_ACHE)

    def neural_zones(self) -> tuple[str, ...]:
        """Zones charted with numbness, tingling or burning at all."""
        return tuple(z for z in self.zones if self.neural(z) > 0)


def _mixes(items: Iterable[SymptomItem]) -> dict[str, dict[str, float]]:
    """Zone -> quality -> share of that zone's charted weight (intensity x share charted)."""
    raw: dict[str, dict[str, float]] = {}
    for zone_id, intensity, share, qualities in items:
        weight = max(intensity, 0.0) * (1.0 if share is None else min(max(share, 0.0), 1.0))
        if weight <= 0 or not qualities:
            continue
        mix = raw.setdefault(zone_id, {})
        for q in qualities:
            mix[q] = mix.get(q, 0.0) + weight / len(qualities)
    return {z: {q: v / sum(mix.values()) for q, v in mix.items()} for z, mix in raw.items()}


def symptom_evidence(
    items: Iterable[SymptomItem],
    trigger_points: Iterable[ChartedTriggerPoint] = (),
    history: Iterable[str] = (),
) -> Evidence:
    """Evidence from charted items (zone, intensity 0-10, share charted, qualities).

    Zone weights follow the referral ranking (pain_weights, relative to the strongest zone);
    a zone's quality mix weighs each item by its intensity and share.
    """
    items = list(items)
    weights = pain_weights((z, i, s) for z, i, s, _ in items)
    peak = max(weights.values(), default=0.0)
    zones = {z: min(w / peak, 1.0) for z, w in weights.items()} if peak > 0 else {}
    mixes = {z: m for z, m in _mixes(items).items() if z in zones}
    return Evidence(zones, mixes, tuple(trigger_points), tuple(history))


def zone_evidence(zone_ids: Iterable[str], qualities: Iterable[str] = ()) -> Evidence:
    """Each zone charted fully, all with the same qualities (the command line's input)."""
    quals = tuple(dict.fromkeys(qualities))
    return symptom_evidence((z, 10.0, None, quals) for z in dict.fromkeys(zone_ids))
