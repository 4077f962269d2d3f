"""Zone metadata: the region vocabulary, id rules and the zones.json data file (zones, retired ids).

A zone on a closer view (a side view, a head, hand or foot chart) names its `parent`: the zone
of a whole-body view it lies in. Marks on it count through that parent.
"""

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
    parent: str | None = None


# Midline zones of a view drawn from one side (a side view) say which side in their id.
SEEN_FROM = ("-from-right", "-from-left")


def side_from_id(zone_id: str) -> str:
    """The side a zone id declares: `left-`/`right-` prefixes are lateral, anything else midline."""
    if zone_id.startswith("left-"):
        return "left"
    if zone_id.startswith("right-"):
        return "right"
    return "midline"


def mirror_id(zone_id: str) -> str | None:
    """The id of the zone's mirror twin, or None for a midline zone of a two-sided view.

    A midline zone seen from one side ("nose-from-right") has its twin on the mirrored view.
    """
    if zone_id.startswith("left-"):
        return "right-" + zone_id[5:]
    if zone_id.startswith("right-"):
        return "left-" + zone_id[6:]
    for mine, other in (SEEN_FROM, SEEN_FROM[::-1]):
        if zone_id.endswith(mine):
            return zone_id[: -len(mine)] + other
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
                parent=_optional_id(entry, "parent", i),
            )
        except KeyError as exc:
            raise ValueError(f"zones[{i}] lacks field {exc.args[0]!r}") from None
        out[meta.id] = meta
    return out


def _optional_id(entry: dict, key: str, i: int) -> str | None:
    value = entry.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"zones[{i}].{key} must be a zone id")
    return value


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
