"""Progress over visits: outcome series, clinically important change and per-region trends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bodymap.analysis.compare import Change, classify
from bodymap.analysis.zones import pain_extent, zone_pain
from bodymap.geometry import REGIONS, Atlas
from bodymap.model.visit import Visit

# Farrar et al. 2001 (Pain 94:149-158): a reduction of about 2 points or about 30 % on a
# 0-10 pain scale is clinically important; 2 points is also the PSFS's usual threshold.
MCID_POINTS = 2.0
MCID_FRACTION = 0.30


@dataclass(frozen=True)
class VisitPoint:
    """The figures of one visit; the chart figures come from its pre-treatment chart."""

    visit_id: str
    day: date
    worst: int | None
    average: int | None  # PEG item 1, average pain in the past week
    extent: float
    peg: float | None
    psfs: float | None
    sleep_hours: float | None
    pain_wakes: bool | None
    medication: str


@dataclass(frozen=True)
class RegionTrend:
    """One body region: its worst intensity at every visit (0 when not involved)."""

    region: str
    series: tuple[int, ...]
    change: Change  # first visit against the latest

    @property
    def first(self) -> int:
        return self.series[0]

    @property
    def latest(self) -> int:
        return self.series[-1]


@dataclass(frozen=True)
class ProgressData:
    """Everything the progress report plots, oldest visit first."""

    points: tuple[VisitPoint, ...]
    regions: tuple[RegionTrend, ...]

    @property
    def first(self) -> VisitPoint | None:
        return self.points[0] if self.points else None

    @property
    def latest(self) -> VisitPoint | None:
        return self.points[-1] if self.points else None


def mcid_threshold(baseline: float, *, higher_is_better: bool = False) -> float:
    """The score a clinically important change reaches: 2 points or 30 % of the baseline.

    For pain (lower is better) whichever step is smaller counts, as either criterion alone
    marked "much improved" in Farrar 2001; for a function score (PSFS) it is 2 points.
    """
    if higher_is_better:
        return min(10.0, baseline + MCID_POINTS)
    return max(0.0, baseline - min(MCID_POINTS, MCID_FRACTION * baseline))


def important_change(baseline: float, value: float, *, higher_is_better: bool = False) -> bool:
    """Whether value is a clinically important improvement over baseline."""
    limit = mcid_threshold(baseline, higher_is_better=higher_is_better)
    gain = value - baseline if higher_is_better else baseline - value
    return gain > 0 and (value >= limit if higher_is_better else value <= limit)


def visits_between(visits: Sequence[Visit], start: date | None, end: date | None) -> list[Visit]:
    """The visits whose date lies in [start, end] (either end open), oldest first."""
    chosen = [
        v
        for v in visits
        if (start is None or v.started_at.date() >= start)
        and (end is None or v.started_at.date() <= end)
    ]
    return sorted(chosen, key=lambda v: (v.started_at, v.id))


def visit_point(visit: Visit, atlas: Atlas) -> VisitPoint:
    o = visit.outcomes
    return VisitPoint(
        visit_id=visit.id,
        day=visit.started_at.date(),
        worst=o.pain_worst,
        average=o.peg.pain if o.peg else None,
        extent=pain_extent(visit.pre_chart, atlas),
        peg=o.peg.score if o.peg else None,
        psfs=o.psfs_score,
        sleep_hours=o.sleep_hours,
        pain_wakes=o.pain_wakes,
        medication=o.medication,
    )


def region_trends(visits: Sequence[Visit], atlas: Atlas) -> list[RegionTrend]:
    """Per region, the worst pre-treatment intensity at each visit, regions in atlas order."""
    per_visit: list[dict[str, int]] = []
    for v in visits:
        worst: dict[str, int] = {}
        for zp in zone_pain(v.pre_chart, atlas).values():
            region = atlas.zone(zp.zone).region
            worst[region] = max(worst.get(region, 0), zp.intensity)
        per_visit.append(worst)
    order = {r: i for i, r in enumerate(REGIONS)}
    regions = sorted({r for w in per_visit for r in w}, key=lambda r: (order.get(r, 99), r))
    out = []
    for region in regions:
        series = tuple(w.get(region, 0) for w in per_visit)
        out.append(RegionTrend(region, series, classify(series[0], series[-1])))
    return out


def progress_data(
    visits: Sequence[Visit], atlas: Atlas, *, start: date | None = None, end: date | None = None
) -> ProgressData:
    """The progress of the visits between start and end (inclusive, either may be open)."""
    chosen = visits_between(visits, start, end)
    return ProgressData(
        points=tuple(visit_point(v, atlas) for v in chosen),
        regions=tuple(region_trends(chosen, atlas)),
    )


def _first_last(points: Sequence[VisitPoint], name: str) -> tuple[float, float] | None:
    values = [getattr(p, name) for p in points if getattr(p, name) is not None]
    return (float(values[0]), float(values[-1])) if len(values) >= 2 else None


def summary_line(data: ProgressData) -> str:
    """One plain-language line, e.g. "Worst pain 8 → 2 (clinically important), PEG 5.7 → 1.0"."""
    if not data.points:
        return "No visits in this period"
    parts = []
    for name, label, digits, better_up in (("worst", "Worst pain", 0, False),
                                           ("peg", "PEG", 1, False),
                                           ("psfs", "PSFS", 1, True)):  # fmt: skip
        pair = _first_last(data.points, name)
        if pair is None:
            continue
        a, b = pair
        text = f"{label} {a:.{digits}f} → {b:.{digits}f}"
        if important_change(a, b, higher_is_better=better_up):
            text += " (clinically important)"
        parts.append(text)
    first, last = data.points[0].extent, data.points[-1].extent
    if len(data.points) >= 2 and first > 0:
        pct = 100 * (last - first) / first
        parts.append(f"pain extent {'down' if pct < 0 else 'up'} {abs(pct):.0f}%"
                     if abs(pct) >= 0.5 else "pain extent unchanged")  # fmt: skip
    n = len(data.points)
    return ", ".join(parts) or f"{n} visit{'s' if n != 1 else ''}, no outcome measures recorded"
