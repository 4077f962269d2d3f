"""Tap marking on the real window: zone, read-back, sides on both views, saved as made."""

from __future__ import annotations

import pytest

from tests.ui.conftest import click

pytestmark = pytest.mark.gui


def chart(window):
    return window.session.visit.chart(window.session.slot)


def test_window_opens_the_new_visit(window):
    assert window.session.visit is not None
    assert not window.session.visit.is_signed
    assert "Test Person" in window.windowTitle()
    assert window.client_panel.visit_list.count() == 1


def test_click_marks_the_zone_and_reads_it_back(qtbot, window):
    window.tool_panel.set_intensity(6)
    click(qtbot, window, "front", 231, 53)
    (mark,) = chart(window).marks
    assert mark.zone == "left-forehead"
    assert mark.intensity == 6
    assert mark.view == "front"
    assert window.tool_panel.readback.text() == "Marked: LEFT forehead (front), 6/10, aching"
    assert window.controller.layers.graphic(mark.id) is not None
    assert not window.isWindowModified()


SIDES = [
    ("front", 209, 53, "right-forehead", "RIGHT forehead"),
    ("front", 231, 53, "left-forehead", "LEFT forehead"),
    ("front", 330, 284, "left-upper-arm-front-outer", "LEFT front of upper arm, outer half"),
    ("back", 165, 223, "left-infraspinous", "LEFT shoulder blade"),
    ("back", 275, 223, "right-infraspinous", "RIGHT shoulder blade"),
]


def test_patient_sides_on_both_views(qtbot, window):
    """Front: left of the midline on screen is the patient's right; back: the patient's left."""
    for view, x, y, zone, words in SIDES:
        click(qtbot, window, view, x, y)
        mark = chart(window).marks[-1]
        assert (mark.view, mark.zone) == (view, zone)
        assert words in window.tool_panel.readback.text()
        window.actions["deselect"].trigger()
    assert len(chart(window).marks) == len(SIDES)


def test_digits_and_qualities_edit_the_selected_mark(qtbot, window):
    click(qtbot, window, "front", 231, 53)
    window.controller.digit(1)
    window.controller.digit(0)  # 1 then 0 quickly = 10
    assert chart(window).marks[0].intensity == 10
    throbbing = next(
        b for b in window.tool_panel.quality_group.buttons() if b.property("quality") == "throbbing"
    )
    throbbing.click()
    assert "throbbing" in [q.value for q in chart(window).marks[0].qualities]
    assert "10/10" in window.tool_panel.readback.text()


def test_click_outside_the_body_marks_nothing(qtbot, window):
    click(qtbot, window, "front", 20, 20)
    assert chart(window).marks == ()
    assert "outside the body" in window.tool_panel.readback.text()


def test_reopened_visit_shows_the_same_chart(qtbot, window, gui_store, body_atlas):
    from bodymap.ui.shell.main_window import MainWindow

    click(qtbot, window, "front", 231, 53)
    click(qtbot, window, "back", 165, 223)
    visit_id = window.session.visit.id
    again = MainWindow(gui_store, body_atlas)
    qtbot.addWidget(again)
    again.open_visit_id(visit_id)
    assert again.session.visit.pre_chart == window.session.visit.pre_chart
    assert set(again.controller.layers.items) == {m.id for m in chart(window).marks}


def test_hover_names_the_zone_in_the_status_bar(qtbot, window):
    from tests.ui.conftest import viewport_pos

    qtbot.mouseMove(window.view.viewport(), pos=viewport_pos(window, "back", 165, 223))
    assert window.zone_label.text().startswith("LEFT shoulder blade")
    assert window.scene.hover_item.isVisible()
    assert window.view.viewport().toolTip() == window.zone_label.text()


def test_zoom_with_keys_and_wheel_then_fit(qtbot, window):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    fitted = window.view.zoom()
    window.actions["zoom_in"].trigger()
    assert window.view.zoom() > fitted
    centre = QPointF(window.view.viewport().rect().center())
    wheel = QWheelEvent(
        centre, window.view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    before = window.view.zoom()
    QApplication.sendEvent(window.view.viewport(), wheel)
    assert window.view.zoom() > before
    window.actions["fit"].trigger()
    assert window.view.zoom() == pytest.approx(fitted)


def test_one_and_zero_is_one_undo_step(qtbot, window):
    click(qtbot, window, "front", 231, 53)
    window.controller.digit(1)
    window.controller.digit(0)
    assert chart(window).marks[0].intensity == 10
    assert window.session.undo_stack.count() == 2  # add, then one merged edit
    window.session.undo_stack.undo()
    assert chart(window).marks[0].intensity == 5


def test_a_failed_save_is_reported_and_changes_nothing(
    qtbot, window, no_modal_dialogs, monkeypatch
):
    from bodymap.store import StorageFullError

    def full(*_a, **_k):
        raise StorageFullError("the disk is full; the last edit was not saved")

    monkeypatch.setattr(window.store, "add_item", full)
    click(qtbot, window, "front", 231, 53)
    assert chart(window).marks == ()
    assert window.controller.layers.items == {}
    assert no_modal_dialogs == ["the disk is full; the last edit was not saved"]
    assert window.session.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_an_edit_made_elsewhere_reloads_the_visit(qtbot, window, gui_store, no_modal_dialogs):
    from bodymap.ops.editing import edit_visit
    from bodymap.ops.records import mark_point

    other = edit_visit(gui_store, gui_store.get_visit(window.session.visit.id))
    mark_point(
        other, atlas=window.atlas, slot="pre", view="back", x=165, y=223, intensity=4
    ).apply()
    click(qtbot, window, "front", 231, 53)  # based on the old chart version: refused
    assert no_modal_dialogs and "changed elsewhere" in no_modal_dialogs[0]
    qtbot.waitUntil(lambda: len(chart(window).marks) == 1)
    assert chart(window).marks[0].zone == "left-infraspinous"
    click(qtbot, window, "front", 231, 53)  # now it goes through
    assert len(chart(window).marks) == 2
