"""A disk filled to the last byte: plain "the disk is full" messages, nothing lost or half-written."""

import pytest

from tests.fulldisk import FILL, run_on_small_disk

SCRIPT = (
    "import os, sys\n"
    + FILL
    + """
from bodymap.store import Store, StoreError
from bodymap.cli.main import main
from tests.store.helpers import client
folder = sys.argv[1]
db = os.path.join(folder, "bodymap.sqlite")
with Store.open(db, create=True) as s:
    kept = s.add_client(client()).id
fill(folder)
try:
    with Store.open(db) as s:
        s.add_client(client("Another Synthetic"))
except StoreError as exc:
    print("open and write ->", exc)
print("cli status", main(["--db", db, "clients"]))
os.remove(os.path.join(folder, "filler"))
with Store.open(db) as s:
    print("after", [c.id for c in s.list_clients()] == [kept], s.integrity_check())
"""
)


@pytest.mark.slow
def test_a_full_disk_says_so_and_keeps_every_saved_record(tmp_path):
    out = run_on_small_disk(SCRIPT, tmp_path / "disk", size_kb=400)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 3, out.stdout + out.stderr
    assert (
        lines[0].startswith("open and write -> ")
        and "the disk is full; free some space" in lines[0]
    )
    assert "disk I/O error" not in out.stdout + out.stderr
    assert lines[1] == "cli status 1" and "the disk is full" in out.stderr
    assert "Traceback" not in out.stderr
    assert lines[2] == "after True ok"
