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


EXPORTS = (
    "import os, sys\n"
    + FILL
    + """
from bodymap.cli.main import main
folder, db, visit_id, client_id, atlas = sys.argv[1:6]
pdf = os.path.join(folder, "visit.pdf")
with open(pdf, "wb") as f:
    f.write(b"%PDF the earlier report")
fill(folder)
print("pdf", main(["--db", db, "--atlas", atlas, "export", "visit", visit_id, "-o", pdf]))
print("json", main(["--db", db, "export-json", client_id, "-o", os.path.join(folder, "c.json")]))
print("backup", main(["--db", db, "backup", "--to", os.path.join(folder, "b.sqlite")]))
os.remove(os.path.join(folder, "filler"))
print("left", sorted(os.listdir(folder)), open(pdf, "rb").read())
"""
)


@pytest.mark.slow
def test_exports_and_backups_on_a_full_disk_say_so_and_leave_nothing(tmp_path, atlas):
    from bodymap.store import Store
    from tests.store.helpers import client, visit

    db = tmp_path / "records" / "bodymap.sqlite"
    with Store.open(db, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        v = s.add_visit(visit(c.id))
    args = (str(db), v.id, c.id, str(atlas.source))
    out = run_on_small_disk(EXPORTS, tmp_path / "disk", size_kb=256, args=args)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "pdf 1", "json 1", "backup 1",
        "left ['visit.pdf'] b'%PDF the earlier report'",
    ]  # fmt: skip
    errors = out.stderr.splitlines()
    assert len(errors) == 3 and all("the disk is full" in e for e in errors), out.stderr
    assert "visit.pdf" in errors[0] and "nothing was written" in errors[0]
    assert "no backup was made" in errors[2]
