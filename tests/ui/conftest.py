"""GUI fixtures: the built-in atlas, a temporary database, a synthetic client, dialogs patched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QPointF, Qt  # noqa: E402

from tests.conftest import REAL_ATLAS_PRESENT  # noqa: E402

pytestmark = pytest.mark.skipif(not REAL_ATLAS_PRESENT, reason="needs the built-in atlas")


@pytest.fixture(scope="session")
def body_atlas():
    from bodymap.geometry import load_atlas

    return load_atlas()


@pytest.fixture
def gui_store(tmp_path: Path, body_atlas):
    from bodymap.store import Store

    s = Store.open(tmp_path / "gui.sqlite", atlas=body_atlas, create=True)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Modal dialogs would block the test run: record them instead of showing them."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def record(_parent, _title, text, *a, **k):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return shown


@pytest.fixture
def client(gui_store):
    from bodymap.ops.records import new_client

    return new_client(gui_store, name="Test Person (synthetic)", date_of_birth=date(1990, 5, 17))


@pytest.fixture
def window(qtbot, gui_store, body_atlas, client):
    """The main window showing a fresh draft visit of a synthetic client, fitted to 1280x800."""
    from bodymap.ui.shell.main_window import MainWindow

    w = MainWindow(gui_store, body_atlas)
    # Signal connections hold the window; deleting it on close frees it between tests.
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.client_panel.select_client(client.id)
    w.client_panel.new_visit()
    w.show()
    qtbot.waitExposed(w)
    w.view.fit()
    return w


def viewport_pos(window, view: str, x: float, y: float):
    return window.view.mapFromScene(window.scene.to_scene(view, x, y))


def click(qtbot, window, view: str, x: float, y: float) -> None:
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_pos(window, view, x, y)
    )


def drag(qtbot, window, view: str, points: list[tuple[float, float]]) -> None:
    """Press at the first point, move through the rest, release at the last."""
    vp = window.view.viewport()
    first = viewport_pos(window, view, *points[0])
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=first)
    for p in points[1:]:
        qtbot.mouseMove(vp, pos=viewport_pos(window, view, *p))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=viewport_pos(window, view, *points[-1]))


__all__ = ["QPointF", "click", "drag", "viewport_pos"]
