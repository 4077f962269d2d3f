"""The body map tab: a bar of mode, chart and layer switches above the map view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from bodymap.ui.chart.scene import BodyScene
from bodymap.ui.chart.view import BodyMapView


def _button(action: QAction, name: str = "") -> QToolButton:
    b = QToolButton()
    b.setDefaultAction(action)
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    if name:
        b.setObjectName(name)
    return b


class MapPanel(QWidget):
    """Switch bar, read-only banner and the BodyMapView."""

    def __init__(
        self, scene: BodyScene, actions: dict[str, QAction], parent: QWidget | None = None
    ):
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        bar = QFrame()
        bar.setObjectName("mapBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(4)
        for names in (("mode_tap", "mode_shade", "mode_findings"), ("slot_pre", "slot_post")):
            row.addSpacing(12)
            for i, n in enumerate(names):
                pos = "first" if i == 0 else ("last" if i == len(names) - 1 else "middle")
                row.addWidget(_button(actions[n], f"seg_{pos}"))
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Show")))
        for n in ("layer_pain", "layer_findings", "show_other"):
            row.addWidget(_button(actions[n], "toggle"))
        row.addStretch(1)
        row.addWidget(_button(actions["fit"], "plain"))  # zoom itself: wheel, pinch, +/-
        actions["fit"].setIconText(self.tr("Fit"))
        col.addWidget(bar)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setVisible(False)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.banner)
        self.view = BodyMapView(scene)
        col.addWidget(self.view, 1)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
