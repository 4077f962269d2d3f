"""Dermatome and nerve-territory data: the dataclasses and reading them from the JSON files."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bodymap.referral.patterns import ReferralDataError, ZoneRef, str_tuple, zone_list, zone_ref

BUILTIN_PACKAGE = "bodymap.nerves.data"
DERMATOMES, NERVES = "dermatome", "nerve"
# Each data file keeps its entries under one list: which kind of territory it holds.
LIST_KEYS = {"dermatomes": DERMATOMES, "nerves": NERVES}
BUILTIN_FILES = ("dermatomes.json", "nerves.json")
ROLES = ("core", "partial", "pain", "site")


class TerritoryDataError(ReferralDataError):
    """The dermatome or nerve data is malformed or names zones the atlas does not have."""


@dataclass(frozen=True)
class Variant:
    """Another map's version of a territory: shown with its sources, never ranked."""

    name: str
    zones: tuple[ZoneRef, ...]
    sources: tuple[str, ...]
    status: str
    text: str


@dataclass(frozen=True)
class History:
    """Intake history a nerve explains: words to find in the surgeries or injuries listed."""

    words: tuple[str, ...]
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    """Where the sources disagree, what each says, and what the data chose."""

    topic: str
    one: str
    other: str
    chosen: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Territory:
    """A dermatome or a peripheral nerve's skin territory, side-neutral, with its sources."""

    id: str
    name: str
    structure: (
        str  # the root level or the nerve ("C6", "ulnar nerve"): several entries may share it
    )
    kind: str  # "dermatome" or "nerve"
    region: str
    core: tuple[ZoneRef, ...]
    partial: tuple[ZoneRef, ...]
    pain: tuple[ZoneRef, ...]
    site: tuple[ZoneRef, ...]
    sources: tuple[str, ...]
    status: str
    words: str = ""
    spared: tuple[ZoneRef, ...] = ()
    spared_words: str = ""
    key_point: str = ""
    key_zone: ZoneRef | None = None
    entrapment: str = ""
    symptoms: str = ""
    sensory_only: bool = False
    status_note: str = ""
    note: str = ""
    variants: tuple[Variant, ...] = ()
    history: History | None = None
    often_bilateral: str = ""  # why symptoms on both sides are common (and no red flag)

    def zones(self, role: str) -> tuple[ZoneRef, ...]:
        """The zone references of one role (core, partial, pain, site) or the spared zones."""
        if role not in (*ROLES, "spared"):
            raise ValueError(f"role must be one of {', '.join(ROLES)} or spared, not {role!r}")
        refs: tuple[ZoneRef, ...] = getattr(self, role)
        return refs


@dataclass(frozen=True)
class TerritoryData:
    """The territories of one or more data files, with the source keys they cite."""

    territories: tuple[Territory, ...]
    sources: Mapping[str, str] = field(default_factory=dict)
    disagreements: tuple[Disagreement, ...] = ()
    origin: str = ""

    def territory(self, territory_id: str) -> Territory:
        """The territory with this id; KeyError names it."""
        for t in self.territories:
            if t.id == territory_id:
                return t
        raise KeyError(f"unknown dermatome or nerve {territory_id!r}")

    def of_kind(self, kind: str) -> tuple[Territory, ...]:
        return tuple(t for t in self.territories if t.kind == kind)

    def __add__(self, other: TerritoryData) -> TerritoryData:
        origin = " + ".join(o for o in (self.origin, other.origin) if o)
        return TerritoryData(self.territories + other.territories,
                             {**self.sources, **other.sources},
                             self.disagreements + other.disagreements, origin)  # fmt: skip


def _variant(raw: Any, where: str) -> Variant:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise TerritoryDataError([f"{where}: a variant must be an object with a 'name'"])
    where = f"{where} variant {raw['name']!r}"
    return Variant(raw["name"], zone_list(raw, "zones", where), str_tuple(raw, "sources", where),
                   str(raw.get("status", "")), str(raw.get("text", "")))  # fmt: skip


def _key_zone(raw: dict, where: str) -> tuple[str, ZoneRef | None]:
    key = raw.get("key_point")
    if key is None:
        return "", None
    if not isinstance(key, dict) or "zone" not in key:
        raise TerritoryDataError([f"{where} field 'key_point': expected {{'text', 'zone'}}"])
    return str(key.get("text", "")), zone_ref(key["zone"], f"{where} field 'key_point'")


def _territory(raw: Any, kind: str, index: int) -> Territory:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise TerritoryDataError([f"{kind} {index}: an entry must be an object with an 'id'"])
    where = f"{kind} {raw['id']!r}"
    variants = raw.get("variants", [])
    if not isinstance(variants, list):
        raise TerritoryDataError([f"{where} field 'variants': expected a list"])
    text, key_zone = _key_zone(raw, where)
    return Territory(
        id=raw["id"], name=str(raw.get("name", raw["id"])),
        structure=str(raw.get("structure", raw["id"])), kind=str(raw.get("kind", kind)),
        region=str(raw.get("region", "")), core=zone_list(raw, "core", where),
        partial=zone_list(raw, "partial", where), pain=zone_list(raw, "pain", where),
        site=zone_list(raw, "site", where), sources=str_tuple(raw, "sources", where),
        status=str(raw.get("status", "")), words=_text(raw, "words"),
        spared=zone_list(raw, "spared", where), spared_words=_text(raw, "spared_words"),
        key_point=text, key_zone=key_zone, entrapment=_text(raw, "entrapment"),
        symptoms=_text(raw, "symptoms"), sensory_only=bool(raw.get("sensory_only", False)),
        status_note=_text(raw, "status_note"), note=_text(raw, "note"),
        variants=tuple(_variant(v, where) for v in variants),
        history=_history(raw.get("history"), where),
        often_bilateral=_bilateral(raw.get("often_bilateral"), where),
    )  # fmt: skip


def _history(raw: Any, where: str) -> History | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise TerritoryDataError([f"{where} field 'history': expected an object"])
    where = f"{where} field 'history'"
    words = tuple(w.lower() for w in str_tuple(raw, "words", where))
    return History(words, _text(raw, "text"), str_tuple(raw, "sources", where))


def _bilateral(raw: Any, where: str) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise TerritoryDataError(
            [f"{where} field 'often_bilateral': expected {{'text', 'sources'}}"]
        )
    keys = str_tuple(raw, "sources", f"{where} field 'often_bilateral'")
    return f"{raw['text']} ({', '.join(keys)})"


def _text(raw: dict, key: str) -> str:
    return str(raw.get(key, ""))


def _disagreement(raw: Any, index: int) -> Disagreement:
    if not isinstance(raw, dict) or not isinstance(raw.get("topic"), str):
        raise TerritoryDataError([f"disagreements[{index}]: expected an object with a 'topic'"])
    where = f"disagreement {raw['topic']!r}"
    return Disagreement(raw["topic"], str(raw.get("one", "")), str(raw.get("other", "")),
                        str(raw.get("chosen", "")), str_tuple(raw, "sources", where))  # fmt: skip


def parse_territories(data: Any, origin: str = "") -> TerritoryData:
    """Turn decoded JSON into TerritoryData; raises TerritoryDataError on a malformed shape."""
    key = next((k for k in LIST_KEYS if isinstance(data, dict) and k in data), None)
    if key is None or not isinstance(data[key], list):
        raise TerritoryDataError(
            ["expected an object with a 'dermatomes' or 'nerves' list"], origin
        )
    sources = data.get("sources", {})
    disagreements = data.get("disagreements", [])
    if not isinstance(sources, dict) or not isinstance(disagreements, list):
        raise TerritoryDataError(["'sources' must be an object, 'disagreements' a list"], origin)
    try:
        entries = tuple(_territory(t, LIST_KEYS[key], i) for i, t in enumerate(data[key]))
        disagree = tuple(_disagreement(d, i) for i, d in enumerate(disagreements))
    except ReferralDataError as exc:
        raise TerritoryDataError(exc.problems, origin) from None
    return TerritoryData(entries, {str(k): str(v) for k, v in sources.items()}, disagree, origin)


def read_territories(path: str | Path) -> TerritoryData:
    """Read one data file (dermatomes or nerves) without checking zone ids."""
    origin = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise TerritoryDataError([f"cannot read the file: {exc.strerror}"], origin) from None
    return _decode(text, origin)


def read_builtin_territories() -> TerritoryData:
    """Both built-in files, dermatomes first, without checking zone ids."""
    out = TerritoryData(())
    for name in BUILTIN_FILES:
        resource = importlib.resources.files(BUILTIN_PACKAGE) / name
        out = out + _decode(resource.read_text(encoding="utf-8"), f"built-in {name}")
    return out


def _decode(text: str, origin: str) -> TerritoryData:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TerritoryDataError([f"not valid JSON: {exc}"], origin) from None
    return parse_territories(data, origin)
