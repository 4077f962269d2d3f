"""The "History & plan" tab: the plan in brief, a visit timeline with thumbnails, trend, compare."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.analysis import VisitPoint, progress_data
from bodymap.geometry import Atlas
from bodymap.model import TreatmentPlan, Visit, VisitSummary
from bodymap.ops.followup import next_appointment
from bodymap.store import Store, StoreError
from bodymap.ui.history.compare_view import CompareDialog
from bodymap.ui.history.thumbnails import ZonePaths, chart_pixmap
from bodymap.ui.history.trend_chart import TrendChart

ID_ROLE = Qt.ItemDataRole.UserRole
THUMB = QSize(96, 104)


def plan_text(plan: TreatmentPlan | None, now: datetime) -> str:
    """The latest plan in a few lines of rich text."""
    if plan is None:
        return "No treatment plan yet: use “Plan…” above to set goals and book visits."
    parts = []
    if plan.goals:
        parts.append("<b>Goals:</b> " + "; ".join(plan.goals))
    freq = []
    if plan.visits_per_week:
        freq.append(f"{plan.visits_per_week:g} per week")
    if plan.planned_visits:
        freq.append(f"{plan.planned_visits} visits")
    if freq:
        parts.append("<b>Frequency:</b> " + ", ".join(freq))
    nxt = next_appointment([plan], now)
    if nxt is not None:
        parts.append(f"<b>Next:</b> {nxt:%a %d %b %Y, %H:%M}")
    if plan.review_date is not None:
        parts.append(f"<b>Review:</b> {plan.review_date:%Y-%m-%d}")
    return " · ".join(parts) or "The plan is empty."


class HistoryPanel(QWidget):
    """Select two visits to compare them; double-click opens a visit."""

    visit_chosen = Signal(str)

    def __init__(self, store: Store, atlas: Atlas, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.atlas = store, atlas
        self.zones = ZonePaths(atlas)
        self.client_id: str | None = None
        self.visits: dict[str, Visit] = {}
        # The client's full visits and their trend points, kept while the stored versions match:
        # showing the tab again reads only the summaries, not every chart.
        self._versions: dict[str, tuple[int, int]] = {}  # visit id -> (visit, pre-chart) version
        self._loaded: tuple[list[Visit], tuple[VisitPoint, ...]] = ([], ())
        self._icons: dict[tuple[str, int], QIcon] = {}  # (visit id, version) -> thumbnail
        self.compare_dialog: CompareDialog | None = None
        col = QVBoxLayout(self)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        col.addWidget(self.plan_label)
        self.trend = TrendChart()
        col.addWidget(self.trend)
        self.visit_list = QListWidget()
        self.visit_list.setIconSize(THUMB)
        self.visit_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.visit_list.setAccessibleName(self.tr("Visit timeline"))
        self.visit_list.itemSelectionChanged.connect(self._on_visit_list_item_selection_changed)
        self.visit_list.itemActivated.connect(
            lambda item: self.visit_chosen.emit(item.data(ID_ROLE))
        )
        col.addWidget(self.visit_list, 1)
        row = QHBoxLayout()
        self.hint_label = QLabel(self.tr("Select two visits (Ctrl+click) to compare them."))
        self.hint_label.setObjectName("hint")
        self.compare_button = QPushButton(self.tr("Compare before/after"))
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        row.addWidget(self.hint_label, 1)
        row.addWidget(self.compare_button)
        col.addLayout(row)

    def set_client(self, client_id: str | None) -> None:
        self.client_id = client_id
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.visit_list.clear()
        self.visits = {}
        if self.client_id is None:
            self.plan_label.setText("")
            self.trend.set_points([])
            return
        try:
            overview = self.store.open_client(self.client_id)
            visits, points = self._visits_and_points(self.client_id, overview.visits)
        except StoreError as exc:
            self.plan_label.setText(str(exc))
            return
        self.plan_label.setText(plan_text(overview.latest_plan, datetime.now()))
        self.visits = {v.id: v for v in visits}
        self.trend.set_points(points)
        for v, pt in reversed(list(zip(visits, points, strict=True))):  # newest first
            worst = "—" if pt.worst is None else f"{pt.worst}/10"
            status = self.tr("signed") if v.is_signed else self.tr("draft")
            text = self.tr("{0:%a %d %b %Y}\nworst pain {1} · extent {2:.1f}% of the body outline · {3}").format(v.started_at, worst, pt.extent, status)  # fmt: skip
            item = QListWidgetItem(self._icon(v), text)
            item.setData(ID_ROLE, v.id)
            self.visit_list.addItem(item)

    def _visits_and_points(
        self, client_id: str, summaries: tuple[VisitSummary, ...]
    ) -> tuple[list[Visit], tuple[VisitPoint, ...]]:
        """The full visits and their trend points, read again only when a visit changed."""
        if {s.id: (s.version, s.pre.version) for s in summaries} != self._versions:
            visits = self.store.visits(client_id)
            self._versions = {v.id: (v.version, v.pre_chart.version) for v in visits}
            # The timeline labels drafts, so it shows them; reports leave them out.
            self._loaded = (visits, progress_data(visits, self.atlas, include_drafts=True).points)
        return self._loaded

    def _icon(self, visit: Visit) -> QIcon:
        key = (visit.id, visit.pre_chart.version)
        if key not in self._icons:
            self._icons[key] = QIcon(chart_pixmap(self.zones, visit.pre_chart, THUMB.width(), THUMB.height()))  # fmt: skip
        return self._icons[key]

    def selected_ids(self) -> list[str]:
        return [item.data(ID_ROLE) for item in self.visit_list.selectedItems()]

    def _on_visit_list_item_selection_changed(self) -> None:
        self.compare_button.setEnabled(len(self.selected_ids()) == 2)

    def _on_compare_button_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        self.compare_dialog = CompareDialog(self.zones, self.visits[ids[0]], self.visits[ids[1]], self)  # fmt: skip
        self.compare_dialog.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
