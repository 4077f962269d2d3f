"""Shared fixtures: the built-in referral data and zone areas from the real atlas when it loads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bodymap.referral import ReferralData, SidedPattern, load_referrals, sided_patterns

ZONES_JSON = Path(__file__).resolve().parents[2] / "assets" / "svg" / "zones.json"


@dataclass(frozen=True)
class ZoneTable:
    """What ranking needs from an atlas: ids, areas, labels, and whether the areas are real."""

    areas: dict[str, float]
    labels: dict[str, str]
    real: bool
    atlas: Any = None  # the loaded Atlas when real


def _zone_table() -> ZoneTable:
    try:
        from bodymap.geometry import load_atlas

        atlas = load_atlas()
    except Exception:  # the SVGs may not exist yet: equal areas, for development only
        entries = json.loads(ZONES_JSON.read_text(encoding="utf-8"))["zones"]
        return ZoneTable(
            {e["id"]: 1.0 for e in entries}, {e["id"]: e["label"] for e in entries}, False
        )
    return ZoneTable(
        {z.id: z.area for z in atlas.zones}, {z.id: z.label for z in atlas.zones}, True, atlas
    )


_TABLE = _zone_table()


@pytest.fixture(scope="session")
def zones() -> ZoneTable:
    return _TABLE


@pytest.fixture(scope="session")
def data() -> ReferralData:
    return load_referrals(known_zone_ids=_TABLE.areas.keys())


@pytest.fixture(scope="session")
def patterns(data: ReferralData) -> tuple[SidedPattern, ...]:
    return sided_patterns(data)
