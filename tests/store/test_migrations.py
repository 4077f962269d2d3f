"""Migrations: the first revision builds schema.py's tables; older databases upgrade after a backup."""

import dataclasses
import json
import shutil
import textwrap
from datetime import datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from bodymap.store import Store, rows
from bodymap.store import migrate as migrate_mod
from bodymap.store.backup import backups_dir
from bodymap.store.database import make_engine
from bodymap.store.location import locate
from bodymap.store.schema import clients, metadata
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


def _database_at(path, revision):
    """A database built by the migrations up to `revision` (what an older bodymap left)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(locate(path))
    cfg = migrate_mod.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return engine


def _old_client_row(c):
    """A client row as revisions 0001 and 0002 stored it (no sort_name)."""
    row = {**rows.client_row(c), "version": 1, "updated_at": "x"}
    del row["sort_name"]
    return row


def test_0001_database_gains_the_client_list_index(db_path):
    engine = _database_at(db_path, "0001")
    names = ["Zoe Synthetic", "adam Synthetic", "\u00c9mile Synthetic", "beth  Synthetic"]
    made = [client(n) for n in names]
    with engine.begin() as conn:
        conn.execute(clients.insert(), [_old_client_row(c) for c in made])
    engine.dispose()
    with Store.open(db_path) as s:
        assert s.upgraded_from == "0001"
        assert migrate_mod.current_revision(s.engine) == migrate_mod.head_revision()
        with s.engine.connect() as conn:
            indexes = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("clients")}
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id, name, date_of_birth, archived FROM clients "
                "ORDER BY sort_name, name, id"
            ).all()
        assert indexes["ix_clients_sort"] == [
            "sort_name",
            "name",
            "id",
            "date_of_birth",
            "archived",
        ]
        assert "ix_clients_name" not in indexes
        assert "COVERING INDEX ix_clients_sort" in " ".join(str(r[-1]) for r in plan)
        assert s.get_client(made[0].id) == dataclasses.replace(made[0], version=1)
        # The sort keys were filled in: case and accents no longer decide the order.
        assert [h.name for h in s.list_client_headers()] == [
            "adam Synthetic", "beth  Synthetic", "\u00c9mile Synthetic", "Zoe Synthetic",
        ]  # fmt: skip
    assert len(list(backups_dir(db_path).glob("*pre-upgrade-0001-*.sqlite"))) == 1


def test_0002_instants_move_to_utc(db_path):
    engine = _database_at(db_path, "0002")
    c = client()
    signed = "2026-03-29T09:30:00+02:00"
    with engine.begin() as conn:
        conn.execute(clients.insert(), _old_client_row(c))
        conn.execute(
            text(
                "INSERT INTO plans (id, client_id, created_at, goals, appointments, notes, version) "
                "VALUES ('p1', :c, :at, '[]', :appts, '', 1)"
            ),
            {"c": c.id, "at": signed, "appts": json.dumps([signed, "2026-04-01T10:00:00"])},
        )
    engine.dispose()
    with Store.open(db_path) as s:
        with s.engine.connect() as conn:
            row = conn.execute(text("SELECT created_at, appointments FROM plans")).one()
        assert row.created_at == "2026-03-29T07:30:00+00:00"
        # A wall-clock appointment (no zone) stays as the therapist entered it.
        assert json.loads(row.appointments) == ["2026-03-29T07:30:00+00:00", "2026-04-01T10:00:00"]
        (plan,) = s.plans(c.id)
        assert plan.created_at == datetime.fromisoformat(signed)  # the same instant


def test_older_database_is_backed_up_then_upgraded(db_path, tmp_path, monkeypatch, atlas):
    with Store.open(db_path, create=True) as s:
        c = s.add_client(client())
    head = migrate_mod.head_revision()
    # A copy of the migrations with one more revision stands in for a future bodymap.
    newer = tmp_path / "migrations"
    shutil.copytree(migrate_mod.alembic_config().get_main_option("script_location"), newer)
    (newer / "versions" / "r9999_test.py").write_text(
        textwrap.dedent(f"""
        import sqlalchemy as sa
        from alembic import op
        revision = "9999"
        down_revision = "{head}"
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
        assert s.upgraded_from == head
        assert s.get_client(c.id) == c
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    backups = list(backups_dir(db_path).glob(f"*pre-upgrade-{head}-*.sqlite"))
    assert len(backups) == 1
    monkeypatch.setattr(migrate_mod, "alembic_config", original)
    with Store.open(backups[0]) as old:  # the backup is the untouched database
        assert migrate_mod.current_revision(old.engine) == head
        assert old.get_client(c.id) == c
