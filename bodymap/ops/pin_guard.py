"""The therapist PIN's verifier in an owner-only file, with lockouts that escalate and persist.

Wrong PINs are counted in the same file, so closing the client-mode window or restarting
bodymap does not reset them: after FREE_TRIES wrong PINs in a row every further wrong one
locks the keypad twice as long as the last (30 s, 1 min, 2 min ... up to an hour).
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bodymap.files import write_atomic
from bodymap.ops.pin import hash_pin, is_pin_hash, verify_pin

log = logging.getLogger(__name__)

PIN_FILE = "therapist-pin.json"
FREE_TRIES = 5
FIRST_LOCK_S, LONGEST_LOCK_S = 30.0, 3600.0


@dataclass(frozen=True)
class PinTry:
    """The answer to one PIN: right, or wrong (or not checked) with the seconds to wait."""

    ok: bool
    wait_s: float = 0.0

    @property
    def locked(self) -> bool:
        return self.wait_s > 0


def lock_seconds(failures: int) -> float:
    """How long the keypad rests after this many wrong PINs in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return min(LONGEST_LOCK_S, FIRST_LOCK_S * 2.0 ** (failures - FREE_TRIES))


class PinGuard:
    """One PIN file: the verifier, the wrong tries in a row and when the lock ends."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time):
        self.path, self.clock = Path(path), clock

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict[str, Any]) -> None:
        write_atomic(self.path, json.dumps(data))

    @property
    def has_pin(self) -> bool:
        return is_pin_hash(self._load().get("verifier"))

    def set_pin(self, pin: str) -> None:
        """Keep a new PIN's verifier (PinError unless 6-12 digits); the tries start afresh."""
        self._save({"verifier": hash_pin(pin), "failures": 0, "locked_until": 0.0})

    def wait_s(self) -> float:
        """Seconds until a PIN may be tried again (0 when it may now)."""
        until = self._load().get("locked_until", 0.0)
        left = float(until) - self.clock() if isinstance(until, (int, float)) else 0.0
        return max(0.0, left) if math.isfinite(left) else LONGEST_LOCK_S

    def try_pin(self, pin: str) -> PinTry:
        """Check a PIN unless the keypad is locked; a wrong one is counted and may lock it."""
        data = self._load()
        wait = self.wait_s()
        if wait > 0:
            return PinTry(False, wait)  # not even checked: a locked keypad tells nothing
        verifier = str(data.get("verifier") or "")
        if is_pin_hash(verifier) and verify_pin(pin, verifier):
            if data.get("failures"):
                self._save({**data, "failures": 0, "locked_until": 0.0})
            return PinTry(True)
        failures = int(data.get("failures", 0) or 0) + 1
        lock = lock_seconds(failures)
        self._save({**data, "failures": failures, "locked_until": self.clock() + lock})
        log.info("wrong therapist PIN (%d in a row)", failures)
        return PinTry(False, lock)
