"""An index for the client list: its sort order (name, id) holding the columns it shows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_clients_name", "clients", ["name", "id", "date_of_birth", "archived"])


def downgrade() -> None:
    raise NotImplementedError("bodymap never downgrades a database; restore a backup instead")
