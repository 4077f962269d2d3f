"""The `bodymap referrals` and `bodymap muscle` commands, with the real atlas."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from bodymap.cli.main import main

pytestmark = pytest.mark.usefixtures("real_atlas")


@pytest.fixture
def real_atlas(zones, monkeypatch):
    """The built-in atlas, loaded once per session rather than once per command."""
    monkeypatch.setattr("bodymap.cli.context.load_atlas", lambda path=None: zones.atlas)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_referrals_json_is_best_first(capsys):
    status, out, _ = _run(capsys, "referrals", "right-temple", "--json", "--top", "3")
    rows = json.loads(out)
    assert status == 0 and len(rows) == 3
    assert {"muscle", "trigger_point", "side", "score", "matched_zones"} <= set(rows[0])
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert {"upper-trapezius", "temporalis"} <= {r["muscle"] for r in rows}
    assert all(r["side"] == "right" for r in rows)


def test_referrals_table_for_people(capsys):
    arm = ["left-upper-arm-front-outer", "left-upper-arm-back-outer", "left-forearm-palmar-radial"]
    status, out, _ = _run(capsys, "referrals", *arm, "left-thumb-palmar", "left-thumb-dorsal")
    assert status == 0 and "Scalenes" in out and "Explains" in out
    assert "CAUTION" not in out  # no chest pain charted: no cardiac caution
    status, out, _ = _run(capsys, "referrals", *arm, "left-thumb-palmar", "left-upper-chest")
    assert status == 0 and "CAUTION: Chest pain must be cleared as cardiac" in out


def test_unverified_patterns_only_on_request(capsys):
    _, out, _ = _run(capsys, "referrals", "right-foot-top", "--json", "--top", "40")
    assert "short-toe-extensors" not in {r["muscle"] for r in json.loads(out)}
    _, out, _ = _run(capsys, "referrals", "right-foot-top", "--json", "--top", "40", "--unverified")
    assert "short-toe-extensors" in {r["muscle"] for r in json.loads(out)}


def test_muscle_lists_rare_zones_and_when_a_caution_applies(capsys):
    status, out, _ = _run(capsys, "muscle", "soleus")
    assert status == 0 and "rarely:    jaw (angle of mandible) (never used for ranking)" in out
    assert "CAUTION (when calf, inner side; calf, outer side is charted)" in out


def test_unknown_zone_suggests_close_ids(capsys):
    status, _, err = _run(capsys, "referrals", "right-tmple")
    assert status == 1 and "right-temple" in err


def test_referrals_needs_zones_or_a_visit(capsys):
    status, _, err = _run(capsys, "referrals")
    assert status == 2 and "--visit" in err


def test_muscle_partial_case_insensitive(capsys):
    status, out, _ = _run(capsys, "muscle", "TRAPEZ")
    assert status == 0 and "Upper trapezius" in out and "Lower trapezius" in out
    status, out, _ = _run(capsys, "muscle", "scalene", "--json")
    (m,) = json.loads(out)
    assert "right-thumb-palmar" in m["trigger_points"][0]["primary"]["right"]
    assert "left-thumb-palmar" in m["trigger_points"][0]["primary"]["left"]


def test_muscle_not_found_lists_close_names(capsys):
    status, _, err = _run(capsys, "muscle", "trapz")
    assert status == 1 and "Upper trapezius" in err


def test_custom_data_file_problems_are_reported(capsys, tmp_path: Path):
    bad = tmp_path / "r.json"
    bad.write_text(json.dumps({"muscles": [{"id": "m", "trigger_points": []}]}), encoding="utf-8")
    status, _, err = _run(capsys, "muscle", "m", "--referrals", str(bad))
    assert status == 1 and "'m'" in err


def test_referrals_from_a_charted_visit(capsys, db, zones):
    store_mod = pytest.importorskip("bodymap.store")
    from bodymap.model import Chart, Client, PainMark, Visit

    store = store_mod.Store.open(db, create=True)
    try:
        client = store.add_client(Client(name="Test Client"))
        marks = tuple(
            PainMark(view="front", point=(0.0, 0.0), zone=z, intensity=7)
            for z in ("right-temple", "right-jaw")
        )
        visit = Visit(
            client_id=client.id, started_at=datetime(2026, 1, 5, 10), pre_chart=Chart(marks)
        )
        store.add_visit(visit)
    finally:
        store.close()
    status, out, _ = _run(capsys, "--db", str(db), "referrals", "--visit", visit.id, "--json")
    rows = json.loads(out)
    assert status == 0 and rows and rows[0]["side"] == "right"
    assert "upper-trapezius" in [r["muscle"] for r in rows[:3]]
    status, out, _ = _run(capsys, "--db", str(db), "referrals", "--visit", visit.id, "--post")
    assert status == 0 and "No pain charted" in out
    status, _, err = _run(capsys, "--db", str(db), "referrals", "--visit", "nope")
    assert status == 1 and "nope" in err
