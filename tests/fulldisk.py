"""Run a Python script with a tiny real filesystem (tmpfs) at a folder, to fill the disk for real.

The script runs in its own user and mount namespace (`unshare -rm`), so no root is needed and
nothing is mounted outside it; the folder's path is passed as sys.argv[1].
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_on_small_disk(
    script: str, folder: Path, *, size_kb: int = 512, args: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Run `script` with `folder` (created if missing) backed by a `size_kb` tmpfs."""
    folder.mkdir(parents=True, exist_ok=True)
    code = textwrap.dedent(script)
    inner = (
        f"mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(folder))} && "
        f"exec {shlex.quote(sys.executable)} -c {shlex.quote(code)} "
        + " ".join(shlex.quote(a) for a in (str(folder), *args))
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", inner],
        capture_output=True, text=True, env=env, timeout=120, cwd=REPO,
    )  # fmt: skip


FILL = """
def fill(folder):
    # Take every free block, so the next write of any size fails with ENOSPC.
    with open(os.path.join(folder, "filler"), "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"x" * 4096)
        except OSError:
            pass
        try:
            while True:
                f.write(b"x")
        except OSError:
            pass
"""
