"""Before/after comparison of two charts: zone changes, extent, overlap and centralisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.analysis.distribution import Shift, shift_of
from bodymap.analysis.measures import ExtentChange
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
    extent: ExtentChange  # % of the drawn body outline, before and after
    jaccard: float | None  # overlap of the two pain areas; None when both are empty
    shift: Shift  # centralisation in the McKenzie sense

    def count(self, change: Change) -> int:
        return sum(1 for z in self.zones if z.change is change)

    def summary_line(self) -> str:
        """One plain-language line, e.g. "Pain extent 4.1% → 0.9% of the drawn body outline
        (-3.2 percentage points, -77% relative), 5 zones resolved, 1 new"."""
        e = self.extent
        if e.before <= 0 and e.after <= 0:
            head = "No pain on either chart"
        else:
            head = e.words()
            head = head[:1].upper() + head[1:]
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


def jaccard(
    before: Sequence[BaseGeometry],
    after: Sequence[BaseGeometry],
    weights: Sequence[float] | None = None,
) -> float | None:
    """Area of the intersection over area of the union of two charts' pain areas (pain_areas).

    `weights` (one per view) bring views drawn larger (a hand chart) to whole-body units.
    None when both are empty.
    """
    inter = union = 0.0
    for i, (a, b) in enumerate(zip(before, after, strict=True)):
        w = 1.0 if weights is None else weights[i]
        inter += w * float(shapely.intersection(a, b).area)
        union += w * float(shapely.union(a, b).area)
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
    areas_b, areas_a = pain_areas(before, atlas), pain_areas(after, atlas)  # unions made once
    return ChartComparison(
        zones=tuple(zone_changes(pb, pa)),
        extent=ExtentChange(extent_of(areas_b, atlas), extent_of(areas_a, atlas)),
        jaccard=jaccard(areas_b, areas_a, [atlas.view(v).scale ** -2 for v in atlas.views]),
        shift=shift_of(pb, pa, atlas),
    )
