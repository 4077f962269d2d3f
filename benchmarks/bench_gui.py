"""GUI input latency: input event -> model updated (and saved) -> scene item added, offscreen.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py
A visit with 500 strokes is open in the real main window (built-in atlas, temporary SQLite).
Measured, as medians in this run:
  * click: a real mouse click on the viewport in tap mode -> PainMark on the chart, written to
    the database, its graphic in the scene;
  * stroke: press, 198 moves and release of a 200-point stroke in shade mode (a hatch over an
    area, zoomed in so every point is kept) -> Stroke on the chart and in the database,
    coverage and extent updated, its graphic in the scene (the release, which does all that,
    and the mean cost of one move while drawing);
  * the same with the database write left out (a document without a sink), to show its share.
Baselines in the same run: Qt's own hit test, QGraphicsScene.items(point) over the zones as
path items, and shapely's buffer of the 200-point line (the least any stroke commit must do).
A frame at 60 Hz is 16.7 ms.
"""

from __future__ import annotations

import math
import os
import random
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsScene  # noqa: E402

from bodymap.geometry import load_atlas  # noqa: E402
from bodymap.geometry.strokes import stroke_shape  # noqa: E402
from bodymap.model import Chart, Client, Stroke, Visit, VisitDocument  # noqa: E402
from bodymap.store import Store  # noqa: E402
from bodymap.ui.chart.scene import geometry_path  # noqa: E402
from bodymap.ui.shell.main_window import MainWindow  # noqa: E402

N_STROKES = 500
FRAME_MS = 1000 / 60


def random_stroke(atlas, rng: random.Random, n: int = 20) -> Stroke:
    """A hand-drawn-looking stroke: a gently wandering line from a zone's point."""
    view = rng.choice(("front", "back"))
    x, y = atlas.zone(rng.choice([z.id for z in atlas.zones_in(view)])).point
    heading = rng.uniform(0, 6.283)
    pts = []
    for _ in range(n):
        pts.append((x, y))
        heading += rng.uniform(-0.3, 0.3)
        x, y = x + 2.0 * math.cos(heading), y + 2.0 * math.sin(heading)
    return Stroke(
        view=view, points=tuple(pts), width=rng.uniform(8, 24), intensity=rng.randint(1, 9)
    )


def hatch(cx: float, cy: float, n: int = 200) -> list[tuple[float, float]]:
    """n points 2 units apart, back and forth over 5 rows: how an area gets shaded."""
    row = n // 5
    out = []
    for i in range(n):
        r, k = divmod(i, row)
        x = cx - 40 + 2.0 * (k if r % 2 == 0 else row - 1 - k)
        out.append((x, cy - 12 + 6 * r))
    return out


def body_points(atlas, view: str, rng: random.Random, n: int) -> list[tuple[float, float]]:
    """Points of different zones, far enough apart that no click lands on an earlier mark
    (a click on a mark selects it instead)."""
    zones = list(atlas.zones_in(view))
    rng.shuffle(zones)
    out: list[tuple[float, float]] = []
    for z in zones:
        x, y = z.point
        if all((x - a) ** 2 + (y - b) ** 2 > 40**2 for a, b in out):
            out.append((x, y))
    return out[:n]


def ms(samples: list[float]) -> float:
    return 1000 * statistics.median(samples)


def main() -> None:
    app = QApplication.instance() or QApplication(["bench"])
    atlas = load_atlas()
    rng = random.Random(7)
    tmp = tempfile.mkdtemp(prefix="bodymap-bench-")
    store = Store.open(Path(tmp) / "bench.sqlite", atlas=atlas, create=True)
    client = store.add_client(Client(name="Bench Client (synthetic)"))
    strokes = tuple(random_stroke(atlas, rng) for _ in range(N_STROKES))
    visit = store.add_visit(
        Visit(
            client_id=client.id,
            started_at=datetime(2024, 1, 1, 9),
            pre_chart=Chart(strokes=strokes),
        )
    )
    window = MainWindow(store, atlas)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    t0 = time.perf_counter()
    window.open_visit_id(visit.id)
    open_ms = 1000 * (time.perf_counter() - t0)
    window.view.fit()
    app.processEvents()
    vp, view = window.view.viewport(), window.view

    def pos(v: str, x: float, y: float):
        return view.mapFromScene(window.scene.to_scene(v, x, y))

    # -- click -> mark ---------------------------------------------------------------
    window.actions["mode_tap"].trigger()
    click_s = []
    for x, y in body_points(atlas, "front", rng, 30):
        before = len(window.session.visit.pre_chart.marks)
        t = time.perf_counter()
        QTest.mouseClick(
            vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos("front", x, y)
        )
        click_s.append(time.perf_counter() - t)
        assert len(window.session.visit.pre_chart.marks) == before + 1
        assert window.controller.layers.graphic(window.session.visit.pre_chart.marks[-1].id)

    # -- 200-point stroke (a hatch of 5 rows, zoomed in as when shading) -----------------
    window.actions["mode_shade"].trigger()
    view.fit()
    view.zoom_by(3.0)

    def draw_strokes(n: int) -> tuple[list[float], list[float], list[float], list[int]]:
        release_s, move_s, total_s, recorded = [], [], [], []
        for _ in range(n):
            cx, cy = atlas.zone(rng.choice([z.id for z in atlas.zones_in("back")])).point
            view.centerOn(window.scene.to_scene("back", cx, cy))
            pts = hatch(cx, cy)
            before = len(window.session.visit.pre_chart.strokes)
            t_all = time.perf_counter()
            QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos("back", *pts[0]))  # fmt: skip
            t = time.perf_counter()
            for p in pts[1:-1]:
                QTest.mouseMove(vp, pos("back", *p))
            move_s.append((time.perf_counter() - t) / (len(pts) - 2))
            t = time.perf_counter()
            QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos("back", *pts[-1]))  # fmt: skip
            release_s.append(time.perf_counter() - t)
            total_s.append(time.perf_counter() - t_all)
            strokes_now = window.session.visit.pre_chart.strokes
            assert len(strokes_now) == before + 1
            recorded.append(len(strokes_now[-1].points))
        return release_s, move_s, total_s, recorded

    release_s, move_s, total_s, recorded = draw_strokes(25)
    undo_s = []
    for _ in range(5):  # undoing a stroke repaints the shading around it
        t = time.perf_counter()
        window.session.undo_stack.undo()
        undo_s.append(time.perf_counter() - t)
    for _ in range(5):
        window.session.undo_stack.redo()

    # -- the same commits without the database write -----------------------------------
    session = window.session
    session.doc = VisitDocument(session.doc.visit)  # no sink: model + scene only
    window.actions["mode_tap"].trigger()
    click_nodb = []
    for x, y in body_points(atlas, "back", rng, 30):
        t = time.perf_counter()
        QTest.mouseClick(
            vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos("back", x, y)
        )
        click_nodb.append(time.perf_counter() - t)

    window.actions["mode_shade"].trigger()
    release_nodb, _, _, _ = draw_strokes(15)
    view.fit()

    # -- repaint with everything on the chart --------------------------------------------
    paint_s = []
    for _ in range(10):
        t = time.perf_counter()
        vp.repaint()
        paint_s.append(time.perf_counter() - t)

    # -- baselines -----------------------------------------------------------------------
    scene = QGraphicsScene()
    for z in atlas.zones_in("front"):
        scene.addItem(QGraphicsPathItem(geometry_path(z.polygon)))
    pts = body_points(atlas, "front", rng, 2000)
    t = time.perf_counter()
    for x, y in pts:
        scene.items(QPointF(x, y))
    qt_hit = (time.perf_counter() - t) / len(pts)
    buf = []
    line = hatch(220.0, 300.0)
    for _ in range(50):
        t = time.perf_counter()
        stroke_shape(line, 16.0)
        buf.append(time.perf_counter() - t)

    click_ms, release_ms = ms(click_s), ms(release_s)
    n_strokes = len(window.session.visit.pre_chart.strokes)
    print(
        f"chart: {n_strokes} strokes, {len(window.session.visit.pre_chart.marks)} marks; open {open_ms:.0f} ms"
    )
    print(
        f"click -> mark saved + drawn          {click_ms:7.2f} ms  ({click_ms / FRAME_MS:.0%} of a frame)"
    )
    print(f"click -> mark drawn, no DB write     {ms(click_nodb):7.2f} ms")
    print(f"stroke move (while drawing), mean    {1000 * statistics.mean(move_s):7.3f} ms")
    print(
        f"stroke release -> saved, coverage    {release_ms:7.2f} ms  ({release_ms / FRAME_MS:.0%} of a frame)"
    )
    print(f"stroke release, no DB write          {ms(release_nodb):7.2f} ms")
    print(f"undo of a stroke (its area repainted){ms(undo_s):7.2f} ms")
    print(f"points recorded per stroke (median)  {statistics.median(recorded):7.0f}")
    print(f"whole 200-point stroke gesture       {ms(total_s):7.2f} ms")
    print(f"repaint of the map viewport          {ms(paint_s):7.2f} ms")
    print(
        f"baseline: QGraphicsScene.items(pt)   {1000 * qt_hit:7.3f} ms  (over {len(atlas.zones_in('front'))} zone paths)"
    )
    print(f"baseline: buffer 200-point stroke    {ms(buf):7.3f} ms")
    print(f"ratio click / Qt hit test            {click_ms / (1000 * qt_hit):7.1f}x")
    print(f"ratio stroke release / buffer        {release_ms / ms(buf):7.1f}x")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
