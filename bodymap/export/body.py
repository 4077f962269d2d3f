"""The body drawn as vector paths from the atlas: one viewBox-to-page transform per view."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import shapely
from reportlab.pdfgen.canvas import Canvas
from shapely.geometry.base import BaseGeometry

from bodymap.export import colours
from bodymap.export.fonts import BOLD
from bodymap.geometry import Atlas

# Simplification tolerance in viewBox units: about 0.1 pt at report scale, invisible on paper,
# and it cuts the flattened outlines from ~50,000 points to ~3,000.
SIMPLIFY = 0.25
_cache: weakref.WeakKeyDictionary[Atlas, dict[str, BodyPaths]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class ViewTransform:
    """Maps one view's viewBox units to PDF points: scale, shift and a flipped y axis."""

    scale: float
    x0: float  # page x of viewBox x = left
    y0: float  # page y of viewBox y = top
    left: float
    top: float

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return self.x0 + (x - self.left) * self.scale, self.y0 - (y - self.top) * self.scale

    @contextmanager
    def applied(self, canv: Canvas) -> Iterator[None]:
        """Draw in viewBox units inside the block (paths only: text would come out mirrored)."""
        canv.saveState()
        canv.transform(self.scale, 0, 0, -self.scale, self.x0 - self.left * self.scale,
                       self.y0 + self.top * self.scale)  # fmt: skip
        try:
            yield
        finally:
            canv.restoreState()


def path_ops(coords: np.ndarray, *, close: bool) -> str:
    """PDF path operators for one ring or line in viewBox units."""
    if len(coords) < 2:
        return ""
    text = [f"{coords[0, 0]:.2f} {coords[0, 1]:.2f} m"]
    text += [f"{x:.2f} {y:.2f} l" for x, y in coords[1:].tolist()]
    if close:
        text.append("h")
    return " ".join(text)


def geom_ops(geom: BaseGeometry) -> str:
    """Path operators for the rings of a (multi)polygon, holes included."""
    out = []
    for part in getattr(geom, "geoms", [geom]):
        if part.is_empty or part.geom_type != "Polygon":
            continue
        for ring in [part.exterior, *part.interiors]:
            out.append(path_ops(shapely.get_coordinates(ring), close=True))
    return " ".join(out)


@dataclass(frozen=True)
class BodyPaths:
    """A view's drawing geometry, simplified and turned into path operators once per atlas."""

    silhouette: str
    zone_ops: dict[str, str]
    borders: str
    outline: str
    landmarks: str


def body_paths(atlas: Atlas, view: str) -> BodyPaths:
    """The cached drawing geometry of one view of an atlas."""
    per_atlas = _cache.setdefault(atlas, {})
    if view not in per_atlas:
        info = atlas.view(view)
        zone_ops = {z.id: geom_ops(z.polygon.simplify(SIMPLIFY)) for z in atlas.zones_in(view)}
        lines: dict[bool, list[str]] = {True: [], False: []}
        for kind, _d, strokes in info.decorations:
            for ln in strokes:
                coords = shapely.get_coordinates(ln.simplify(SIMPLIFY))
                lines[kind == "outline"].append(path_ops(coords, close=False))
        per_atlas[view] = BodyPaths(
            silhouette=geom_ops(info.silhouette.simplify(SIMPLIFY)),
            zone_ops=zone_ops,
            borders=" ".join(zone_ops.values()),
            outline=" ".join(lines[True]),
            landmarks=" ".join(lines[False]),
        )
    return per_atlas[view]


def frame(atlas: Atlas) -> tuple[float, float, float, float]:
    """The box (left, top, width, height) around every view's silhouette: one common scale."""
    bounds = [atlas.view(v).silhouette.bounds for v in atlas.views]
    left, top = min(b[0] for b in bounds), min(b[1] for b in bounds)
    right, bottom = max(b[2] for b in bounds), max(b[3] for b in bounds)
    return left, top, right - left, bottom - top


def fill_ops(canv: Canvas, ops: str) -> None:
    """Fill path operators (even-odd, so holes stay open) with the current fill colour."""
    if ops:
        canv.addLiteral(ops + " f*")


def stroke_ops(canv: Canvas, ops: str) -> None:
    if ops:
        canv.addLiteral(ops + " S")


def draw_body(canv: Canvas, atlas: Atlas, view: str, tf: ViewTransform) -> None:
    """The light body, thin grey zone borders, then the darker outline and landmark strokes."""
    paths = body_paths(atlas, view)
    with tf.applied(canv):
        canv.setFillColor(colours.BODY_FILL)
        fill_ops(canv, paths.silhouette)
        canv.setLineJoin(1)
        canv.setLineCap(1)
        for ops, colour, width in ((paths.borders, colours.ZONE_LINE, 0.25),
                                   (paths.landmarks, colours.LANDMARK, 0.35),
                                   (paths.outline, colours.OUTLINE, 0.7)):  # fmt: skip
            canv.setStrokeColor(colour)
            canv.setLineWidth(width / tf.scale)  # widths in points, whatever the scale
            stroke_ops(canv, ops)


def draw_sides(canv: Canvas, view: str, x: float, y: float, width: float, height: float) -> None:
    """R/L from the patient's perspective beside the figure, and FRONT/BACK under it.

    Front view: the patient's right is on the viewer's left; back view: the patient's left is.
    """
    left, right = ("R", "L") if view == "front" else ("L", "R")
    canv.saveState()
    canv.setFillColor(colours.MUTED)
    canv.setFont(BOLD, 9)
    top = y + height - 0.06 * height
    canv.drawCentredString(x + 0.2 * width, top, left)
    canv.drawCentredString(x + 0.8 * width, top, right)
    canv.setFont(BOLD, 7.5)
    canv.setFillColor(colours.INK)
    canv.drawCentredString(x + width / 2, y - 10, view.upper())
    canv.restoreState()
