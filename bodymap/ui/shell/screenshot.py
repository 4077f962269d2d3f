"""Render the main window offscreen to a PNG (for `bodymap screenshot` and documentation)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from bodymap.geometry import Atlas
from bodymap.ops.demo import create_demo
from bodymap.store import Store
from bodymap.ui.shell.main_window import MainWindow


def render_window(
    store: Store,
    atlas: Atlas,
    output: Path,
    *,
    client: str | None = None,
    visit: str | None = None,
    size: tuple[int, int] = (1280, 800),
    dark: bool = False,
    mode: str = "tap",
    post: bool = False,
) -> Path:
    """Open a visit (the demo client's latest unless given) and save the window as a PNG."""
    app = QApplication.instance() or QApplication(["bodymap"])
    if client is None and visit is None:
        client_id = create_demo(store, atlas).client.id
    elif visit is not None:
        client_id = store.get_visit(visit).client_id
    else:
        client_id = store.resolve_client_id(client)  # type: ignore[arg-type]
    window = MainWindow(store, atlas, dark=dark)
    window.resize(*size)
    window.client_panel.select_client(client_id)
    if visit is not None:
        window.client_panel.select_visit(visit)
    window.open_visit_id(visit or window.client_panel.visit_list.item(0).data(0x0100))
    window.actions[f"mode_{mode}"].trigger()
    if post:
        window.actions["slot_post"].trigger()
    window.show()
    for _ in range(3):
        app.processEvents()
    window.view.fit()
    app.processEvents()
    output.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(output)):
        raise ValueError(f"could not write {output}")
    window.close()
    return output
