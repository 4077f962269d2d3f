"""The set-up script names the exact command when Qt's system libraries are missing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "syslibs.sh"


def run(mode: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(SCRIPT), mode], capture_output=True, text=True, env={**os.environ, **env}
    )


def test_present_libraries_pass_silently():
    r = run("core")
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""


def test_missing_library_prints_the_exact_command_and_stops():
    r = run(
        "core",
        BODYMAP_SYSLIBS_EXTRA="libbodymap-missing.so.9:libbodymap-missing9",
        BODYMAP_SYSLIBS_DRY_RUN="1",
    )
    assert r.returncode == 1
    assert "libbodymap-missing9" in r.stderr
    assert "apt-get install -y --no-install-recommends libbodymap-missing9" in r.stderr


def test_missing_postgresql_prints_the_exact_command_and_stops():
    r = subprocess.run(
        ["bash", str(ROOT / "tools" / "postgres.sh")], capture_output=True, text=True,
        env={**os.environ, "BODYMAP_PG_BINDIR": "/nonexistent/bin", "BODYMAP_SYSLIBS_DRY_RUN": "1"},
    )  # fmt: skip
    assert r.returncode == 1
    assert "apt-get install -y --no-install-recommends postgresql" in r.stderr


def test_present_postgresql_passes_silently():
    r = subprocess.run(
        ["bash", str(ROOT / "tools" / "postgres.sh")], capture_output=True, text=True
    )
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
