"""Storage of clinical records: SQLAlchemy Core behind a repository that returns model objects."""

from bodymap.store.errors import (
    ConflictError,
    CorruptDatabaseError,
    KeyRequiredError,
    MissingDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    NotFoundError,
    ReadOnlyStoreError,
    StorageFullError,
    StoreBusyError,
    StoreError,
    WrongKeyError,
)
from bodymap.store.keys import DatabaseKey
from bodymap.store.location import default_db_path, is_url
from bodymap.store.repository import Store

__all__ = [
    "ConflictError", "CorruptDatabaseError", "DatabaseKey", "KeyRequiredError",
    "MissingDatabaseError", "NewerSchemaError", "NotADatabaseError", "NotFoundError",
    "ReadOnlyStoreError", "StorageFullError", "Store", "StoreBusyError", "StoreError",
    "WrongKeyError", "default_db_path", "is_url",
]  # fmt: skip
