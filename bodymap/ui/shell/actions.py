"""The window's actions and their shortcuts, in one table the help dialog also reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


@dataclass(frozen=True)
class Spec:
    name: str
    text: str
    keys: tuple[str, ...] = ()
    checkable: bool = False
    group: str = ""
    tip: str = ""


SPECS = (
    Spec("new_client", "New client…", ("Ctrl+N",)),
    Spec("new_visit", "New visit", ("Ctrl+Shift+N",)),
    Spec("find_client", "Find client", ("Ctrl+F",)),
    Spec("screenshot", "Save window image…", ("Ctrl+Shift+S",)),
    Spec("quit", "Quit", ("Ctrl+Q",)),
    Spec("undo", "Undo", ("Ctrl+Z",)),
    Spec("redo", "Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    Spec("delete", "Delete selected", ("Delete", "Backspace")),
    Spec(
        "place",
        "Mark a zone by name…",
        ("Ctrl+K",),
        tip="Mark, shade or add a finding on a zone chosen by name (Ctrl+K)",
    ),
    Spec("deselect", "Clear the selection", ("Esc",)),
    Spec("nudge_left", "Move selected left", ("Alt+Left",)),
    Spec("nudge_right", "Move selected right", ("Alt+Right",)),
    Spec("nudge_up", "Move selected up", ("Alt+Up",)),
    Spec("nudge_down", "Move selected down", ("Alt+Down",)),
    Spec("next_item", "Select next item", ("]",)),
    Spec("prev_item", "Select previous item", ("[",)),
    Spec("mode_tap", "Tap", ("T",), True, "mode", "Tap mode: click a point to mark pain (T)"),
    Spec("mode_shade", "Shade", ("S",), True, "mode", "Shade mode: paint an area of pain (S)"),
    Spec(
        "mode_findings",
        "Findings",
        ("F",),
        True,
        "mode",
        "Findings: trigger points, tissue findings, arrows (F)",
    ),  # fmt: skip
    Spec("slot_pre", "Pre", ("Ctrl+1",), True, "slot", "Chart before treatment (Ctrl+1)"),
    Spec("slot_post", "Post", ("Ctrl+2",), True, "slot", "Chart after treatment (Ctrl+2)"),
    Spec("show_other", "Other chart", ("O",), True, tip="Show the other chart faintly (O)"),
    Spec("layer_pain", "Pain", ("Alt+1",), True, tip="Show or hide the client pain layer (Alt+1)"),
    Spec(
        "layer_findings",
        "Findings",
        ("Alt+2",),
        True,
        tip="Show or hide the therapist findings layer (Alt+2)",
    ),
    Spec("zoom_in", "Zoom in", ("Ctrl+=", "Ctrl++")),
    Spec("zoom_out", "Zoom out", ("Ctrl+-",)),
    Spec("fit", "Fit to window", ("Ctrl+0",)),
    Spec(
        "layer_referrals",
        "Referral patterns",
        ("Alt+3",),
        True,
        tip="Show the referral patterns of all trigger points with a muscle (Alt+3)",
    ),
    Spec("possible_sources", "Possible sources", ("Ctrl+Shift+R",)),
    Spec("export_visit", "Session chart…", ("Ctrl+E",)),
    Spec("export_compare", "Before/after comparison…", ("Ctrl+Shift+E",)),
    Spec("export_progress", "Progress report…", ("Ctrl+Alt+E",)),
    Spec("dark", "Dark theme", ("Ctrl+Shift+D",), True),
    Spec("help", "Keyboard shortcuts", ("F1",)),
)
EXTRA_KEYS = (
    ("0 … 9", "Set intensity (1 then 0 quickly = 10)"),
    ("Arrow keys", "Scroll the body map"),
    ("+ / −, mouse wheel, pinch", "Zoom the body map"),
    ("Space + drag, middle drag", "Pan the body map"),
    ("Alt + click", "Select shading (a plain click on shading marks pain there)"),
    ("Drag a mark or finding", "Move it (its zone follows)"),
    ("Tab / Shift+Tab", "Move between the client list, visits, map and editor"),
)


def build_actions(owner: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in SPECS:
        a = QAction(owner.tr(spec.text), owner)
        a.setObjectName(spec.name)
        a.setShortcuts([QKeySequence(k) for k in spec.keys])
        a.setCheckable(spec.checkable)
        tip = owner.tr(spec.tip) if spec.tip else f"{owner.tr(spec.text)} ({', '.join(spec.keys)})"
        a.setToolTip(tip)
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(owner)).addAction(a)
        owner.addAction(a)
        actions[spec.name] = a
    return actions


def shortcut_rows(owner: QWidget) -> list[tuple[str, str]]:
    """Every shortcut: the table above, then actions that panels install later (client mode...)."""
    rows = [(", ".join(s.keys), _plain(owner.tr(s.tip or s.text))) for s in SPECS if s.keys]
    listed = {keys for r in rows for keys in r[0].split(", ")}
    for a in owner.findChildren(QAction):
        keys = a.shortcut().toString()
        if keys and keys not in listed:
            rows.append((keys, _plain(a.text())))
            listed.add(keys)
    return rows + [(k, owner.tr(t)) for k, t in EXTRA_KEYS]


MENUS = (
    ("&File", ("new_client", "new_visit", "find_client", None,
               ("&Export", ("export_visit", "export_compare", "export_progress")),
               "screenshot", None, "quit")),
    ("&Edit", ("undo", "redo", None, "delete", "place", "next_item", "prev_item", "deselect", None,
               "nudge_left", "nudge_right", "nudge_up", "nudge_down")),
    ("&Chart", ("mode_tap", "mode_shade", "mode_findings", None, "slot_pre", "slot_post",
                "show_other", None, "layer_pain", "layer_findings", "layer_referrals", None,
                "possible_sources")),
    ("&View", ("zoom_in", "zoom_out", "fit", None, "dark")),
    ("&Help", ("help",)),
)  # fmt: skip


def build_menus(bar: QMenuBar, actions: dict[str, QAction]) -> None:
    for title, names in MENUS:
        _fill(bar.addMenu(bar.tr(title)), names, actions)


def _fill(menu: QMenu, names: tuple, actions: dict[str, QAction]) -> None:
    """Actions, separators (None) and (title, names) submenus."""
    for n in names:
        if n is None:
            menu.addSeparator()
        elif isinstance(n, tuple):
            _fill(menu.addMenu(menu.tr(n[0])), n[1], actions)
        else:
            menu.addAction(actions[n])


def _plain(text: str) -> str:
    """A tooltip without its trailing "(keys)", for the shortcuts table."""
    return re.sub(r"\s*\([^)]*\)$", "", text).rstrip("…")
