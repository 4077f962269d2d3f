"""Atomic, owner-only file writes: a temporary file in the same folder, fsync, then rename.

A crash, a kill or a full disk leaves either the old file or the complete new one, never half
a file; the temporary `.partial` file of a killed writer is removed at the next start.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import secrets
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

FILE_MODE = 0o600  # health records: readable by their owner only
DIR_MODE = 0o700
PARTIAL = ".partial"
# A partial file not touched for this long belongs to a writer that is gone, whichever host.
STALE_AFTER_S = 15 * 60
FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
DENIED = (errno.EACCES, errno.EPERM, errno.EROFS)


class FileWriteError(OSError):
    """A file could not be written; the message says why in plain words and that nothing was."""

    def __init__(self, path: Path, cause: OSError):
        super().__init__(cause.errno, reason(cause), str(path))
        self.path = path

    @property
    def disk_full(self) -> bool:
        return self.errno in FULL

    def __str__(self) -> str:
        return f"could not write {self.path}: {self.strerror}; nothing was written"


def reason(exc: OSError) -> str:
    """Why a write failed, in the words a therapist would use."""
    if exc.errno in FULL:
        return "the disk is full (free some space and try again)"
    if exc.errno in DENIED:
        return "the folder or file cannot be written (read-only, or no permission)"
    return exc.strerror or str(exc)


def private_dir(folder: Path) -> Path:
    """Create `folder` and any missing parents owner-only (0700); existing folders are kept."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for d in reversed(missing):
            with contextlib.suppress(FileExistsError):
                d.mkdir(mode=DIR_MODE)
    except OSError as exc:
        raise FileWriteError(folder, exc) from None
    return folder


def partial_path(target: Path) -> Path:
    """A temporary name beside `target` that says which host and process is writing it."""
    host = socket.gethostname().replace(".", "_") or "host"
    return target.with_name(f".{target.name}.{host}.{os.getpid()}.{secrets.token_hex(3)}{PARTIAL}")


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk, not only the file's bytes.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """A binary file object whose content replaces `target` only when the block ends normally."""
    target = Path(target)
    private_dir(target.parent)
    tmp = partial_path(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise FileWriteError(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileWriteError(target, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def write_atomic(target: Path, data: bytes | str) -> Path:
    """Write `data` (text is UTF-8) to `target` completely or not at all; returns `target`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_writer(target) as f:
        f.write(payload)
    return Path(target)


def publish(tmp: Path, target: Path) -> Path:
    """Move a finished temporary file (written by another library) into place, durably."""
    try:
        os.chmod(tmp, FILE_MODE)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileWriteError(target, exc) from None
    _fsync_dir(target.parent)
    return target


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(partial: Path, now: float | None = None) -> bool:
    """Whether a partial file's writer is gone: its process ended here, or it is long untouched."""
    try:
        age = (time.time() if now is None else now) - partial.stat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_S:
        return True
    parts = partial.name.split(".")
    host = socket.gethostname().replace(".", "_") or "host"
    if len(parts) >= 5 and parts[-4] == host and parts[-3].isdigit():
        return int(parts[-3]) != os.getpid() and not _alive(int(parts[-3]))
    return False


def clean_partials(folder: Path) -> list[Path]:
    """Remove the `.partial` files that killed writers left in `folder`; returns what went."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for p in Path(folder).glob(f"*{PARTIAL}"):
            if p.is_file() and is_stale(p):
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed.append(p)
    if removed:
        log.info("removed %d unfinished file(s) left by an interrupted write", len(removed))
    return removed
