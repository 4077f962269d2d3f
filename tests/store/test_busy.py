"""An edit that meets a busy database waits and tries again; a big import holds the lock briefly."""

import dataclasses
import os
import subprocess
import sys
import textwrap
import time

import pytest

from bodymap.model import ClientRecord
from bodymap.store import Store, StoreBusyError
from bodymap.store import database as db_mod
from tests.backends import sqlite_only
from tests.store.helpers import client, mark, visit

HOLD = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    con.execute("COMMIT")
""")


def _hold_lock(db, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout.readline().strip() == "holding"
    return proc


@sqlite_only
def test_an_edit_waits_past_the_busy_timeout_and_is_saved(db, atlas, monkeypatch, backend):
    monkeypatch.setattr(db_mod, "BUSY_TIMEOUT_MS", 200)  # one driver wait is 0.2 s here
    with Store.open(db, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        v = s.add_visit(visit(c.id))
        holder = _hold_lock(db, 1.0)  # five driver waits: the edit must try again
        try:
            version = s.add_item(v.pre_chart.id, mark(9), version=1)
        finally:
            holder.wait(timeout=30)
        assert version == 2 and s.get_visit(v.id).pre_chart.marks[-1].intensity == 9


@sqlite_only
def test_an_edit_that_waits_too_long_is_refused_whole(db, atlas, monkeypatch, backend):
    monkeypatch.setattr(db_mod, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(db_mod, "BUSY_PATIENCE_S", 0.5)
    with Store.open(db, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        holder = _hold_lock(db, 2.0)
        try:
            with pytest.raises(StoreBusyError, match="is busy .* the change was not saved"):
                s.update_client(dataclasses.replace(c, notes="x"))
        finally:
            holder.wait(timeout=30)
        assert s.get_client(c.id) == c
        assert s.update_client(dataclasses.replace(c, notes="x")).version == 2  # and later it is


IMPORT = textwrap.dedent("""
    import sys, time
    from bodymap.model.codec import record_from_json
    from bodymap.store import Store
    record = record_from_json(open(sys.argv[2], encoding="utf-8").read())
    with Store.open(sys.argv[1]) as s:
        print("importing", flush=True)
        t = time.perf_counter()
        s.import_record(record)
        print(f"imported {time.perf_counter() - t:.2f}", flush=True)
""")


@sqlite_only
@pytest.mark.slow
def test_edits_during_a_large_import_all_land(db, atlas, tmp_path, backend):
    from bodymap.model.codec import record_to_json

    big = client("Imported Synthetic")
    visits = tuple(dataclasses.replace(visit(big.id, i), id=f"v{i}") for i in range(1500))
    visits = tuple(
        dataclasses.replace(
            v,
            pre_chart=dataclasses.replace(v.pre_chart, id=f"pre{i}"),
            post_chart=dataclasses.replace(v.post_chart, id=f"post{i}"),
        )
        for i, v in enumerate(visits)
    )
    source = tmp_path / "big.json"
    source.write_text(record_to_json(ClientRecord(big, visits=visits)), encoding="utf-8")
    with Store.open(db, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        v = s.add_visit(visit(c.id))
        env = dict(os.environ, PYTHONPATH=os.getcwd())
        proc = subprocess.Popen([sys.executable, "-c", IMPORT, str(db), str(source)],
                                stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
        assert proc.stdout.readline().strip() == "importing"
        version, waits, start = 1, [], time.monotonic()
        while proc.poll() is None and time.monotonic() - start < 60:
            t = time.perf_counter()
            version = s.add_item(v.pre_chart.id, mark(3), version=version)
            waits.append(time.perf_counter() - t)
        out = proc.communicate(timeout=60)[0]
        assert proc.returncode == 0 and "imported" in out
        assert len(s.get_visit(v.id).pre_chart.marks) == 2 + len(waits)
        assert len(s.visits(big.id)) == 1500
