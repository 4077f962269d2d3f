"""The therapist PIN hash: salted, verifiable, constant-time, never the PIN itself."""

from __future__ import annotations

import pytest

from bodymap.ops.pin import PinError, check_pin, hash_pin, is_pin_hash, verify_pin


def test_right_pin_verifies_and_wrong_pin_does_not():
    stored = hash_pin("4821")
    assert verify_pin("4821", stored)
    assert not verify_pin("4822", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("48210", stored)


def test_hash_is_salted_and_never_contains_the_pin():
    a, b = hash_pin("123456"), hash_pin("123456")
    assert a != b
    assert "123456" not in a
    assert a.startswith("scrypt$")
    assert verify_pin("123456", a) and verify_pin("123456", b)


def test_same_salt_gives_same_hash():
    salt = bytes(range(16))
    assert hash_pin("9999", salt=salt) == hash_pin("9999", salt=salt)


@pytest.mark.parametrize("bad", ["123", "abcd", "12 34", "1234567890123", "١٢٣٤"])
def test_unusable_pins_are_refused(bad):
    with pytest.raises(PinError):
        check_pin(bad)
    with pytest.raises(PinError):
        hash_pin(bad)


def test_non_digit_attempt_is_false_not_an_error():
    assert not verify_pin("12a4", hash_pin("1234"))


@pytest.mark.parametrize(
    "stored", ["", "plain", "scrypt$1$8$1$AAAA$AAAA", "scrypt$16384$8$1$!!$AAAA", "md5$x$y$z$a$b"]
)
def test_damaged_hashes_are_recognised(stored):
    assert not is_pin_hash(stored)
    with pytest.raises(PinError):
        verify_pin("1234", stored)


def test_is_pin_hash_accepts_a_real_hash():
    assert is_pin_hash(hash_pin("2468"))
    assert not is_pin_hash(None)
