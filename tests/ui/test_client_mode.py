"""Client mode on a tablet: touch and stylus marking, palm rejection, summary, PIN lock, storage."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bodymap.model import PainMark, Quality, Source, Stroke

pytestmark = pytest.mark.gui

PIN = "246813"


@pytest.fixture
def settings(tmp_path):
    from bodymap.ui.common.settings import AppSettings

    s = AppSettings(tmp_path / "settings.ini")
    s.set_pin(PIN)
    return s


@pytest.fixture
def visit(gui_store, client):
    from bodymap.ops.records import new_visit

    return new_visit(gui_store, client_id=client.id)


@pytest.fixture
def cm(qtbot, gui_store, body_atlas, visit, settings):
    """Client mode for a synthetic client's new visit, on a 1280x800 landscape tablet."""
    from bodymap.ui.client_mode.window import ClientModeWindow

    w = ClientModeWindow(gui_store, body_atlas, visit, settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.where.view.fit()
    yield w
    w.unlocked = True  # let the fixture teardown close it
    w.close()


@pytest.fixture(scope="module")
def touch_device():
    return QTest.createTouchDevice()


@pytest.fixture(scope="module")
def pen():
    caps = QInputDevice.Capability.Position | QInputDevice.Capability.Pressure
    return QPointingDevice(
        "test pen", 4321, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
        caps, 1, 3,
    )  # fmt: skip


def vp_pos(cm, view: str, x: float, y: float) -> QPoint:
    v = cm.where.view
    return v.mapFromScene(cm.where.scene.to_scene(view, x, y))


def zone_point(atlas, zone_id: str) -> tuple[float, float]:
    return atlas.zone(zone_id).point


def tablet(cm, pen, kind: QEvent.Type, pos: QPoint, pressure: float) -> None:
    vp = cm.where.view.viewport()
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton  # fmt: skip
    ev = QTabletEvent(
        kind, pen, QPointF(pos), QPointF(vp.mapToGlobal(pos)), pressure, 0, 0, 0, 0, 0,
        Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons,
    )  # fmt: skip
    QApplication.sendEvent(vp, ev)


def finger_tap(cm, dev, pos: QPoint) -> None:
    vp = cm.where.view.viewport()
    QTest.touchEvent(vp, dev).press(0, pos, vp).commit()
    QTest.touchEvent(vp, dev).release(0, pos, vp).commit()


def finger_drag(cm, dev, points: list[QPoint]) -> None:
    vp = cm.where.view.viewport()
    QTest.touchEvent(vp, dev).press(0, points[0], vp).commit()
    for p in points[1:]:
        QTest.touchEvent(vp, dev).move(0, p, vp).commit()
    QTest.touchEvent(vp, dev).release(0, points[-1], vp).commit()


def test_a_finger_tap_marks_the_zone_as_client_reported(cm, body_atlas, touch_device):
    finger_tap(cm, touch_device, vp_pos(cm, "back", *zone_point(body_atlas, "left-back-shoulder")))
    (mark,) = cm.report.areas
    assert isinstance(mark, PainMark)
    assert mark.zone == "left-back-shoulder" and mark.source is Source.CLIENT
    assert mark.id in cm.where.layers.items  # drawn on the map
    assert "LEFT" in cm.where.feedback.text()


def test_a_finger_drag_shades_an_area(cm, body_atlas, touch_device):
    x, y = zone_point(body_atlas, "left-back-shoulder")
    finger_drag(cm, touch_device, [vp_pos(cm, "back", x + dx, y) for dx in (-12, -4, 4, 12, 20)])
    (stroke,) = cm.report.areas
    assert isinstance(stroke, Stroke) and stroke.view == "back" and len(stroke.points) >= 3
    assert stroke.id not in cm.report.rated  # a finger has no pressure: asked on the next page


def test_a_tap_off_the_body_says_so_and_marks_nothing(cm, touch_device):
    finger_tap(cm, touch_device, QPoint(3, 3))
    assert cm.report.areas == []
    assert "body" in cm.where.feedback.text()


def test_stylus_pressure_sets_the_shading_intensity(cm, body_atlas, pen):
    x, y = zone_point(body_atlas, "left-back-shoulder")
    pts = [vp_pos(cm, "back", x + dx, y + 2) for dx in (-12, -4, 4, 12, 20)]
    tablet(cm, pen, QEvent.Type.TabletPress, pts[0], 0.9)
    for p in pts[1:]:
        tablet(cm, pen, QEvent.Type.TabletMove, p, 0.9)
    tablet(cm, pen, QEvent.Type.TabletRelease, pts[-1], 0.0)
    (hard,) = cm.report.areas
    assert isinstance(hard, Stroke) and hard.intensity == 9 and hard.id in cm.report.rated
    x2, y2 = zone_point(body_atlas, "right-back-shoulder")
    pts = [vp_pos(cm, "back", x2 + dx, y2) for dx in (-12, -4, 4, 12, 20)]
    tablet(cm, pen, QEvent.Type.TabletPress, pts[0], 0.2)
    for p in pts[1:]:
        tablet(cm, pen, QEvent.Type.TabletMove, p, 0.2)
    tablet(cm, pen, QEvent.Type.TabletRelease, pts[-1], 0.0)
    light = cm.report.areas[1]
    assert light.intensity == 2


def test_palm_touches_are_ignored_while_the_pen_is_in_use(cm, body_atlas, pen, touch_device):
    x, y = zone_point(body_atlas, "left-back-shoulder")
    palm = vp_pos(cm, "front", *zone_point(body_atlas, "right-breast"))
    tablet(cm, pen, QEvent.Type.TabletPress, vp_pos(cm, "back", x, y), 0.5)
    finger_tap(cm, touch_device, palm)  # the hand resting on the screen mid-stroke
    finger_drag(cm, touch_device, [palm, palm + QPoint(30, 10), palm + QPoint(60, 20)])
    tablet(cm, pen, QEvent.Type.TabletRelease, vp_pos(cm, "back", x, y), 0.0)
    finger_tap(cm, touch_device, palm)  # right after lifting the pen: still the palm
    (only,) = cm.report.areas
    assert isinstance(only, PainMark) and only.zone == "left-back-shoulder"
    assert cm.where.view.ignored_touches >= 3
    cm.where.view.pen_near = True  # hovering pen (proximity) also keeps touches out
    finger_tap(cm, touch_device, palm)
    assert len(cm.report.areas) == 1


def test_two_fingers_pinch_to_zoom_without_drawing(cm, touch_device):
    vp, v = cm.where.view.viewport(), cm.where.view
    before = v.zoom()
    QTest.touchEvent(vp, touch_device).press(0, QPoint(300, 400), vp).press(1, QPoint(400, 400), vp).commit()  # fmt: skip
    QTest.touchEvent(vp, touch_device).move(0, QPoint(250, 400), vp).move(1, QPoint(450, 400), vp).commit()  # fmt: skip
    QTest.touchEvent(vp, touch_device).release(0, QPoint(250, 400), vp).release(1, QPoint(450, 400), vp).commit()  # fmt: skip
    assert v.zoom() == pytest.approx(before * 2, rel=0.05)
    assert cm.report.areas == []


def answer_all(cm, intensity: int, feelings: list[Quality]) -> None:
    """From the map through every area's two questions to the summary."""
    cm.next_button.click()
    while cm.page in ("scale", "feel"):
        if cm.page == "scale":
            cm.scale.buttons[intensity].click()
        else:
            for q in feelings:
                cm.feel.buttons[q].click()
        assert cm.next_button.isEnabled()
        cm.next_button.click()
    assert cm.page == "note"


def test_the_whole_flow_stores_client_marks_in_the_visit(cm, qtbot, body_atlas, touch_device, gui_store, visit):  # fmt: skip
    finger_tap(cm, touch_device, vp_pos(cm, "back", *zone_point(body_atlas, "left-back-shoulder")))
    assert cm.page == "where" and cm.next_button.isEnabled()  # a tap marks; it does not advance
    cm.next_button.click()
    assert cm.page == "scale" and not cm.next_button.isEnabled()  # an answer is needed
    cm.back_button.click()
    answer_all(cm, 7, [Quality.BURNING, Quality.TINGLING])
    cm.note.edit.setPlainText("Worse after long drives.")
    cm.next_button.click()
    assert cm.page == "summary"
    lines = [row.text() for row in cm.summary.rows]
    assert (
        lines[0].startswith("Your LEFT") and ", back: 7 out of 10, burning and tingling" in lines[0]
    )
    assert gui_store.get_visit(visit.id).pre_chart.is_empty  # nothing stored before confirming
    cm.next_button.click()  # "Yes, that is right"
    assert cm.page == "thanks"
    stored = gui_store.get_visit(visit.id)  # read back from the database
    (mark,) = stored.pre_chart.marks
    assert mark.source is Source.CLIENT and mark.intensity == 7
    assert mark.zone == "left-back-shoulder"
    assert set(mark.qualities) == {Quality.BURNING, Quality.TINGLING}
    assert stored.post_chart.is_empty and not stored.pre_chart.findings
    assert "Worse after long drives." in stored.soap.subjective


def test_change_something_goes_back_to_the_map_keeping_answers(cm, body_atlas, touch_device):
    finger_tap(cm, touch_device, vp_pos(cm, "front", *zone_point(body_atlas, "right-breast")))
    answer_all(cm, 3, [Quality.ACHING])
    cm.next_button.click()
    cm.back_button.click()  # "Change something"
    assert cm.page == "where"
    cm.next_button.click()
    assert cm.scale.value() == 3


def test_leaving_needs_the_pin_and_a_wrong_pin_is_refused(cm, qtbot, gui_store):
    finished: list[str] = []
    cm.finished.connect(finished.append)
    cm.close()  # the close button / Alt+F4
    assert cm.isVisible() and cm.stack.currentWidget() is cm.pin
    QTest.keyClick(cm, Qt.Key.Key_Escape)
    assert cm.isVisible()
    for digit in "1111":
        qtbot.mouseClick(_key(cm, digit), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cm.pin.ok_button, Qt.MouseButton.LeftButton)
    assert cm.isVisible() and not finished
    assert "not right" in cm.pin.message.text() and cm.pin.edit.text() == ""
    for digit in PIN:
        qtbot.mouseClick(_key(cm, digit), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cm.pin.ok_button, Qt.MouseButton.LeftButton)
    assert not cm.isVisible() and finished == [cm.report.visit_id]


def test_the_pin_pad_can_go_back_to_the_questions(cm):
    cm.therapist.click()
    assert cm.stack.currentWidget() is cm.pin
    cm.pin.cancel_button.click()
    assert cm.stack.currentWidget() is cm.where and cm.next_button.isVisible()


def _key(cm, digit: str):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in cm.pin.findChildren(QPushButton) if b.text() == digit)


def test_touch_targets_are_large_enough_in_both_orientations(cm, qtbot):
    from PySide6.QtWidgets import QPushButton

    for size in ((1280, 800), (800, 1280)):
        cm.resize(*size)
        for page in ("where", "scale", "feel", "pin"):
            cm.stack.setCurrentWidget(getattr(cm, page))
            qtbot.wait(10)
            for b in cm.findChildren(QPushButton):
                if b.isVisible():
                    assert min(b.width(), b.height()) >= 48, (size, page, b.text())
        assert cm.width() == size[0] and cm.height() == size[1]


def test_larger_text_is_remembered(cm, settings):
    from bodymap.ui.client_mode.style import base_pixels

    small = base_pixels(settings.client_text_scale)
    cm.larger.click()
    assert settings.client_text_scale > 1.0 and base_pixels(settings.client_text_scale) > small


def test_set_pin_dialog_checks_the_current_pin(qtbot, settings):
    from bodymap.ui.client_mode.pin_dialog import SetPinDialog

    d = SetPinDialog(settings)
    qtbot.addWidget(d)
    d.current.setText("000000")
    d.new.setText("9753")
    d.repeat.setText("9753")
    d.accept()
    assert "current PIN" in d.message.text()
    d.current.setText(PIN)
    d.accept()
    assert "Use 6 to 12 digits" in d.message.text()
    d.new.setText("975319")
    d.repeat.setText("975310")
    d.accept()
    assert "not the same" in d.message.text()
    d.repeat.setText("975319")
    d.accept()
    assert settings.try_pin("975319").ok and not settings.try_pin(PIN).ok


def test_started_from_the_main_window_and_reloaded_after(qtbot, window, settings, body_atlas, touch_device):  # fmt: skip
    launcher = window.client_mode
    launcher.settings = settings
    assert launcher.start_action in window.findChildren(type(launcher.start_action))
    visit_id = window.session.visit.id
    launcher.start_action.trigger()
    cm = launcher.client_window
    qtbot.addWidget(cm)
    assert cm is not None and cm.report.visit_id == visit_id
    assert not window.isVisible()  # nothing of the practice's records behind the client
    cm.resize(1280, 800)
    cm.where.view.fit()
    finger_tap(cm, touch_device, vp_pos(cm, "front", *zone_point(body_atlas, "right-breast")))
    answer_all(cm, 4, [Quality.ACHING])
    cm.next_button.click()
    cm.next_button.click()
    cm._on_pin_submitted(PIN)
    assert window.isVisible() and window.session.visit.id == visit_id
    (mark,) = window.session.visit.pre_chart.marks
    assert mark.source is Source.CLIENT and mark.id in window.controller.layers.items


def test_without_a_pin_the_therapist_must_set_one_first(qtbot, window, tmp_path, monkeypatch):
    from bodymap.ui.client_mode import launch
    from bodymap.ui.common.settings import AppSettings

    launcher = window.client_mode
    launcher.settings = AppSettings(tmp_path / "empty.ini")
    asked: list[str] = []
    monkeypatch.setattr(launch.SetPinDialog, "exec", lambda self: asked.append("pin") or 0)
    assert launcher.start() is None and asked == ["pin"]
    assert window.isVisible() and launcher.client_window is None


def shoot(cm, qtbot, size: tuple[int, int], name: str, larger: bool) -> None:
    """Grab the window; it must still be exactly the tablet's size (nothing forced it larger).

    Kept as client_<orientation>_<step>.png when BODYMAP_SHOTS names a folder.
    """
    import os
    from pathlib import Path

    qtbot.wait(5)
    image = cm.grab()
    assert (image.width(), image.height()) == size, (name, size, larger)
    out = os.environ.get("BODYMAP_SHOTS")
    if out:
        tag = f"{'landscape' if size[0] > size[1] else 'portrait'}{'_larger' if larger else ''}"
        image.save(str(Path(out) / f"client_{tag}_{name}.png"))


@pytest.mark.parametrize("larger", [False, True])
def test_every_step_fits_a_tablet_in_both_orientations(cm, qtbot, body_atlas, larger, touch_device):
    cm.larger.setChecked(larger)
    finger_tap(cm, touch_device, vp_pos(cm, "back", *zone_point(body_atlas, "left-back-shoulder")))
    x, y = zone_point(body_atlas, "right-thigh-front")
    finger_drag(cm, touch_device, [vp_pos(cm, "front", x + dx, y) for dx in (-10, 0, 10, 20)])
    sizes = ((1280, 800), (800, 1280))
    for size in sizes:
        cm.resize(*size)
        cm.pos = 1
        cm.go_back()  # to the map
        shoot(cm, qtbot, size, "1_where", larger)
        cm.go_next()
        while cm.page in ("scale", "feel"):
            if cm.page == "scale":
                cm.scale.buttons[6].click()
            else:
                cm.feel.buttons[Quality.ACHING].setChecked(True)
            shoot(cm, qtbot, size, f"{cm.pos + 1}_{cm.page}", larger)
            cm.go_next()
        cm.note.edit.setPlainText("Worse after sitting for a long time.")
        shoot(cm, qtbot, size, f"{cm.pos + 1}_note", larger)
        cm.go_next()
        shoot(cm, qtbot, size, f"{cm.pos + 1}_summary", larger)
        cm.ask_pin()  # as the therapist sees it: no step count, no Back/Next
        shoot(cm, qtbot, size, "9_pin", larger)
        cm.pin.reset("That PIN is not right. Please try again.")
        shoot(cm, qtbot, size, "9_pin_wrong", larger)
        cm.pin.cancel_button.click()
    cm.go_next()  # confirm
    assert cm.page == "thanks"
    for size in sizes:
        cm.resize(*size)
        shoot(cm, qtbot, size, "8_thanks", larger)


def test_too_many_wrong_pins_rest_the_keypad_and_the_rest_outlives_the_window(
    cm, settings, qtbot, gui_store, body_atlas, visit
):
    from bodymap.ops.pin_guard import FIRST_LOCK_S, FREE_TRIES

    cm.ask_pin()
    for _ in range(FREE_TRIES):
        cm.pin.edit.setText("000000")
        cm.pin.submit()
    assert not cm.pin.ok_button.isEnabled() and "wait 30 seconds" in cm.pin.message.text()
    cm.pin.edit.setText(PIN)
    cm.pin.submit()  # ignored while resting
    assert cm.isVisible() and cm.pin.cancel_button.isEnabled()
    # A new window (or a restart) reads the same lock from the PIN file.
    from bodymap.ui.client_mode.window import ClientModeWindow

    again = ClientModeWindow(gui_store, body_atlas, visit, settings)
    qtbot.addWidget(again)
    again.ask_pin()
    assert not again.pin.ok_button.isEnabled() and "Please wait" in again.pin.message.text()
    assert 0 < settings.pins.wait_s() <= FIRST_LOCK_S
    again.unlocked = True


def test_settings_keep_no_pin_verifier_and_are_owner_only(tmp_path):
    import os

    from bodymap.ops.pin_guard import PIN_FILE
    from bodymap.ui.common.settings import PIN_KEY, AppSettings

    path = tmp_path / "conf" / "s.ini"
    old = AppSettings(path)
    old._q.setValue(PIN_KEY, "scrypt$16384$8$1$c2FsdA==$a2V5")  # as older versions kept it
    old.sync()
    s = AppSettings(path)
    assert not s.has_pin and PIN_KEY not in path.read_text()  # the readable old hash is gone
    s.set_pin("864209")
    s.client_text_scale = 9.0
    s.sync()
    again = AppSettings(path)  # read back from the files
    assert again.has_pin and again.try_pin("864209").ok and not again.try_pin("864201").ok
    assert again.client_text_scale == 2.0  # clamped
    assert "scrypt" not in path.read_text() and "864209" not in (path.parent / PIN_FILE).read_text()
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert (path.parent / PIN_FILE).stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700


def test_summary_rows_stay_at_the_top_when_shown_again(qtbot):
    from bodymap.ui.client_mode.steps import SummaryStep

    step = SummaryStep()
    qtbot.addWidget(step)
    step.show_lines(["Your LEFT temple, front: 4 out of 10"], "")
    step.show_lines(["Your RIGHT knee, front: 2 out of 10", "Your LEFT hip, back: 5 out of 10"], "")
    first = step.lines.itemAt(0).widget()
    assert first is not None and "RIGHT knee" in first.text()
    assert step.lines.count() == 3  # two rows and one closing stretch
