"""The parsed-atlas cache: a hit gives the same atlas, a damaged cache is ignored."""

from __future__ import annotations

import pytest

from bodymap.geometry import load_atlas
from bodymap.geometry.sources import read_source


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BODYMAP_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cache_hit_gives_the_same_atlas(cache_dir):
    cold = read_source(None)
    assert list(cache_dir.glob("atlas-*.json"))
    warm = read_source(None)
    assert [z.id for z in warm.zones] == [z.id for z in cold.zones]
    for a, b in zip(cold.zones, warm.zones, strict=True):
        assert a.polygon.equals_exact(b.polygon, 1e-9) and a.label == b.label and a.d == b.d
    assert warm.views["front"].svg_bytes == cold.views["front"].svg_bytes
    assert load_atlas().zone_at("front", 231, 53).id == "left-forehead"


def test_damaged_cache_is_ignored(cache_dir):
    read_source(None)
    for f in cache_dir.glob("atlas-*.json"):
        f.write_text("{ not json")
    assert len(read_source(None).zones) >= 160


def test_invalid_atlas_is_never_cached(cache_dir, tmp_path):
    bad = tmp_path / "front.svg"
    bad.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><path id="left-a" class="zone" data-region="head" d="M0,0 h5 v5 h-5 z"/></svg>'
    )
    assert read_source(bad).problems
    assert not list(cache_dir.glob("atlas-*.json"))
