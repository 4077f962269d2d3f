"""Longer view names: side views and hand, foot and head charts ("foot-right-plantar").

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("marks", "strokes", "findings", "arrows")


def upgrade() -> None:
    for table in TABLES:
        # SQLite has no ALTER COLUMN: batch mode copies the table (PostgreSQL alters in place)
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                "view", type_=sa.String(40), existing_type=sa.String(10), existing_nullable=False
            )


def downgrade() -> None:
    raise NotImplementedError("bodymap never downgrades a database; restore a backup instead")
