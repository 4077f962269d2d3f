"""The window on a shared database: the connection banner, who is signed in, what their role
shows (a role that may not do something does not see the control), the audit trail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from bodymap.model.accounts import Permission
from bodymap.ui.common.frame import add_strip_above
from bodymap.ui.shell.audit_view import AuditDialog
from bodymap.ui.shell.connection_banner import ConnectionBanner

# Actions and tabs that need a permission; the window hides them from a role without it.
CHART_ACTIONS = (
    "new_visit", "undo", "redo", "delete", "place", "next_item", "prev_item", "deselect",
    "nudge_left", "nudge_right", "nudge_up", "nudge_down", "mode_tap", "mode_shade",
    "mode_findings", "slot_pre", "slot_post", "show_other", "possible_sources",
)  # fmt: skip
READ_ACTIONS = ("export_visit", "export_compare", "export_progress", "layer_pain",
                "layer_findings", "layer_referrals")  # fmt: skip


class ClinicControls(QObject):
    """What the installer added, for the window and tests."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.banner = ConnectionBanner(window.session.retry_pending)
        self.who = QLabel()
        self.audit_action = QAction(window.tr("Audit trail…"), window)
        self.audit_action.setObjectName("audit_trail")
        self.audit_action.triggered.connect(self.show_audit)

    def show_audit(self) -> AuditDialog:
        dialog = AuditDialog(self.window.store, self.window)
        dialog.show()
        return dialog


def install_clinic(window: Any) -> ClinicControls:
    """Add the banner above the tabs, the signed-in line, and hide what the role may not use."""
    controls = ClinicControls(window)
    add_strip_above(window, controls.banner)
    window.session.connection_changed.connect(controls.banner.show_state)
    store = window.store
    if store.signed_in is not None:
        me = store.signed_in
        controls.who.setText(window.tr("Signed in: {0} ({1})").format(me.signature, me.role.label))
        window.statusBar().addPermanentWidget(controls.who)
    if store.may(Permission.AUDIT) and store.accounts_required:
        window.menuBar().actions()[-1].menu().addAction(controls.audit_action)  # Help menu
    _hide_by_role(window, store)
    return controls


def _hide_by_role(window: Any, store: Any) -> None:
    clinical = store.may(Permission.READ_CLINICAL)
    charting = store.may(Permission.CHART)
    for name in CHART_ACTIONS if not charting else ():
        _hide(window.actions.get(name))
    for name in READ_ACTIONS if not clinical else ():
        _hide(window.actions.get(name))
    panel = window.client_panel
    if not charting:
        panel.new_visit_button.hide()
        panel.from_previous.hide()
    if not clinical:
        for w in (panel.visits_heading, panel.visit_list):
            w.hide()
        history = window.records.history
        for w in (history.trend, history.visit_list, history.hint_label, history.compare_button):
            w.hide()
        for tab in (window.map_panel, window.notes_panel, window.outcomes_panel):
            window.tabs.removeTab(window.tabs.indexOf(tab))
        window.editor_dock.hide()
        dock = getattr(window.referrals, "dock", None)
        if dock is not None:
            dock.hide()
        button = getattr(window.exports, "button", None)
        if button is not None:
            button.hide()
    if not store.may(Permission.EDIT_CLIENTS):
        panel.new_client_button.hide()
        _hide(window.actions.get("new_client"))
    for menu_action in window.menuBar().actions():  # a menu left with nothing to show goes too
        menu = menu_action.menu()
        if menu is not None and not any(
            a.isVisible() for a in menu.actions() if not a.isSeparator()
        ):
            menu_action.setVisible(False)


def _hide(action: QAction | None) -> None:
    if action is not None:
        action.setVisible(False)
        action.setEnabled(False)
