"""First schema: clients, intakes, visits, amendments, charts and their items, plans.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(64)


def _id():
    return sa.Column("id", ID, primary_key=True)


def _fk(name, target):
    return sa.Column(name, ID, sa.ForeignKey(f"{target}.id", ondelete="CASCADE"), nullable=False)


def _text(name, nullable=False):
    return sa.Column(name, sa.Text, nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "clients",
        _id(),
        _text("name"),
        sa.Column("date_of_birth", sa.String(10)),
        _text("contact"),
        _text("notes"),
        sa.Column("consent_treatment", sa.Boolean, nullable=False),
        sa.Column("consent_treatment_date", sa.String(10)),
        sa.Column("consent_storage", sa.Boolean, nullable=False),
        sa.Column("consent_storage_date", sa.String(10)),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "intakes",
        _id(),
        _fk("client_id", "clients"),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        _text("body"),
        sa.UniqueConstraint("client_id", "revision", name="uq_intakes_client_revision"),
    )
    op.create_table(
        "visits",
        _id(),
        _fk("client_id", "clients"),
        sa.Column("started_at", sa.String(40), nullable=False),
        _text("therapist"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        _text("soap"),
        _text("techniques"),
        _text("technique_other"),
        _text("self_care"),
        _text("self_care_text"),
        _text("outcomes"),
        sa.Column("signed_at", sa.String(40)),
        _text("signed_by"),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_visits_client_started", "visits", ["client_id", "started_at"])
    op.create_table(
        "amendments",
        _id(),
        _fk("visit_id", "visits"),
        sa.Column("seq", sa.Integer, nullable=False),
        _text("author"),
        sa.Column("at", sa.String(40), nullable=False),
        _text("reason"),
        _text("fields"),
        _text("original"),
    )
    op.create_index("ix_amendments_visit", "amendments", ["visit_id", "seq"])
    op.create_table(
        "charts",
        _id(),
        _fk("visit_id", "visits"),
        sa.Column("slot", sa.String(4), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("visit_id", "slot", name="uq_charts_visit_slot"),
    )
    _items()
    op.create_table(
        "plans",
        _id(),
        _fk("client_id", "clients"),
        sa.Column("created_at", sa.String(40), nullable=False),
        _text("goals"),
        sa.Column("visits_per_week", sa.Float),
        sa.Column("planned_visits", sa.Integer),
        _text("appointments"),
        sa.Column("review_date", sa.String(10)),
        _text("notes"),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_plans_client", "plans", ["client_id", "created_at"])


def _item_table(name, *columns):
    op.create_table(
        name,
        _id(),
        _fk("chart_id", "charts"),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("view", sa.String(10), nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_chart", name, ["chart_id", "seq"])


def _items():
    _item_table(
        "marks",
        sa.Column("x", sa.Float, nullable=False),
        sa.Column("y", sa.Float, nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("intensity", sa.Integer, nullable=False),
        _text("qualities"),
        _text("other_text"),
        sa.Column("source", sa.String(10), nullable=False),
        _text("note"),
    )
    _item_table(
        "strokes",
        sa.Column("points", sa.LargeBinary, nullable=False),
        sa.Column("width", sa.Float, nullable=False),
        sa.Column("intensity", sa.Integer, nullable=False),
        sa.Column("quality", sa.String(20), nullable=False),
        _text("other_text"),
        sa.Column("source", sa.String(10), nullable=False),
    )
    _item_table(
        "findings",
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("x", sa.Float, nullable=False),
        sa.Column("y", sa.Float, nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("state", sa.String(10)),
        _text("muscle"),
        _text("note"),
    )
    _item_table(
        "arrows",
        sa.Column("x1", sa.Float, nullable=False),
        sa.Column("y1", sa.Float, nullable=False),
        sa.Column("to_zone", sa.String(64), nullable=False),
        sa.Column("x2", sa.Float),
        sa.Column("y2", sa.Float),
        _text("note"),
    )


def downgrade() -> None:
    raise NotImplementedError("bodymap never downgrades a database; restore a backup instead")
