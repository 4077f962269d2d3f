"""`bodymap explain`: muscles, nerve roots and nerves that could explain charted symptoms."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bodymap.cli.context import CliContext, CliError
from bodymap.cli.referral_cmds import add_chart_args, check_chart_args, check_zone_ids, load_visit
from bodymap.model import Quality
from bodymap.nerves.explanation import Explanation
from bodymap.nerves.flags import NerveFlag
from bodymap.ops.explain import (
    ChartExplanations,
    ExplainContext,
    explain_chart,
    explain_context,
    explain_zones,
)
from bodymap.referral import ReferralDataError

KIND_LABEL = {"muscle": "muscle", "dermatome": "root", "nerve": "nerve"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="rank muscles, nerve roots (dermatomes) and nerves that could explain symptoms",
    )
    p.add_argument("zones", nargs="*", metavar="ZONE_ID", help="zones with symptoms (see `bodymap zones`)")  # fmt: skip
    p.add_argument("--quality", "-q", action="append", default=[], metavar="Q",
                   choices=[q.value for q in Quality],
                   help="a quality of the symptoms in those zones (repeat for several): "
                        + ", ".join(q.value for q in Quality))  # fmt: skip
    add_chart_args(p, "print JSON: the candidates (kind, name, score, ...) and the red flags")
    p.add_argument("--unverified", action="store_true",
                   help="also rank entries marked unverified (status U), left out by default")  # fmt: skip
    p.set_defaults(handler=cmd_explain)


def _context(args: argparse.Namespace, ctx: CliContext) -> ExplainContext:
    try:
        return explain_context(ctx.atlas, unverified=args.unverified)
    except ReferralDataError as exc:
        lines = "\n  ".join(exc.problems)
        raise CliError(f"the data does not fit this atlas ({exc.source}):\n  {lines}") from None


def _visit(args: argparse.Namespace, ctx: CliContext, ex: ExplainContext) -> ChartExplanations:
    from bodymap.store import StoreError

    visit = load_visit(ctx, args.visit)
    try:
        intakes = ctx.store.intakes(visit.client_id)
    except StoreError as exc:
        raise CliError(f"cannot read the database: {exc}") from None
    intake = intakes[-1] if intakes else None
    return explain_chart(visit.chart(args.slot), ctx.atlas, ex, intake=intake, top=args.top)


def candidate_json(e: Explanation) -> dict[str, Any]:
    t = e.pattern.territory
    return {
        "kind": e.kind, "name": e.name, "score": round(e.score, 4), "structure": e.structure,
        "id": e.pattern.id, "side": e.side, "status": e.status,
        "explains": list(e.core), "in_part": list(e.partial), "as_pain": list(e.pain),
        "at_site": list(e.site), "unexplained": list(e.unexplained),
        "pain_free": list(e.pain_free), "spared_but_charted": list(e.spared),
        "trigger_point_charted": e.trigger_point, "history": list(e.history),
        "sources": list(t.sources if t else e.pattern.muscle.muscle.sources if e.pattern.muscle else ()),
        "red_flag": e.red_flag, "explanation": e.text,
    }  # fmt: skip


def flag_json(f: NerveFlag) -> dict[str, Any]:
    return {"id": f.id, "title": f.title, "text": f.text, "why": f.why, "zones": list(f.zones),
            "sources": list(f.sources)}  # fmt: skip


def _print(result: ChartExplanations) -> None:
    if result.flags:
        print("Consider referral (a prompt, never a diagnosis; charting goes on):")
        for f in result.flags:
            print(f"  ! {f.title}: {f.text}")
            print(f"    {f.why} [{'; '.join(f.sources)}]")
        print()
    print(f"{'#':>2}  {'score':>5}  {'kind':6}  {'side':7}  explanation")
    for i, e in enumerate(result.explanations, 1):
        print(f"{i:>2}  {e.score:5.2f}  {KIND_LABEL[e.kind]:6}  {e.side:7}  {e.name} [{e.status}]")
        print(f"{'':28}{e.text}")
        if e.red_flag:
            print(f"{'':28}CAUTION: {e.red_flag}")


def cmd_explain(args: argparse.Namespace, ctx: CliContext) -> int:
    check_chart_args(args)
    if args.visit and args.quality:
        raise CliError("--quality goes with zone ids; a visit's chart has its own", status=2)
    ex = _context(args, ctx)
    if args.visit:
        result = _visit(args, ctx, ex)
    else:
        # a zone of a closer view counts through its whole-body zone, as in `referrals`
        zones = [ctx.atlas.root(z).id for z in check_zone_ids(args.zones, ctx)]
        result = explain_zones(zones, ex, qualities=args.quality, top=args.top)
    if args.json:
        out = {"candidates": [candidate_json(e) for e in result.explanations],
               "red_flags": [flag_json(f) for f in result.flags]}  # fmt: skip
        json.dump(out, sys.stdout, indent=1)
        print()
    elif not result.explanations:
        print("No symptoms charted that a muscle, nerve root or nerve explains.")
    else:
        _print(result)
    return 0
