"""Schema versions: create, upgrade after a backup, and refuse databases from a newer bodymap."""

from __future__ import annotations

import importlib.resources
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from bodymap.store.backup import upgrade_backup
from bodymap.store.errors import NewerSchemaError, NotADatabaseError
from bodymap.store.keys import DatabaseKey

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    cfg = Config()
    where = importlib.resources.files("bodymap.store") / "migrations"
    cfg.set_main_option("script_location", str(where))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def judge_revision(current: str | None, tables: set[str], path: Path | None) -> bool:
    """Whether a database at `current` needs an upgrade; refuses foreign and newer ones.

    `tables` are the database's tables other than alembic's own.
    """
    where = path or "the database"
    if current is None:
        if tables:
            raise NotADatabaseError(
                f"{where} holds tables that are not bodymap's; nothing was changed"
            )
        return True
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if current == head:
        return False
    try:
        script.get_revision(current)
    except CommandError:
        raise NewerSchemaError(
            f"{where} was written by a newer bodymap (schema {current}; this version knows up "
            f"to {head}); update bodymap to open it. The file was not changed and will not be "
            "downgraded"
        ) from None
    return True


def ensure_schema(engine: Engine, path: Path | None, key: DatabaseKey | None = None) -> str | None:
    """Bring the schema up to date; returns the revision it upgraded from (None if none needed).

    A file database is copied to its backups folder before an upgrade.
    """
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    if not judge_revision(current, tables, path):
        return None
    if current is not None and path is not None:
        backup = upgrade_backup(path, current, key)
        log.info("backup before schema upgrade: %s", backup)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("database schema upgraded from %s to %s", current, head_revision())
    return current or "empty"
