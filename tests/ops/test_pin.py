"""The therapist PIN hash: salted, verifiable, constant-time, never the PIN itself."""

from __future__ import annotations

import pytest

from bodymap.ops.pin import PinError, check_pin, hash_pin, is_pin_hash, verify_pin


def test_right_pin_verifies_and_wrong_pin_does_not():
    stored = hash_pin("482105")
    assert verify_pin("482105", stored)
    assert not verify_pin("482106", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("4821050", stored)


def test_hash_is_salted_and_never_contains_the_pin():
    a, b = hash_pin("123456"), hash_pin("123456")
    assert a != b
    assert "123456" not in a
    assert a.startswith("scrypt$")
    assert verify_pin("123456", a) and verify_pin("123456", b)


def test_same_salt_gives_same_hash():
    salt = bytes(range(16))
    assert hash_pin("999999", salt=salt) == hash_pin("999999", salt=salt)


@pytest.mark.parametrize(
    "bad", ["123", "1234", "12345", "abcdef", "123 456", "1234567890123", "١٢٣٤٥٦"]
)
def test_unusable_pins_are_refused(bad):
    with pytest.raises(PinError):
        check_pin(bad)
    with pytest.raises(PinError):
        hash_pin(bad)


def test_non_digit_attempt_is_false_not_an_error():
    assert not verify_pin("12a456", hash_pin("123456"))


@pytest.mark.parametrize(
    "stored", ["", "plain", "scrypt$1$8$1$AAAA$AAAA", "scrypt$16384$8$1$!!$AAAA", "md5$x$y$z$a$b"]
)
def test_damaged_hashes_are_recognised(stored):
    assert not is_pin_hash(stored)
    with pytest.raises(PinError):
        verify_pin("1234", stored)


def test_is_pin_hash_accepts_a_real_hash():
    assert is_pin_hash(hash_pin("246813"))
    assert not is_pin_hash(None)


def test_wrong_pins_lock_the_keypad_longer_each_time_and_survive_a_restart(tmp_path):
    from bodymap.ops.pin_guard import FREE_TRIES, LONGEST_LOCK_S, PinGuard, PinTry, lock_seconds

    now = [1000.0]
    guard = PinGuard(tmp_path / "pin.json", clock=lambda: now[0])
    guard.set_pin("482105")
    for _ in range(FREE_TRIES - 1):
        assert guard.try_pin("000000") == PinTry(False, 0.0)  # the free tries
    first = guard.try_pin("000000")
    assert not first.ok and first.wait_s == 30
    assert not guard.try_pin("482105").ok  # locked: even the right PIN is not checked
    restarted = PinGuard(tmp_path / "pin.json", clock=lambda: now[0])  # another window/start
    assert restarted.wait_s() == 30
    now[0] += 31
    assert restarted.try_pin("111111").wait_s == 60  # the next wrong one locks twice as long
    now[0] += 61
    assert restarted.try_pin("482105").ok
    now[0] += 1
    assert guard.try_pin("000000").wait_s == 0  # a right PIN starts the count afresh
    assert [lock_seconds(n) for n in range(FREE_TRIES, FREE_TRIES + 3)] == [30, 60, 120]
    assert lock_seconds(100) == LONGEST_LOCK_S


def test_the_pin_file_holds_a_verifier_only_its_owner_can_read(tmp_path):
    import os

    from bodymap.ops.pin_guard import PinGuard

    guard = PinGuard(tmp_path / "conf" / "pin.json")
    assert not guard.has_pin and not guard.try_pin("482105").ok
    guard.set_pin("482105")
    text = (tmp_path / "conf" / "pin.json").read_text()
    assert "482105" not in text and "scrypt$" in text
    if os.name == "posix":
        assert (tmp_path / "conf" / "pin.json").stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "conf").stat().st_mode & 0o777 == 0o700
