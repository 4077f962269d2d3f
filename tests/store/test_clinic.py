"""bodymap clinic setup / check on a real PostgreSQL server, the rooms' grants, and the CLI."""

import io
import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bodymap.cli.main import main
from bodymap.store import Store, clinic
from bodymap.store.errors import PermissionDeniedError
from tests.backends import postgresql_only

OWNER, ROOM = "clinic_owner", "clinic_room"


@pytest.fixture
def roles(pg_server):
    """A database owned by a role that is not a superuser (as a clinic's would be), and the
    role the rooms connect as."""
    for role in (OWNER, ROOM):
        pg_server.execute(
            f"DO $$ BEGIN CREATE ROLE {role} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
            "END $$"
        )
    name = "clinic_setup"
    pg_server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg_server.create_database(name, owner=OWNER)
    yield pg_server.url(name, OWNER), pg_server.url(name, ROOM)
    pg_server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(capsys, monkeypatch, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@postgresql_only
def test_setup_then_rooms_sign_in_and_may_only_append_to_the_audit(roles, backend):
    owner_url, room_url = roles
    before = clinic.check(owner_url)
    assert before.reachable and before.schema is None and before.server.startswith("PostgreSQL ")
    done = clinic.setup(owner_url, admin="boss", full_name="Bo Boss", password="boss-pass-1",
                        app_role=ROOM)  # fmt: skip
    assert done.admin == "boss" and done.app_role == ROOM
    assert done.room_url == room_url
    assert clinic.check(owner_url).lines()[1:] == [
        f"schema: {done.schema}, current", "accounts: 1 (sign-in on, audit trail kept)",
    ]  # fmt: skip
    with Store.open(room_url) as room:
        room.sign_in("boss", "boss-pass-1")
        assert room.audit_trail()[-1].action == "signed_in"
        for sql in ("UPDATE audit SET action = 'x'", "DELETE FROM audit", "TRUNCATE audit"):
            refused = pytest.raises(DBAPIError, match="permission denied for table audit")
            with refused, room.engine.begin() as conn:
                conn.execute(text(sql))
        # Through the store's own error mapping, the same refusal reads as one line.
        refused = pytest.raises(PermissionDeniedError, match="this database role may not do that")
        with refused, room._write() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    # Even the owner, who may grant itself anything, meets the append-only trigger.
    refused = pytest.raises(DBAPIError, match="append-only")
    with Store.open(owner_url) as owner, refused, owner.engine.begin() as conn:
        conn.execute(text("UPDATE audit SET account_id = NULL"))
    # Running setup again adds nobody and keeps the grants.
    again = clinic.setup(owner_url, admin="x", full_name="X", password="", app_role=ROOM)
    assert again.admin is None


@postgresql_only
def test_the_owner_as_the_rooms_role_loses_its_own_audit_update(roles, backend):
    owner_url, _ = roles
    clinic.setup(owner_url, admin="boss", full_name="Bo Boss", password="boss-pass-1")
    refused = pytest.raises(DBAPIError, match="permission denied")
    with Store.open(owner_url) as s, refused, s.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit"))


@postgresql_only
def test_setup_names_a_missing_role(roles, backend):
    owner_url, _ = roles
    with pytest.raises(Exception, match="there is no database role 'nobody_here'"):
        clinic.setup(owner_url, admin="boss", full_name="B", password="boss-pass-1",
                     app_role="nobody_here")  # fmt: skip


def test_check_of_an_unreachable_server(pg_server):
    from tools.pgserver import free_port

    status = clinic.check(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/clinic")
    assert not status.reachable and not status.current
    (line,) = status.lines()
    assert line.startswith("server: unreachable: the clinic server cannot be reached")


def test_cli_setup_accounts_and_audit(capsys, monkeypatch, db, backend, roles):
    # On SQLite, clinic setup is how a solo therapist turns sign-in on; on PostgreSQL the rooms
    # connect with their own role.
    target = str(db) if backend == "sqlite" else roles[0]
    room = str(db) if backend == "sqlite" else roles[1]
    setup = ["clinic", "setup", target, "--password-stdin"]
    if backend == "postgresql":
        setup += ["--app-role", ROOM]
    status, out, _ = run(capsys, monkeypatch, *setup, stdin="admin-pass-1\n")
    assert status == 0 and "administrator account: admin" in out
    if backend == "postgresql":
        assert f"bodymap --db {clinic.shown_url(room)}" in out
    status, _, err = run(capsys, monkeypatch, "--db", room, "clients")
    assert status == 1 and "give --user NAME" in err
    status, _, err = run(capsys, monkeypatch, "--db", room, "--user", "admin", "--password-stdin",
                         "clients", stdin="wrong-password\n")  # fmt: skip
    assert status == 1 and "sign-in refused: wrong name or password" in err
    as_admin = ["--db", room, "--user", "admin", "--password-stdin"]
    status, out, _ = run(capsys, monkeypatch, *as_admin, "accounts", "add", "dana", "--role",
                         "therapist", "--full-name", "Dana Lee", "--credentials", "LMT",
                         "--new-password-stdin", stdin="admin-pass-1\ndana-pass-22\n")  # fmt: skip
    assert status == 0 and "added dana" in out
    as_dana = ["--db", room, "--user", "dana", "--password-stdin"]
    assert run(capsys, monkeypatch, *as_dana, "demo", stdin="dana-pass-22\n")[0] == 0
    status, _, err = run(capsys, monkeypatch, *as_dana, "audit", stdin="dana-pass-22\n")
    assert status == 1 and "a therapist may not read the audit trail" in err
    status, out, _ = run(capsys, monkeypatch, *as_admin, "audit", "--user", "dana", "--json",
                         stdin="admin-pass-1\n")  # fmt: skip
    entries = json.loads(out)
    assert entries[0]["action"] == "signed_in" and {"created", "imported"} & {
        e["action"] for e in entries
    }
    status, out, _ = run(capsys, monkeypatch, *as_admin, "accounts", "disable", "dana",
                         stdin="admin-pass-1\n")  # fmt: skip
    assert status == 0 and "its history stays" in out
    status, _, err = run(capsys, monkeypatch, *as_dana, "clients", stdin="dana-pass-22\n")
    assert status == 1 and "disabled" in err
    with Store.open(room) as s:
        s.sign_in("admin", "admin-pass-1")
        assert len(s.audit_trail(user="dana")) == len(entries) + 1  # + the refused sign-in


def test_a_remembered_database_never_keeps_a_password(tmp_path):
    url = "postgresql+psycopg://room:s3cret@db.clinic.example:5432/clinic"
    assert clinic.to_remember(url) == "postgresql+psycopg://room@db.clinic.example:5432/clinic"
    assert clinic.to_remember(tmp_path / "a b.sqlite") == str(tmp_path / "a b.sqlite")


@postgresql_only
def test_the_rooms_url_never_carries_the_owners_password(roles, backend):
    owner_url, room_url = roles
    with_password = owner_url.replace(f"{OWNER}@", f"{OWNER}:trust-ignores-it@")
    done = clinic.setup(with_password, admin="boss", full_name="B", password="boss-pass-1",
                        app_role=ROOM)  # fmt: skip
    assert done.room_url == room_url and "trust-ignores-it" not in done.room_url


@postgresql_only
def test_a_room_meeting_an_older_schema_is_told_who_upgrades_it(roles, backend):
    owner_url, room_url = roles
    clinic.setup(owner_url, admin="boss", full_name="B", password="boss-pass-1", app_role=ROOM)
    with Store.open(owner_url) as s, s.engine.begin() as conn:  # as if a newer bodymap came
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
        conn.execute(text("DROP TABLE audit"))
    with pytest.raises(PermissionDeniedError, match="runs bodymap clinic setup URL as the"):
        Store.open(room_url)
