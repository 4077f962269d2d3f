"""Bad databases and impossible values: clear messages, and nothing lost or changed."""

import hashlib
import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from bodymap.store import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    StorageFullError,
    Store,
)
from tests.backends import sqlite_only
from tests.store.helpers import client, mark, visit


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_not_a_database(tmp_path):
    f = tmp_path / "notes.sqlite"
    f.write_text("shopping list: eggs, milk\n" * 50)
    before = digest(f)
    with pytest.raises(NotADatabaseError, match="notes.sqlite is not a bodymap database"):
        Store.open(f)
    assert digest(f) == before
    with pytest.raises(NotADatabaseError, match="is a folder"):
        Store.open(tmp_path)


def test_foreign_sqlite_database(tmp_path):
    import sqlite3

    f = tmp_path / "other.db"
    con = sqlite3.connect(f)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(NotADatabaseError, match="tables that are not bodymap's"):
        Store.open(f)


def _filled_db(db_path, atlas, n_visits=30):
    with Store.open(db_path, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        for i in range(n_visits):
            s.add_visit(visit(c.id, i))
        s.daily_backup()
    return c


def test_corrupt_database_offers_latest_backup(db_path, atlas):
    _filled_db(db_path, atlas)
    size = db_path.stat().st_size
    page = 4096
    assert size > 6 * page
    with open(db_path, "r+b") as f:  # overwrite pages in the middle of the file
        f.seek((size // page // 2) * page)
        f.write(os.urandom(3 * page))
    with pytest.raises(CorruptDatabaseError) as err:
        Store.open(db_path, atlas=atlas)
    message = str(err.value)
    assert "is damaged" in message and "the latest backup is" in message
    assert err.value.backup is not None and err.value.backup.exists()
    with Store.open(err.value.backup) as restored:  # and the backup itself is good
        assert len(restored.list_clients()) == 1


def test_corrupt_header(db_path, atlas):
    _filled_db(db_path, atlas, 1)
    with open(db_path, "r+b") as f:
        f.seek(16)
        f.write(b"\xff" * 84)
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        Store.open(db_path)


def test_newer_schema_is_refused_and_untouched(db_path, atlas):
    _filled_db(db_path, atlas, 1)
    with Store.open(db_path) as s, s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    before = digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer bodymap .*schema 9999.* not be downgraded"):
        Store.open(db_path)
    assert digest(db_path) == before


def test_read_only_location_is_still_readable(tmp_path, atlas):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "bodymap.sqlite"
    _filled_db(db, atlas, 1)
    before = digest(db)
    script = textwrap.dedent(f"""
        from bodymap.store import Store, ReadOnlyStoreError
        from tests.store.helpers import client
        with Store.open({str(db)!r}) as s:
            print("READ", s.read_only, len(s.list_clients()), len(s.visits(s.list_clients()[0].id)))
            try:
                s.add_client(client())
            except ReadOnlyStoreError as exc:
                print("WRITE REFUSED", exc)
        try:
            Store.open({str(folder / "new.sqlite")!r}, create=True)
        except ReadOnlyStoreError as exc:
            print("CREATE REFUSED", exc)
    """)
    os.chmod(folder, 0o555)
    os.chmod(db, 0o444)
    cmd = [sys.executable, "-c", script]
    if os.geteuid() == 0:  # root ignores permissions: drop the capabilities that bypass them
        cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *cmd]
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    os.chmod(folder, 0o755)
    lines = out.stdout.splitlines()
    assert len(lines) == 3, out.stderr
    assert lines[0] == "READ True 1 1"
    assert lines[1].startswith("WRITE REFUSED") and "cannot be written" in lines[1]
    assert "nothing was changed" in lines[1]
    assert lines[2].startswith("CREATE REFUSED") and "nothing was created" in lines[2]
    assert digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["backups", "bodymap.sqlite"]


@sqlite_only  # caps the SQLite file (max_page_count); a server's full disk is its own
def test_disk_full_loses_only_the_failed_edit(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # Cap the file at its current size on every pooled connection: the next growth fails.
    from sqlalchemy import event

    event.listen(
        store.engine, "connect", lambda dbapi, _: dbapi.execute(f"PRAGMA max_page_count={pages}")
    )
    store.engine.dispose()
    big = mark()
    big = type(big)(**{**big.__dict__, "note": "x" * 20000})
    version = v.pre_chart.version
    with pytest.raises(
        StorageFullError, match="the disk is full; free some space .* was NOT saved"
    ):
        for _ in range(50):
            version = store.add_item(
                v.pre_chart.id,
                type(big)(**{**big.__dict__, "id": os.urandom(8).hex()}),
                version=version,
            )
    got = store.get_visit(v.id)
    assert got.pre_chart.version == version  # every edit before the failure is there
    assert store.integrity_check() == "ok"


def test_unknown_zone_is_refused_by_the_store(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    with pytest.raises(ValueError, match="zone: 'left-elbow' is not a zone of this atlas"):
        store.add_item(v.pre_chart.id, mark(zone="left-elbow"), version=1)
    assert len(store.get_visit(v.id).pre_chart.marks) == 2


def test_memory_url_is_refused():
    from bodymap.store import StoreError

    with pytest.raises(StoreError, match="in-memory database would lose every edit"):
        Store.open("sqlite:///:memory:")
