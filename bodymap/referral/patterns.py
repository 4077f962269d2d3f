"""Trigger-point referral data: the dataclasses and reading them from a JSON file."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUILTIN_PACKAGE = "bodymap.referral.data"
BUILTIN_FILE = "referrals.json"
STATUSES = ("V", "P", "U")
ZONE_SIDES = ("same", "contralateral", "both")
PATTERN_SIDES = ("same", "bilateral", "midline")
ZONE_FIELDS = ("location", "primary", "spillover", "rare")


class ReferralDataError(ValueError):
    """The referral data is malformed or names zones the atlas does not have."""

    def __init__(self, problems: Sequence[str], source: str = ""):
        self.problems = tuple(problems)
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(where + "; ".join(self.problems))


@dataclass(frozen=True)
class ZoneRef:
    """A zone as the data writes it: a fixed id (midline) or a side-neutral stem."""

    id: str | None = None
    stem: str | None = None
    side: str = "same"  # for stems: same side as the trigger point, the other side, or both

    def __str__(self) -> str:
        if self.id is not None:
            return self.id
        return f"{self.stem}" if self.side == "same" else f"{self.stem} ({self.side})"


@dataclass(frozen=True)
class RedFlag:
    """A caution to show before treating: what to rule out, with its source and status.

    It applies only when one of `when_charted` (zones resolved for the trigger point's side)
    is charted as painful.
    """

    text: str
    source: str
    status: str
    when_charted: tuple[ZoneRef, ...] = ()


@dataclass(frozen=True)
class TriggerPoint:
    """One trigger point of a muscle: where it lies and where it refers pain."""

    id: str
    name: str
    location: tuple[ZoneRef, ...]
    primary: tuple[ZoneRef, ...]
    spillover: tuple[ZoneRef, ...]
    rare: tuple[ZoneRef, ...] = ()  # named by the sources as rare: shown, never ranked
    pattern_side: str = "same"
    symptoms: tuple[str, ...] = ()
    note: str = ""
    status: str | None = None  # overrides the muscle's status when set
    spillover_status: str | None = None


@dataclass(frozen=True)
class Muscle:
    """A muscle (or a part of one) with its trigger points, sources and red flag."""

    id: str
    name: str
    trigger_points: tuple[TriggerPoint, ...]
    sources: tuple[str, ...]
    status: str
    ref: int | None = None
    aliases: tuple[str, ...] = ()
    red_flag: RedFlag | None = None
    note: str = ""

    def trigger_point(self, tp_id: str) -> TriggerPoint:
        """The trigger point with this id; KeyError names it."""
        for tp in self.trigger_points:
            if tp.id == tp_id:
                return tp
        raise KeyError(f"muscle {self.id!r} has no trigger point {tp_id!r}")


@dataclass(frozen=True)
class ReferralData:
    """All muscles of one data file, with the source keys they cite."""

    muscles: tuple[Muscle, ...]
    sources: Mapping[str, str] = field(default_factory=dict)
    origin: str = ""

    def muscle(self, muscle_id: str) -> Muscle:
        """The muscle with this id; KeyError names it."""
        for m in self.muscles:
            if m.id == muscle_id:
                return m
        raise KeyError(f"unknown muscle {muscle_id!r}")

    @property
    def trigger_point_count(self) -> int:
        return sum(len(m.trigger_points) for m in self.muscles)


def _where(muscle: Any, tp: Any = None) -> str:
    m = muscle.get("id", "?") if isinstance(muscle, dict) else "?"
    if tp is None:
        return f"muscle {m!r}"
    t = tp.get("id", "?") if isinstance(tp, dict) else "?"
    return f"muscle {m!r} trigger point {t!r}"


def zone_ref(raw: Any, where: str) -> ZoneRef:
    """A zone as written in a data file: an id string or {"stem": ..., "side": ...}."""
    if isinstance(raw, str):
        return ZoneRef(id=raw)
    if isinstance(raw, dict) and isinstance(raw.get("stem"), str):
        return ZoneRef(stem=raw["stem"], side=str(raw.get("side", "same")))
    raise ReferralDataError(
        [f"{where}: a zone must be an id string or {{'stem': ...}}, got {raw!r}"]
    )


def zone_list(raw: dict, key: str, where: str) -> tuple[ZoneRef, ...]:
    """The zones listed under `key` (none when absent); ReferralDataError names the field."""
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ReferralDataError([f"{where} field {key!r}: expected a list of zones"])
    return tuple(zone_ref(z, f"{where} field {key!r}") for z in value)


def str_tuple(raw: dict, key: str, where: str) -> tuple[str, ...]:
    """The strings listed under `key` (none when absent); ReferralDataError names the field."""
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReferralDataError([f"{where} field {key!r}: expected a list of strings"])
    return tuple(value)


def _trigger_point(raw: Any, muscle: dict) -> TriggerPoint:
    where = _where(muscle, raw)
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise ReferralDataError([f"{where}: a trigger point must be an object with an 'id'"])
    return TriggerPoint(
        id=raw["id"],
        name=str(raw.get("name", raw["id"])),
        location=zone_list(raw, "location", where),
        primary=zone_list(raw, "primary", where),
        spillover=zone_list(raw, "spillover", where),
        rare=zone_list(raw, "rare", where),
        pattern_side=str(raw.get("pattern_side", "same")),
        symptoms=str_tuple(raw, "symptoms", where),
        note=str(raw.get("note", "")),
        status=raw.get("status"),
        spillover_status=raw.get("spillover_status"),
    )


def _red_flag(raw: Any, where: str) -> RedFlag | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise ReferralDataError([f"{where} field 'red_flag': expected an object with 'text'"])
    zones = zone_list(raw, "when_charted", f"{where} field 'red_flag'")
    return RedFlag(str(raw["text"]), str(raw.get("source", "")), str(raw.get("status", "")), zones)


def _muscle(raw: Any, index: int) -> Muscle:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise ReferralDataError([f"muscles[{index}]: a muscle must be an object with an 'id'"])
    where = _where(raw)
    tps = raw.get("trigger_points")
    if not isinstance(tps, list):
        raise ReferralDataError([f"{where} field 'trigger_points': expected a list"])
    ref = raw.get("ref")
    return Muscle(
        id=raw["id"],
        name=str(raw.get("name", raw["id"])),
        trigger_points=tuple(_trigger_point(tp, raw) for tp in tps),
        sources=str_tuple(raw, "sources", where),
        status=str(raw.get("status", "")),
        ref=ref if isinstance(ref, int) else None,
        aliases=str_tuple(raw, "aliases", where),
        red_flag=_red_flag(raw.get("red_flag"), where),
        note=str(raw.get("note", "")),
    )


def parse_referrals(data: Any, origin: str = "") -> ReferralData:
    """Turn decoded JSON into ReferralData; raises ReferralDataError on a malformed shape."""
    if not isinstance(data, dict) or not isinstance(data.get("muscles"), list):
        raise ReferralDataError(["expected an object with a 'muscles' list"], origin)
    sources = data.get("sources", {})
    if not isinstance(sources, dict):
        raise ReferralDataError(["'sources' must map source keys to descriptions"], origin)
    try:
        muscles = tuple(_muscle(m, i) for i, m in enumerate(data["muscles"]))
    except ReferralDataError as exc:
        raise ReferralDataError(exc.problems, origin) from None
    return ReferralData(muscles, {str(k): str(v) for k, v in sources.items()}, origin)


def read_referrals(path: str | Path | None = None) -> ReferralData:
    """Read the built-in data file, or a custom one, without checking zone ids."""
    if path is None:
        resource = importlib.resources.files(BUILTIN_PACKAGE) / BUILTIN_FILE
        text, origin = resource.read_text(encoding="utf-8"), f"built-in {BUILTIN_FILE}"
    else:
        origin = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ReferralDataError([f"cannot read the file: {exc.strerror}"], origin) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReferralDataError([f"not valid JSON: {exc}"], origin) from None
    return parse_referrals(data, origin)
