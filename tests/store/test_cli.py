"""The records commands, run through bodymap.cli.main with --db on a fresh database (both backends)."""

import json
from pathlib import Path

import pytest

from bodymap.cli.main import main
from bodymap.model import ClientRecord
from bodymap.model.codec import record_to_json
from bodymap.store import Store
from tests.backends import sqlite_only
from tests.store.helpers import client, intake, plan, visit


@pytest.fixture
def filled(db, atlas):
    with Store.open(db, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        s.add_visit(visit(c.id, 9))
        s.add_visit(visit(c.id, 2))
        s.add_intake(intake(c.id))
        s.add_plan(plan(c.id))
    return c


def run(capsys, *args) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_clients_and_visits_json(capsys, db, filled):
    status, out, _ = run(capsys, "--db", str(db), "clients", "--json")
    assert status == 0 and [c["id"] for c in json.loads(out)] == [filled.id]
    status, out, _ = run(capsys, "--db", str(db), "visits", filled.id[:8], "--json")
    rows = json.loads(out)
    assert status == 0 and len(rows) == 2 and all("id" in r for r in rows)
    assert rows[0]["started_at"] < rows[1]["started_at"]
    status, out, _ = run(capsys, "--db", str(db), "visits", filled.id)
    assert status == 0 and "2 visit(s)" in out


def test_export_import_round_trip(capsys, tmp_path, db, new_db, filled, atlas):
    f = tmp_path / "out.json"
    assert run(capsys, "--db", str(db), "export-json", filled.id, "-o", str(f))[0] == 0
    other = new_db("other")
    status, out, _ = run(
        capsys, "--db", str(other), "--atlas", str(atlas.source), "import-json", str(f)
    )
    assert status == 0 and filled.id in out
    with Store.open(db) as a, Store.open(other) as b:
        assert a.load_record(filled.id) == b.load_record(filled.id)
    status, _, err = run(
        capsys, "--db", str(other), "--atlas", str(atlas.source), "import-json", str(f)
    )
    assert status == 1 and "already in this database" in err


def test_import_reports_the_field(capsys, tmp_path, db, atlas):
    c = client()
    data = json.loads(record_to_json(ClientRecord(c, visits=(visit(c.id),))))
    data["visits"][0]["pre_chart"]["marks"][1]["intensity"] = 11
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(data))
    status, _, err = run(
        capsys, "--db", str(db), "--atlas", str(atlas.source), "import-json", str(f)
    )
    assert status == 1 and "visits[0].pre_chart.marks[1].intensity: 11 is above 10" in err
    if isinstance(db, Path):  # the file is read before a database is made: none was
        assert not db.exists()
    else:
        assert run(capsys, "--db", str(db), "clients", "--json")[1].strip() == "[]"


@sqlite_only  # a file copy; a server database is dumped (tests/store/test_clinic_backup.py)
def test_backup_command(capsys, tmp_path, db, filled):
    dest = tmp_path / "copy.sqlite"
    status, out, _ = run(capsys, "--db", str(db), "backup", "--to", str(dest))
    assert status == 0 and dest.exists()
    status, out, _ = run(capsys, "--db", str(db), "backup")
    assert status == 0 and "backups" in out


def test_bad_database_message(capsys, tmp_path):
    f = tmp_path / "x.sqlite"
    f.write_text("not a database at all")
    status, _, err = run(capsys, "--db", str(f), "clients")
    assert status == 1 and "is not a bodymap database" in err
