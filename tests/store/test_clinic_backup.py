"""Backups of a server database: a dump through the repository into a portable SQLite file."""

import io
import threading

import pytest

from bodymap.cli.main import main
from bodymap.model import ClientRecord
from bodymap.store import Store, StoreError
from tests.backends import postgresql_only
from tests.store.conftest import PASSWORDS, make_clinic
from tests.store.helpers import client, visit


@postgresql_only
def test_dump_holds_every_record_account_and_audit_line(db, backend, atlas, tmp_path):
    make_clinic(db, atlas)
    with Store.open(db, atlas=atlas) as s:
        s.sign_in("dana", PASSWORDS["dana"])
        ids = []
        for i in range(5):
            c = s.add_client(client(f"Synthetic {i}"))
            s.add_visit(visit(c.id, i))
            ids.append(c.id)
        records = {cid: s.load_record(cid) for cid in ids}
        s.sign_out()
        s.sign_in("admin", PASSWORDS["admin"])
        trail = s.audit_trail()
        dest = s.backup(tmp_path / "clinic-backup.sqlite")
        with pytest.raises(StoreError, match="already exists"):
            s.backup(dest)
    with Store.open(dest) as copy:
        assert copy.accounts_required  # the copy keeps its accounts: sign in to read it
        copy.sign_in("admin", PASSWORDS["admin"])
        assert copy.audit_trail()[: len(trail)] == trail
        copy.sign_out()
        copy.sign_in("dana", PASSWORDS["dana"])
        assert {cid: copy.load_record(cid) for cid in ids} == records


@postgresql_only
def test_dump_is_one_snapshot_while_a_room_writes(db, backend, atlas, tmp_path):
    with Store.open(db, atlas=atlas) as s:
        for i in range(30):
            s.add_visit(visit(s.add_client(client(f"Synthetic {i}")).id))
        stop = threading.Event()

        def writer() -> None:
            with Store.open(db, atlas=atlas) as room:
                while not stop.is_set():  # a client and its visit in one transaction
                    c = client("Busy Synthetic")
                    room.import_record(ClientRecord(c, visits=(visit(c.id),)))

        t = threading.Thread(target=writer)
        t.start()
        try:
            dest = s.backup(tmp_path / "during.sqlite")  # counts are compared inside
        finally:
            stop.set()
            t.join(30)
    with Store.open(dest) as copy:
        headers = copy.list_client_headers()
        assert len(headers) >= 30
        assert all(len(copy.visits(h.id)) == 1 for h in headers)


@postgresql_only
def test_backup_command_on_a_server(capsys, monkeypatch, db, backend, tmp_path, atlas):
    make_clinic(db, atlas)
    dest = tmp_path / "b.sqlite"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORDS["dana"] + "\n"))
    args = ["--db", db, "--user", "dana", "--password-stdin", "backup", "--to", str(dest)]
    assert main(args) == 1
    assert "a therapist may not back up the whole database" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORDS["admin"] + "\n"))
    args[3] = "admin"
    assert main(args) == 0 and str(dest) in capsys.readouterr().out and dest.exists()
