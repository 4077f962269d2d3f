"""The therapist's PIN: salted scrypt hashes, checked in constant time (Qt-free)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCHEME = "scrypt"
# scrypt cost: about 30 ms and 16 MB per check, slow enough to make guessing a stolen hash
# expensive while unlocking the tablet stays instant.
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
# Six digits at least: a million PINs, about 13 hours of scrypt guessing for one stolen hash
# (four digits fell in 8 minutes), on top of the owner-only file it is kept in.
MIN_DIGITS, MAX_DIGITS = 6, 12


class PinError(ValueError):
    """A PIN that cannot be used (not 6-12 digits) or a stored hash that cannot be read."""


def check_pin(pin: str) -> str:
    """The PIN if it is 6 to 12 digits; PinError otherwise."""
    if not isinstance(pin, str) or not pin.isdigit() or not pin.isascii():
        raise PinError("pin: use digits only")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError(f"pin: use {MIN_DIGITS} to {MAX_DIGITS} digits")
    return pin


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=64 * 1024 * 1024
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """A storable hash of a PIN: "scrypt$N$r$p$salt$key" with a fresh random salt."""
    check_pin(pin)
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    key = _derive(pin, salt, N, R, P)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PinError("stored pin: not a bodymap PIN hash")
    try:
        n, r, p = (int(v) for v in parts[1:4])
        salt, key = (
            base64.b64decode(parts[4], validate=True),
            base64.b64decode(parts[5], validate=True),
        )
    except ValueError as exc:
        raise PinError("stored pin: damaged hash") from exc
    if not (1 < n <= 2**20 and n & (n - 1) == 0 and 0 < r <= 32 and 0 < p <= 16 and salt and key):
        raise PinError("stored pin: unusable cost parameters")
    return n, r, p, salt, key


def verify_pin(pin: str, stored: str) -> bool:
    """True if `pin` matches the stored hash; a wrong or malformed PIN is simply False."""
    n, r, p, salt, key = _parse(stored)
    if not isinstance(pin, str) or not pin.isdigit() or len(pin) > MAX_DIGITS:
        return False
    return hmac.compare_digest(_derive(pin, salt, n, r, p), key)


def is_pin_hash(stored: str | None) -> bool:
    """Whether a settings value holds a usable PIN hash (else no PIN is set)."""
    if not stored:
        return False
    try:
        _parse(stored)
    except PinError:
        return False
    return True
