"""Commands about referred pain: rank possible trigger-point sources, look up a muscle."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from typing import TYPE_CHECKING, Any

from bodymap.cli.context import CliContext, CliError
from bodymap.referral import (
    Candidate,
    Muscle,
    ReferralData,
    ReferralDataError,
    TriggerPoint,
    load_referrals,
    rank_sources,
    resolve_pattern,
    sided_patterns,
)
from bodymap.referral.explain import zone_words
from bodymap.referral.resolve import resolve_zones

if TYPE_CHECKING:
    from bodymap.model import Visit


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("referrals", help="rank the muscles whose trigger points could cause pain")
    p.add_argument(
        "zones", nargs="*", metavar="ZONE_ID", help="painful zones (see `bodymap zones`)"
    )
    add_chart_args(p, "print a JSON array, best first")
    p.add_argument("--referrals", metavar="PATH", help="a custom referral data file")
    p.add_argument("--unverified", action="store_true",
                   help="also rank patterns marked unverified (status U), left out by default")  # fmt: skip
    p.set_defaults(handler=cmd_referrals)

    p = sub.add_parser("muscle", help="show a muscle's trigger points and referral zones")
    p.add_argument("name", help="muscle name or part of it (case-insensitive)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--referrals", metavar="PATH", help="a custom referral data file")
    p.set_defaults(handler=cmd_muscle)


def add_chart_args(p: argparse.ArgumentParser, json_help: str) -> None:
    """--visit with --pre/--post, --top and --json: a ranking of zone ids or of a visit."""
    p.add_argument("--visit", metavar="VISIT_ID", help="use a charted visit instead of zone ids")
    slot = p.add_mutually_exclusive_group()
    slot.add_argument("--pre", dest="slot", action="store_const", const="pre", default="pre",
                      help="the visit's chart before treatment (default)")  # fmt: skip
    slot.add_argument("--post", dest="slot", action="store_const", const="post",
                      help="the visit's chart after treatment")  # fmt: skip
    p.add_argument("--top", type=int, default=10, metavar="N", help="show the best N (default 10)")
    p.add_argument("--json", action="store_true", help=json_help)


def check_chart_args(args: argparse.Namespace) -> None:
    """Zone ids or a visit (not both), and a --top of at least 1."""
    if bool(args.zones) == bool(args.visit):
        raise CliError("give painful zone ids or --visit VISIT_ID (not both)", status=2)
    if args.top < 1:
        raise CliError("--top must be at least 1", status=2)


def _data(args: argparse.Namespace, ctx: CliContext) -> ReferralData:
    try:
        return load_referrals(args.referrals, known_zone_ids={z.id for z in ctx.atlas.zones})
    except ReferralDataError as exc:
        lines = "\n  ".join(exc.problems)
        raise CliError(f"the referral data is not valid ({exc.source}):\n  {lines}") from None


def check_zone_ids(zone_ids: list[str], ctx: CliContext) -> list[str]:
    """The zone ids, or a CliError naming each unknown one with the closest real ids."""
    atlas = ctx.atlas
    unknown = [z for z in zone_ids if not atlas.has_zone(z)]
    if unknown:
        ids = [z.id for z in atlas.zones]
        hints = {z: difflib.get_close_matches(z, ids, n=3) for z in unknown}
        text = "; ".join(f"{z!r}" + (f" (did you mean {', '.join(h)}?)" if h else "")
                         for z, h in hints.items())  # fmt: skip
        raise CliError(f"unknown zone id {text}")
    return zone_ids


def _zone_pain(args: argparse.Namespace, ctx: CliContext) -> dict[str, float]:
    """Each zone charted fully; a zone of a closer view counts through its whole-body zone."""
    return {ctx.atlas.root(z).id: 1.0 for z in check_zone_ids(args.zones, ctx)}


def load_visit(ctx: CliContext, visit_id: str) -> Visit:
    """The visit with this id, or a CliError a user can act on."""
    from bodymap.store import NotFoundError, StoreError

    try:
        return ctx.store.get_visit(visit_id)
    except NotFoundError:
        raise CliError(f"no visit with id {visit_id}") from None
    except StoreError as exc:
        raise CliError(f"cannot read the database: {exc}") from None


def _visit_pain(args: argparse.Namespace, ctx: CliContext) -> dict[str, float]:
    from bodymap.referral.charts import chart_pain

    return chart_pain(load_visit(ctx, args.visit).chart(args.slot), ctx.atlas)


def _candidate_json(c: Candidate) -> dict[str, Any]:
    return {
        "muscle": c.muscle.id,
        "muscle_name": c.muscle.name,
        "trigger_point": c.trigger_point.id,
        "trigger_point_name": c.trigger_point.name,
        "side": c.side,
        "score": round(c.score, 4),
        "matched_zones": list(c.matched_zones),
        "unmatched_pain_zones": list(c.unmatched_pain_zones),
        "pain_free_zones": list(c.pain_free_zones),
        "status": c.trigger_point.status or c.muscle.status,
        "red_flag": c.red_flag,
        "explanation": c.explanation,
    }


def _print_candidates(cands: list[Candidate]) -> None:
    print(f"{'#':>2}  {'score':>5}  {'side':7}  muscle (trigger point)")
    for i, c in enumerate(cands, 1):
        status = c.trigger_point.status or c.muscle.status
        print(
            f"{i:>2}  {c.score:5.2f}  {c.side:7}  {c.muscle.name} ({c.trigger_point.name}) [{status}]"
        )
        print(f"{'':18}{c.explanation}")
        if c.red_flag:
            print(f"{'':18}CAUTION: {c.red_flag}")


def cmd_referrals(args: argparse.Namespace, ctx: CliContext) -> int:
    check_chart_args(args)
    data = _data(args, ctx)
    pain = _visit_pain(args, ctx) if args.visit else _zone_pain(args, ctx)
    atlas = ctx.atlas
    areas = {z.id: z.area for z in atlas.zones}
    labels = {z.id: z.label for z in atlas.zones}
    patterns = sided_patterns(data, unverified=args.unverified)
    cands = rank_sources(pain, areas, patterns, labels=labels, top=args.top)
    if args.json:
        json.dump([_candidate_json(c) for c in cands], sys.stdout, indent=1)
        print()
    elif not cands:
        print(
            "No pain charted that a trigger-point pattern explains." if pain else "No pain charted."
        )
    else:
        _print_candidates(cands)
    return 0


def _names(m: Muscle) -> list[str]:
    return [m.id, m.name, *m.aliases]


def find_muscles(data: ReferralData, name: str) -> list[Muscle]:
    """Muscles whose id, name or alias contains the text (case-insensitive)."""
    needle = name.strip().lower()
    return [m for m in data.muscles if any(needle in n.lower() for n in _names(m))]


def _not_found(data: ReferralData, name: str) -> CliError:
    pool = {n.lower(): m.name for m in data.muscles for n in _names(m)}
    close = difflib.get_close_matches(name.lower(), list(pool), n=5, cutoff=0.5)
    names = list(dict.fromkeys(pool[c] for c in close))
    hint = f"; close names: {', '.join(names)}" if names else "; try `bodymap muscle a` for all"
    return CliError(f"no muscle matches {name!r}{hint}")


def _tp_json(m: Muscle, tp: TriggerPoint) -> dict[str, Any]:
    sides = {s: resolve_pattern(m, tp, s) for s in ("left", "right")}
    out: dict[str, Any] = {"id": tp.id, "name": tp.name, "pattern_side": tp.pattern_side}
    for field in ("location", "primary", "spillover"):
        out[field] = {s: list(getattr(p, field)) for s, p in sides.items()}
    out["rare"] = {s: list(resolve_zones(tp.rare, s)) for s in sides}
    out.update(symptoms=list(tp.symptoms), note=tp.note, status=tp.status or m.status)
    if tp.spillover_status:
        out["spillover_status"] = tp.spillover_status
    return out


def _muscle_json(m: Muscle) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "aliases": list(m.aliases),
        "status": m.status,
        "sources": list(m.sources),
        "red_flag": m.red_flag.text if m.red_flag else None,
        "red_flag_when_charted": [str(z) for z in m.red_flag.when_charted] if m.red_flag else [],
        "note": m.note,
        "trigger_points": [_tp_json(m, tp) for tp in m.trigger_points],
    }


def _words(zone_ids: tuple[str, ...], labels: dict[str, str]) -> str:
    """Zones for the right side, described side-neutrally ("temple", "other side: forehead")."""
    out = []
    for z in zone_ids:
        text = zone_words(z, labels)
        if z.startswith("right-"):
            text = text.removeprefix("right ")
        elif z.startswith("left-"):
            text = "other side: " + text.removeprefix("left ")
        out.append(text)
    return ", ".join(out) or "-"


def _print_muscle(m: Muscle, labels: dict[str, str]) -> None:
    print(f"{m.name} [{m.status}; {', '.join(m.sources)}]")
    if m.red_flag:
        zones = resolve_zones(m.red_flag.when_charted, "right")
        when = dict.fromkeys(_words((z,), labels).removeprefix("other side: ") for z in zones)
        print(f"  CAUTION (when {'; '.join(when)} is charted): {m.red_flag.text}")
    for tp in m.trigger_points:
        p = resolve_pattern(m, tp, "right")
        sided = {"same": "same side", "bilateral": "can cross to the other side"}
        print(
            f"  Trigger point: {tp.name} (pattern: {sided.get(tp.pattern_side, tp.pattern_side)})"
        )
        print(f"    lies in:   {_words(p.location, labels)}")
        print(f"    primary:   {_words(p.primary, labels)}")
        spill = f" [{tp.spillover_status}]" if tp.spillover_status else ""
        print(f"    spillover: {_words(p.spillover, labels)}{spill}")
        if tp.rare:
            rare = _words(resolve_zones(tp.rare, "right"), labels)
            print(f"    rarely:    {rare} (never used for ranking)")
        if tp.symptoms:
            print(f"    symptoms:  {', '.join(tp.symptoms)}")
        if tp.note:
            print(f"    note:      {tp.note}")


def cmd_muscle(args: argparse.Namespace, ctx: CliContext) -> int:
    data = _data(args, ctx)
    found = find_muscles(data, args.name)
    if not found:
        raise _not_found(data, args.name)
    if args.json:
        json.dump([_muscle_json(m) for m in found], sys.stdout, indent=1)
        print()
        return 0
    labels = {z.id: z.label for z in ctx.atlas.zones}
    for i, m in enumerate(found):
        if i:
            print()
        _print_muscle(m, labels)
    return 0
