"""Intake wizard through the real pages, red-flag banner, intake revisions and the plan editor."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDialog

from bodymap.model import RedFlag, TreatmentPlan

pytestmark = pytest.mark.gui


def _run_new_client_intake(qtbot, window, *, red_flag: bool) -> None:
    from bodymap.ui.records.intake_wizard import IntakeWizard

    def fill(wizard: IntakeWizard) -> int:
        qtbot.addWidget(wizard)
        wizard.show()
        d = wizard.details
        assert not wizard.save()  # no name yet: said next to the field, nothing stored
        assert "name" in d.name_error.text()
        qtbot.keyClicks(d.name_edit, "Intake Person (synthetic)")
        d.dob_known.setChecked(True)
        d.dob_edit.setDate(QDate(1985, 3, 4))
        d.consents["treatment"][0].setChecked(True)
        d.consents["storage"][0].setChecked(True)
        wizard.next()
        h = wizard.history
        qtbot.keyClicks(h.texts["chief_complaint"], "Headaches at work")
        h.lists["injuries"].setPlainText("Whiplash 2019\n\nSprained ankle")
        wizard.next()
        qtbot.keyClicks(wizard.factors.texts["posture_work"], "Laptop on the sofa")
        qtbot.keyClicks(wizard.factors.texts["nerve_symptoms"], "Tingling left hand")
        wizard.next()
        wizard.goals.lists["goals"].setPlainText("Work a full day without headache")
        wizard.goals.lists["medications"].setPlainText("Ibuprofen as needed")
        wizard.next()
        check, note = wizard.red_flags.rows[RedFlag.NIGHT_PAIN]
        check.setChecked(red_flag)
        note.setText("for 3 weeks")
        wizard.red_flags.by_edit.setText("A. Therapist")
        wizard.accept()
        return wizard.result()

    window.records.dialog_runner = fill
    window.client_panel.new_client_button.click()


def test_whole_intake_creates_the_client_and_is_found_again(qtbot, window, gui_store):
    _run_new_client_intake(qtbot, window, red_flag=False)
    client_id = window.client_panel.current_client_id()
    client = gui_store.get_client(client_id)
    assert client.name == "Intake Person (synthetic)"
    assert client.date_of_birth == date(1985, 3, 4)
    assert client.consent_treatment and client.consent_treatment_date == date.today()
    assert client.consent_storage
    (intake,) = gui_store.intakes(client_id)
    assert intake.chief_complaint == "Headaches at work"
    assert intake.injuries == ("Whiplash 2019", "Sprained ankle")
    assert intake.posture_work == "Laptop on the sofa"
    assert intake.nerve_symptoms == "Tingling left hand"
    assert intake.goals == ("Work a full day without headache",)
    assert intake.medications == ("Ibuprofen as needed",)
    assert intake.recorded_by == "A. Therapist"
    assert intake.flags_present == ()
    assert not window.records.header.banner.isVisible()


def test_red_flag_shows_a_banner_and_never_blocks_charting(qtbot, window, gui_store):
    _run_new_client_intake(qtbot, window, red_flag=True)
    header = window.records.header
    assert header.banner.isVisible()
    assert "night pain" in header.banner.text()
    assert "physician" in header.banner.text()
    window.client_panel.new_visit()
    assert window.session.editable
    from tests.ui.conftest import click

    before = len(window.session.visit.pre_chart.marks)
    window.view.fit()
    zone = window.atlas.zone("left-temple")
    click(qtbot, window, zone.view, *zone.point)
    assert len(window.session.visit.pre_chart.marks) == before + 1


def test_revising_the_intake_keeps_earlier_revisions_with_dates(qtbot, window, gui_store, client):
    from bodymap.ui.records.client_header import IntakeHistoryDialog
    from bodymap.ui.records.intake_wizard import IntakeWizard

    def revise(text):
        def fill(wizard):
            qtbot.addWidget(wizard)
            if isinstance(wizard, IntakeWizard):
                assert wizard.details not in [wizard.page(i) for i in wizard.pageIds()]
                wizard.history.texts["chief_complaint"].setText(text)
                wizard.accept()
            return QDialog.DialogCode.Accepted

        window.records.dialog_runner = fill
        window.records.header.intake_button.click()

    revise("Stiff neck")
    revise("Stiff neck and headaches")
    revisions = gui_store.intakes(client.id)
    assert [i.chief_complaint for i in revisions] == ["Stiff neck", "Stiff neck and headaches"]
    assert "rev. 2" in window.records.header.info_label.text()
    dialog = IntakeHistoryDialog(revisions)
    qtbot.addWidget(dialog)
    assert dialog.revision_list.count() == 2
    assert "Revision 1" in dialog.revision_list.item(1).text()
    dialog.revision_list.setCurrentRow(1)
    assert "Stiff neck" in dialog.text.toPlainText()
    assert "and headaches" not in dialog.text.toPlainText()


def test_plan_editor_saves_and_the_next_appointment_shows(qtbot, window, gui_store, client):
    from bodymap.ui.records.plan_panel import PlanDialog

    soon = (datetime.now() + timedelta(days=2)).replace(hour=9, minute=30, second=0, microsecond=0)

    def fill(dialog):
        qtbot.addWidget(dialog)
        assert isinstance(dialog, PlanDialog)
        dialog.goals_edit.setPlainText("Sleep through the night\nCarry shopping")
        dialog.per_week.setValue(1)
        dialog.planned.setValue(6)
        dialog.appointment_edit.setDateTime(QDateTime(soon.date(), QTime(9, 30)))
        dialog.add_appointment_button.click()
        dialog.add_appointment_button.click()  # the next one, a week on
        dialog.review_known.setChecked(True)
        dialog.accept()
        return dialog.result()

    window.records.dialog_runner = fill
    window.records.header.plan_button.click()
    (plan,) = gui_store.plans(client.id)
    assert plan.goals == ("Sleep through the night", "Carry shopping")
    assert (plan.visits_per_week, plan.planned_visits) == (1.0, 6)
    assert plan.appointments == (soon, soon + timedelta(days=7))
    assert plan.review_date is not None
    assert f"{soon:%a %d %b %Y, %H:%M}" in window.records.header.info_label.text()


def test_plan_editor_edits_the_stored_plan(qtbot, gui_store, client):
    from bodymap.ui.records.plan_panel import PlanDialog

    gui_store.add_plan(TreatmentPlan(client_id=client.id, created_at=datetime.now(), goals=("A",)))
    dialog = PlanDialog(gui_store, client.id)
    qtbot.addWidget(dialog)
    assert dialog.goals_edit.toPlainText() == "A"
    dialog.goals_edit.setPlainText("A\nB")
    assert dialog.save()
    (plan,) = gui_store.plans(client.id)
    assert plan.goals == ("A", "B")
