"""Alembic migrations of the bodymap schema (run programmatically by bodymap.store.migrate)."""
