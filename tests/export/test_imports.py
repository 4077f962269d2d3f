"""Layering: reports never import Qt; the analysis package imports neither Qt nor reportlab."""

from __future__ import annotations

import subprocess
import sys


def _loaded_after(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


def test_export_is_qt_free():
    loaded = _loaded_after("bodymap.export")
    assert "PySide6" not in loaded and "shiboken6" not in loaded


def test_analysis_is_qt_and_reportlab_free():
    loaded = _loaded_after("bodymap.analysis")
    assert not loaded & {"PySide6", "shiboken6", "reportlab"}
