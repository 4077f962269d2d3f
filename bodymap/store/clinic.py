"""Setting up and checking a clinic's shared database: schema, first administrator, grants."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, Connection, make_url

from bodymap.model.accounts import Account, Role
from bodymap.store.database import make_engine, mapped_errors
from bodymap.store.errors import StoreError
from bodymap.store.location import locate
from bodymap.store.migrate import current_revision, head_revision
from bodymap.store.repository import Store

log = logging.getLogger(__name__)

# What a room's database role may do: everything on the records, only add to the audit
# trail, only read the schema version (upgrades are the owner's, through clinic setup).
_READ_WRITE = "SELECT, INSERT, UPDATE, DELETE"


@dataclass(frozen=True)
class SetupResult:
    """What clinic setup did, and the URL each room's computer is given."""

    room_url: str
    schema: str
    admin: str | None  # the administrator created now (None: the database had accounts)
    app_role: str | None  # the role granted room access (None: not a server database)


@dataclass(frozen=True)
class ClinicStatus:
    """What clinic check found: one line each for the server, the schema and the accounts."""

    reachable: bool
    server: str
    schema: str | None
    accounts: int | None

    @property
    def current(self) -> bool:
        return self.reachable and self.schema == head_revision()

    def lines(self) -> list[str]:
        if not self.reachable:
            return [f"server: unreachable: {self.server}"]
        head = head_revision()
        schema = (
            "none (run bodymap clinic setup)" if self.schema is None
            else f"{self.schema}, current" if self.schema == head
            else f"{self.schema}, this bodymap expects {head}: run bodymap clinic setup to upgrade"
        )  # fmt: skip
        accounts = (
            "none: sign-in is off and nothing is audited (clinic setup adds an administrator)"
            if not self.accounts else f"{self.accounts} (sign-in on, audit trail kept)"
        )  # fmt: skip
        return [f"server: reachable, {self.server}", f"schema: {schema}", f"accounts: {accounts}"]


def shown_url(target: str | Path) -> str:
    """A path or URL fit to print: never a password."""
    return locate(target).shown


def to_remember(target: str | Path) -> str:
    """A path or URL as a setting may keep it: the password (if one was typed in) left out."""
    location = locate(target)
    if location.path is not None:
        return str(location.path)
    u = make_url(location.url)
    bare = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False)


def check(target: str | Path) -> ClinicStatus:
    """Reach the database without changing anything, and say what is there."""
    location = locate(target)
    path = location.path
    if path is not None and not path.exists():
        return ClinicStatus(False, f"{path} does not exist", None, None)
    engine = make_engine(location, read_only=path is not None)
    try:
        with mapped_errors(path), engine.connect() as conn:
            server = _server_version(conn)
            schema = _revision(conn)
            accounts = _count_accounts(conn) if schema else None
    except StoreError as exc:
        return ClinicStatus(False, str(exc), None, None)
    finally:
        engine.dispose()
    return ClinicStatus(True, server, schema, accounts)


def _server_version(conn: Connection) -> str:
    if conn.dialect.name == "postgresql":
        return "PostgreSQL " + str(conn.execute(text("SHOW server_version")).scalar()).split()[0]
    return "SQLite " + str(conn.execute(text("SELECT sqlite_version()")).scalar())


def _revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _count_accounts(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM accounts")).scalar_one())


def setup(
    target: str | Path, *, admin: str, full_name: str, password: str, app_role: str | None = None
) -> SetupResult:
    """Create or upgrade the schema, add the first administrator (if none) and set the grants.

    Run as the database's owner. `app_role` is the role the rooms connect as (default: the
    owner itself); it may add audit lines but never change or delete them.
    """
    with Store.open(target, create=True) as store:
        created = None
        if not store.accounts_required:
            account = Account(admin, full_name, Role.ADMINISTRATOR)
            store.add_account(account, password)
            created = admin
        room_url, role = store.url, None
        if store.engine.dialect.name == "postgresql":
            with mapped_errors(None), store.engine.begin() as conn:
                role = grant_room_access(conn, app_role)
            # The room's URL never carries the owner's password (nor any password).
            room_url = to_remember(
                make_url(store.url).set(username=role).render_as_string(hide_password=False)
            )
        schema = current_revision(store.engine) or ""
    log.info("clinic database set up (schema %s)", schema)
    return SetupResult(room_url, schema, created, role)


def grant_room_access(conn: Connection, app_role: str | None) -> str:
    """The grants of the rooms' role (PostgreSQL); returns its name."""
    me = str(conn.execute(text("SELECT current_user")).scalar())
    role = app_role or me
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    if found is None:
        raise StoreError(
            f"there is no database role {role!r}: create it first "
            f"(CREATE ROLE {role} LOGIN PASSWORD '...'), then run clinic setup again"
        )
    q = conn.dialect.identifier_preparer.quote
    database = str(conn.execute(text("SELECT current_database()")).scalar())
    statements = [
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM {q(role)}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {q(role)}",
    ]
    if role != me:
        statements[:0] = [
            f"GRANT CONNECT ON DATABASE {q(database)} TO {q(role)}",
            f"GRANT USAGE ON SCHEMA public TO {q(role)}",
            f"GRANT {_READ_WRITE} ON ALL TABLES IN SCHEMA public TO {q(role)}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {q(role)}",
        ]
    for sql in statements:
        conn.execute(text(sql))
    return role
