"""Backups of SQLite files: consistent copies while another process writes, rolling daily ones."""

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, timedelta

from bodymap.store import Store
from bodymap.store.backup import backups_dir, latest_backup
from tests.backends import sqlite_only
from tests.store.helpers import client


@sqlite_only
def test_backup_while_another_process_writes(store, db_path, tmp_path):
    store.add_client(client())
    writer = textwrap.dedent(f"""
        from bodymap.store import Store
        from tests.store.helpers import client
        s = Store.open({str(db_path)!r})
        for i in range(150):
            s.add_client(client(f"Synthetic {{i}}"))
        print("done", flush=True)
    """)
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    proc = subprocess.Popen(
        [sys.executable, "-c", writer], env=env, stdout=subprocess.PIPE, text=True
    )
    copies = []
    try:
        for i in range(5):
            copies.append(store.backup(tmp_path / f"copy{i}.sqlite"))
    finally:
        assert proc.communicate(timeout=60)[0].strip() == "done"
    for copy in copies:
        con = sqlite3.connect(copy)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM clients").fetchone()[0] >= 1
        con.close()
    with Store.open(copies[-1]) as s:
        assert len(s.list_clients()) >= 1


@sqlite_only
def test_daily_backups_keep_the_last_seven(store, db_path):
    store.add_client(client())
    start = date(2024, 1, 1)
    for i in range(10):
        assert store.daily_backup(today=start + timedelta(days=i)) is not None
    assert store.daily_backup(today=start + timedelta(days=9)) is None  # once a day
    names = sorted(p.name for p in backups_dir(db_path).glob("*daily*"))
    assert len(names) == 7
    assert names[0].endswith("2024-01-04.sqlite") and names[-1].endswith("2024-01-10.sqlite")
    assert latest_backup(db_path) is not None


@sqlite_only
def test_a_backup_that_does_not_verify_is_not_reported_and_leaves_nothing(
    store, tmp_path, monkeypatch
):
    from bodymap.store import StoreError
    from bodymap.store import backup as backup_mod

    store.add_client(client())
    real = backup_mod._copy

    def lossy(db_path, tmp, key=None):  # the copy misses a row the source had
        counts = real(db_path, tmp, key)
        con = sqlite3.connect(tmp)
        con.execute("DELETE FROM clients")
        con.commit()
        con.close()
        return counts

    monkeypatch.setattr(backup_mod, "_copy", lossy)
    dest = tmp_path / "out" / "copy.sqlite"
    try:
        store.backup(dest)
    except StoreError as exc:
        message = str(exc)
    else:
        raise AssertionError("an unverified backup was reported as made")
    assert "did not verify (table clients: 0 rows in the copy, 1 in the database)" in message
    assert "no backup was made" in message
    assert list(dest.parent.iterdir()) == []


@sqlite_only
def test_partial_files_of_killed_backups_are_removed_at_the_next_start(store, db_path):
    from bodymap.files.atomic import partial_path

    store.add_client(client())
    store.close()
    folder = backups_dir(db_path)
    folder.mkdir(exist_ok=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    killed = partial_path(folder / "bodymap-manual-x.sqlite")
    killed = killed.with_name(killed.name.replace(f".{os.getpid()}.", f".{dead}."))
    killed.write_bytes(b"half a backup")
    old_style = folder / "bodymap-daily-2024-01-01.sqlite.partial"  # written by older versions
    old_style.write_bytes(b"half")
    os.utime(old_style, (0, 0))
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = partial_path(folder / "bodymap-manual-y.sqlite")
        running = running.with_name(running.name.replace(f".{os.getpid()}.", f".{sleeper.pid}."))
        running.write_bytes(b"being written right now")
        Store.open(db_path).close()
        assert sorted(folder.iterdir()) == [running]
    finally:
        sleeper.kill()
        sleeper.wait()
