"""Use cases for "muscle, nerve root or nerve?": rank the explanations of a chart, raise flags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bodymap.geometry import Atlas
from bodymap.model import Chart, FindingKind, Intake, TriggerPointState
from bodymap.nerves.evidence import ChartedTriggerPoint, Evidence, symptom_evidence, zone_evidence
from bodymap.nerves.explanation import Explanation
from bodymap.nerves.flags import NerveFlag, nerve_flags
from bodymap.nerves.patterns import Pattern, all_patterns, territory_patterns
from bodymap.nerves.rank import DEFAULT_WEIGHING, Weighing, rank_explanations
from bodymap.nerves.territories import TerritoryData
from bodymap.nerves.validate import load_territories
from bodymap.ops.referrals import PainCache, ReferralContext, find_muscle, referral_context
from bodymap.referral import sided_patterns
from bodymap.referral.resolve import side_of_zone


@dataclass(frozen=True)
class ExplainContext:
    """The three kinds of pattern resolved once against one atlas, with zone words."""

    referral: ReferralContext
    territories: TerritoryData
    patterns: tuple[Pattern, ...]  # muscles, dermatomes, nerves: both sides
    nerve_patterns: tuple[Pattern, ...]  # dermatomes and nerves only (for the red flags)
    labels: Mapping[str, str]
    regions: Mapping[str, str]


def explain_context(
    atlas: Atlas,
    *,
    referral: ReferralContext | None = None,
    territories: TerritoryData | None = None,
    unverified: bool = False,
) -> ExplainContext:
    """Load (or take) the referral and territory data, checked against the atlas's zone ids.

    Status U entries are left out unless `unverified`. Raises ReferralDataError (or its
    subclass TerritoryDataError) when the data names zones this atlas does not have.
    """
    known = {z.id for z in atlas.zones}
    ref = referral or referral_context(atlas)
    data = territories if territories is not None else load_territories(known_zone_ids=known)
    nerve = territory_patterns(data, unverified=unverified)
    muscles = sided_patterns(ref.data, unverified=unverified)
    return ExplainContext(ref, data, all_patterns(muscles, nerve), nerve, ref.labels,
                          {z.id: z.region for z in atlas.zones})  # fmt: skip


@dataclass(frozen=True)
class ChartExplanations:
    """The ranked explanations of a chart and the red flags it raises."""

    explanations: list[Explanation]
    flags: list[NerveFlag]


def charted_trigger_points(ctx: ExplainContext, chart: Chart) -> list[ChartedTriggerPoint]:
    """Active trigger points on the chart whose muscle the referral data knows."""
    out = []
    for f in chart.findings:
        if f.kind is FindingKind.TRIGGER_POINT and f.state is TriggerPointState.ACTIVE:
            muscle = find_muscle(ctx.referral.data, f.muscle)
            if muscle is not None:
                out.append(ChartedTriggerPoint(muscle.id, side_of_zone(f.zone), f.zone))
    return out


def chart_evidence(
    chart: Chart, atlas: Atlas, ctx: ExplainContext, *, intake: Intake | None = None,
    cache: PainCache | None = None,
) -> Evidence:  # fmt: skip
    """A chart's marks and strokes with their qualities, its active trigger points, and the
    intake's surgeries and injuries."""
    items = (cache or PainCache(atlas)).symptoms(chart)
    items = [i for i in items if i[0] in ctx.labels]
    history = (*intake.surgeries, *intake.injuries) if intake is not None else ()
    return symptom_evidence(items, charted_trigger_points(ctx, chart), history)


def explain_evidence(
    ev: Evidence, ctx: ExplainContext, *, intake_flags: Iterable[str] = (), top: int | None = 10,
    weighing: Weighing = DEFAULT_WEIGHING,
) -> ChartExplanations:  # fmt: skip
    """Rank the three kinds of explanation and raise the red flags for some evidence."""
    found = rank_explanations(ev, ctx.patterns, weighing=weighing, labels=ctx.labels, top=top)
    flags = nerve_flags(ev, ctx.nerve_patterns, ctx.regions, intake=intake_flags,
                        labels=ctx.labels)  # fmt: skip
    return ChartExplanations(found, flags)


def explain_chart(
    chart: Chart, atlas: Atlas, ctx: ExplainContext, *, intake: Intake | None = None,
    top: int | None = 10, cache: PainCache | None = None,
) -> ChartExplanations:  # fmt: skip
    """Muscles, dermatomes and nerves that could explain a chart, best first, with red flags
    from the chart and from the intake's answers (saddle numbness, progressive weakness,
    bladder or bowel changes)."""
    ev = chart_evidence(chart, atlas, ctx, intake=intake, cache=cache)
    flags = [f.value for f in intake.flags_present] if intake is not None else []
    return explain_evidence(ev, ctx, intake_flags=flags, top=top)


def explain_zones(
    zone_ids: Iterable[str], ctx: ExplainContext, *, qualities: Iterable[str] = (),
    top: int | None = 10,
) -> ChartExplanations:  # fmt: skip
    """The explanations of zones charted fully, all with the same qualities."""
    return explain_evidence(zone_evidence(zone_ids, qualities), ctx, top=top)
