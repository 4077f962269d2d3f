"""One ranked possible source of charted pain: a trigger point on one side, and why it fits."""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.referral.patterns import Muscle, TriggerPoint


@dataclass(frozen=True)
class Candidate:
    """One trigger point on one side as a possible source of the charted pain."""

    muscle: Muscle
    trigger_point: TriggerPoint
    side: str  # "left", "right", or "midline" when both sides explain the pain equally
    score: float  # 0..1
    matched_zones: tuple[str, ...]  # charted zones inside the referral pattern
    as_spillover: tuple[str, ...]  # those of matched_zones that are only spillover zones
    at_trigger_point: tuple[str, ...]  # charted zones where the trigger point lies, not referred
    unmatched_pain_zones: tuple[str, ...]  # charted zones the pattern does not reach
    pain_free_zones: tuple[str, ...]  # pattern zones (primary, spillover) without pain
    pain_free_primary: int
    primary_count: int
    explained: float  # share of the charted evidence the pattern explains, 0..1
    explanation: str
    red_flag: str | None = None  # the muscle's caution, only when its trigger zones are charted

    @property
    def charted_count(self) -> int:
        """How many zones are charted in all."""
        return len(self.matched_zones) + len(self.at_trigger_point) + len(self.unmatched_pain_zones)
