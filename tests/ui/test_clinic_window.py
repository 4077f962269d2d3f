"""The window on a shared database: sign-in, what each role sees, the audit view, and the
banner when the server goes away in the middle of charting."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from bodymap.model.accounts import Account, Role
from bodymap.ops.records import new_client
from bodymap.store import Store
from tests.ui.conftest import click

pytestmark = pytest.mark.gui
PASSWORDS = {"admin": "admin-pass-1", "dana": "dana-pass-22", "fran": "fran-pass-333"}


def with_accounts(store: Store) -> None:
    store.add_account(Account("admin", "Ada Admin", Role.ADMINISTRATOR), PASSWORDS["admin"])
    store.sign_in("admin", PASSWORDS["admin"])
    store.add_account(Account("dana", "Dana Lee", Role.THERAPIST, "LMT"), PASSWORDS["dana"])
    store.add_account(Account("fran", "Fran Desk", Role.FRONT_DESK), PASSWORDS["fran"])
    store.sign_out()


def open_window(qtbot, store, atlas):
    from bodymap.ui.shell.main_window import MainWindow

    w = MainWindow(store, atlas)
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_sign_in_dialog_shows_a_refusal_and_stays_open(qtbot, gui_store):
    from bodymap.ui.shell.sign_in import SignInDialog

    with_accounts(gui_store)
    dialog = SignInDialog(gui_store, name="dana")
    qtbot.addWidget(dialog)
    dialog.password_edit.setText("not-her-password")
    dialog._on_buttons_accepted()
    assert dialog.result() == 0 and "Wrong name or password" in dialog.message.text()
    assert dialog.password_edit.text() == "" and gui_store.signed_in is None
    dialog.password_edit.setText(PASSWORDS["dana"])
    dialog._on_buttons_accepted()
    assert dialog.result() == 1 and gui_store.signed_in.name == "dana"


def test_front_desk_sees_clients_and_plans_but_no_chart(qtbot, gui_store, body_atlas):
    with_accounts(gui_store)
    gui_store.sign_in("fran", PASSWORDS["fran"])
    c = new_client(gui_store, name="Desk Synthetic", date_of_birth=date(1990, 1, 2))
    w = open_window(qtbot, gui_store, body_atlas)
    w.client_panel.select_client(c.id)
    tabs = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert tabs == ["History && plan"]
    assert w.client_panel.new_visit_button.isHidden() and w.editor_dock.isHidden()
    assert not w.actions["new_visit"].isVisible() and not w.actions["export_visit"].isVisible()
    assert w.clinic.audit_action not in w.menuBar().actions()[-1].menu().actions()
    assert "Fran Desk (front desk)" in w.clinic.who.text()


def test_therapist_signs_as_herself_and_admin_reads_the_audit(qtbot, gui_store, body_atlas):
    with_accounts(gui_store)
    gui_store.sign_in("dana", PASSWORDS["dana"])
    c = new_client(gui_store, name="Therapy Synthetic", date_of_birth=date(1990, 1, 2))
    w = open_window(qtbot, gui_store, body_atlas)
    w.client_panel.select_client(c.id)
    w.client_panel.new_visit()
    sign = w.notes_panel.sign_panel
    assert sign.by_edit.isReadOnly() and sign.by_edit.text() == "Dana Lee, LMT"
    sign._on_sign_button_clicked()
    assert w.session.visit.signed_by == "Dana Lee, LMT"
    gui_store.sign_out()
    gui_store.sign_in("admin", PASSWORDS["admin"])
    admin = open_window(qtbot, gui_store, body_atlas)
    assert admin.clinic.audit_action in admin.menuBar().actions()[-1].menu().actions()
    dialog = admin.clinic.show_audit()
    qtbot.addWidget(dialog)
    actions = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert "signed" in actions and "created" in actions and actions[0] == "signed in"


def test_banner_keeps_the_edit_while_the_server_restarts(qtbot, pg_server, body_atlas):
    from bodymap.ops.records import new_visit

    url = pg_server.create_database("gui_restart")
    store = Store.open(url, atlas=body_atlas)
    try:
        c = new_client(store, name="Restart Synthetic", date_of_birth=date(1990, 1, 2))
        w = open_window(qtbot, store, body_atlas)
        w.client_panel.select_client(c.id)
        w.open_visit(new_visit(store, client_id=c.id))
        w.view.fit()
        click(qtbot, w, "front", 231, 53)
        assert len(w.session.visit.pre_chart.marks) == 1 and w.clinic.banner.isHidden()
        pg_server.stop()
        try:
            w.tool_panel.set_intensity(8)
            w.session.run(_mark_command(w, 209, 53))  # the edit being made as the server goes
            assert not w.clinic.banner.isHidden()
            assert "1 edit(s) kept" in w.clinic.banner.label.text()
            assert not w.session.editable and not w.isWindowModified()
            w.session.retry_pending()  # still away: still kept
            assert not w.clinic.banner.isHidden()
        finally:
            pg_server.start()
        qtbot.mouseClick(w.clinic.banner.try_now, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.clinic.banner.isHidden(), timeout=10_000)
        assert w.session.editable and len(w.session.visit.pre_chart.marks) == 2
        with Store.open(url) as fresh:
            assert fresh.get_visit(w.session.visit.id) == w.session.visit
        assert w.session.undo_stack.count() == 2  # the kept edit is undoable like any other
    finally:
        store.close()


def _mark_command(w, x: float, y: float):
    from bodymap.ops import records

    return records.mark_point(w.session.doc, atlas=w.atlas, slot="pre", view="front", x=x, y=y,
                              intensity=8)  # fmt: skip


def test_the_window_remembers_the_database_it_was_given(tmp_path):
    from bodymap.store.clinic import to_remember
    from bodymap.ui.common.settings import AppSettings

    settings = AppSettings(tmp_path / "s.ini")
    assert settings.database is None
    settings.database = to_remember("postgresql+psycopg://room:pw@db.example/clinic")
    assert AppSettings(tmp_path / "s.ini").database == "postgresql+psycopg://room@db.example/clinic"
