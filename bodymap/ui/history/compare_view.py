"""Before/after on screen: two visits' pre-treatment charts, the summary line and per-zone changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from bodymap.analysis import ChartComparison, compare_charts
from bodymap.analysis.compare import Change
from bodymap.model import Visit
from bodymap.ui.common.wording import zone_words
from bodymap.ui.history.thumbnails import ZonePaths, chart_pixmap

CHANGE_COLORS = {
    Change.NEW: "#b3261e", Change.WORSE: "#c2410c", Change.UNCHANGED: "#6b7383",
    Change.IMPROVED: "#2e7d32", Change.RESOLVED: "#1b5e20",
}  # fmt: skip


def _cell(text: str, color: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if color:
        item.setForeground(QColor(color))
    return item


class CompareDialog(QDialog):
    """The earlier visit on the left, the later one on the right."""

    def __init__(
        self, zones: ZonePaths, before: Visit, after: Visit, parent: QWidget | None = None
    ):
        super().__init__(parent)
        if after.started_at < before.started_at:
            before, after = after, before
        self.setWindowTitle(self.tr("Before and after"))
        self.resize(1040, 560)
        self.comparison: ChartComparison = compare_charts(before.pre_chart, after.pre_chart, zones.atlas)  # fmt: skip
        grid = QGridLayout(self)
        self.summary_label = QLabel(self.comparison.summary_line())
        self.summary_label.setStyleSheet("font-size: 15px; font-weight: 600; padding: 4px 0;")
        self.summary_label.setWordWrap(True)
        grid.addWidget(self.summary_label, 0, 0, 1, 3)
        for col, (visit, word) in enumerate(((before, self.tr("Before")), (after, self.tr("After")))):  # fmt: skip
            title = QLabel(f"<b>{word}</b> · {visit.started_at:%a %d %b %Y}")
            picture = QLabel()
            picture.setPixmap(chart_pixmap(zones, visit.pre_chart, 300, 330))
            grid.addWidget(title, 1, col)
            grid.addWidget(picture, 2, col, Qt.AlignmentFlag.AlignTop)
        self.table = self._table(zones)
        grid.addWidget(self.table, 1, 2, 3, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(3, 1)

    def _table(self, zones: ZonePaths) -> QTableWidget:
        rows = self.comparison.zones
        table = QTableWidget(len(rows), 4)
        table.setHorizontalHeaderLabels([self.tr("Zone"), self.tr("Before"), self.tr("After"), self.tr("Change")])  # fmt: skip
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i, z in enumerate(rows):
            name = zone_words(zones.atlas, z.zone) if zones.atlas.has_zone(z.zone) else z.zone
            table.setItem(i, 0, _cell(name))
            table.setItem(i, 1, _cell("—" if z.before is None else f"{z.before}/10"))
            table.setItem(i, 2, _cell("—" if z.after is None else f"{z.after}/10"))
            table.setItem(i, 3, _cell(self.tr(z.change.value), CHANGE_COLORS[z.change]))
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        return table
