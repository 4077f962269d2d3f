"""Checks referral data against the atlas zone ids and the data rules, naming each problem."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from bodymap.referral.patterns import (
    PATTERN_SIDES,
    STATUSES,
    ZONE_FIELDS,
    ZONE_SIDES,
    Muscle,
    RedFlag,
    ReferralData,
    ReferralDataError,
    TriggerPoint,
    ZoneRef,
    read_referrals,
)
from bodymap.referral.resolve import SIDES, side_of_zone


def builtin_zone_ids() -> frozenset[str]:
    """Zone ids of the built-in atlas, read from zones.json alone (no SVG needed)."""
    from bodymap.geometry.metadata import METADATA_FILE, read_metadata_file
    from bodymap.geometry.sources import builtin_dir

    return frozenset(read_metadata_file(builtin_dir() / METADATA_FILE))


def zone_problems(ref: ZoneRef, known: Collection[str], where: str) -> Iterator[str]:
    """What is wrong with one zone reference against the atlas's zone ids (nothing if fine)."""
    if ref.id is not None:
        if ref.id not in known:
            yield f"{where}: unknown zone id {ref.id!r}"
        elif side_of_zone(ref.id) is not None:
            yield f"{where}: write the one-sided zone {ref.id!r} as a stem so it follows the side"
        return
    if ref.side not in ZONE_SIDES:
        yield f"{where}: zone side {ref.side!r} is not one of {', '.join(ZONE_SIDES)}"
    for side in SIDES:
        if f"{side}-{ref.stem}" not in known:
            yield f"{where}: unknown zone stem {ref.stem!r} (no {side}-{ref.stem})"
            return


def _tp_problems(m: Muscle, tp: TriggerPoint, known: Collection[str]) -> Iterator[str]:
    where = f"muscle {m.id!r} trigger point {tp.id!r}"
    for name in ZONE_FIELDS:
        refs: tuple[ZoneRef, ...] = getattr(tp, name)
        if name in ("location", "primary") and not refs:
            yield f"{where} field {name!r}: needs at least one zone"
        for ref in refs:
            yield from zone_problems(ref, known, f"{where} field {name!r}")
    named = [(name, {str(r) for r in getattr(tp, name)}) for name in ("primary", "spillover")]
    rare = {str(r) for r in tp.rare}
    for name, zones in [("primary and spillover", named[0][1] & named[1][1])] + [
        (f"{n} and rare", z & rare) for n, z in named
    ]:
        if zones:
            yield f"{where}: zones both {name}: {', '.join(sorted(zones))}"
    if tp.pattern_side not in PATTERN_SIDES:
        yield f"{where} field 'pattern_side': {tp.pattern_side!r} is not one of {PATTERN_SIDES}"
    crossing = [r for r in (*tp.primary, *tp.spillover) if r.side != "same"]
    if tp.pattern_side == "bilateral" and not crossing:
        yield f"{where}: a bilateral pattern needs a zone on the other or both sides"
    if tp.pattern_side == "midline" and not any(r.id for r in tp.primary):
        yield f"{where}: a midline pattern needs a midline zone among its primary zones"
    for name in ("status", "spillover_status"):
        value = getattr(tp, name)
        if value is not None and value not in STATUSES:
            yield f"{where} field {name!r}: {value!r} is not one of {', '.join(STATUSES)}"


def _red_flag_problems(flag: RedFlag, where: str, known: Collection[str]) -> Iterator[str]:
    if flag.status not in STATUSES:
        yield f"{where}: status {flag.status!r} is not V, P or U"
    if not flag.when_charted:
        yield f"{where}: needs 'when_charted', the zones whose pain makes the caution apply"
    for ref in flag.when_charted:
        yield from zone_problems(ref, known, f"{where} 'when_charted'")


def _muscle_problems(m: Muscle, data: ReferralData, known: Collection[str]) -> Iterator[str]:
    where = f"muscle {m.id!r}"
    if not m.sources:
        yield f"{where} field 'sources': cites no source"
    for key in m.sources:
        if data.sources and key not in data.sources:
            yield f"{where} field 'sources': source key {key!r} is not listed under 'sources'"
    if m.status not in STATUSES:
        yield f"{where} field 'status': {m.status!r} is not one of {', '.join(STATUSES)}"
    if m.red_flag is not None:
        yield from _red_flag_problems(m.red_flag, f"{where} field 'red_flag'", known)
    if not m.trigger_points:
        yield f"{where} field 'trigger_points': needs at least one trigger point"
    seen: set[str] = set()
    for tp in m.trigger_points:
        if tp.id in seen:
            yield f"{where}: trigger point id {tp.id!r} is used twice"
        seen.add(tp.id)
        yield from _tp_problems(m, tp, known)


def validate_referrals(data: ReferralData, known_zone_ids: Collection[str]) -> list[str]:
    """Every problem in the data, each naming its muscle, trigger point and field."""
    problems: list[str] = []
    if not data.muscles:
        problems.append("the file lists no muscles")
    seen: set[str] = set()
    for m in data.muscles:
        if m.id in seen:
            problems.append(f"muscle id {m.id!r} is used twice")
        seen.add(m.id)
        problems.extend(_muscle_problems(m, data, known_zone_ids))
    return problems


def check_referrals(data: ReferralData, known_zone_ids: Collection[str]) -> ReferralData:
    """Return the data unchanged, or raise ReferralDataError listing every problem."""
    problems = validate_referrals(data, known_zone_ids)
    if problems:
        raise ReferralDataError(problems, data.origin)
    return data


def load_referrals(
    path: str | Path | None = None, known_zone_ids: Collection[str] | None = None
) -> ReferralData:
    """Read the built-in (or a custom) data file and validate it against the atlas zone ids.

    Without `known_zone_ids` the built-in atlas's ids from zones.json are used.
    """
    data = read_referrals(path)
    known = builtin_zone_ids() if known_zone_ids is None else known_zone_ids
    return check_referrals(data, known)
