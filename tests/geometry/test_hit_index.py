"""The grid-accelerated hit test agrees with a plain STRtree query everywhere."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bodymap.geometry import load_atlas

ATLAS = load_atlas()


@settings(max_examples=3000, deadline=None)
@given(
    view=st.sampled_from(["front", "back"]),
    x=st.floats(min_value=-10, max_value=450),
    y=st.floats(min_value=-10, max_value=970),
)
def test_grid_matches_tree(view, x, y):
    idx = ATLAS._index[view]
    got = idx.at(x, y)
    ref = idx.at_tree(x, y)
    if ref is None or got is None:
        assert got is ref
    else:
        # on a shared border either neighbour is a right answer
        assert got.id == ref.id or got.polygon.distance(ref.polygon) < 1e-6


@pytest.mark.parametrize("view", ["front", "back"])
def test_dense_scan_agrees(view):
    idx = ATLAS._index[view]
    for x in range(0, 440, 7):
        for y in range(0, 960, 7):
            a, b = idx.at(x + 0.31, y + 0.17), idx.at_tree(x + 0.31, y + 0.17)
            assert (a is None) == (b is None)
