"""A content-keyed disk cache of parsed, validated atlases, so start-up skips SVG parsing."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

import shapely
from platformdirs import user_cache_dir

from bodymap.files import write_atomic

log = logging.getLogger(__name__)
# Bump when the parsed representation changes (flattening, metadata fields...).
CACHE_VERSION = "3-views-parents"


def cache_dir() -> Path:
    """Where cached atlases live; BODYMAP_CACHE_DIR overrides (tests, portable installs)."""
    return Path(os.environ.get("BODYMAP_CACHE_DIR") or user_cache_dir("bodymap", appauthor=False))


def cache_key(files: list[Path]) -> str:
    """A digest of every input byte plus the code and GEOS versions that parsed them."""
    h = hashlib.sha256(f"{CACHE_VERSION}|{shapely.__version__}|{shapely.geos_version}".encode())
    for f in sorted(files):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


def load(key: str) -> dict[str, Any] | None:
    """The cached record for this key, or None (missing, unreadable or stale)."""
    path = cache_dir() / f"atlas-{key}.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if data.get("key") == key else None


def save(key: str, record: dict[str, Any]) -> None:
    """Write the record atomically; a cache that cannot be written is simply not used."""
    try:
        write_atomic(cache_dir() / f"atlas-{key}.json", json.dumps({**record, "key": key}))
    except OSError as exc:
        log.debug("atlas cache not written: %s", exc)


def to_wkb(geom: Any) -> str:
    return shapely.to_wkb(geom, hex=True)


def from_wkb(text: str) -> Any:
    return shapely.from_wkb(text)
