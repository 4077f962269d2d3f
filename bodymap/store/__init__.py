"""Storage of clinical records: SQLAlchemy Core behind a repository that returns model objects."""

from bodymap.store.errors import (
    ConflictError,
    CorruptDatabaseError,
    MissingDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    NotFoundError,
    ReadOnlyStoreError,
    StorageFullError,
    StoreBusyError,
    StoreError,
)
from bodymap.store.location import default_db_path, is_url
from bodymap.store.repository import Store

__all__ = [
    "ConflictError", "CorruptDatabaseError", "MissingDatabaseError", "NewerSchemaError", "NotADatabaseError",
    "NotFoundError", "ReadOnlyStoreError", "StorageFullError", "Store", "StoreBusyError",
    "StoreError", "default_db_path", "is_url",
]  # fmt: skip
