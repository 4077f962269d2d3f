"""Paths and URLs, explicit creation, and looking at a file before anything can change it."""

import hashlib
import os
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import text

from bodymap.cli.main import main
from bodymap.store import MissingDatabaseError, NewerSchemaError, Store
from bodymap.store.backup import backups_dir, upgrade_backup
from bodymap.store.location import locate
from tests.store.helpers import client, visit

ODD_FOLDERS = ["Clinic #1", "a?b", "pct%41", "x#y?z%25&mode=ro"]


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("folder", ODD_FOLDERS)
def test_backups_in_a_folder_with_url_characters_are_whole(tmp_path, atlas, folder):
    db = tmp_path / folder / "bodymap.sqlite"
    with Store.open(db, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        s.add_visit(visit(c.id))
        made = [s.backup(tmp_path / folder / "copy.sqlite"), s.daily_backup()]
        made.append(upgrade_backup(db, "0001"))
    for copy in made:
        con = sqlite3.connect(copy)
        assert con.execute("SELECT count(*) FROM clients").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM visits").fetchone()[0] == 1
        con.close()
    # no stray file beside them (the unescaped URI used to create one named after the prefix)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({folder.split("/")[0]})
    assert sorted(p.name for p in (tmp_path / folder).iterdir()) == [
        "backups", "bodymap.sqlite", "copy.sqlite",
    ]  # fmt: skip
    assert len(list(backups_dir(db).iterdir())) == 2


@pytest.mark.parametrize("folder", ["a?b", "pct%41", "Clinic #1"])
def test_db_option_takes_the_path_as_written(tmp_path, capsys, monkeypatch, atlas, folder):
    monkeypatch.chdir(tmp_path)
    target = f"{folder}/x.sqlite"
    assert main(["--db", target, "--atlas", str(atlas.source), "init"]) == 0
    assert main(["--db", target, "clients"]) == 0
    assert "0 client(s)" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
    assert (tmp_path / folder / "x.sqlite").stat().st_size > 0


def test_sqlite_url_is_decoded_and_a_server_url_passes_untouched(tmp_path):
    loc = locate("sqlite:///" + str(tmp_path / "a%3Fb" / "x.sqlite"))
    assert loc.path == tmp_path / "a?b" / "x.sqlite"
    assert locate(loc.url).path == loc.path  # the URL made from a path reads back as it
    server = "postgresql+psycopg://clinic:s%40cret@127.0.0.1:25432/bodymap?sslmode=disable"
    assert locate(server).url == server and locate(server).path is None
    assert "s%40cret" not in locate(server).shown and "***" in locate(server).shown
    assert locate(tmp_path / "postgresql+psycopg://x").path is not None  # a Path is a path


def test_a_mistyped_db_path_creates_nothing(tmp_path, capsys):
    typo = tmp_path / "Clinc" / "records" / "bodymap.sqlite"
    for command in (["clients"], ["visits", "abc"], ["backup"], ["export-json", "a", "-o", "x"]):
        assert main(["--db", str(typo), *command]) == 1
        err = capsys.readouterr().err
        assert f"there is no database at {typo}" in err and "nothing was created" in err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(MissingDatabaseError):
        Store.open(typo)


def test_init_creates_once_and_demo_creates(tmp_path, capsys, atlas):
    db = tmp_path / "new" / "bodymap.sqlite"
    assert main(["--db", str(db), "init"]) == 0
    assert capsys.readouterr().out.strip() == f"created {db}"
    assert main(["--db", str(db), "init"]) == 1
    assert "already holds a bodymap database" in capsys.readouterr().err
    other = tmp_path / "demo" / "d.sqlite"
    assert main(["--db", str(other), "demo"]) == 0
    with Store.open(other) as s:
        assert len(s.list_clients()) == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_created_files_are_owner_only(tmp_path, atlas):
    db = tmp_path / "fresh" / "deeper" / "bodymap.sqlite"
    with Store.open(db, atlas=atlas, create=True) as s:
        s.add_client(client())
        assert db.with_name(db.name + "-wal").exists()
        mode = {p.name: p.stat().st_mode & 0o777 for p in db.parent.iterdir()}
        s.daily_backup()
    assert set(mode.values()) == {0o600}, mode
    assert (tmp_path / "fresh").stat().st_mode & 0o777 == 0o700
    assert db.parent.stat().st_mode & 0o777 == 0o700
    assert backups_dir(db).stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in backups_dir(db).iterdir()} == {0o600}


def test_newer_schema_in_a_rollback_journal_file_is_not_switched_to_wal(tmp_path, atlas):
    db = tmp_path / "bodymap.sqlite"
    with Store.open(db, atlas=atlas, create=True) as s:
        s.add_client(client())
        copy = s.backup(tmp_path / "backup.sqlite")  # bodymap's backups use a rollback journal
    con = sqlite3.connect(copy)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # legacy (rollback-journal) format
    before = digest(copy)
    with pytest.raises(NewerSchemaError, match="The file was not changed"):
        Store.open(copy)
    assert digest(copy) == before and copy.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite", "bodymap.sqlite"]


def test_older_schema_in_a_read_only_file_is_refused_unchanged(tmp_path, atlas):
    db = tmp_path / "bodymap.sqlite"
    with Store.open(db, atlas=atlas, create=True) as s, s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    os.chmod(db, 0o444)
    before = digest(db)
    code = (
        "from bodymap.store import Store, ReadOnlyStoreError\n"
        f"try:\n    Store.open({str(db)!r})\nexcept ReadOnlyStoreError as e:\n    print(e)\n"
    )
    cmd = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *cmd]
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert "must be upgraded, but it cannot be written" in out.stdout, out.stderr
    assert digest(db) == before
