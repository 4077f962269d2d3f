"""Files sealed with a passphrase: scrypt-derived key, AES-256-GCM (authenticated), one header.

Layout: MAGIC, then scrypt's log2(n), r and p (one byte each), a 16-byte salt and a 12-byte
nonce, then the ciphertext with its 16-byte tag. The header is authenticated with the data,
so a changed byte anywhere, or a wrong passphrase, is refused rather than read wrong.
"""

from __future__ import annotations

import hashlib
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"BODYMAP-SEALED-1\n"
LOG_N, R, P = 15, 8, 1  # about 0.1 s and 32 MB per try: slow for a guesser, quick for a person
SALT, NONCE = 16, 12
HEADER = len(MAGIC) + 3 + SALT + NONCE
MIN_PASSPHRASE = 8


class SealError(ValueError):
    """A sealed file that cannot be opened: wrong passphrase, damaged, or not sealed at all."""


def check_passphrase(passphrase: str) -> str:
    """A passphrase long enough to be worth sealing with (8 characters or more)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise SealError(f"passphrase: use at least {MIN_PASSPHRASE} characters")
    return passphrase


def _key(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    if not (10 <= log_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
        raise SealError("the file's key settings are not bodymap's; it is damaged")
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=2**log_n, r=r, p=p,
                          dklen=32, maxmem=256 * 1024 * 1024)  # fmt: skip


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def seal(data: bytes, passphrase: str) -> bytes:
    """`data` encrypted and authenticated under a key derived from the passphrase."""
    check_passphrase(passphrase)
    salt, nonce = secrets.token_bytes(SALT), secrets.token_bytes(NONCE)
    header = MAGIC + bytes((LOG_N, R, P)) + salt + nonce
    return header + AESGCM(_key(passphrase, salt, LOG_N, R, P)).encrypt(nonce, data, header)


def unseal(blob: bytes, passphrase: str) -> bytes:
    """The data sealed in `blob`; SealError for a wrong passphrase or a changed file."""
    if not is_sealed(blob) or len(blob) < HEADER + 16:
        raise SealError("this is not a file bodymap sealed with a passphrase")
    log_n, r, p = blob[len(MAGIC) : len(MAGIC) + 3]
    salt = blob[len(MAGIC) + 3 : len(MAGIC) + 3 + SALT]
    nonce = blob[HEADER - NONCE : HEADER]
    try:
        return AESGCM(_key(passphrase, salt, log_n, r, p)).decrypt(
            nonce, blob[HEADER:], blob[:HEADER]
        )
    except InvalidTag:
        raise SealError(
            "the passphrase is wrong, or the file was changed or damaged; nothing was read"
        ) from None
