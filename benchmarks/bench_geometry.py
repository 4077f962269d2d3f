"""Hit test and stroke coverage: bodymap's atlas against Qt's own scene hit test, same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_geometry.py
"""

from __future__ import annotations

import math
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QPainterPath, QPainterPathStroker  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402, F401  (loads the SVG plugin stack)
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsScene  # noqa: E402
from shapely.geometry import Point  # noqa: E402

from bodymap.geometry import load_atlas  # noqa: E402
from bodymap.geometry.strokes import stroke_shape  # noqa: E402


def per_call_us(fn, items, repeat: int = 5) -> float:
    """Median over repeats of the mean time per item, in microseconds."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for it in items:
            fn(it)
        runs.append((time.perf_counter() - t) / len(items) * 1e6)
    return statistics.median(runs)


def qt_scene(atlas, view: str) -> QGraphicsScene:
    scene = QGraphicsScene()
    for z in atlas.zones_in(view):
        path = QPainterPath()
        ring = list(z.polygon.exterior.coords) if z.polygon.geom_type == "Polygon" else []
        if not ring:
            continue
        path.moveTo(*ring[0])
        for x, y in ring[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
        scene.addItem(QGraphicsPathItem(path))
    return scene


def random_stroke(rng: random.Random, sil, n: int = 200) -> list[tuple[float, float]]:
    """A hand-drawn-like stroke: steady speed, gently turning, with a little jitter."""
    minx, miny, maxx, maxy = sil.bounds
    while True:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if sil.contains(Point(x, y)):
            break
    pts = [(x, y)]
    angle = rng.uniform(0, 2 * math.pi)
    for _ in range(n - 1):
        angle += rng.uniform(-0.3, 0.3)
        x += 1.5 * math.cos(angle) + rng.uniform(-0.3, 0.3)
        y += 1.5 * math.sin(angle) + rng.uniform(-0.3, 0.3)
        pts.append((x, y))
    return pts


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    t = time.perf_counter()
    atlas = load_atlas()
    load_ms = (time.perf_counter() - t) * 1e3
    rng = random.Random(7)
    view = "front"
    sil = atlas.view(view).silhouette
    minx, miny, maxx, maxy = sil.bounds
    pts = [(rng.uniform(minx, maxx), rng.uniform(miny, maxy)) for _ in range(2000)]
    scene = qt_scene(atlas, view)
    qpts = [QPointF(x, y) for x, y in pts]
    # warm both (the atlas fills its lookup grid lazily; Qt builds its BSP index on first use)
    for x, y in pts:
        atlas.zone_at(view, x, y)
    scene.items(qpts[0])

    ours = per_call_us(lambda p: atlas.zone_at(view, p[0], p[1]), pts)
    idx = atlas._index[view]
    tree = per_call_us(lambda p: idx.at_tree(p[0], p[1]), pts)
    qt = per_call_us(lambda q: scene.items(q), qpts)

    strokes = [random_stroke(rng, sil) for _ in range(40)]
    cov = per_call_us(lambda s: atlas.coverage(view, stroke_shape(s, 10.0)), strokes, repeat=3)

    def qt_stroke(s):
        path = QPainterPath()
        path.moveTo(*s[0])
        for x, y in s[1:]:
            path.lineTo(x, y)
        stroker = QPainterPathStroker()
        stroker.setWidth(10.0)
        return scene.items(stroker.createStroke(path))

    qt_cov = per_call_us(qt_stroke, strokes, repeat=3)

    print(f"atlas: {len(atlas.zones)} zones; load_atlas {load_ms:.0f} ms")
    print(f"point -> zone, bodymap zone_at (grid + prepared polygons): {ours:7.2f} us/call")
    print(f"point -> zone, plain STRtree query (in-run reference):      {tree:7.2f} us/call")
    print(f"point -> zone, Qt QGraphicsScene.items(point) baseline:     {qt:7.2f} us/call")
    print(f"  ratio Qt / bodymap: {qt / ours:.1f}x faster")
    print(
        f"200-point stroke -> zone coverage fractions (bodymap):      {cov / 1000:7.3f} ms/stroke"
    )
    print(
        f"200-point stroke -> touched zones only (Qt items(path)):    {qt_cov / 1000:7.3f} ms/stroke"
    )
    print(
        f"  ratio Qt / bodymap: {qt_cov / cov:.2f}x (Qt finds zones only; bodymap also measures areas)"
    )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
