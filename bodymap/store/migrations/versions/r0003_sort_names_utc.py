"""Client list order ignoring case and accents (sort_name); instants stored in UTC.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import json
import unicodedata
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BYTEWISE_TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def _sort_key(name):
    # model.client.name_sort_key as of this revision (frozen here: a migration never changes).
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _utc(text):
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value.astimezone(UTC).isoformat() if value.tzinfo is not None else text


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("clients", sa.Column("sort_name", BYTEWISE_TEXT, nullable=False, server_default=""))
    clients = sa.table("clients", sa.column("id"), sa.column("name"), sa.column("sort_name"))
    for cid, name in conn.execute(sa.select(clients.c.id, clients.c.name)).all():
        conn.execute(clients.update().where(clients.c.id == cid).values(sort_name=_sort_key(name)))
    op.drop_index("ix_clients_name", "clients")
    op.create_index("ix_clients_sort", "clients", ["sort_name", "name", "id", "date_of_birth", "archived"])
    _instants_to_utc(conn)


def _instants_to_utc(conn):
    for table, column in (("visits", "signed_at"), ("amendments", "at"), ("plans", "created_at")):
        t = sa.table(table, sa.column("id"), sa.column(column))
        for rid, text in conn.execute(sa.select(t.c.id, t.c[column])).all():
            if _utc(text) != text:
                conn.execute(t.update().where(t.c.id == rid).values({column: _utc(text)}))
    plans = sa.table("plans", sa.column("id"), sa.column("appointments"))
    for rid, text in conn.execute(sa.select(plans.c.id, plans.c.appointments)).all():
        new = json.dumps([_utc(a) for a in json.loads(text)])
        if new != text:
            conn.execute(plans.update().where(plans.c.id == rid).values(appointments=new))
    intakes = sa.table("intakes", sa.column("id"), sa.column("recorded_at"), sa.column("body"))
    for rid, text, body in conn.execute(sa.select(intakes.c.id, intakes.c.recorded_at, intakes.c.body)).all():
        if _utc(text) != text:
            data = json.loads(body)
            data["recorded_at"] = _utc(data["recorded_at"])
            new_body = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
            conn.execute(intakes.update().where(intakes.c.id == rid).values(recorded_at=_utc(text), body=new_body))


def downgrade() -> None:
    raise NotImplementedError("bodymap never downgrades a database; restore a backup instead")
