"""The atlas assets ship in the wheel and load through importlib.resources from an install."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_carries_the_atlas_and_loads_it_outside_the_checkout(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp_path / "dist")],
        capture_output=True, text=True,
    )  # fmt: skip
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip()[-200:]}")
    wheel = next((tmp_path / "dist").glob("bodymap-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for asset in ("front.svg", "back.svg", "zones.json"):
        assert f"bodymap/assets/svg/{asset}" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        f"import sys; sys.path.insert(0, {str(target)!r});"
        "import bodymap.geometry as g;"
        "a = g.load_atlas();"
        "assert 'site' in g.__file__, g.__file__;"
        "print(len(a.zones))"
    )
    env = {**os.environ, "BODYMAP_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 160
