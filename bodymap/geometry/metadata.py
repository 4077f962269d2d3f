"""Zone metadata: the region vocabulary, id rules and the zones.json data file (zones, retired ids)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REGIONS: tuple[str, ...] = (
    "head", "face", "neck", "shoulder", "chest", "abdomen", "upper-back", "mid-back",
    "lower-back", "buttock", "hip", "groin", "upper-arm", "elbow", "forearm", "wrist",
    "hand", "thigh", "knee", "lower-leg", "ankle", "foot",
)  # fmt: skip
SIDES: tuple[str, ...] = ("left", "right", "midline")
ZONE_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
METADATA_FILE = "zones.json"


@dataclass(frozen=True)
class ZoneMeta:
    """Display name and classification of one zone, as the data file gives it."""

    id: str
    label: str
    view: str
    side: str
    region: str


def side_from_id(zone_id: str) -> str:
    """The side a zone id declares: `left-`/`right-` prefixes are lateral, anything else midline."""
    if zone_id.startswith("left-"):
        return "left"
    if zone_id.startswith("right-"):
        return "right"
    return "midline"


def mirror_id(zone_id: str) -> str | None:
    """The id of the zone's mirror twin, or None for a midline zone."""
    if zone_id.startswith("left-"):
        return "right-" + zone_id[5:]
    if zone_id.startswith("right-"):
        return "left-" + zone_id[6:]
    return None


def label_from_id(zone_id: str) -> str:
    """A readable fallback label built from an id ("left-upper-arm" -> "Left upper arm")."""
    return zone_id.replace("-", " ").capitalize()


def read_metadata_file(path: Path) -> dict[str, ZoneMeta]:
    """Read zones.json; raises ValueError with the offending entry on malformed content."""
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    entries = data.get("zones") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError("expected an object with a 'zones' list")
    out: dict[str, ZoneMeta] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ValueError(f"zones[{i}] is not an object")
        try:
            meta = ZoneMeta(
                id=str(entry["id"]),
                label=str(entry["label"]),
                view=str(entry["view"]),
                side=str(entry.get("side") or side_from_id(str(entry["id"]))),
                region=str(entry["region"]),
            )
        except KeyError as exc:
            raise ValueError(f"zones[{i}] lacks field {exc.args[0]!r}") from None
        out[meta.id] = meta
    return out


def read_retired_file(path: Path) -> dict[str, tuple[str, ...]]:
    """Retired zone id -> the ids that replaced it, from zones.json's optional "retired" list.

    An atlas that splits or renames a zone keeps the old id here, so charts made before the
    change can be brought onto the new zones. Raises ValueError on malformed content.
    """
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    entries = data.get("retired", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError("'retired' must be a list")
    out: dict[str, tuple[str, ...]] = {}
    for i, entry in enumerate(entries):
        now = entry.get("now") if isinstance(entry, dict) else None
        if not isinstance(now, list) or not now or not all(isinstance(z, str) for z in now):
            raise ValueError(f"retired[{i}] needs an 'id' and a non-empty 'now' list of zone ids")
        if not isinstance(entry.get("id"), str):
            raise ValueError(f"retired[{i}] lacks field 'id'")
        out[entry["id"]] = tuple(now)
    return out
