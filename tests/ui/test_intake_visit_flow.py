"""A whole visit through the real notes and outcomes tabs: saved as typed, signed, amended, reopened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bodymap.model import SelfCare, Technique
from bodymap.ui.chart.scene import BodyPoint

pytestmark = pytest.mark.gui


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _mark_temple(window) -> None:
    zone = window.atlas.zone("left-temple")
    window.controller.mark_at(BodyPoint(zone.view, *zone.point))


def test_whole_visit_is_saved_signed_and_found_again(qtbot, window, gui_store):
    _mark_temple(window)
    notes = window.notes_panel
    window.tabs.setCurrentWidget(notes)
    assert "left temple" in notes.soap_edits["objective"].toPlainText()
    notes.technique_checks[Technique.TRIGGER_POINT].click()
    _type(qtbot, notes.areas_edit, "neck, left upper trapezius")
    notes.pressure_combo.setCurrentIndex(3)
    notes.pressure_combo.activated.emit(3)
    _type(qtbot, notes.feedback_edit, "6/10 at the temple, eased")
    _type(qtbot, notes.soap_edits["subjective"], "Headache since Monday")
    _type(qtbot, notes.soap_edits["plan"], "Review in a week")
    notes.self_care_checks[SelfCare.HEAT].click()
    _type(qtbot, notes.self_care_edit, "Chin tucks 10x twice a day")

    out = window.outcomes_panel
    window.tabs.setCurrentWidget(out)  # focus moves: the notes are flushed
    out.pain_now.setValue(4)
    out.pain_worst.setValue(7)
    for box, v in zip(out.peg_boxes, (5, 4, 6), strict=True):
        box.setValue(v)
    edit, spin = out.psfs_rows[-1]
    _type(qtbot, edit, "Reading at a desk")
    spin.setValue(3)
    out.sleep_spin.setValue(6.5)
    out.wakes_combo.setCurrentIndex(2)
    out.wakes_combo.activated.emit(2)
    joint, move, deg, _pain = out.rom_rows[-1]
    _type(qtbot, joint, "neck")
    _type(qtbot, move, "right rotation")
    deg.setValue(60)
    qtbot.waitUntil(lambda: not out.saver.pending("outcomes"), timeout=3000)

    visit_id = window.session.visit.id
    stored = gui_store.get_visit(visit_id)
    assert "Headache since Monday" in stored.soap.subjective
    assert "Areas treated: neck, left upper trapezius" in stored.soap.objective
    assert "Pressure tolerance: firm" in stored.soap.objective
    assert "Client feedback: 6/10 at the temple, eased" in stored.soap.assessment
    assert stored.techniques == (Technique.TRIGGER_POINT,)
    assert stored.self_care == (SelfCare.HEAT,)
    assert stored.self_care_text == "Chin tucks 10x twice a day"
    o = stored.outcomes
    assert (o.pain_now, o.pain_least, o.pain_worst) == (4, None, 7)
    assert o.peg is not None and o.peg.score == 5
    assert [(r.activity, r.score) for r in o.psfs] == [("Reading at a desk", 3)]
    assert (o.sleep_hours, o.pain_wakes) == (6.5, True)
    assert [(r.joint, r.movement, r.degrees) for r in o.rom] == [("neck", "right rotation", 60.0)]

    window.tabs.setCurrentWidget(notes)
    sign = notes.sign_panel
    sign.by_edit.setText("A. Therapist")
    qtbot.mouseClick(sign.sign_button, Qt.MouseButton.LeftButton)
    assert window.session.visit.is_signed
    assert notes.soap_edits["subjective"].isReadOnly()
    assert not notes.technique_checks[Technique.SWEDISH].isEnabled()
    assert not out.pain_now.isEnabled()
    assert not window.session.editable  # the map refuses edits too
    assert "signed" in window.client_panel.visit_list.currentItem().text()

    window.session.close()
    window.open_visit_id(visit_id)
    assert notes.areas_edit.text() == "neck, left upper trapezius"
    assert notes.pressure_combo.currentIndex() == 3
    assert notes.soap_edits["subjective"].toPlainText() == "Headache since Monday"
    assert out.pain_worst.value() == 7
    assert out.psfs_rows[0][0].text() == "Reading at a desk"
    assert "A. Therapist" in sign.status_label.text()


def test_amending_a_signed_visit_keeps_the_original(qtbot, window, gui_store):
    notes = window.notes_panel
    window.tabs.setCurrentWidget(notes)
    _type(qtbot, notes.soap_edits["plan"], "Review in a week")
    notes.saver.flush()
    notes.sign_panel.by_edit.setText("A. Therapist")
    notes.sign_panel.sign_button.click()
    from bodymap.ui.visit.sign_panel import AmendDialog

    def fill_and_accept(visit, by, parent):
        dialog = AmendDialog(visit, by, parent)
        dialog.part_combo.setCurrentIndex(3)  # Plan
        dialog.text_edit.setPlainText("Review in two weeks")
        dialog.reason_edit.setText("late entry")
        dialog.exec = lambda: (dialog._on_buttons_accepted(), dialog.result())[1]
        return dialog

    notes.sign_panel.dialog_factory = fill_and_accept
    notes.sign_panel.amend_button.click()
    stored = gui_store.get_visit(window.session.visit.id)
    assert stored.soap.plan == "Review in two weeks"
    assert len(stored.amendments) == 1
    assert stored.amendments[0].author == "A. Therapist"
    assert "Review in a week" in stored.amendments[0].original_json
    assert notes.sign_panel.amendment_list.count() == 1
    assert "late entry" in notes.sign_panel.amendment_list.item(0).text()
    assert notes.soap_edits["plan"].toPlainText() == "Review in two weeks"


def test_amend_dialog_says_what_is_missing(qtbot, window):
    from bodymap.ui.visit.sign_panel import AmendDialog

    dialog = AmendDialog(window.session.visit, "", window)
    qtbot.addWidget(dialog)
    dialog._on_buttons_accepted()
    assert "who" in dialog.error_label.text()
    dialog.by_edit.setText("A. Therapist")
    dialog._on_buttons_accepted()
    assert "reason" in dialog.error_label.text()


def test_invalid_outcomes_are_named_next_to_the_field_and_not_saved(qtbot, window, gui_store):
    out = window.outcomes_panel
    window.tabs.setCurrentWidget(out)
    out.pain_worst.setValue(3)
    out.pain_least.setValue(8)
    assert out.pain_messages["pain_least"].text() == "Least pain (8) is above worst pain (3)."
    out.pain_least.setValue(-1)  # "not asked"
    out.pain_now.setValue(5)
    assert out.pain_messages["pain_least"].text() == ""
    assert out.pain_messages["pain_now"].text() == "Pain now (5) is above worst pain (3)."
    # The message sits beside its own box, not somewhere under the group.
    label, box = out.pain_messages["pain_now"], out.pain_now
    assert label.parentWidget() is box.parentWidget()
    assert abs(label.mapToGlobal(label.rect().center()).y()
               - box.mapToGlobal(box.rect().center()).y()) < box.height()  # fmt: skip
    _type(qtbot, out.psfs_rows[-1][0], "Gardening")
    assert "Rate" in out.psfs_label.text()
    out.saver.flush()
    stored = gui_store.get_visit(window.session.visit.id).outcomes
    assert (stored.pain_now, stored.pain_least, stored.pain_worst) == (None, None, 3)
    out.pain_now.setValue(2)  # consistent again: saved, message gone
    out.saver.flush()
    assert gui_store.get_visit(window.session.visit.id).outcomes.pain_now == 2
    assert out.pain_messages["pain_now"].text() == ""


def test_switching_visits_mid_typing_loses_nothing(qtbot, window, gui_store):
    notes = window.notes_panel
    first = window.session.visit.id
    window.tabs.setCurrentWidget(notes)
    _type(qtbot, notes.soap_edits["subjective"], "Stiff neck")
    window.client_panel.new_visit()  # opens another visit before the pause ends
    assert window.session.visit.id != first
    assert gui_store.get_visit(first).soap.subjective == "Stiff neck"
    assert notes.soap_edits["subjective"].toPlainText() == ""


def test_psfs_activities_are_carried_over_to_the_next_visit(qtbot, window):
    out = window.outcomes_panel
    edit, spin = out.psfs_rows[-1]
    edit.setText("Lifting my child")
    spin.setValue(4)
    out.saver.flush()
    window.client_panel.new_visit()
    assert out.psfs_rows[0][0].text() == "Lifting my child"
    assert out.psfs_rows[0][1].value() == -1  # to be re-rated
    assert out._hints[0].text() == "last 4"


def test_tab_goes_down_the_outcomes_page_and_new_rows_take_the_focus(qtbot, window):
    out = window.outcomes_panel
    window.tabs.setCurrentWidget(out)
    wanted = [out.pain_now, out.pain_worst, out.peg_boxes[0], out.psfs_rows[0][0], out.sleep_spin,
              out.medication_edit, out.rom_rows[0][0], out.add_rom_button]  # fmt: skip
    seen, w = [], out.pain_now
    for _ in range(200):
        owner = next((x for x in wanted if x is w or x.isAncestorOf(w)), None)
        if owner is not None and owner not in seen:
            seen.append(owner)
        w = w.nextInFocusChain()
    assert seen == wanted
    qtbot.mouseClick(out.add_psfs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.focusWidget() is out.psfs_rows[-1][0], timeout=2000)
    assert len(out.psfs_rows) == 2


def test_signing_from_the_notes_tab_keeps_an_outcome_typed_a_moment_ago(qtbot, window, gui_store):
    out, notes = window.outcomes_panel, window.notes_panel
    out.pain_now.setValue(5)  # queued, not yet written
    assert out.saver.pending("outcomes")
    notes.sign_panel.by_edit.setText("A. Therapist")
    notes.sign_panel.sign_button.click()
    stored = gui_store.get_visit(window.session.visit.id)
    assert stored.is_signed and stored.outcomes.pain_now == 5
    assert not notes.draft_button.isVisibleTo(notes)


def test_a_cleared_objective_is_not_drafted_again(qtbot, window):
    _mark_temple(window)
    notes = window.notes_panel
    window.tabs.setCurrentWidget(notes)
    assert notes.soap_edits["objective"].toPlainText()
    notes.soap_edits["objective"].clear()
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentWidget(notes)
    assert notes.soap_edits["objective"].toPlainText() == ""
    notes.draft_button.click()
    assert "left temple" in notes.soap_edits["objective"].toPlainText()
