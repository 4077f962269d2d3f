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
yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
def question(_p, _t, text, *a):
    print("ASKED:", text.replace(chr(10), " "))
    return yes if sys.argv[2] == "yes" else no
QMessageBox.question = staticmethod(question)
from PySide6.QtWidgets import QInputDialog
def get_text(_p, _t, label, *a):
    print("PASSPHRASE ASKED:", label.replace(chr(10), " "))
    return (sys.argv[4] if len(sys.argv) > 4 else "", True)
QInputDialog.getText = staticmethod(get_text)
def check():
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    print("WINDOWS:", [type(w).__name__ for w in windows])
    app.quit()
QTimer.singleShot(300, check)
ctx = CliContext(db=sys.argv[1] or None, atlas_path=sys.argv[3] or None)
status = run_gui(ctx)
ctx.close()
print("STATUS:", status)
"""


def _run_gui(
    db: str, answer: str = "no", atlas: str = "", home=None, passphrase: str = ""
) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if home is not None:  # the user's data and settings folders, for a first start
        env.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return subprocess.run(
        [sys.executable, "-c", RUN_GUI, db, answer, atlas, passphrase],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


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


def test_the_window_asks_before_it_creates_a_database(tmp_path):
    target = tmp_path / "Clinc" / "records.sqlite"  # a typo in --db
    proc = _run_gui(str(target), "no", home=tmp_path / "home")
    assert f"ASKED: There is no records database at {target}" in proc.stdout, proc.stderr
    assert "DIALOG: The records database could not be opened" in proc.stdout
    assert "none was created" in proc.stdout and "STATUS: 1" in proc.stdout
    assert not (tmp_path / "Clinc").exists()
    proc = _run_gui(str(target), "yes", home=tmp_path / "home")
    assert "WINDOWS: ['MainWindow']" in proc.stdout and "STATUS: 0" in proc.stdout, proc.stderr
    assert target.stat().st_size > 0


def test_the_first_start_creates_the_default_database_without_asking(tmp_path):
    proc = _run_gui("", "no", home=tmp_path / "home")
    assert "ASKED" not in proc.stdout and "WINDOWS: ['MainWindow']" in proc.stdout, proc.stderr
    assert (tmp_path / "home" / "data" / "bodymap" / "bodymap.sqlite").stat().st_size > 0
    assert (tmp_path / "home" / "data" / "bodymap").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (('viewBox="0 0 100 100"', 'viewBox="0 0 NaN NaN"'), "the viewBox '0 0 NaN NaN' is not"),
        (("M20,10 L50,10", "M20,10 C1e308,10 40,10 50,10"), "path coordinate (1e+308, 10) is"),
    ],
)
def test_a_hostile_atlas_is_a_start_up_dialog_not_a_traceback(tmp_path, atlas_dir, change, named):
    import shutil

    folder = tmp_path / "atlas"
    shutil.copytree(atlas_dir, folder)
    front = folder / "front.svg"
    front.write_text(front.read_text().replace(*change, 1))
    proc = _run_gui(str(tmp_path / "r.sqlite"), "no", atlas=str(folder), home=tmp_path / "home")
    assert "DIALOG: The body atlas could not be loaded" in proc.stdout, proc.stderr
    assert named in proc.stdout and "STATUS: 1" in proc.stdout
    assert "Traceback" not in proc.stderr and not (tmp_path / "r.sqlite").exists()


def test_an_encrypted_database_asks_for_its_passphrase(tmp_path):
    from bodymap.store import DatabaseKey, Store

    db = tmp_path / "locked.sqlite"
    Store.open(db, create=True, key=DatabaseKey("a long passphrase")).close()
    home = tmp_path / "home"
    proc = _run_gui(str(db), home=home, passphrase="a long passphrase")
    assert f"PASSPHRASE ASKED: The records database {db} is encrypted" in proc.stdout, proc.stderr
    assert "WINDOWS: ['MainWindow']" in proc.stdout and "STATUS: 0" in proc.stdout
    proc = _run_gui(str(db), home=home, passphrase="guess")
    assert proc.stdout.count("PASSPHRASE ASKED") == 3
    assert "DIALOG: The records database could not be opened" in proc.stdout
    assert "the passphrase is wrong" in proc.stdout and "STATUS: 1" in proc.stdout
    assert "Traceback" not in proc.stderr
