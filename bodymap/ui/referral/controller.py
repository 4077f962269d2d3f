"""Wires referred pain into the charting window: the pattern layer, its toggle, the sources dock."""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from bodymap.geometry import Atlas
from bodymap.model import Finding
from bodymap.ops import referrals
from bodymap.referral import Candidate, ReferralDataError
from bodymap.ui.chart.scene import BodyScene
from bodymap.ui.chart.session import VisitSession
from bodymap.ui.chart.tools import ChartController
from bodymap.ui.common.frame import WindowFrame
from bodymap.ui.referral.overlay import ReferralOverlay
from bodymap.ui.referral.panel import ReferralPanel

log = logging.getLogger(__name__)
DEBOUNCE_MS = 150
SELECTION, PREVIEW, ALL = "selection", "preview", "all"


class ReferralHost(WindowFrame, Protocol):
    """What the referral wiring needs from the window that installs it."""

    atlas: Atlas
    session: VisitSession
    controller: ChartController
    scene: BodyScene
    actions: dict[str, QAction]
    editor_dock: QDockWidget


class ReferralController(QObject):
    """Keeps the overlay and the possible-sources panel in step with the open chart."""

    def __init__(self, window: ReferralHost):
        super().__init__(window)
        self.window = window
        self.atlas = window.atlas
        self.session, self.charting = window.session, window.controller
        self.overlay = ReferralOverlay(window.scene, self.atlas)
        self.panel = ReferralPanel()
        self.show_all = False
        self.stale = True  # the ranking waits while the dock is hidden
        self.cache = referrals.PainCache(self.atlas)
        self.dock: QDockWidget | None = None
        try:
            self.ctx: referrals.ReferralContext | None = referrals.referral_context(self.atlas)
        except ReferralDataError as exc:
            log.warning(
                "referral data not usable with this atlas: %d problem(s)", len(exc.problems)
            )
            self.ctx = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.session.changed.connect(self._on_session_changed)
        self.session.reset.connect(self._on_session_reset)
        self.charting.slot_changed.connect(self._on_session_changed)
        self.charting.selection_changed.connect(self._on_charting_selection_changed)
        self.panel.preview_requested.connect(self._on_panel_preview_requested)
        self.panel.add_requested.connect(self._on_panel_add_requested)

    # -- refreshing ---------------------------------------------------------------

    def chart(self):  # noqa: ANN201
        visit = self.session.visit
        return visit.chart(self.session.slot) if visit is not None else None

    def schedule(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """Re-rank the possible sources and redraw the "all trigger points" patterns."""
        self.timer.stop()
        chart = self.chart()
        if self.ctx is None or chart is None:
            self.panel.set_candidates([])
            if self.ctx is None:
                self.panel.details.setText(self.tr("The referral data does not fit this atlas."))
            self.overlay.set_patterns(ALL, [])
            return
        if self.dock is not None and self.dock.visibleRegion().isEmpty():  # hidden tab
            self.stale = True
        else:
            self.stale = False
            found = referrals.possible_sources(chart, self.atlas, self.ctx, cache=self.cache)
            self.panel.set_candidates(found, self.ctx.labels)
        all_patterns = referrals.chart_patterns(self.ctx, chart) if self.show_all else []
        self.overlay.set_patterns(ALL, all_patterns)

    def set_show_all(self, on: bool) -> None:
        self.show_all = on
        self.refresh()

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if not visible:
            self.panel.preview_button.setChecked(False)  # no preview of a hidden list
        elif self.stale:
            self.refresh()

    def _on_session_changed(self, *_args: object) -> None:
        self.schedule()

    def _on_session_reset(self) -> None:
        self.overlay.clear()
        self.schedule()

    # -- selection, preview, adding -----------------------------------------------

    def _on_charting_selection_changed(self, item: object | None) -> None:
        patterns = []
        if self.ctx is not None and isinstance(item, Finding):
            patterns = referrals.finding_patterns(self.ctx, item)
        self.overlay.set_patterns(SELECTION, patterns)
        bar = self.window.statusBar()
        if patterns:
            names = ", ".join(sorted({p.muscle.name for p in patterns}))
            bar.showMessage(self.tr("Referral pattern of {0} shown on the map").format(names), 6000)
        elif isinstance(item, Finding) and item.muscle and self.ctx is not None:
            bar.showMessage(self.tr("No referral pattern is known for that muscle."), 6000)

    def _on_panel_preview_requested(self, c: Candidate | None) -> None:
        self.overlay.set_patterns(PREVIEW, referrals.candidate_pattern(c) if c else [])

    def _on_panel_add_requested(self, c: Candidate) -> None:
        doc = self.session.doc
        if doc is None or not self.session.editable:
            self.charting.message.emit(self.tr("Open an unsigned visit to add a trigger point."))
            return
        try:
            cmd = referrals.add_candidate_finding(
                doc, atlas=self.atlas, slot=self.session.slot, candidate=c
            )
        except ValueError as exc:
            self.charting.message.emit(str(exc))
            return
        self.charting.run_added(cmd)


def install_referrals(window: ReferralHost) -> ReferralController:
    """Add the pattern layer, its toggle and the "Possible sources" dock to the window."""
    rc = ReferralController(window)
    dock = QDockWidget(window.tr("Possible sources"), window)
    dock.setObjectName("Possible sources")
    dock.setWidget(rc.panel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.editor_dock, dock)
    window.editor_dock.raise_()
    rc.dock = dock
    dock.visibilityChanged.connect(rc._on_dock_visibility_changed)
    a = window.actions
    a["layer_referrals"].toggled.connect(rc.set_show_all)
    a["possible_sources"].triggered.connect(lambda: (dock.show(), dock.raise_()))
    rc.panel.bind_toggle(a["layer_referrals"])
    rc.refresh()
    return rc
