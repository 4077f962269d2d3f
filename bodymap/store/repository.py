"""The Store: one facade over the clients, plans and visits repositories, plus whole records."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from sqlalchemy import select

from bodymap.files import write_atomic
from bodymap.files.sealed import seal
from bodymap.geometry import Atlas
from bodymap.model import ClientRecord
from bodymap.model.accounts import Permission
from bodymap.model.atlas_check import record_problems
from bodymap.store import backup as backups
from bodymap.store import bulk
from bodymap.store.database import mapped_errors
from bodymap.store.dump import dump_database
from bodymap.store.errors import StoreError
from bodymap.store.keys import DatabaseKey
from bodymap.store.opening import open_database
from bodymap.store.records import read_record
from bodymap.store.rehome import rehome_stored_items
from bodymap.store.repo_accounts import AccountRecords
from bodymap.store.repo_clients import ClientRecords
from bodymap.store.repo_plans import PlanRecords
from bodymap.store.repo_visits import VisitRecords
from bodymap.store.schema import clients
from bodymap.store.visits import now_stamp

log = logging.getLogger(__name__)


class Store(ClientRecords, PlanRecords, VisitRecords, AccountRecords):
    """Clinical records in one database. Every method is one transaction, committed on return.

    Records carry a row version; writes name the version they were based on and raise
    ConflictError when another process changed the record since.
    """

    read_only = False
    key: DatabaseKey | None = None

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        atlas: Atlas | None = None,
        create: bool = False,
        key: DatabaseKey | None = None,
    ) -> Store:
        """Open (upgrading if needed) the database at a path or SQLAlchemy URL.

        A missing file is created only with `create` (else MissingDatabaseError names it); a
        file or folder that cannot be written is opened read-only. With an atlas, every zone id
        written is checked against it, and items stored under an earlier version of it move
        onto its current zones (store.rehome), unless the database is opened read-only.
        A new file is encrypted with `key`; an encrypted one opens with `key` or the keyring's.
        """
        opened = open_database(target, create=create, key=key)
        store = cls(opened.engine, opened.location.url, opened.location.path, atlas)
        store.read_only, store.upgraded_from = opened.read_only, opened.upgraded_from
        store.key = opened.key
        if atlas is not None and not store.read_only:
            try:
                store._rehome_items(atlas)
            except BaseException:
                store.close()
                raise
        log.info("store opened (%s)", "upgraded" if store.upgraded_from else "current schema")
        return store

    def _rehome_items(self, atlas: Atlas) -> None:
        """Charts stored under an earlier atlas, moved onto its current zones (store.rehome)."""
        with mapped_errors(self.path), self.engine.begin() as conn:
            moved = rehome_stored_items(conn, atlas)
        if moved:
            log.info("moved %d stored chart items onto the atlas's current zones", moved)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_check(self, *, quick: bool = False) -> str:
        """SQLite's integrity check: "ok", or the problems found."""
        if not self.url.startswith("sqlite"):
            return "ok"
        pragma = "quick_check" if quick else "integrity_check"
        with mapped_errors(self.path), self.engine.connect() as conn:
            found = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        return "ok" if found == ["ok"] else "; ".join(found[:5])

    # -- whole records, backups ---------------------------------------------------------

    def load_record(self, client_id: str) -> ClientRecord:
        """A client with every intake revision, visit and plan (one consistent snapshot).

        The full load, for export and JSON; a screen opening a client wants open_client.
        """
        self._allow(Permission.READ_CLINICAL)
        with self._read() as conn:
            return read_record(conn, client_id)

    def import_record(self, record: ClientRecord) -> None:
        """Add a whole client record in one transaction: all of it or nothing.

        Checks and row building happen before the transaction, so its lock is short.
        """
        self._allow(Permission.IMPORT)
        if self.atlas is not None:
            problems = record_problems(record, self.atlas)
            if problems:
                raise ValueError("; ".join(problems))
        batch = bulk.record_rows(record, now_stamp())  # prepared outside the lock
        with self._write() as conn:
            exists = conn.execute(
                select(clients.c.id).where(clients.c.id == record.client.id)
            ).first()
            if exists:
                raise StoreError(
                    f"client {record.client.id} is already in this database; nothing was imported"
                )
            bulk.write_rows(conn, batch)
            self._audit(conn, "imported", record.client.id, "client", record.client.id)

    def backup(self, dest: Path) -> Path:
        """A consistent copy of the database at `dest`, safe while others are writing.

        A server database is dumped record by record into a new bodymap SQLite file (a
        portable copy any bodymap opens), not copied as files.
        """
        self._allow(Permission.BACKUP)
        if self.path is None:
            return dump_database(self.engine, Path(dest))
        with mapped_errors(self.path):
            return backups.copy_database(self._file(), Path(dest), self.key)

    def sealed_backup(self, dest: Path, passphrase: str) -> Path:
        """A verified copy sealed with a passphrase (AES-256-GCM), unsealed only in memory."""
        self._allow(Permission.BACKUP)
        if self.key is not None:
            raise StoreError(
                "this database is encrypted already, and so are its backups: make a plain "
                "backup (without --encrypt); it opens with the database's own key"
            )
        image = backups.image_of(self._file())
        return write_atomic(Path(dest), seal(image, passphrase))

    def daily_backup(
        self, *, keep: int = backups.KEEP_DAILY, today: date | None = None
    ) -> Path | None:
        """Today's rolling backup (the app calls this once after opening); keeps the last `keep`.

        None for a server database: its backups are the administrator's (bodymap backup on
        a schedule), not every room's at start-up.
        """
        if self.path is None:
            return None
        with mapped_errors(self.path):
            return backups.daily_backup(self._file(), keep=keep, today=today, key=self.key)

    def _file(self) -> Path:
        if self.path is None:
            raise StoreError("backups are made by the database server for non-SQLite databases")
        return self.path
