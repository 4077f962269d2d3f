"""Shading, findings, referral arrows, undo/redo and pre/post on the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bodymap.model import FindingKind, TriggerPointState
from tests.ui.conftest import click, drag

pytestmark = pytest.mark.gui

# Across the upper back, from the patient's left shoulder blade to the right one.
BACK_STROKE = [(165 + i * 5.5, 223 + (i % 3)) for i in range(21)]


def chart(window, slot=None):
    return window.session.visit.chart(slot or window.session.slot)


def test_shading_a_stroke_updates_coverage_and_extent(qtbot, window):
    window.actions["mode_shade"].trigger()
    window.tool_panel.set_intensity(7)
    window.tool_panel.width_slider.setValue(20)
    drag(qtbot, window, "back", BACK_STROKE)
    (stroke,) = chart(window).strokes
    assert stroke.view == "back" and stroke.intensity == 7 and stroke.width == 20
    assert len(stroke.points) > 5
    zones = window.controller.coverage.zones()
    assert {"left-infraspinous", "right-infraspinous"} <= zones
    extent = window.controller.extent()
    assert 0.5 < extent < 5
    assert f"{extent:.1f}%" in window.extent_label.text()
    assert window.tool_panel.readback.text().startswith("Shaded: 7/10, aching over ")
    assert window.session.undo_stack.count() == 1  # one stroke = one undo step


def test_extent_is_previewed_while_drawing(qtbot, window, monkeypatch):
    from bodymap.ui.chart import gestures
    from tests.ui.conftest import viewport_pos

    monkeypatch.setattr(gestures, "PREVIEW_EVERY", 0.0)
    window.actions["mode_shade"].trigger()
    vp = window.view.viewport()
    qtbot.mousePress(
        vp, Qt.MouseButton.LeftButton, pos=viewport_pos(window, "back", *BACK_STROKE[0])
    )
    for p in BACK_STROKE[1:]:
        qtbot.mouseMove(vp, pos=viewport_pos(window, "back", *p))
    text = window.tool_panel.readback.text()
    assert text.startswith("Shading… pain extent ") and chart(window).strokes == ()
    preview = float(text.split("extent ")[1].split("%")[0])
    qtbot.mouseRelease(
        vp, Qt.MouseButton.LeftButton, pos=viewport_pos(window, "back", *BACK_STROKE[-1])
    )
    assert window.controller.extent() == pytest.approx(preview, abs=0.05)


def test_status_bar_and_pdf_count_the_same_zones(qtbot, window, body_atlas):
    from bodymap.analysis.zones import zone_pain
    from bodymap.export import render_visit_chart
    from bodymap.model.summary import stroke_zones
    from tests.export.pdfcheck import flat, pdf_text

    # Across the left mid back: the band's edge grazes the flank by under 2 % of it.
    window.actions["mode_shade"].trigger()
    window.tool_panel.width_slider.setValue(16)
    drag(qtbot, window, "back", [(143.5 + 6 * i, 304.3) for i in range(11)])
    (stroke,) = chart(window).strokes
    touched = set(stroke_zones(body_atlas, stroke))
    involved = set(zone_pain(chart(window), body_atlas))
    assert involved < touched  # a graze exists, so the test can tell the rules apart
    assert window.controller.coverage.zones() == involved
    assert f"· {len(involved)} zones" in window.extent_label.text()
    assert "% of the drawn body outline" in window.extent_label.text()
    visit = window.session.visit
    text = flat(
        pdf_text(
            render_visit_chart(window.session.store.get_client(visit.client_id), visit, body_atlas)
        )
    )
    for zone in touched:
        label = body_atlas.zone(zone).label
        assert (f"{label} " in text) is (zone in involved), label


def test_extent_matches_the_core_summary(qtbot, window, body_atlas):
    from bodymap.model.summary import summarize

    window.actions["mode_shade"].trigger()
    drag(qtbot, window, "back", BACK_STROKE)
    window.actions["mode_tap"].trigger()
    click(qtbot, window, "front", 231, 53)
    expected = summarize(chart(window), body_atlas)
    assert window.controller.extent() == pytest.approx(expected.extent, rel=1e-6)
    assert window.controller.coverage.zones() == set(expected.zones)


def test_trigger_point_and_referral_arrow(qtbot, window):
    window.actions["mode_findings"].trigger()
    window.tool_panel.latent_radio.setChecked(True)
    window.tool_panel.muscle_edit.setText("infraspinatus")
    click(qtbot, window, "back", 165, 223)
    (tp,) = chart(window).findings
    assert tp.kind is FindingKind.TRIGGER_POINT and tp.state is TriggerPointState.LATENT
    assert tp.zone == "left-infraspinous" and tp.muscle == "infraspinatus"
    assert "latent trigger point (infraspinatus), LEFT shoulder blade" in (
        window.tool_panel.readback.text()
    )
    window.tool_panel.arrow_radio.setChecked(True)
    drag(qtbot, window, "back", [(165, 223), (160, 260), (150, 300)])
    (arrow,) = chart(window).arrows
    assert arrow.start == tp.point  # snapped to the trigger point
    assert arrow.end is not None and arrow.to_zone != tp.zone


def test_other_finding_kinds_have_their_symbol(qtbot, window):
    window.actions["mode_findings"].trigger()
    for b in window.tool_panel.kind_group.buttons():
        if b.property("kind") == FindingKind.SPASM.value:
            b.setChecked(True)
    click(qtbot, window, "back", 275, 223)
    (f,) = chart(window).findings
    assert f.kind is FindingKind.SPASM and f.state is None


def test_undo_and_redo_through_the_shortcuts(qtbot, window):
    from PySide6.QtCore import Qt

    click(qtbot, window, "front", 231, 53)
    window.actions["mode_shade"].trigger()
    drag(qtbot, window, "back", BACK_STROKE)
    assert len(chart(window).marks) == 1 and len(chart(window).strokes) == 1
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert chart(window).strokes == ()
    assert window.controller.extent() < 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert chart(window).marks == ()
    assert window.controller.layers.items == {}
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    assert len(chart(window).marks) == 1 and len(chart(window).strokes) == 1
    assert len(window.controller.layers.items) == 2
    stored = window.store.get_visit(window.session.visit.id)
    assert stored.pre_chart == window.session.visit.pre_chart  # saved as made
    assert not window.isWindowModified()


def test_moving_a_mark_follows_the_zone_and_is_one_undo_step(qtbot, window):
    click(qtbot, window, "front", 209, 53)
    (mark,) = chart(window).marks
    drag(qtbot, window, "front", [(209, 53), (215, 53), (225, 53), (231, 53)])
    (moved,) = chart(window).marks
    assert moved.id == mark.id and moved.zone == "left-forehead"
    assert "Moved: LEFT forehead" in window.tool_panel.readback.text()
    window.session.undo_stack.undo()
    assert chart(window).marks[0].zone == "right-forehead"


def test_delete_the_selected_mark(qtbot, window):
    click(qtbot, window, "front", 231, 53)
    window.actions["delete"].trigger()
    assert chart(window).marks == ()
    window.session.undo_stack.undo()
    assert len(chart(window).marks) == 1


def test_pre_and_post_charts_are_separate(qtbot, window):
    click(qtbot, window, "front", 231, 53)
    window.actions["slot_post"].trigger()
    assert window.session.slot == "post"
    assert window.controller.layers.items == {}
    window.tool_panel.set_intensity(2)
    click(qtbot, window, "front", 209, 53)
    assert [m.zone for m in chart(window, "post").marks] == ["right-forehead"]
    assert [m.zone for m in chart(window, "pre").marks] == ["left-forehead"]
    window.actions["show_other"].setChecked(True)
    assert len(window.controller.layers.faint) == 1
    window.actions["slot_pre"].trigger()
    assert len(window.controller.layers.items) == 1
    # Undoing the post edit from the pre chart shows the post chart again.
    window.session.undo_stack.undo()
    assert window.session.slot == "post" and window.actions["slot_post"].isChecked()
    assert chart(window, "post").marks == ()


def test_layers_hide_and_show(qtbot, window):
    click(qtbot, window, "front", 231, 53)
    window.actions["mode_findings"].trigger()
    click(qtbot, window, "back", 165, 223)
    mark, finding = chart(window).marks[0], chart(window).findings[0]
    layers = window.controller.layers
    window.actions["layer_pain"].setChecked(False)
    assert not layers.graphic(mark.id).isVisible() and layers.graphic(finding.id).isVisible()
    window.actions["layer_findings"].setChecked(False)
    window.actions["layer_pain"].setChecked(True)
    assert layers.graphic(mark.id).isVisible() and not layers.graphic(finding.id).isVisible()


def test_signed_visit_is_read_only(qtbot, window, no_modal_dialogs):
    from bodymap.ops.records import sign_visit

    signed = sign_visit(window.store, window.session.visit, by="T")
    window.open_visit_id(signed.id)
    assert window.map_panel.banner.isVisible() or not window.map_panel.banner.isHidden()
    click(qtbot, window, "front", 231, 53)
    assert chart(window).marks == ()
    assert "signed" in window.tool_panel.readback.text()


def test_click_on_shading_marks_and_alt_click_selects_it(qtbot, window):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import viewport_pos

    window.actions["mode_shade"].trigger()
    drag(qtbot, window, "back", BACK_STROKE)
    (stroke,) = chart(window).strokes
    window.actions["mode_tap"].trigger()
    vp, pos = window.view.viewport(), viewport_pos(window, "back", 220, 224)
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, pos)
    assert window.controller.selected_id == stroke.id and chart(window).marks == ()
    window.controller.digit(3)
    assert chart(window).strokes[0].intensity == 3
    window.actions["deselect"].trigger()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)
    assert len(chart(window).marks) == 1


def test_an_arrow_starts_and_ends_on_the_body(qtbot, window):
    window.actions["mode_findings"].trigger()
    window.tool_panel.arrow_radio.setChecked(True)
    drag(qtbot, window, "back", [(20, 223), (90, 240), (165, 223)])  # from beside the body
    assert chart(window).arrows == ()
    assert "must start on the body" in window.statusBar().currentMessage()
    drag(qtbot, window, "back", [(165, 223), (100, 200), (20, 200)])  # off the body
    assert chart(window).arrows == ()
    assert "must end on the body" in window.statusBar().currentMessage()


def test_the_demo_arrows_are_drawn_on_the_patients_right(qtbot, gui_store, body_atlas):
    """Every arrowhead the window draws lies in its target zone, on its own view and side."""
    from bodymap.ops.demo import create_demo
    from bodymap.ui.chart.items import ArrowItem
    from bodymap.ui.shell.main_window import MainWindow

    record = create_demo(gui_store, body_atlas)
    w = MainWindow(gui_store, body_atlas)
    qtbot.addWidget(w)
    w.client_panel.select_client(record.client.id)
    w.open_visit_id(record.visits[-1].id)
    items = [g for g in w.controller.layers.items.values() if isinstance(g, ArrowItem)]
    assert len(items) == len(record.visits[-1].pre_chart.arrows) >= 3
    for g in items:
        arrow, path = g.model, g.path()
        tip = path.elementAt(path.elementCount() - 2)  # the head: wing, tip, wing come last
        head = (tip.x, tip.y)
        start_zone = body_atlas.zone_at(arrow.view, *arrow.start)
        head_zone = body_atlas.zone_at(arrow.view, *head)
        assert head_zone is not None and head_zone.id == arrow.to_zone
        assert start_zone is not None and start_zone.side == head_zone.side == "right"
