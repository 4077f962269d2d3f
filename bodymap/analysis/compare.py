"""Before/after comparison of two charts: zone changes, extent, overlap and centralisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.analysis.centre import Centrality, centrality
from bodymap.analysis.zones import ZonePain, extent_of, pain_areas, zone_pain
from bodymap.geometry import Atlas
from bodymap.model.chart import Chart


class Change(StrEnum):
    """How one zone changed between the two charts."""

    RESOLVED = "resolved"
    IMPROVED = "improved"
    UNCHANGED = "unchanged"
    WORSE = "worse"
    NEW = "new"


@dataclass(frozen=True)
class ZoneChange:
    """One zone's intensity before and after (None: not involved) and the resulting change."""

    zone: str
    before: int | None
    after: int | None
    change: Change

    @property
    def delta(self) -> int:
        """After minus before, absent counting as 0."""
        return (self.after or 0) - (self.before or 0)


@dataclass(frozen=True)
class ChartComparison:
    """Everything the comparison report shows, computed once from the two charts."""

    zones: tuple[ZoneChange, ...]  # ordered: new, worse, unchanged, improved, resolved
    extent_before: float  # % of the drawn body
    extent_after: float
    jaccard: float | None  # overlap of the two pain areas; None when both are empty
    centre_before: Centrality | None
    centre_after: Centrality | None
    shift: str  # "centralised", "peripheralised", "no clear shift" or "not applicable"

    def count(self, change: Change) -> int:
        return sum(1 for z in self.zones if z.change is change)

    @property
    def extent_change_pct(self) -> float | None:
        """Relative change of pain extent in percent; None when there was none before."""
        if self.extent_before <= 0:
            return None
        return 100.0 * (self.extent_after - self.extent_before) / self.extent_before

    def summary_line(self) -> str:
        """One plain-language line, e.g. "Pain extent down 42%, 5 zones resolved, 1 new"."""
        pct = self.extent_change_pct
        if pct is None:
            head = "No pain before" if self.extent_after <= 0 else "New pain (none before)"
        elif abs(pct) < 0.5:
            head = "Pain extent unchanged"
        else:
            head = f"Pain extent {'down' if pct < 0 else 'up'} {abs(pct):.0f}%"
        parts = [head]
        for change, word in ((Change.RESOLVED, "resolved"), (Change.IMPROVED, "improved"),
                             (Change.WORSE, "worse")):  # fmt: skip
            n = self.count(change)
            if n:
                parts.append(f"{n} zone{'s' if n != 1 else ''} {word}")
        if self.count(Change.NEW):
            parts.append(f"{self.count(Change.NEW)} new")
        return ", ".join(parts)


# Order of rows in tables: what needs attention first.
CHANGE_ORDER = (Change.NEW, Change.WORSE, Change.UNCHANGED, Change.IMPROVED, Change.RESOLVED)


def classify(before: int | None, after: int | None) -> Change:
    """The change of one zone; an intensity of 0 counts as no pain."""
    b, a = before or 0, after or 0
    if b == 0:
        return Change.NEW if a > 0 else Change.UNCHANGED
    if a == 0:
        return Change.RESOLVED
    if a < b:
        return Change.IMPROVED
    return Change.WORSE if a > b else Change.UNCHANGED


def jaccard(before: Sequence[BaseGeometry], after: Sequence[BaseGeometry]) -> float | None:
    """Area of the intersection over area of the union of two charts' pain areas (pain_areas).

    None when both are empty.
    """
    inter = union = 0.0
    for a, b in zip(before, after, strict=True):
        inter += float(shapely.intersection(a, b).area)
        union += float(shapely.union(a, b).area)
    return None if union <= 0 else inter / union


def zone_changes(before: dict[str, ZonePain], after: dict[str, ZonePain]) -> list[ZoneChange]:
    out = []
    for zone in sorted(set(before) | set(after)):
        b = before[zone].intensity if zone in before else None
        a = after[zone].intensity if zone in after else None
        out.append(ZoneChange(zone, b, a, classify(b, a)))
    out.sort(key=lambda z: (CHANGE_ORDER.index(z.change), -abs(z.delta), z.zone))
    return out


def compare_charts(before: Chart, after: Chart, atlas: Atlas) -> ChartComparison:
    """Compare two charts of one client (pre vs post, or one visit vs a later one)."""
    pb, pa = zone_pain(before, atlas), zone_pain(after, atlas)
    cb, ca = centrality(pb, atlas), centrality(pa, atlas)
    areas_b, areas_a = pain_areas(before, atlas), pain_areas(after, atlas)  # unions made once
    return ChartComparison(
        zones=tuple(zone_changes(pb, pa)),
        extent_before=extent_of(areas_b, atlas),
        extent_after=extent_of(areas_a, atlas),
        jaccard=jaccard(areas_b, areas_a),
        centre_before=cb,
        centre_after=ca,
        shift=shift_of(cb, ca, atlas),
    )


def shift_of(before: Centrality | None, after: Centrality | None, atlas: Atlas) -> str:
    """Centralised when pain moved toward the trunk's midline by more than 2 % of body height."""
    if before is None or after is None:
        return "not applicable"
    heights = [atlas.view(v).silhouette.bounds for v in atlas.views]
    tolerance = 0.02 * max(b[3] - b[1] for b in heights)
    delta = after.distance - before.distance
    if delta < -tolerance:
        return "centralised"
    if delta > tolerance:
        return "peripheralised"
    return "no clear shift"
