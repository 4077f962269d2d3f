"""Portable JSON export and all-or-nothing import of a whole client record."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from bodymap.files import write_atomic
from bodymap.files.sealed import is_sealed, seal, unseal
from bodymap.geometry import Atlas
from bodymap.model import ClientRecord
from bodymap.model.atlas_check import record_problems
from bodymap.model.codec import DecodeError, record_from_json, record_to_json
from bodymap.model.rehome import rehome_record
from bodymap.store import Store

log = logging.getLogger(__name__)


def export_client_json(
    store: Store, client_id: str, dest: Path, *, passphrase: str | None = None
) -> ClientRecord:
    """Write a client with every visit, intake revision and plan to `dest` (atomically),
    sealed with `passphrase` when one is given."""
    record = store.load_record(client_id)
    text = record_to_json(record).encode("utf-8")
    write_atomic(Path(dest), seal(text, passphrase) if passphrase else text)
    store.record_event("exported", client_id=client_id, kind="client", record_id=client_id)
    log.info("exported client %s (%d visits)", client_id, len(record.visits))
    return record


def read_client_json(text: str | bytes, atlas: Atlas | None) -> ClientRecord:
    """Decode and fully validate an export (format version, types, ranges, zone ids).

    Raises DecodeError listing every problem as "path: message".
    """
    record = record_from_json(text)
    if atlas is not None:
        record = rehome_record(record, atlas)  # an export made before the atlas changed
        problems = record_problems(record, atlas)
        if problems:
            raise DecodeError(problems)
    return record


def read_client_file(
    source: Path, atlas: Atlas | None, passphrase: Callable[[], str] | None = None
) -> ClientRecord:
    """Read and fully validate an export file (before any database is opened or locked);
    a sealed one is opened with the passphrase `passphrase()` gives."""
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise DecodeError([f"(file): cannot read {source}: {exc.strerror}"]) from None
    if is_sealed(data):
        if passphrase is None:
            raise DecodeError(["(file): sealed with a passphrase; give it to open the file"])
        data = unseal(data, passphrase())
    return read_client_json(data, atlas)


def import_client_json(store: Store, source: Path, atlas: Atlas | None) -> ClientRecord:
    """Validate an export completely, then add it in one transaction (all or nothing)."""
    record = read_client_file(source, atlas)
    store.import_record(record)
    log.info("imported client %s (%d visits)", record.client.id, len(record.visits))
    return record
