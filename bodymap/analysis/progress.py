"""Progress over visits: outcome series, their changes by the rules in measures, region trends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bodymap.analysis.compare import Change, classify
from bodymap.analysis.measures import ExtentChange, pain_important
from bodymap.analysis.psfs import PsfsTrack, psfs_track
from bodymap.analysis.zones import pain_extent, region_words, zone_pain
from bodymap.geometry import REGIONS, Atlas
from bodymap.model.visit import Visit

SIDE_ORDER = {"right": 0, "left": 1, "midline": 2}


@dataclass(frozen=True)
class VisitPoint:
    """The figures of one visit; the chart figures come from its pre-treatment chart."""

    visit_id: str
    day: date
    signed: bool
    worst: int | None
    average: int | None  # PEG item 1, average pain in the past week
    extent: float  # % of the drawn body outline
    peg: float | None
    sleep_hours: float | None
    pain_wakes: bool | None
    medication: str


@dataclass(frozen=True)
class RegionTrend:
    """One body region on one side: its worst intensity at every visit (0 when not involved)."""

    region: str
    side: str  # the patient's: left, right or midline
    series: tuple[int, ...]
    change: Change  # first visit against the latest

    @property
    def name(self) -> str:
        """ "Right upper back", "Neck (midline)"."""
        words = region_words(self.region, self.side)
        return words[:1].upper() + words[1:]

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
    psfs: PsfsTrack | None = None  # None: no PSFS at any visit
    drafts_left_out: int = 0  # unsigned visits in the period that the report does not use

    @property
    def first(self) -> VisitPoint | None:
        return self.points[0] if self.points else None

    @property
    def latest(self) -> VisitPoint | None:
        return self.points[-1] if self.points else None


def visits_between(visits: Sequence[Visit], start: date | None, end: date | None) -> list[Visit]:
    """The visits whose date lies in [start, end] (either end open), oldest first."""
    chosen = [
        v
        for v in visits
        if (start is None or v.started_at.date() >= start)
        and (end is None or v.started_at.date() <= end)
    ]
    return sorted(chosen, key=lambda v: (v.started_at, v.id))


def report_visits(visits: Sequence[Visit], start: date | None = None, end: date | None = None,
                  *, include_drafts: bool = False) -> tuple[list[Visit], int]:  # fmt: skip
    """The visits a progress report uses, oldest first, and how many drafts it left out.

    A draft may still change, so it is never silently the endpoint of a report: it counts
    only when asked for (include_drafts).
    """
    chosen = visits_between(visits, start, end)
    if include_drafts:
        return chosen, 0
    signed = [v for v in chosen if v.is_signed]
    return signed, len(chosen) - len(signed)


class DraftVisitError(ValueError):
    """A report was asked to use an unsigned visit without asking to include drafts."""

    def __init__(self, when: str, how: str = "include drafts"):
        super().__init__(
            f"the visit of {when} is a draft (unsigned) and may still change: sign it, or "
            f"{how} to use it anyway (the PDF is then marked DRAFT)"
        )
        self.when = when

    def told(self, how: str) -> DraftVisitError:
        """The same refusal naming the caller's own way to include drafts."""
        return DraftVisitError(self.when, how)


def refuse_drafts(visits: Sequence[Visit], *, include_drafts: bool) -> None:
    """Raise DraftVisitError when a visit is a draft and drafts were not asked for."""
    drafts = [v for v in visits if not v.is_signed]
    if drafts and not include_drafts:
        raise DraftVisitError(drafts[0].started_at.strftime("%Y-%m-%d %H:%M"))


def visit_point(visit: Visit, atlas: Atlas) -> VisitPoint:
    o = visit.outcomes
    return VisitPoint(
        visit_id=visit.id,
        day=visit.started_at.date(),
        signed=visit.is_signed,
        worst=o.pain_worst,
        average=o.peg.pain if o.peg else None,
        extent=pain_extent(visit.pre_chart, atlas),
        peg=o.peg.score if o.peg else None,
        sleep_hours=o.sleep_hours,
        pain_wakes=o.pain_wakes,
        medication=o.medication,
    )


def region_trends(visits: Sequence[Visit], atlas: Atlas) -> list[RegionTrend]:
    """Per region and side, the worst pre-treatment intensity at each visit, in atlas order."""
    per_visit: list[dict[tuple[str, str], int]] = []
    for v in visits:
        worst: dict[tuple[str, str], int] = {}
        for zp in zone_pain(v.pre_chart, atlas).values():
            zone = atlas.zone(zp.zone)
            key = (zone.region, zone.side)
            worst[key] = max(worst.get(key, 0), zp.intensity)
        per_visit.append(worst)
    order = {r: i for i, r in enumerate(REGIONS)}
    keys = sorted({k for w in per_visit for k in w},
                  key=lambda k: (order.get(k[0], 99), k[0], SIDE_ORDER.get(k[1], 9)))  # fmt: skip
    out = []
    for region, side in keys:
        series = tuple(w.get((region, side), 0) for w in per_visit)
        out.append(RegionTrend(region, side, series, classify(series[0], series[-1])))
    return out


def progress_data(visits: Sequence[Visit], atlas: Atlas, *, include_drafts: bool,
                  start: date | None = None, end: date | None = None) -> ProgressData:  # fmt: skip
    """The progress of the visits between start and end (inclusive, either may be open).

    Every caller says whether drafts count: a report leaves them out by default, a timeline
    that labels them shows them.
    """
    chosen, left_out = report_visits(visits, start, end, include_drafts=include_drafts)
    return ProgressData(
        points=tuple(visit_point(v, atlas) for v in chosen),
        regions=tuple(region_trends(chosen, atlas)),
        psfs=psfs_track([v.outcomes for v in chosen]),
        drafts_left_out=left_out,
    )


def _first_last(points: Sequence[VisitPoint], name: str) -> tuple[float, float] | None:
    """The first and latest recorded value of a VisitPoint field (None: fewer than two)."""
    values = [getattr(p, name) for p in points if getattr(p, name) is not None]
    return (float(values[0]), float(values[-1])) if len(values) >= 2 else None


def summary_parts(data: ProgressData) -> list[str]:
    """The changes from the first visit to the latest, each with the label its rule allows."""
    parts = []
    pair = _first_last(data.points, "worst")
    if pair is not None:
        a, b = pair
        label = " (clinically important)" if pain_important(a, b) else ""
        parts.append(f"Worst pain {a:.0f} → {b:.0f}{label}")
    pair = _first_last(data.points, "peg")
    if pair is not None:
        parts.append(f"PEG {pair[0]:.1f} → {pair[1]:.1f}")
    if data.psfs is not None and data.psfs.change_words():
        parts.append(data.psfs.change_words())
    if len(data.points) >= 2:
        parts.append(ExtentChange(data.points[0].extent, data.points[-1].extent).words())
    return parts


def summary_line(data: ProgressData) -> str:
    """One plain-language line, e.g. "Worst pain 8 → 3 (clinically important), PEG 5.7 → 1.7"."""
    if not data.points:
        return (
            "No signed visits in this period"
            if data.drafts_left_out
            else "No visits in this period"
        )
    n = len(data.points)
    return ", ".join(summary_parts(data)) or (
        f"{n} visit{'s' if n != 1 else ''}, no outcome measures recorded"
    )
