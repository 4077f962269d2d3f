"""App startup in a subprocess: no display gives one clear line and status 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui


def test_no_display_prints_one_line_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "bodymap", "--db", str(tmp_path / "x.sqlite")],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("bodymap: no display available")
    assert "Traceback" not in proc.stderr


def test_display_check_rules():
    from bodymap.app import display_available

    assert not display_available({}, "linux")
    assert display_available({"DISPLAY": ":0"}, "linux")
    assert display_available({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert display_available({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert display_available({}, "win32")


RUN_GUI = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from bodymap.app import run_gui
from bodymap.cli.context import CliContext

app = QApplication(["bodymap"])
QMessageBox.critical = staticmethod(lambda _p, _t, text, *a: print("DIALOG:", text) or 0)
def check():
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    print("WINDOWS:", [type(w).__name__ for w in windows])
    app.quit()
QTimer.singleShot(300, check)
ctx = CliContext(db=sys.argv[1])
status = run_gui(ctx)
ctx.close()
print("STATUS:", status)
"""


def _run_gui(db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", RUN_GUI, db], env=env, capture_output=True, text=True, timeout=60
    )


def test_run_gui_opens_the_main_window(tmp_path):
    from bodymap.store import Store

    Store.open(tmp_path / "records.sqlite", create=True).close()
    proc = _run_gui(str(tmp_path / "records.sqlite"))
    assert "WINDOWS: ['MainWindow']" in proc.stdout, proc.stderr
    assert "STATUS: 0" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_a_bad_database_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are not records", encoding="utf-8")
    proc = _run_gui(str(bad))
    assert "DIALOG: The records database could not be opened" in proc.stdout, proc.stderr
    assert "STATUS: 1" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_a_bad_atlas_is_a_message(tmp_path):
    from bodymap.cli.context import CliContext
    from bodymap.ui.shell.startup import open_resources

    (tmp_path / "front.svg").write_text("<svg><path id='x' d='M0,0'/></svg>", encoding="utf-8")
    result = open_resources(CliContext(db=str(tmp_path / "r.sqlite"), atlas_path=str(tmp_path)))
    assert isinstance(result, str) and result.startswith("The body atlas could not be")
