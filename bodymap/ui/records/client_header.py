"""The strip above the visit tabs: red-flag banner, intake revision, next appointment, buttons."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import ClientOverview, Intake
from bodymap.ops.followup import intake_lines, next_appointment, red_flag_lines
from bodymap.store import Store, StoreError

BANNER_STYLE = "background: #fde7e4; color: #8c1d18; border: 1px solid #e8a39b; border-radius: 6px; padding: 6px 10px;"  # fmt: skip


class RedFlagBanner(QLabel):
    """Prominent, never blocking: what was reported and a plain suggestion to refer."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("redFlagBanner")
        self.setWordWrap(True)
        self.setStyleSheet(BANNER_STYLE)
        self.setVisible(False)

    def show_flags(self, lines: list[str]) -> None:
        if lines:
            self.setText(
                self.tr(
                    "<b>Red flags at intake:</b> {0}. Consider referring the client to a physician before further treatment; charting stays open."
                ).format("; ".join(lines))  # fmt: skip
            )
        self.setVisible(bool(lines))


class IntakeHistoryDialog(QDialog):
    """Every intake revision with its date; the latest first, earlier ones kept as they were."""

    def __init__(self, intakes: list[Intake], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Intake revisions"))
        self.resize(760, 520)
        self.intakes = list(reversed(intakes))
        self.revision_list = QListWidget()
        for i in self.intakes:
            by = f"\n{i.recorded_by}" if i.recorded_by else ""
            self.revision_list.addItem(self.tr("Revision {0} · {1:%Y-%m-%d %H:%M}{2}").format(i.revision, i.recorded_at, by))  # fmt: skip
        self.text = QTextBrowser()
        split = QSplitter()
        split.addWidget(self.revision_list)
        split.addWidget(self.text)
        split.setSizes([250, 510])
        QVBoxLayout(self).addWidget(split)
        self.revision_list.currentRowChanged.connect(self._on_revision_list_current_row_changed)
        if self.intakes:
            self.revision_list.setCurrentRow(0)

    def _on_revision_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.intakes):
            rows = "".join(f"<tr><td><b>{label}</b></td><td>{_esc(text)}</td></tr>" for label, text in intake_lines(self.intakes[row]))  # fmt: skip
            self.text.setHtml(f"<table cellspacing=4>{rows}</table>")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ClientHeader(QWidget):
    """Shows the open client's red flags, intake revision and next appointment."""

    intake_requested = Signal(str)  # client id: revise the intake
    history_requested = Signal(str)
    plan_requested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.client_id: str | None = None
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 6, 8, 2)
        self.banner = RedFlagBanner()
        col.addWidget(self.banner)
        row = QHBoxLayout()
        self.info_label = QLabel()
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setWordWrap(True)  # never widen the window past 1280
        row.addWidget(self.info_label, 1)
        self.intake_button = QPushButton(self.tr("Revise intake…"))
        self.history_button = QPushButton(self.tr("Intake history"))
        self.plan_button = QPushButton(self.tr("Plan…"))
        for b, sig in ((self.intake_button, self.intake_requested), (self.history_button, self.history_requested), (self.plan_button, self.plan_requested)):  # fmt: skip
            b.clicked.connect(lambda _=False, s=sig: self.client_id and s.emit(self.client_id))
            row.addWidget(b)
        col.addLayout(row)
        self.set_client(None)

    def set_client(self, client_id: str | None) -> None:
        self.client_id = client_id
        overview = None
        if client_id is not None:
            try:
                overview = self.store.open_client(client_id)
            except StoreError:
                overview = None
        self.show_overview(overview)

    def refresh(self) -> None:
        self.set_client(self.client_id)

    def show_overview(self, overview: ClientOverview | None) -> None:
        for b in (self.intake_button, self.history_button, self.plan_button):
            b.setEnabled(overview is not None)
        self.setVisible(overview is not None)
        if overview is None:
            self.banner.show_flags([])
            self.info_label.setText("")
            return
        self.banner.show_flags(red_flag_lines(overview.intake))
        parts = []
        self.intake_button.setText(self.tr("Start intake…") if overview.intake is None else self.tr("Revise intake…"))  # fmt: skip
        self.history_button.setEnabled(overview.intake is not None)
        if overview.intake is None:
            parts.append(self.tr("No intake yet"))
        else:
            parts.append(self.tr("Intake rev. {0} ({1:%Y-%m-%d})").format(overview.intake.revision, overview.intake.recorded_at))  # fmt: skip
        nxt = next_appointment(overview.plans, datetime.now())
        parts.append(self.tr("Next appointment: <b>{0}</b>").format(f"{nxt:%a %d %b %Y, %H:%M}" if nxt else self.tr("none booked")))  # fmt: skip
        plan = overview.latest_plan
        if plan is not None and plan.review_date is not None:
            parts.append(self.tr("Plan review {0:%Y-%m-%d}").format(plan.review_date))
        self.info_label.setText(" · ".join(parts))
