"""Opening the atlas and the store for the window, with problems turned into one message."""

from __future__ import annotations

import logging
from typing import Any

from bodymap.geometry import Atlas, AtlasError, load_atlas
from bodymap.store import Store, StoreError

log = logging.getLogger(__name__)


def open_resources(ctx: Any) -> tuple[Store, Atlas] | str:
    """(store, atlas), or a message a therapist can act on when either cannot be opened."""
    try:
        atlas = load_atlas(getattr(ctx, "atlas_path", None))
    except AtlasError as exc:
        lines = "\n".join(f"• {p}" for p in exc.problems[:8])
        return f"The body atlas could not be loaded:\n{lines}"
    except OSError as exc:
        return f"The body atlas could not be read: {exc.strerror or exc}"
    try:
        # Only the default location is created without asking (the first start).
        db = getattr(ctx, "db", None)
        store = Store.open(db, atlas=atlas, create=db is None)
    except StoreError as exc:
        return f"The records database could not be opened:\n{exc}"
    except OSError as exc:
        return f"The records database could not be opened: {exc.strerror or exc}"
    if hasattr(ctx, "on_close"):
        ctx.on_close(store.close)
    take_daily_backup(store)
    return store, atlas


def take_daily_backup(store: Store) -> None:
    """Today's rolling backup (the last 7 kept); a failure is logged, never blocks charting."""
    try:
        made = store.daily_backup()
    except (StoreError, OSError, ValueError) as exc:
        log.warning("daily backup not taken: %s", exc)
        return
    if made is not None:
        log.info("daily backup taken")
