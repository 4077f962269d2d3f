"""Keyboard-only charting, the help dialog, clients and visits, and the screenshot command."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_mark_a_zone_by_name_without_the_mouse(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a, **k: ("LEFT forehead (front)", True))
    )
    window.controller.digit(7)  # nothing selected: sets the intensity for the next mark
    window.actions["place"].trigger()
    (mark,) = window.session.visit.pre_chart.marks
    assert (mark.zone, mark.intensity) == ("left-forehead", 7)
    assert window.tool_panel.readback.text() == "Marked: LEFT forehead (front), 7/10, aching"
    window.actions["deselect"].trigger()
    window.actions["next_item"].trigger()
    assert window.controller.selected_id == mark.id
    window.actions["delete"].trigger()
    assert window.session.visit.pre_chart.marks == ()


def test_help_lists_the_shortcuts(window, monkeypatch):
    from bodymap.ui.shell.help_dialog import HelpDialog

    seen = {}

    def fake_exec(self):
        seen["rows"] = [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]
        return 0

    monkeypatch.setattr(HelpDialog, "exec", fake_exec)
    window.actions["help"].trigger()
    keys = dict(seen["rows"])
    assert "Ctrl+Z" in keys and "Ctrl+Shift+Z, Ctrl+Y" in keys and "0 … 9" in keys
    assert "Client mode" in keys.get("Ctrl+Shift+L", "")  # installed by the client-mode panel
    for action in window.actions.values():  # every action has a key
        assert action.shortcuts(), action.objectName()


def test_search_clients_by_name_and_birth_date(window, gui_store):
    from datetime import date

    from bodymap.ops.records import new_client

    new_client(gui_store, name="Another Person (synthetic)", date_of_birth=date(1975, 1, 2))
    panel = window.client_panel
    panel.search_edit.setText("another")
    assert panel.client_list.count() == 1
    panel.search_edit.setText("1990-05")
    assert panel.client_list.count() == 1
    assert "Test Person" in panel.client_list.item(0).text()
    panel.search_edit.clear()
    assert panel.client_list.count() == 2


def test_new_client_through_the_dialog(window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from bodymap.ui.records.client_panel import NewClientDialog

    def fake_exec(self):
        self.name_edit.setText("New Person (synthetic)")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewClientDialog, "exec", fake_exec)
    window.actions["new_client"].trigger()
    assert "New Person" in window.client_panel.client_list.currentItem().text()
    assert window.client_panel.visit_list.count() == 0


def test_new_visit_can_start_from_the_last_chart(qtbot, window):
    from tests.ui.conftest import click

    click(qtbot, window, "front", 231, 53)
    first = window.session.visit
    window.client_panel.from_previous.setChecked(True)
    window.actions["new_visit"].trigger()
    second = window.session.visit
    assert second.id != first.id
    assert [m.zone for m in second.pre_chart.marks] == ["left-forehead"]
    assert second.pre_chart.marks[0].id != first.pre_chart.marks[0].id
    assert window.client_panel.visit_list.count() == 2


def test_screenshot_command(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "bodymap", "screenshot", "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_without_a_visit_the_map_says_what_to_do(qtbot, gui_store, body_atlas):
    from bodymap.ui.shell.main_window import MainWindow
    from tests.ui.conftest import click

    w = MainWindow(gui_store, body_atlas)
    qtbot.addWidget(w)
    w.show()
    assert w.map_panel.banner.text().startswith("Choose a client")
    assert w.windowTitle() == "bodymap"
    click(qtbot, w, "front", 231, 53)
    assert w.tool_panel.readback.text() == "Open or start a visit first."


def test_nudge_the_selected_mark_across_the_midline(qtbot, window):
    from tests.ui.conftest import click

    click(qtbot, window, "front", 216, 53)  # right forehead, near the midline (x = 220)
    x0, y0 = window.session.visit.pre_chart.marks[0].point
    for _ in range(4):
        window.actions["nudge_right"].trigger()
    (mark,) = window.session.visit.pre_chart.marks
    assert mark.zone == "left-forehead" and mark.point == pytest.approx((x0 + 12, y0))
    assert window.session.undo_stack.count() == 2  # add, then one merged move
    window.session.undo_stack.undo()
    assert window.session.visit.pre_chart.marks[0].zone == "right-forehead"


def test_shade_a_zone_by_name(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a, **k: ("LEFT forehead (front)", True))
    )
    window.actions["mode_shade"].trigger()
    window.actions["place"].trigger()
    (stroke,) = window.session.visit.pre_chart.strokes
    assert len(stroke.points) == 1 and "left-forehead" in window.controller.coverage.zones()


def test_screenshot_of_a_given_client_and_visit(window, gui_store, client, tmp_path):
    from PySide6.QtGui import QImage

    from bodymap.cli.main import main

    visit_id = window.session.visit.id
    db = str(gui_store.path)
    out = tmp_path / "given.png"
    args = ["--db", db, "screenshot", "--client", client.id[:8], "--visit", visit_id]
    assert main([*args, "-o", str(out), "--size", "1920x1080", "--dark", "--mode", "shade"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    assert [c.id for c in gui_store.list_clients()] == [client.id]  # no demo client added
