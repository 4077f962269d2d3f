"""Referred pain in the window: chart pain, open the panel, click a candidate, see and add it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bodymap.model import FindingKind, TriggerPointState
from bodymap.ui.referral.controller import DEBOUNCE_MS
from tests.ui.conftest import click

pytestmark = pytest.mark.gui

ARM = ("right-upper-arm-front-outer", "right-forearm-palmar-radial", "right-thumb-palmar")


def chart(window):
    return window.session.visit.chart(window.session.slot)


def tap_zones(qtbot, window, body_atlas, zones) -> None:
    window.actions["mode_tap"].trigger()
    for z in zones:
        zone = body_atlas.zone(z)
        click(qtbot, window, zone.view, *zone.point)


def wait_for_ranking(qtbot, window) -> None:
    panel = window.referrals.panel
    qtbot.waitUntil(lambda: bool(panel.candidates), timeout=DEBOUNCE_MS * 10)


def test_chart_open_panel_click_candidate_preview_and_add(qtbot, window, body_atlas):
    tap_zones(qtbot, window, body_atlas, ARM)
    assert {m.zone for m in chart(window).marks} == set(ARM)
    rc = window.referrals
    assert rc.dock.visibleRegion().isEmpty() and rc.panel.candidates == []  # ranked when shown
    window.actions["possible_sources"].trigger()
    assert not rc.dock.visibleRegion().isEmpty()
    wait_for_ranking(qtbot, window)
    panel = rc.panel
    top = [(c.muscle.id, c.side) for c in panel.candidates[:5]]
    assert ("scalenes", "right") in top
    row = top.index(("scalenes", "right"))
    assert "⚠" not in panel.list.item(row).text()  # no chest pain charted: no cardiac flag

    item_rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
    assert panel.current() is panel.candidates[row]
    roles = rc.overlay.roles()
    assert roles and all(z.startswith("right-") for z in roles)
    assert roles["right-thumb-palmar"] == "primary" and roles["right-side-neck"] == "location"
    assert "spillover" in roles.values()
    assert any(body_atlas.zone(z).view == "back" for z in roles)  # both views
    text = panel.details.toPlainText()
    assert "Explains every charted zone" in text and "cardiac" not in text
    assert "Matched:" in text and "without pain" in text

    steps = window.session.undo_stack.count()
    panel.add_button.click()
    (tp,) = chart(window).findings
    assert tp.kind is FindingKind.TRIGGER_POINT and tp.state is TriggerPointState.ACTIVE
    assert "scalenes" in tp.muscle.casefold() and tp.zone == "right-side-neck"
    assert window.session.undo_stack.count() == steps + 1
    assert window.controller.selected_id == tp.id
    window.actions["undo"].trigger()
    assert chart(window).findings == ()
    window.editor_dock.raise_()  # back to the editor: the preview goes with the list
    assert rc.overlay.roles() == {}


def test_selected_trigger_point_shows_its_pattern_and_toggle_shows_all(qtbot, window, body_atlas):
    rc = window.referrals
    window.actions["mode_findings"].trigger()
    window.tool_panel.muscle_edit.setText("scalenes")
    neck = body_atlas.zone("left-side-neck")
    click(qtbot, window, "front", *neck.point)
    (tp,) = chart(window).findings
    assert tp.zone == "left-side-neck"
    roles = rc.overlay.roles()
    assert roles.get("left-thumb-palmar") == "primary"
    assert not any(z.startswith("right-") for z in roles)  # the finding's own side only
    window.actions["deselect"].trigger()
    assert rc.overlay.roles() == {}
    window.actions["layer_referrals"].setChecked(True)
    assert rc.panel.all_check.isChecked()
    assert rc.overlay.roles().get("left-thumb-palmar") == "primary"
    rc.panel.all_check.setChecked(False)
    assert not window.actions["layer_referrals"].isChecked()
    assert rc.overlay.roles() == {}
    window.tool_panel.muscle_edit.setText("mystery muscle")
    click(qtbot, window, "front", *body_atlas.zone("right-side-neck").point)
    assert rc.overlay.roles() == {}
    window.controller.select(window.controller.selected_id)  # selected again later
    assert "No referral pattern" in window.statusBar().currentMessage()


def test_panel_refreshes_after_edits_and_empties_on_undo(qtbot, window, body_atlas):
    rc = window.referrals
    window.actions["possible_sources"].trigger()
    assert rc.panel.candidates == []
    tap_zones(qtbot, window, body_atlas, ARM[:1])
    wait_for_ranking(qtbot, window)
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: rc.panel.candidates == [], timeout=DEBOUNCE_MS * 10)
    assert "Chart some pain" in rc.panel.details.toPlainText()
    assert not rc.panel.add_button.isEnabled()


def test_red_flag_appears_once_its_trigger_zone_is_charted(qtbot, window, body_atlas):
    tap_zones(qtbot, window, body_atlas, (*ARM, "right-upper-chest"))
    window.actions["possible_sources"].trigger()
    wait_for_ranking(qtbot, window)
    panel = window.referrals.panel
    row = [c.muscle.id for c in panel.candidates].index("scalenes")
    assert "⚠" in panel.list.item(row).text()
    panel.choose(row)
    assert "Red flag: Chest pain must be cleared as cardiac" in panel.details.toPlainText()
