"""Commands about the body atlas: zones, locate, atlas check."""

from __future__ import annotations

import argparse
import json
import sys

from bodymap.cli.context import CliContext, CliError
from bodymap.geometry.sources import read_source


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("zones", help="list the atlas zones")
    p.add_argument("--view", help="only this view (front, back, or a side or closer view)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=cmd_zones)

    p = sub.add_parser("locate", help="name the zone at a viewBox point")
    p.add_argument("view")
    p.add_argument("x", type=float)
    p.add_argument("y", type=float)
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(handler=cmd_locate)

    p = sub.add_parser("atlas", help="atlas tools")
    atlas_sub = p.add_subparsers(dest="atlas_command", metavar="ACTION", required=True)
    c = atlas_sub.add_parser("check", help="validate a custom atlas (SVG file or folder)")
    c.add_argument("path")
    c.set_defaults(handler=cmd_atlas_check)


def _zone_json(z) -> dict:
    return {
        "id": z.id,
        "label": z.label,
        "view": z.view,
        "side": z.side,
        "region": z.region,
        "area": round(z.area, 2),
        "point": [round(z.point[0], 2), round(z.point[1], 2)],
        "parent": z.parent,
    }


def cmd_zones(args: argparse.Namespace, ctx: CliContext) -> int:
    atlas = ctx.atlas
    if args.view and args.view not in atlas.views:
        raise CliError(f"unknown view {args.view!r}; choose one of {', '.join(atlas.views)}")
    zones = atlas.zones_in(args.view) if args.view else atlas.zones
    if args.json:
        json.dump([_zone_json(z) for z in zones], sys.stdout, indent=1)
        print()
        return 0
    for z in zones:
        parent = f"  (in {z.parent})" if z.parent else ""
        print(f"{z.id:34} {z.view:6} {z.side:8} {z.region:11} {z.label}{parent}")
    print(f"{len(zones)} zones")
    return 0


def cmd_locate(args: argparse.Namespace, ctx: CliContext) -> int:
    atlas = ctx.atlas
    if args.view not in atlas.views:
        raise CliError(f"unknown view {args.view!r}; choose one of {', '.join(atlas.views)}")
    zone = atlas.zone_at(args.view, args.x, args.y)
    if zone is None:
        raise CliError(f"({args.x:g}, {args.y:g}) is outside the body on the {args.view} view")
    if args.json:
        print(json.dumps(_zone_json(zone)))
    else:
        print(f"{zone.label} ({zone.view}) [{zone.id}]")
    return 0


def cmd_atlas_check(args: argparse.Namespace, ctx: CliContext) -> int:
    src = read_source(args.path)
    errors = [p for p in src.problems if p.severity == "error"]
    for p in src.problems:
        print(p)
    if errors:
        print(f"{args.path}: NOT valid ({len(errors)} problem(s))")
        return 1
    views = ", ".join(f"{v}: {sum(1 for z in src.zones if z.view == v)} zones" for v in src.views)
    print(f"{args.path}: valid atlas ({views})")
    return 0
