"""Shared fixtures: the built-in referral data and the zone areas of the built-in atlas."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bodymap.geometry import Atlas, load_atlas
from bodymap.referral import ReferralData, SidedPattern, load_referrals, sided_patterns


@dataclass(frozen=True)
class ZoneTable:
    """What ranking needs from an atlas: ids, areas and labels of the built-in atlas."""

    areas: dict[str, float]
    labels: dict[str, str]
    atlas: Atlas


def _zone_table() -> ZoneTable:
    atlas = load_atlas()
    return ZoneTable(
        {z.id: z.area for z in atlas.zones}, {z.id: z.label for z in atlas.zones}, atlas
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
