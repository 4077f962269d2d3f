"""Typed application settings over QSettings; tests and portable installs pass an ini path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from bodymap.ops.pin import hash_pin, is_pin_hash, verify_pin

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

    @property
    def path(self) -> str:
        return self._q.fileName()

    def sync(self) -> None:
        self._q.sync()

    # -- therapist PIN (only its salted hash is stored) -----------------------------

    @property
    def has_pin(self) -> bool:
        return is_pin_hash(self._pin_hash())

    def _pin_hash(self) -> str:
        value = self._q.value(PIN_KEY, "")
        return value if isinstance(value, str) else ""

    def set_pin(self, pin: str) -> None:
        """Store a new PIN's hash (PinError if it is not 4-12 digits)."""
        self._q.setValue(PIN_KEY, hash_pin(pin))
        self._q.sync()

    def check_pin(self, pin: str) -> bool:
        """True if a PIN is set and `pin` is it."""
        return self.has_pin and verify_pin(pin, self._pin_hash())

    # -- the records database -------------------------------------------------------

    @property
    def database(self) -> str | None:
        """The database the window opened last with --db (None: the default file)."""
        value = self._q.value(DATABASE_KEY, "")
        return value if isinstance(value, str) and value else None

    @database.setter
    def database(self, target: str | None) -> None:
        self._q.setValue(DATABASE_KEY, target or "")
        self._q.sync()

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
