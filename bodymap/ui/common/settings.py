"""Typed application settings over QSettings; tests and portable installs pass an ini path."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from bodymap.files import private_dir
from bodymap.ops.pin_guard import PIN_FILE, PinGuard, PinTry

# Where older versions kept the PIN hash, readable by every local user; it is dropped on sight.
PIN_KEY = "security/therapist_pin_hash"
TEXT_SCALE_KEY = "client_mode/text_scale"
DATABASE_KEY = "store/database"  # the --db last given: a path, or a URL without its password
MIN_SCALE, MAX_SCALE = 1.0, 2.0


class AppSettings:
    """The few settings bodymap keeps; values are checked on the way out, never trusted."""

    def __init__(self, path: str | Path | None = None):
        if path is None:
            self._q = QSettings("bodymap", "bodymap")
        else:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        folder = private_dir(Path(self.path).parent)
        # The PIN's verifier and its wrong tries live in an owner-only file of their own.
        self.pins = PinGuard(folder / PIN_FILE)
        if self._q.contains(PIN_KEY):
            self._q.remove(PIN_KEY)
            self.sync()

    @property
    def path(self) -> str:
        return self._q.fileName()

    def sync(self) -> None:
        self._q.sync()
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)  # settings name the database: the user's alone

    # -- therapist PIN (only a salted scrypt verifier is stored) ---------------------

    @property
    def has_pin(self) -> bool:
        return self.pins.has_pin

    def set_pin(self, pin: str) -> None:
        """Keep a new PIN's verifier (PinError if it is not 6-12 digits)."""
        self.pins.set_pin(pin)

    def try_pin(self, pin: str) -> PinTry:
        """Check a PIN, counting wrong ones; a locked keypad answers with the wait."""
        return self.pins.try_pin(pin)

    # -- the records database -------------------------------------------------------

    @property
    def database(self) -> str | None:
        """The database the window opened last with --db (None: the default file)."""
        value = self._q.value(DATABASE_KEY, "")
        return value if isinstance(value, str) and value else None

    @database.setter
    def database(self, target: str | None) -> None:
        self._q.setValue(DATABASE_KEY, target or "")
        self.sync()

    # -- client mode --------------------------------------------------------------

    @property
    def client_text_scale(self) -> float:
        """How much larger than the system font client mode draws its text (1.0-2.0)."""
        try:
            value = float(self._q.value(TEXT_SCALE_KEY, 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0
        return min(MAX_SCALE, max(MIN_SCALE, value))

    @client_text_scale.setter
    def client_text_scale(self, value: float) -> None:
        self._q.setValue(TEXT_SCALE_KEY, min(MAX_SCALE, max(MIN_SCALE, float(value))))
