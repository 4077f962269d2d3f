"""Shared fixtures: the built-in atlas and the three kinds of pattern resolved against it."""

from __future__ import annotations

import pytest

from bodymap.ops.explain import ExplainContext, explain_context


@pytest.fixture(scope="session")
def ctx(real_atlas) -> ExplainContext:
    return explain_context(real_atlas)
