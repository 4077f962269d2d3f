"""Encryption at rest (SQLCipher, key in the keyring or a passphrase) and passphrase-sealed files."""

from __future__ import annotations

import io

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from pypdf import PdfReader

from bodymap.cli.main import main
from bodymap.store import DatabaseKey, Store
from tests.backends import sqlite_only
from tests.store.helpers import client, visit

NAME = b"Synthetic Client"


class MemoryKeyring(KeyringBackend):
    """A system keyring stand-in that keeps secrets in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _fill(db, atlas, key=None):
    with Store.open(db, atlas=atlas, key=key) as s:
        c = s.add_client(client())
        s.add_visit(visit(c.id))
        s.daily_backup()
        return c


def _no_plaintext(folder):
    for f in folder.rglob("*"):
        if f.is_file():
            assert NAME not in f.read_bytes(), f"{f} holds a client's name in the clear"


@sqlite_only
def test_init_encrypt_keeps_a_random_key_in_the_keyring(
    tmp_path, capsys, atlas, memory_keyring, backend
):
    db = tmp_path / "rec" / "bodymap.sqlite"
    assert main(["--db", str(db), "init", "--encrypt"]) == 0
    assert "kept in the system keyring" in capsys.readouterr().out
    assert list(memory_keyring.kept) == [("bodymap-database", str(db))]
    c = _fill(db, atlas)  # the keyring's key opens it, nothing asked
    with Store.open(db) as s:
        assert s.key is not None and s.key.raw and s.get_client(c.id).name == "Synthetic Client"
        s.backup(tmp_path / "rec" / "copy.sqlite")
    _no_plaintext(tmp_path / "rec")  # the file, its WAL, its daily and manual backups
    assert not db.read_bytes().startswith(b"SQLite format 3")
    assert main(["--db", str(db), "clients"]) == 0 and c.id in capsys.readouterr().out


@sqlite_only
def test_a_passphrase_database_asks_and_refuses_a_wrong_one(
    tmp_path, capsys, atlas, no_keyring, monkeypatch, backend
):
    db = tmp_path / "rec" / "bodymap.sqlite"
    monkeypatch.setenv("BODYMAP_DB_PASSPHRASE", "a long passphrase")
    assert main(["--db", str(db), "init", "--encrypt"]) == 0
    assert "locked with a passphrase instead" in capsys.readouterr().out
    c = _fill(db, atlas, DatabaseKey("a long passphrase"))
    _no_plaintext(tmp_path / "rec")
    assert main(["--db", str(db), "clients"]) == 0 and c.id in capsys.readouterr().out
    monkeypatch.setenv("BODYMAP_DB_PASSPHRASE", "not the passphrase")
    assert main(["--db", str(db), "clients"]) == 1
    assert "the passphrase is wrong" in capsys.readouterr().err
    monkeypatch.delenv("BODYMAP_DB_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: no terminal to ask on
    assert main(["--db", str(db), "clients"]) == 1
    assert "set BODYMAP_DB_PASSPHRASE" in capsys.readouterr().err


@sqlite_only
def test_sealed_backup_and_export_open_only_with_their_passphrase(
    tmp_path, capsys, atlas, monkeypatch, backend
):
    db = tmp_path / "bodymap.sqlite"
    Store.open(db, create=True).close()
    c = _fill(db, atlas)
    with Store.open(db) as s:
        visit_id = s.visits(c.id)[0].id
    monkeypatch.setenv("BODYMAP_FILE_PASSPHRASE", "seal it well")
    out = tmp_path / "out"
    assert main(["--db", str(db), "backup", "--encrypt", "--to", str(out / "b.sqlite")]) == 0
    assert main(["--db", str(db), "export-json", c.id, "--encrypt", "-o", str(out / "c.json")]) == 0
    assert main(["--db", str(db), "--atlas", str(atlas.source), "export", "visit",
                 visit_id, "--encrypt", "-o", str(out / "v.pdf")]) == 0  # fmt: skip
    capsys.readouterr()
    _no_plaintext(out)
    sealed = sorted(p.name for p in out.iterdir())
    assert sealed == ["b.sqlite.sealed", "c.json", "v.pdf"]
    # opened with the passphrase: a database, a record, a PDF
    assert main(["decrypt", str(out / "b.sqlite.sealed"), "-o", str(tmp_path / "b.sqlite")]) == 0
    with Store.open(tmp_path / "b.sqlite") as restored:
        assert [x.id for x in restored.list_clients()] == [c.id]
    assert main(["decrypt", str(out / "v.pdf"), "-o", str(tmp_path / "v.pdf")]) == 0
    assert len(PdfReader(tmp_path / "v.pdf").pages) >= 1
    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "--atlas", str(atlas.source), "import-json", str(out / "c.json")]) == 0  # fmt: skip
    capsys.readouterr()
    # a wrong passphrase, or one changed byte, is refused and nothing is written
    monkeypatch.setenv("BODYMAP_FILE_PASSPHRASE", "not the one")
    assert main(["decrypt", str(out / "c.json"), "-o", str(tmp_path / "x.json")]) == 1
    assert "the passphrase is wrong" in capsys.readouterr().err
    monkeypatch.setenv("BODYMAP_FILE_PASSPHRASE", "seal it well")
    blob = bytearray((out / "c.json").read_bytes())
    blob[-20] ^= 1
    (out / "c.json").write_bytes(bytes(blob))
    assert main(["decrypt", str(out / "c.json"), "-o", str(tmp_path / "x.json")]) == 1
    assert "changed or damaged" in capsys.readouterr().err and not (tmp_path / "x.json").exists()


@sqlite_only
def test_an_encrypted_database_is_not_sealed_again(tmp_path, atlas, backend):
    db = tmp_path / "bodymap.sqlite"
    from bodymap.store import StoreError

    key = DatabaseKey("a long passphrase")
    with (
        Store.open(db, create=True, key=key) as s,
        pytest.raises(StoreError, match="encrypted already"),
    ):
        s.sealed_backup(tmp_path / "x.sealed", "seal it well")
