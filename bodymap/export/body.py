"""The body drawn as vector paths from the atlas: one viewBox-to-page transform per view."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
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

    def array(self, coords: np.ndarray) -> np.ndarray:
        out = np.empty_like(coords)
        out[:, 0] = self.x0 + (coords[:, 0] - self.left) * self.scale
        out[:, 1] = self.y0 - (coords[:, 1] - self.top) * self.scale
        return out


@dataclass(frozen=True)
class BodyPaths:
    """A view's drawing geometry, simplified once per atlas."""

    silhouette: BaseGeometry
    zones: dict[str, BaseGeometry]
    outline: tuple[np.ndarray, ...]
    landmarks: tuple[np.ndarray, ...]


def body_paths(atlas: Atlas, view: str) -> BodyPaths:
    """The cached simplified geometry of one view of an atlas."""
    per_atlas = _cache.setdefault(atlas, {})
    if view not in per_atlas:
        info = atlas.view(view)
        zones = {z.id: z.polygon.simplify(SIMPLIFY) for z in atlas.zones_in(view)}
        outline: list[np.ndarray] = []
        landmarks: list[np.ndarray] = []
        for kind, _d, lines in info.decorations:
            target = outline if kind == "outline" else landmarks
            target += [shapely.get_coordinates(ln.simplify(SIMPLIFY)) for ln in lines]
        per_atlas[view] = BodyPaths(info.silhouette.simplify(SIMPLIFY), zones,
                                    tuple(outline), tuple(landmarks))  # fmt: skip
    return per_atlas[view]


def frame(atlas: Atlas) -> tuple[float, float, float, float]:
    """The box (left, top, width, height) around every view's silhouette: one common scale."""
    bounds = [atlas.view(v).silhouette.bounds for v in atlas.views]
    left, top = min(b[0] for b in bounds), min(b[1] for b in bounds)
    right, bottom = max(b[2] for b in bounds), max(b[3] for b in bounds)
    return left, top, right - left, bottom - top


def add_rings(path: object, geom: BaseGeometry, tf: ViewTransform) -> None:
    """Add a (multi)polygon's rings, holes included, to a canvas path."""
    for part in getattr(geom, "geoms", [geom]):
        if part.is_empty or part.geom_type != "Polygon":
            continue
        for ring in [part.exterior, *part.interiors]:
            add_line(path, shapely.get_coordinates(ring), tf, close=True)


def add_line(path: object, coords: np.ndarray, tf: ViewTransform, *, close: bool = False) -> None:
    pts = tf.array(coords)
    if len(pts) < 2:
        return
    path.moveTo(float(pts[0, 0]), float(pts[0, 1]))  # type: ignore[attr-defined]
    for x, y in pts[1:].tolist():
        path.lineTo(x, y)  # type: ignore[attr-defined]
    if close:
        path.close()  # type: ignore[attr-defined]


def fill_shapes(canv: Canvas, shapes: Iterable[BaseGeometry], tf: ViewTransform) -> None:
    """Fill (multi)polygons with the current fill colour (even-odd, so holes stay open)."""
    path = canv.beginPath()
    for g in shapes:
        add_rings(path, g, tf)
    canv.drawPath(path, stroke=0, fill=1, fillMode=0)


def draw_body(canv: Canvas, atlas: Atlas, view: str, tf: ViewTransform) -> None:
    """The light body, thin grey zone borders, then the darker outline and landmark strokes."""
    paths = body_paths(atlas, view)
    canv.saveState()
    canv.setFillColor(colours.BODY_FILL)
    fill_shapes(canv, [paths.silhouette], tf)
    canv.setLineJoin(1)
    canv.setStrokeColor(colours.ZONE_LINE)
    canv.setLineWidth(0.25)
    path = canv.beginPath()
    for g in paths.zones.values():
        add_rings(path, g, tf)
    canv.drawPath(path, stroke=1, fill=0)
    for lines, colour, width in ((paths.landmarks, colours.LANDMARK, 0.35),
                                 (paths.outline, colours.OUTLINE, 0.7)):  # fmt: skip
        canv.setStrokeColor(colour)
        canv.setLineWidth(width)
        path = canv.beginPath()
        for coords in lines:
            add_line(path, coords, tf)
        canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()


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
