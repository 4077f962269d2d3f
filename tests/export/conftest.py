"""Fixtures for report tests: the built-in atlas, the synthetic demo record, PDF read-back."""

from __future__ import annotations

from datetime import date

import pytest

from bodymap.geometry import Atlas, load_atlas
from bodymap.model import ClientRecord


@pytest.fixture(scope="session")
def body_atlas() -> Atlas:
    return load_atlas()


@pytest.fixture(scope="session")
def demo(body_atlas: Atlas) -> ClientRecord:
    from bodymap.ops.demo import build_demo_record

    return build_demo_record(body_atlas, start=date(2026, 1, 5))
