"""Opening the atlas and the store for the window, with problems turned into one message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bodymap.geometry import Atlas, AtlasError, load_atlas
from bodymap.store import (
    DatabaseKey,
    KeyRequiredError,
    MissingDatabaseError,
    Store,
    StoreError,
    WrongKeyError,
)
from bodymap.store.location import locate

log = logging.getLogger(__name__)


AskPassphrase = Callable[[Path, str], "str | None"]
TRIES = 3


def open_resources(
    ctx: Any,
    confirm_create: Callable[[Path], bool] | None = None,
    ask_passphrase: AskPassphrase | None = None,
) -> tuple[Store, Atlas] | str:
    """(store, atlas), or a message a therapist can act on when either cannot be opened.

    A missing database file is created at the default location on the first start; anywhere
    else only when `confirm_create(path)` says yes (a mistyped --db makes nothing). An
    encrypted one the keyring holds no key for is opened with `ask_passphrase(path, why)`.
    """
    try:
        atlas = load_atlas(getattr(ctx, "atlas_path", None))
    except AtlasError as exc:
        lines = "\n".join(f"• {p}" for p in exc.problems[:8])
        return f"The body atlas could not be loaded:\n{lines}"
    except OSError as exc:
        return f"The body atlas could not be read: {exc.strerror or exc}"
    try:
        store = _unlocked(getattr(ctx, "db", None), atlas, confirm_create, ask_passphrase)
    except StoreError as exc:
        return f"The records database could not be opened:\n{exc}"
    except OSError as exc:
        return f"The records database could not be opened: {exc.strerror or exc}"
    if hasattr(ctx, "on_close"):
        ctx.on_close(store.close)
    take_daily_backup(store)
    return store, atlas


def _unlocked(
    db: str | None,
    atlas: Atlas,
    confirm_create: Callable[[Path], bool] | None,
    ask: AskPassphrase | None,
) -> Store:
    """The store, asking for the passphrase of an encrypted file (three tries)."""
    try:
        return _open_or_create(db, atlas, confirm_create, None)
    except KeyRequiredError as exc:
        if ask is None:
            raise
        why = ""
        for _ in range(TRIES):
            typed = ask(exc.path, why)
            if not typed:
                raise StoreError(f"{exc.path} is encrypted and no passphrase was given") from None
            try:
                return _open_or_create(db, atlas, confirm_create, DatabaseKey(typed))
            except WrongKeyError as wrong:
                why = str(wrong)
        raise StoreError(why) from None


def _open_or_create(
    db: str | None,
    atlas: Atlas,
    confirm_create: Callable[[Path], bool] | None,
    key: DatabaseKey | None,
) -> Store:
    try:
        return Store.open(db, atlas=atlas, key=key)
    except MissingDatabaseError as exc:
        first_start = locate(db).is_default
        if not first_start and (confirm_create is None or not confirm_create(exc.path)):
            raise StoreError(
                f"there is no database at {exc.path}, and none was created; start bodymap "
                "with --db naming the records database to use"
            ) from None
    return Store.open(db, atlas=atlas, create=True)


def take_daily_backup(store: Store) -> None:
    """Today's rolling backup (the last 7 kept); a failure is logged, never blocks charting."""
    try:
        made = store.daily_backup()
    except (StoreError, OSError, ValueError) as exc:
        log.warning("daily backup not taken: %s", exc)
        return
    if made is not None:
        log.info("daily backup taken")
