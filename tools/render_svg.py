"""Renders an SVG to PNG with Qt (offscreen), optionally tinting zones to see the partition.

Run: .venv/bin/python tools/render_svg.py IN.svg OUT.png [--scale 2] [--tint] [--crop x,y,w,h]
"""

from __future__ import annotations

import argparse
import colorsys
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def tint(svg: str) -> str:
    n = [0]

    def repl(m: re.Match) -> str:
        n[0] += 1
        h = (n[0] * 0.618034) % 1.0
        r, g, b = colorsys.hls_to_rgb(h, 0.82, 0.55)
        return f'{m.group(0)} fill="#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"'

    return re.sub(r'<path id="[^"]+" class="zone"', repl, svg)


def main() -> int:
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.5)
    ap.add_argument("--tint", action="store_true")
    ap.add_argument("--crop", help="x,y,w,h in viewBox units")
    a = ap.parse_args()
    _app = QGuiApplication(sys.argv)
    svg = Path(a.src).read_text(encoding="utf-8")
    if a.tint:
        svg = tint(svg)
    r = QSvgRenderer(QByteArray(svg.encode()))
    vb = r.viewBoxF()
    if a.crop:
        x, y, w, h = (float(t) for t in a.crop.split(","))
        vb = QRectF(x, y, w, h)
        r.setViewBox(vb)
    img = QImage(int(vb.width() * a.scale), int(vb.height() * a.scale), QImage.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    r.render(p)
    p.end()
    img.save(a.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
