"""Account passwords: Argon2id hashes (argon2-cffi) that carry their own parameters."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 1024

# argon2-cffi's defaults are RFC 9106's second recommended profile (Argon2id, t=3, m=64 MiB,
# p=4). The parameters are written into each hash, so raising them later re-hashes each
# password at its owner's next sign-in (needs_rehash) and old hashes keep verifying.
_hasher = PasswordHasher()


def check_password(password: str) -> str:
    """A password good enough to keep: long enough, not absurdly long, no NUL."""
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise ValueError(f"password: at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH or "\x00" in password:
        raise ValueError("password: not usable (too long or holds a NUL character)")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether `password` matches; a damaged hash never matches."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return False


@functools.cache
def _decoy_hash() -> str:
    return _hasher.hash("bodymap decoy password")


def burn_time() -> None:
    """Spend a verification's time on a decoy, so an unknown name answers as slowly as a known one."""
    verify_password(_decoy_hash(), "not the decoy")
