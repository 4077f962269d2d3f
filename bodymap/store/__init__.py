"""Storage of clinical records: SQLAlchemy Core behind a repository that returns model objects."""

from bodymap.store.database import default_db_path
from bodymap.store.errors import (
    ConflictError,
    CorruptDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    NotFoundError,
    ReadOnlyStoreError,
    StorageFullError,
    StoreBusyError,
    StoreError,
)
from bodymap.store.repository import Store

__all__ = [
    "ConflictError", "CorruptDatabaseError", "NewerSchemaError", "NotADatabaseError",
    "NotFoundError", "ReadOnlyStoreError", "StorageFullError", "Store", "StoreBusyError",
    "StoreError", "default_db_path",
]  # fmt: skip
