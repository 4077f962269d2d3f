"""Plain-words sentences that say why a trigger point was suggested."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bodymap.referral.candidate import Candidate

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


def _zones_part(c: Candidate, labels: Mapping[str, str] | None) -> str:
    n, total = len(c.matched_zones), c.charted_count
    if not n:
        text = (
            "Refers pain to none of the charted zones"
            if total > 1
            else ("Does not refer pain to the charted zone")
        )
    elif n == total:
        text = "Explains every charted zone" if n > 1 else "Explains the charted zone"
        text += f" ({name_list(c.matched_zones, labels)})"
    else:
        text = f"Explains {n} of the {total} charted zones ({name_list(c.matched_zones, labels)})"
    if c.as_spillover:
        text += f", {len(c.as_spillover)} only as occasional spillover"
    if c.at_trigger_point:
        text += f"; pain where the trigger point lies ({name_list(c.at_trigger_point, labels)})"
    return text


def _primary_part(c: Candidate) -> str:
    if c.pain_free_primary == 0:
        if c.primary_count <= 2:
            return ("its one main zone is", "both its main zones are")[c.primary_count - 1] + (
                " charted"
            )
        return f"all {c.primary_count} of its main zones are charted"
    if c.pain_free_primary == c.primary_count:
        return "none of its main zones is charted"
    verb = "is" if c.pain_free_primary == 1 else "are"
    return f"{c.pain_free_primary} of its {c.primary_count} main zones {verb} pain-free"


def explain(c: Candidate, labels: Mapping[str, str] | None = None) -> str:
    """E.g. "Explains 2 of the 3 charted zones (right temple, right jaw); 5 of its 7 main zones
    are pain-free."."""
    return f"{_zones_part(c, labels)}; {_primary_part(c)}."
