"""Migrations: the first revision builds schema.py's tables; older databases upgrade after a backup."""

import shutil
import textwrap

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from bodymap.store import Store
from bodymap.store import migrate as migrate_mod
from bodymap.store.backup import backups_dir
from bodymap.store.schema import metadata
from tests.store.helpers import client


def test_migrated_schema_matches_the_tables(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    assert migrate_mod.current_revision(store.engine) == migrate_mod.head_revision()


def test_migrations_ship_as_packages():
    import importlib.resources

    root = importlib.resources.files("bodymap.store") / "migrations"
    assert (root / "__init__.py").is_file() and (root / "versions" / "__init__.py").is_file()
    assert (root / "env.py").is_file() and (root / "script.py.mako").is_file()


def test_older_database_is_backed_up_then_upgraded(db_path, tmp_path, monkeypatch, atlas):
    with Store.open(db_path) as s:
        c = s.add_client(client())
    # A copy of the migrations with one more revision stands in for a future bodymap.
    newer = tmp_path / "migrations"
    shutil.copytree(migrate_mod.alembic_config().get_main_option("script_location"), newer)
    (newer / "versions" / "r0002_test.py").write_text(
        textwrap.dedent("""
        import sqlalchemy as sa
        from alembic import op
        revision = "0002"
        down_revision = "0001"
        branch_labels = None
        depends_on = None
        def upgrade():
            op.add_column("clients", sa.Column("pronouns", sa.Text))
    """)
    )
    original = migrate_mod.alembic_config

    def patched():
        cfg = original()
        cfg.set_main_option("script_location", str(newer))
        return cfg

    monkeypatch.setattr(migrate_mod, "alembic_config", patched)
    with Store.open(db_path) as s:
        assert s.upgraded_from == "0001"
        assert s.get_client(c.id) == c
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
    backups = list(backups_dir(db_path).glob("*pre-upgrade-0001-*.sqlite"))
    assert len(backups) == 1
    monkeypatch.setattr(migrate_mod, "alembic_config", original)
    with Store.open(backups[0]) as old:  # the backup is the untouched 0001 database
        assert migrate_mod.current_revision(old.engine) == "0001"
        assert old.get_client(c.id) == c
