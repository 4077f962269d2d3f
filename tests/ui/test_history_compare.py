"""The History & plan tab: timeline with thumbnails, trend points, before/after comparison."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bodymap.model import Chart, Outcomes, PainMark, TreatmentPlan, Visit

pytestmark = pytest.mark.gui


def _visits(store, atlas, client_id):
    zones = ["left-temple", "right-temple", "left-cheek"]
    out = []
    for i, worst in enumerate((8, 5, 3)):
        marks = tuple(
            PainMark(atlas.zone(z).view, atlas.zone(z).point, z, worst) for z in zones[: 3 - i]
        )
        out.append(store.add_visit(Visit(
            client_id=client_id, started_at=datetime(2026, 10, 1) + timedelta(days=7 * i),
            pre_chart=Chart(marks=marks), outcomes=Outcomes(pain_worst=worst),
        )))  # fmt: skip
    return out


def test_timeline_trend_and_comparison(qtbot, window, gui_store, body_atlas, client):
    first, _mid, last = _visits(gui_store, body_atlas, client.id)
    gui_store.add_plan(TreatmentPlan(client_id=client.id, created_at=datetime.now(), goals=("Sleep through",)))  # fmt: skip
    history = window.records.history
    window.tabs.setCurrentWidget(history)
    assert "Sleep through" in history.plan_label.text()
    assert history.visit_list.count() == 4  # the fixture's draft and three earlier visits
    texts = [history.visit_list.item(i).text() for i in range(4)]
    assert "worst pain 3/10" in texts[1] and "worst pain 8/10" in texts[3]
    assert not history.visit_list.item(1).icon().isNull()
    assert [p.worst for p in history.trend.points][:3] == [8, 5, 3]
    assert history.trend.grab().width() > 0  # paints without error

    assert not history.compare_button.isEnabled()
    history.visit_list.item(1).setSelected(True)
    history.visit_list.item(3).setSelected(True)
    assert history.compare_button.isEnabled()
    history.compare_button.click()
    dialog = history.compare_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text().startswith("Pain extent ")
    assert "percentage points" in dialog.summary_label.text()
    assert "2 zones resolved" in dialog.summary_label.text()
    assert dialog.table.rowCount() == 3


def test_double_click_in_the_timeline_opens_the_visit(qtbot, window, gui_store, body_atlas, client):
    first, *_ = _visits(gui_store, body_atlas, client.id)
    history = window.records.history
    window.tabs.setCurrentWidget(history)
    item = history.visit_list.item(history.visit_list.count() - 1)
    history.visit_list.itemActivated.emit(item)
    assert window.session.visit.id == first.id
    assert window.tabs.currentIndex() == 0
