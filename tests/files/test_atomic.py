"""Atomic owner-only writes: the old file or the whole new one, never half, never a stray temp."""

import os

import pytest

from bodymap.files import FileWriteError, write_atomic
from bodymap.files.atomic import atomic_writer, private_dir


def test_a_write_replaces_whole_and_owner_only(tmp_path):
    target = tmp_path / "new" / "deeper" / "report.pdf"
    write_atomic(target, b"first")
    write_atomic(target, "second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["report.pdf"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "report.pdf"
    write_atomic(target, b"the report the clinic already has")
    with pytest.raises(RuntimeError), atomic_writer(target) as f:
        f.write(b"half a rep")
        raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"the report the clinic already has"
    assert os.listdir(tmp_path) == ["report.pdf"]


def test_a_folder_that_cannot_be_made_is_a_plain_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FileWriteError, match="could not write .*nothing was written"):
        write_atomic(blocker / "sub" / "out.json", b"{}")
    assert private_dir(tmp_path) == tmp_path  # an existing folder is left as it is
