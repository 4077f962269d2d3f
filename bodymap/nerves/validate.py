"""Checks dermatome and nerve data against the atlas zone ids and the data rules."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from bodymap.nerves.territories import (
    DERMATOMES,
    NERVES,
    ROLES,
    Territory,
    TerritoryData,
    TerritoryDataError,
    read_builtin_territories,
    read_territories,
)
from bodymap.referral.patterns import STATUSES, ZoneRef
from bodymap.referral.validate import builtin_zone_ids, zone_problems


def _source_problems(keys: tuple[str, ...], data: TerritoryData, where: str) -> Iterator[str]:
    if not keys:
        yield f"{where}: cites no source"
    for key in keys:
        if key not in data.sources:
            yield f"{where}: source key {key!r} is not listed under 'sources'"


def _zones_problems(refs: tuple[ZoneRef, ...], known: Collection[str], where: str) -> Iterator[str]:
    for ref in refs:
        if ref.side != "same":
            yield f"{where}: a territory lies on one side; write {ref.stem!r} without a side"
        yield from zone_problems(ref, known, where)


def _territory_problems(t: Territory, data: TerritoryData, known: Collection[str]) -> Iterator[str]:
    where = f"{t.kind} {t.id!r}"
    if t.kind not in (DERMATOMES, NERVES):
        yield f"{where}: kind {t.kind!r} is not dermatome or nerve"
    if t.status not in STATUSES:
        yield f"{where} field 'status': {t.status!r} is not one of {', '.join(STATUSES)}"
    if not (t.core or t.partial):
        yield f"{where}: needs at least one core or partial zone"
    roles = {role: {str(r) for r in t.zones(role)} for role in (*ROLES, "spared")}
    for role in ROLES[1:] + ("spared",):
        twice = roles["core"] & roles[role]
        if twice:
            yield f"{where}: zones both core and {role}: {', '.join(sorted(twice))}"
    for role in (*ROLES, "spared"):
        yield from _zones_problems(t.zones(role), known, f"{where} field {role!r}")
    if t.key_zone is not None:
        yield from _zones_problems((t.key_zone,), known, f"{where} field 'key_point'")
    yield from _source_problems(t.sources, data, f"{where} field 'sources'")
    if t.history is not None:
        if not t.history.words:
            yield f"{where} field 'history': needs at least one word"
        yield from _source_problems(t.history.sources, data, f"{where} field 'history'")
    for v in t.variants:
        vwhere = f"{where} variant {v.name!r}"
        if v.status not in STATUSES:
            yield f"{vwhere}: status {v.status!r} is not V, P or U"
        yield from _zones_problems(v.zones, known, vwhere)
        yield from _source_problems(v.sources, data, vwhere)


def validate_territories(data: TerritoryData, known_zone_ids: Collection[str]) -> list[str]:
    """Every problem in the data, each naming its dermatome or nerve and field."""
    problems: list[str] = []
    if not data.territories:
        problems.append("the file lists no dermatomes or nerves")
    seen: set[str] = set()
    for t in data.territories:
        if t.id in seen:
            problems.append(f"{t.kind} id {t.id!r} is used twice")
        seen.add(t.id)
        problems.extend(_territory_problems(t, data, known_zone_ids))
    for d in data.disagreements:
        problems.extend(_source_problems(d.sources, data, f"disagreement {d.topic!r}"))
    return problems


def check_territories(data: TerritoryData, known_zone_ids: Collection[str]) -> TerritoryData:
    """Return the data unchanged, or raise TerritoryDataError listing every problem."""
    problems = validate_territories(data, known_zone_ids)
    if problems:
        raise TerritoryDataError(problems, data.origin)
    return data


def load_territories(
    path: str | Path | None = None, known_zone_ids: Collection[str] | None = None
) -> TerritoryData:
    """Read the built-in files (or one custom file) and validate against the atlas zone ids.

    Without `known_zone_ids` the built-in atlas's ids from zones.json are used.
    """
    data = read_builtin_territories() if path is None else read_territories(path)
    known = builtin_zone_ids() if known_zone_ids is None else known_zone_ids
    return check_territories(data, known)
