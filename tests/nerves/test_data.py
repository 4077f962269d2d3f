"""The built-in dermatome and nerve data: complete, sourced, on both sides, checked on load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bodymap.nerves.patterns import DERMATOME, NERVE, from_territory, territory_patterns
from bodymap.nerves.territories import TerritoryDataError, read_builtin_territories
from bodymap.nerves.validate import check_territories, load_territories, validate_territories
from bodymap.referral.validate import builtin_zone_ids

LEVELS = ["C2", "C3", "C4", "C5", "C6", "C7", "C8", *(f"T{n}" for n in range(1, 13)),
          "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4-5"]  # fmt: skip
NERVES = {"median nerve", "ulnar nerve", "superficial radial nerve",
          "lateral femoral cutaneous nerve", "common fibular nerve", "saphenous nerve",
          "sciatic nerve", "tibial nerve", "greater occipital nerve", "brachial plexus"}  # fmt: skip


@pytest.fixture(scope="module")
def data():
    return load_territories()


def test_every_dermatome_from_c2_to_s5_in_order(data):
    assert [t.id for t in data.of_kind(DERMATOME)] == LEVELS
    assert all(t.key_point and t.key_zone for t in data.of_kind(DERMATOME))


def test_the_ten_entrapment_nerves_each_with_a_site(data):
    nerves = data.of_kind(NERVE)
    assert {t.structure for t in nerves} == NERVES
    assert {t.id for t in nerves} >= {"ulnar-cubital-tunnel", "ulnar-guyon"}
    assert all(t.entrapment and t.symptoms and t.words for t in nerves)


def test_each_entry_resolves_on_both_sides_to_mirror_zones(data, real_atlas):
    for t in data.territories:
        left, right = from_territory(t, "left"), from_territory(t, "right")
        mirror = [z.replace("left-", "right-") for z in left.core + left.partial + left.pain]
        assert mirror == list(right.core + right.partial + right.pain), t.id
        assert all(real_atlas.has_zone(z) for z in left.roles()), t.id
        views = {real_atlas.zone(z).view for z in right.roles()}
        assert views, t.id


def test_dermatomes_reach_the_front_and_the_back(data, real_atlas):
    views = {real_atlas.zone(z).view for t in data.of_kind(DERMATOME)
             for z in from_territory(t, "right").roles()}  # fmt: skip
    assert views == {"front", "back"}


def test_sources_statuses_and_disagreements(data):
    for t in data.territories:
        assert t.status in ("V", "P", "U") and t.sources, t.id
        assert all(k in data.sources for k in t.sources), t.id
    topics = {d.topic for d in data.disagreements}
    assert {
        "Which map",
        "Lee 2008 boundaries",
        "L4",
        "Back of the thigh in piriformis syndrome",
    } <= topics


def test_lee_2008_is_cited_only_for_principles_never_for_a_boundary(data):
    """Its figure could not be read: no entry may rest on it (research note, U)."""
    assert "LEE08" in data.sources
    assert all("LEE08" not in t.sources for t in data.territories)
    assert all("LEE08" not in v.sources for t in data.territories for v in t.variants)


def test_trunk_bands_reach_their_zones_only_in_part(data):
    for level in (f"T{n}" for n in range(3, 13)):
        t = data.territory(level)
        assert not t.core and t.partial and t.status == "P", level


def test_unverified_entries_stay_out_of_the_default_set(tmp_path: Path):
    raw = json.loads((Path(__file__).parents[2] / "bodymap/nerves/data/nerves.json").read_text())
    raw["nerves"][0]["status"] = "U"
    path = tmp_path / "n.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    data = load_territories(path)
    first = raw["nerves"][0]["id"]
    assert first not in {p.id for p in territory_patterns(data)}
    assert first in {p.id for p in territory_patterns(data, unverified=True)}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda n: n["nerves"][0].update(core=[{"stem": "elbw"}]), "unknown zone stem 'elbw'"),
        (lambda n: n["nerves"][0].update(sources=["NOPE"]), "source key 'NOPE'"),
        (lambda n: n["nerves"][0].update(status="maybe"), "'maybe' is not one of V, P, U"),
        (lambda n: n["nerves"][0].update(partial=n["nerves"][0]["core"]), "both core and partial"),
        (lambda n: n["nerves"][1].update(id=n["nerves"][0]["id"]), "is used twice"),
        (lambda n: n["nerves"][0].update(core=["right-thumb-palmar"]), "as a stem"),
    ],
)
def test_problems_name_the_entry_and_field(tmp_path: Path, change, message):
    raw = json.loads((Path(__file__).parents[2] / "bodymap/nerves/data/nerves.json").read_text())
    change(raw)
    path = tmp_path / "n.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(TerritoryDataError) as err:
        load_territories(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_malformed_files_give_a_clear_message(tmp_path: Path):
    for text, message in (("{", "not valid JSON"), ("[]", "'dermatomes' or 'nerves' list")):
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(TerritoryDataError, match=message):
            load_territories(path)
    with pytest.raises(TerritoryDataError, match="cannot read"):
        load_territories(tmp_path / "missing.json")


def test_a_smaller_atlas_is_told_which_zones_it_lacks():
    data = read_builtin_territories()
    known = builtin_zone_ids() - {"right-thenar", "left-thenar"}
    problems = validate_territories(data, known)
    assert any("thenar" in p for p in problems)
    with pytest.raises(TerritoryDataError):
        check_territories(data, known)
