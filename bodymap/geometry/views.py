"""View metadata: a view's title, the chart page it belongs to, and how it maps onto another view.

zones.json may list the views (`"views": [{"id": "hand-right-palmar", "title": "Right palm",
"chart": "hands", "of": "front", "transform": [a, b, c, d, e, f]}, ...]`); an SVG's root element
may say the same with data-title, data-chart, data-of, data-transform, data-scale and
data-mirror. `transform` is an SVG matrix taking this view's points to the `of` view's; `scale` is
how many viewBox units of this view make one unit of the whole-body views (derived from the
transform when not given).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Matrix = tuple[float, float, float, float, float, float]

# The chart pages of the built-in atlas, in the order the window offers them.
CHART_TITLES: dict[str, str] = {
    "body": "Body",
    "sides": "Sides",
    "head": "Head",
    "hands": "Hands",
    "feet": "Feet",
}


@dataclass(frozen=True)
class ViewMeta:
    """What the data file or the SVG says about one view."""

    id: str
    title: str = ""
    chart: str = ""
    of: str | None = None
    transform: Matrix | None = None
    scale: float | None = None
    mirror: str | None = None


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point (x, y) carried through an SVG matrix (a, b, c, d, e, f)."""
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix of `outer` after `inner`."""
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a1 * a2 + c1 * b2,
        b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2,
        b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1,
        b1 * e2 + d1 * f2 + f1,
    )


def invert(m: Matrix) -> Matrix:
    """The inverse matrix; ValueError when it squashes the plane flat."""
    a, b, c, d, e, f = m
    det = a * d - b * c
    if not math.isfinite(det) or abs(det) < 1e-12:
        raise ValueError("the transform squashes the view flat (its determinant is 0)")
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(ia * e + ic * f), -(ib * e + id_ * f))


def area_ratio(m: Matrix) -> float:
    """How much the matrix multiplies areas by."""
    a, b, c, d, _, _ = m
    return abs(a * d - b * c)


def parse_matrix(value: Any, where: str) -> Matrix:
    """Six finite numbers, as a list or as the text "matrix(a b c d e f)" / "a,b,c,d,e,f"."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("matrix(") and text.endswith(")"):
            text = text[7:-1]
        parts: list[Any] = text.replace(",", " ").split()
    else:
        parts = list(value) if isinstance(value, (list, tuple)) else []
    try:
        nums = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        nums = ()
    if len(nums) != 6 or not all(math.isfinite(n) for n in nums):
        raise ValueError(f"{where}: the transform must be six finite numbers a b c d e f")
    invert(nums)  # type: ignore[arg-type]
    return nums  # type: ignore[return-value]


def _positive(value: Any, where: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = math.nan
    if not math.isfinite(v) or v <= 0:
        raise ValueError(f"{where}: the scale must be a positive number")
    return v


def view_meta(raw: dict[str, Any], where: str) -> ViewMeta:
    """One view's metadata from a zones.json entry or an SVG root's data-* attributes."""
    vid = raw.get("id")
    if not isinstance(vid, str) or not vid:
        raise ValueError(f"{where} lacks field 'id'")
    texts = {k: raw.get(k) for k in ("title", "chart", "of", "mirror")}
    for k, v in texts.items():
        if v is not None and not isinstance(v, str):
            raise ValueError(f"{where}.{k} must be text")
    transform = raw.get("transform")
    scale = raw.get("scale")
    return ViewMeta(
        id=vid,
        title=texts["title"] or "",
        chart=texts["chart"] or "",
        of=texts["of"] or None,
        transform=None if transform in (None, "") else parse_matrix(transform, where),
        scale=None if scale in (None, "") else _positive(scale, where),
        mirror=texts["mirror"] or None,
    )


def svg_view_meta(view: str, attrs: dict[str, str], file: str) -> ViewMeta:
    """The metadata an SVG root element carries about its own view."""
    raw: dict[str, Any] = {"id": view}
    for key in ("title", "chart", "of", "transform", "scale", "mirror"):
        if f"data-{key}" in attrs:
            raw[key] = attrs[f"data-{key}"]
    return view_meta(raw, file)


def read_views_file(path: Path) -> dict[str, ViewMeta]:
    """zones.json's optional "views" list; raises ValueError naming the bad entry."""
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    entries = data.get("views", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError("'views' must be a list")
    out: dict[str, ViewMeta] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ValueError(f"views[{i}] is not an object")
        meta = view_meta(entry, f"views[{i}]")
        out[meta.id] = meta
    return out


def merge(svg: ViewMeta, data: ViewMeta | None) -> ViewMeta:
    """The data file's word wins over the SVG's, field by field."""
    if data is None:
        return svg
    return ViewMeta(
        id=svg.id,
        title=data.title or svg.title,
        chart=data.chart or svg.chart,
        of=data.of or svg.of,
        transform=data.transform or svg.transform,
        scale=data.scale or svg.scale,
        mirror=data.mirror or svg.mirror,
    )


def default_title(view: str) -> str:
    return view.replace("-", " ").capitalize()
