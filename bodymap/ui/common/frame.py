"""The window calls an installer makes on the main window it extends: text, menus, docks, bars."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QMenuBar,
    QStatusBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class WindowFrame(Protocol):
    """A QMainWindow as the installers use it; each installer's host adds the parts it needs.

    Installers receive the window typed against such a protocol, so that no ui subpackage
    imports the shell that composes them (which would be an import cycle).
    """

    def tr(self, text: str) -> str: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def style(self) -> QStyle: ...
    def addAction(self, action: QAction) -> None: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...
    def takeCentralWidget(self) -> QWidget: ...
    def setCentralWidget(self, widget: QWidget) -> None: ...
    def show(self) -> None: ...
    def hide(self) -> None: ...


def add_strip_above(window: WindowFrame, strip: QWidget) -> None:
    """Put `strip` (a header, a banner) across the top of the window's central area."""
    below = window.takeCentralWidget()
    central = QWidget()
    col = QVBoxLayout(central)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(0)
    col.addWidget(strip)
    col.addWidget(below, 1)
    window.setCentralWidget(central)
