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
