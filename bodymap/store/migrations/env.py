"""Alembic environment: runs on the connection bodymap hands over (never from a URL in a file)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("bodymap migrations run only through bodymap.store.migrate")

context.configure(connection=connection, render_as_batch=True, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
