"""Accounts (sign-in, roles, Argon2id password hashes) and the append-only audit trail.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ID = sa.String(64)
REFUSAL = "the audit trail is append-only: its entries are never changed or deleted"


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("full_name", sa.Text, nullable=False),
        sa.Column("credentials", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("failed_attempts", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.String(40)),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("account_id", ID),
        sa.Column("computer", sa.Text, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("client_id", ID),
        sa.Column("record_kind", sa.String(10)),
        sa.Column("record_id", ID),
    )
    op.create_index("ix_audit_client", "audit", ["client_id", "seq"])
    op.create_index("ix_audit_account", "audit", ["account_id", "seq"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION bodymap_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit "
            "FOR EACH ROW EXECUTE FUNCTION bodymap_audit_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
            "FOR EACH STATEMENT EXECUTE FUNCTION bodymap_audit_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit "
                f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
            )


def downgrade() -> None:
    raise NotImplementedError("bodymap never downgrades a database; restore a backup instead")
