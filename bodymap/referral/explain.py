"""Plain-words sentences that say why a trigger point was suggested."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bodymap.referral.rank import Candidate

MAX_NAMED = 4


def zone_words(zone_id: str, labels: Mapping[str, str] | None = None) -> str:
    """A zone's label in running text ("Right temple" -> "right temple")."""
    label = (labels or {}).get(zone_id) or zone_id.replace("-", " ")
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def name_list(zone_ids: Sequence[str], labels: Mapping[str, str] | None = None) -> str:
    """Up to four zone names joined by commas, then "and N more"."""
    words = [zone_words(z, labels) for z in zone_ids[:MAX_NAMED]]
    extra = len(zone_ids) - MAX_NAMED
    return ", ".join(words) + (f" and {extra} more" if extra > 0 else "")


def explain(c: Candidate, labels: Mapping[str, str] | None = None) -> str:
    """E.g. "Explains 80% of the charted pain (temple, jaw); 2 of its 7 primary zones are pain-free."."""
    pct = round(100 * c.explained)
    if c.matched_zones:
        first = f"Explains {pct}% of the charted pain ({name_list(c.matched_zones, labels)})"
    else:
        first = "Explains none of the charted pain by referral"
    if c.at_trigger_point:
        first += f"; pain where the trigger point lies ({name_list(c.at_trigger_point, labels)})"
    if c.pain_free_primary == 0:
        second = f"all {c.primary_count} of its primary zones are painful"
        if c.primary_count <= 2:
            second = ("its one primary zone is", "both its primary zones are")[c.primary_count - 1]
            second += " painful"
    elif c.pain_free_primary == c.primary_count:
        second = "none of its primary zones is painful (spillover or trigger point only)"
    else:
        verb = "is" if c.pain_free_primary == 1 else "are"
        second = f"{c.pain_free_primary} of its {c.primary_count} primary zones {verb} pain-free"
    return f"{first}; {second}."
