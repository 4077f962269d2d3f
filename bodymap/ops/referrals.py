"""Referred pain use cases: possible sources for a chart, patterns of charted trigger points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bodymap.geometry import Atlas
from bodymap.model import (
    AddItem,
    Chart,
    Finding,
    FindingKind,
    Stroke,
    TriggerPointState,
    VisitDocument,
)
from bodymap.model.summary import stroke_zones
from bodymap.ops import records
from bodymap.referral import (
    Candidate,
    Muscle,
    ReferralData,
    SidedPattern,
    TriggerPoint,
    load_referrals,
    pain_weights,
    rank_sources,
    resolve_pattern,
    sided_patterns,
)
from bodymap.referral.charts import SymptomItem, chart_pain, chart_symptoms
from bodymap.referral.resolve import SIDES, side_of_zone


@dataclass(frozen=True)
class ReferralContext:
    """The referral data resolved once against one atlas: patterns, zone areas and labels."""

    data: ReferralData
    patterns: tuple[SidedPattern, ...]
    areas: Mapping[str, float]
    labels: Mapping[str, str]


def referral_context(atlas: Atlas, data: ReferralData | None = None) -> ReferralContext:
    """Load (or take) the referral data, checked against the atlas's zone ids.

    Raises ReferralDataError when the data names zones this atlas does not have.
    """
    if data is None:
        data = load_referrals(known_zone_ids={z.id for z in atlas.zones})
    areas = {z.id: z.area for z in atlas.zones}
    labels = {z.id: z.label for z in atlas.zones}
    return ReferralContext(data, sided_patterns(data), areas, labels)


class PainCache:
    """chart_pain with each stroke's zone coverage computed once per stroke shape.

    Cutting a stroke by the zones takes milliseconds; re-ranking after every edit must not
    repeat it for strokes that did not change.
    """

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self._coverage: dict[tuple, dict[str, float]] = {}

    def symptoms(self, chart: Chart) -> list[SymptomItem]:
        """chart_symptoms(chart, atlas), each stroke's zones cut once per stroke shape."""
        keep: dict[tuple, dict[str, float]] = {}

        def coverage(stroke: Stroke) -> dict[str, float]:
            key = (stroke.view, stroke.points, stroke.width)
            cov = self._coverage.get(key)
            keep[key] = cov if cov is not None else stroke_zones(self.atlas, stroke)
            return keep[key]

        items = chart_symptoms(chart, self.atlas, coverage)
        self._coverage = keep  # forget strokes no longer on the chart
        return items

    def pain(self, chart: Chart) -> dict[str, float]:
        """Zone id -> pain weight, equal to chart_pain(chart, atlas)."""
        return pain_weights(item[:3] for item in self.symptoms(chart))


def possible_sources(
    chart: Chart,
    atlas: Atlas,
    ctx: ReferralContext,
    *,
    top: int | None = 10,
    cache: PainCache | None = None,
) -> list[Candidate]:
    """Trigger points whose referral patterns best explain the chart's pain, best first."""
    weights = cache.pain(chart) if cache is not None else chart_pain(chart, atlas)
    pain = {z: w for z, w in weights.items() if z in ctx.areas}
    return rank_sources(pain, ctx.areas, ctx.patterns, labels=ctx.labels, top=top)


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def find_muscle(data: ReferralData, text: str) -> Muscle | None:
    """The muscle a free-text finding names: id, name, then alias, then the start of a name."""
    needle = _norm(text)
    if not needle:
        return None
    for m in data.muscles:
        if needle in (_norm(m.id), _norm(m.name)):
            return m
    for m in data.muscles:
        if needle in (_norm(a) for a in m.aliases):
            return m
    for m in data.muscles:
        if needle.startswith(_norm(m.name)) or _norm(m.name).startswith(needle):
            return m
    return None


def _trigger_point(muscle: Muscle, text: str, zone_id: str, side: str) -> TriggerPoint:
    needle = _norm(text)
    for tp in muscle.trigger_points:
        if len(muscle.trigger_points) > 1 and _norm(tp.name) in needle:
            return tp
    for tp in muscle.trigger_points:
        if zone_id in resolve_pattern(muscle, tp, side).location:
            return tp
    return muscle.trigger_points[0]


def finding_patterns(ctx: ReferralContext, finding: Finding) -> list[SidedPattern]:
    """The referral pattern of a trigger-point finding with a known muscle (both sides if midline)."""
    if finding.kind is not FindingKind.TRIGGER_POINT:
        return []
    muscle = find_muscle(ctx.data, finding.muscle)
    if muscle is None or not muscle.trigger_points:
        return []
    side = side_of_zone(finding.zone)
    sides = (side,) if side else SIDES
    return [
        resolve_pattern(muscle, _trigger_point(muscle, finding.muscle, finding.zone, s), s)
        for s in sides
    ]


def chart_patterns(ctx: ReferralContext, chart: Chart) -> list[SidedPattern]:
    """Referral patterns of every trigger point on the chart whose muscle is known."""
    return [p for f in chart.findings for p in finding_patterns(ctx, f)]


def candidate_pattern(c: Candidate) -> list[SidedPattern]:
    """A candidate's pattern; a midline candidate stands for both sides."""
    sides: Iterable[str] = SIDES if c.side not in SIDES else (c.side,)
    return [resolve_pattern(c.muscle, c.trigger_point, s) for s in sides]


def muscle_text(muscle: Muscle, tp: TriggerPoint) -> str:
    """What a finding's muscle field says, naming the trigger point when there are several."""
    if len(muscle.trigger_points) > 1:
        return f"{muscle.name}: {tp.name}"
    return muscle.name


def candidate_location(atlas: Atlas, c: Candidate) -> tuple[str, float, float]:
    """(view, x, y) of the representative point of the candidate's trigger-point zone."""
    side = c.side if c.side in SIDES else "right"
    zones: Sequence[str] = resolve_pattern(c.muscle, c.trigger_point, side).location
    known = [z for z in zones if atlas.has_zone(z)]
    if not known:
        raise ValueError(f"no zone of this atlas holds the trigger point of {c.muscle.name}")
    zone = atlas.zone(known[0])
    return zone.view, zone.point[0], zone.point[1]


def add_candidate_finding(
    doc: VisitDocument, *, atlas: Atlas, slot: str, candidate: Candidate
) -> AddItem:
    """An (unapplied) command adding an active trigger point for a candidate, at its zone."""
    view, x, y = candidate_location(atlas, candidate)
    return records.add_finding(
        doc, atlas=atlas, slot=slot, kind=FindingKind.TRIGGER_POINT, view=view, x=x, y=y,
        state=TriggerPointState.ACTIVE,
        muscle=muscle_text(candidate.muscle, candidate.trigger_point),
    )  # fmt: skip
