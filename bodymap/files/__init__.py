"""Files bodymap writes: atomic, owner-only, with plain messages for a full disk or no permission."""

from bodymap.files.atomic import (
    FileWriteError,
    atomic_writer,
    clean_partials,
    private_dir,
    publish,
    write_atomic,
)

__all__ = [
    "FileWriteError", "atomic_writer", "clean_partials", "private_dir", "publish", "write_atomic",
]  # fmt: skip
