"""`bodymap explain`: zone ids with qualities, a charted visit, JSON and plain words."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from bodymap.cli.main import main

SHIN = ["right-shin", "right-ankle-inner", "right-calf-inner"]


@pytest.fixture(autouse=True)
def built_in_atlas(real_atlas, monkeypatch):
    """The built-in atlas, loaded once per session rather than once per command."""
    monkeypatch.setattr("bodymap.cli.context.load_atlas", lambda path=None: real_atlas)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_has_kind_name_score_best_first(capsys):
    status, out, _ = _run(capsys, "explain", *SHIN, "-q", "burning", "--quality", "numbness",
                          "--json", "--top", "4")  # fmt: skip
    data = json.loads(out)
    rows = data["candidates"]
    assert status == 0 and len(rows) == 4 and data["red_flags"] == []
    assert all(
        {"kind", "name", "score", "structure", "explanation", "sources"} <= set(r) for r in rows
    )
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert {rows[0]["structure"], rows[1]["structure"]} == {"L4", "saphenous nerve"}
    assert {r["kind"] for r in rows} <= {"muscle", "dermatome", "nerve"}


def test_qualities_change_the_order(capsys):
    arm = ["left-upper-arm-front-outer", "left-forearm-palmar-radial", "left-thumb-palmar",
           "left-index-palmar"]  # fmt: skip
    _, out, _ = _run(capsys, "explain", *arm, "-q", "aching", "--json", "--top", "1")
    assert json.loads(out)["candidates"][0]["kind"] == "muscle"
    _, out, _ = _run(
        capsys, "explain", *arm, "-q", "numbness", "-q", "tingling", "--json", "--top", "1"
    )
    assert json.loads(out)["candidates"][0]["kind"] == "dermatome"


def test_words_for_people_with_red_flags_first(capsys):
    status, out, _ = _run(capsys, "explain", "coccyx", "left-calf-outer", "right-calf-outer",
                          "-q", "numbness")  # fmt: skip
    assert status == 0
    assert out.index("Saddle numbness") < out.index("Symptoms down both legs") < out.index(" 1 ")
    assert "Suggest the client sees a doctor today." in out and "Explains" in out


def test_bad_input_is_named(capsys):
    status, _, err = _run(capsys, "explain", "right-shinn")
    assert status == 1 and "right-shin" in err
    status, _, err = _run(capsys, "explain")
    assert status == 2 and "--visit" in err
    status, _, err = _run(capsys, "explain", "right-shin", "--top", "0")
    assert status == 2 and "--top" in err
    with pytest.raises(SystemExit):
        main(["explain", "right-shin", "-q", "tickly"])
    assert "invalid choice" in capsys.readouterr().err


def test_explain_a_charted_visit_with_its_intake(capsys, db_path):
    from bodymap.model import Chart, Client, Intake, PainMark, Quality, Visit
    from bodymap.model.intake import RedFlag, RedFlagAnswer
    from bodymap.store import Store

    store = Store.open(db_path, create=True)
    try:
        client = store.add_client(Client(name="Test Client"))
        store.add_intake(Intake(client_id=client.id, revision=1,
                                recorded_at=datetime(2026, 1, 5, 9),
                                surgeries=("Right knee arthroscopy",),
                                red_flags=(RedFlagAnswer(RedFlag.PROGRESSIVE_NEURO, True),)))  # fmt: skip
        marks = tuple(PainMark(view="front", point=(0.0, 0.0), zone=z, intensity=6,
                               qualities=(Quality.BURNING, Quality.NUMBNESS))
                      for z in ("right-shin", "right-ankle-inner"))  # fmt: skip
        visit = Visit(
            client_id=client.id, started_at=datetime(2026, 1, 5, 10), pre_chart=Chart(marks)
        )
        store.add_visit(visit)
    finally:
        store.close()
    status, out, _ = _run(capsys, "--db", str(db_path), "explain", "--visit", visit.id, "--json")
    data = json.loads(out)
    assert status == 0 and data["candidates"][0]["structure"] == "saphenous nerve"
    assert data["candidates"][0]["history"] == ["Right knee arthroscopy"]
    assert [f["id"] for f in data["red_flags"]] == ["progressive"]
    status, out, _ = _run(capsys, "--db", str(db_path), "explain", "--visit", visit.id, "--post")
    assert status == 0 and "No symptoms charted" in out
    status, _, err = _run(
        capsys, "--db", str(db_path), "explain", "--visit", visit.id, "-q", "aching"
    )
    assert status == 2 and "--quality" in err
