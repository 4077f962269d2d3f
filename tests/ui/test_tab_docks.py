"""The map's docks give their room to the notes and outcomes tabs, and come back on the map."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_marking_dock_hides_off_the_map_tab(window):
    window.show()
    assert window.editor_dock.isVisible()
    window.tabs.setCurrentIndex(1)  # Treatment & notes
    assert not window.editor_dock.isVisible()
    window.tabs.setCurrentIndex(2)  # Outcomes: still hidden, and remembered once
    assert not window.editor_dock.isVisible()
    window.tabs.setCurrentIndex(0)
    assert window.editor_dock.isVisible()
