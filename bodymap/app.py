"""The composition root of the desktop app: display check, QApplication, store, atlas, window."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

log = logging.getLogger(__name__)

NO_DISPLAY = (
    "bodymap: no display available; run the app on a desktop, or use the command line "
    "(bodymap --help: zones, locate, clients, export ...)"
)
HEADLESS_PLATFORMS = ("offscreen", "minimal")


def display_available(env: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """False on Linux/BSD without X11 or Wayland, unless Qt is told to run headless."""
    env = dict(os.environ) if env is None else env
    platform = sys.platform if platform is None else platform
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if qpa in HEADLESS_PLATFORMS:
        return True
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True  # Windows and macOS always have their own platform plugin
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _ask_to_create(path: Any) -> bool:
    """Ask before making a new, empty records database anywhere but the default place."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        None,
        "bodymap",
        f"There is no records database at\n{path}\n\nCreate a new, empty one there?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _ask_passphrase(path: Any, why: str) -> str | None:
    """The passphrase of an encrypted database, typed into a dialog (None: cancelled)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text = f"{why}\n\n" if why else ""
    typed, ok = QInputDialog.getText(
        None, "bodymap", f"{text}The records database\n{path}\nis encrypted. Its passphrase:",
        QLineEdit.EchoMode.Password,
    )  # fmt: skip
    return typed if ok and typed else None


def run_gui(ctx: Any, *, argv: list[str] | None = None) -> int:
    """Open the charting window; returns the exit status (2 when there is no display).

    `ctx` is the CLI context (atlas_path, db); the store and atlas are opened here so a bad
    file becomes a message dialog instead of a traceback.
    """
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from bodymap.store.clinic import to_remember
    from bodymap.ui.common.settings import AppSettings
    from bodymap.ui.shell.main_window import MainWindow
    from bodymap.ui.shell.sign_in import SignInDialog
    from bodymap.ui.shell.startup import open_resources

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("bodymap")
    app.setOrganizationName("bodymap")
    settings = AppSettings()
    if getattr(ctx, "db", None) is None:
        ctx.db = settings.database  # a room's computer goes on with the clinic server it was given
    opened = open_resources(ctx, confirm_create=_ask_to_create, ask_passphrase=_ask_passphrase)
    if isinstance(opened, str):
        QMessageBox.critical(None, "bodymap", opened)
        return 1
    store, atlas = opened
    if ctx.db is not None:
        settings.database = to_remember(ctx.db)
    if store.accounts_required:
        dialog = SignInDialog(store, name=getattr(ctx, "user", None) or "")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 1
    dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark  # follow the desktop
    window = MainWindow(store, atlas, dark=dark)
    window.show()
    return int(app.exec())
