"""Checks of model objects against an atlas: zone ids and views its own, points inside its views.

A point must lie in its view's box (with a margin of MARGIN of the box's size on every side):
a value from a broken import or a wild drag never reaches the geometry or the PDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bodymap.geometry import Atlas
from bodymap.model.arrows import arrow_problems
from bodymap.model.chart import ITEM_FIELDS, Chart
from bodymap.model.record import ClientRecord
from bodymap.model.visit import Visit

MARGIN = 0.05

Box = tuple[float, float, float, float]


def allowed_box(atlas: Atlas, view: str) -> Box:
    """(x0, y0, x1, y1): where points of `view` may lie (its view box and the margin)."""
    x, y, w, h = atlas.view(view).viewbox
    mx, my = MARGIN * w, MARGIN * h
    return (x - mx, y - my, x + w + mx, y + h + my)


def clamp_point(box: Box, point: tuple[float, float]) -> tuple[float, float]:
    """The nearest point inside `box` (a drag that left the view stops at its edge)."""
    x0, y0, x1, y1 = box
    return (min(max(point[0], x0), x1), min(max(point[1], y0), y1))


def _outside(box: Box, named: Iterable[tuple[str, tuple[float, float] | None]]) -> list[str]:
    x0, y0, x1, y1 = box
    for name, p in named:
        if p is not None and not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
            return [
                f"{name}: ({p[0]:g}, {p[1]:g}) is outside the view "
                f"(x {x0:g} to {x1:g}, y {y0:g} to {y1:g})"
            ]
    return []


def _point_problems(chart: Chart, atlas: Atlas, prefix: str) -> list[str]:
    out: list[str] = []
    for kind in ("marks", "findings"):
        for i, item in enumerate(getattr(chart, kind)):
            if item.view in atlas.views:
                named = [(f"{prefix}{kind}[{i}].point", item.point)]
                out += _outside(allowed_box(atlas, item.view), named)
    for i, a in enumerate(chart.arrows):
        if a.view in atlas.views:
            named = [(f"{prefix}arrows[{i}].start", a.start), (f"{prefix}arrows[{i}].end", a.end)]
            out += _outside(allowed_box(atlas, a.view), named)
    for i, s in enumerate(chart.strokes):
        if s.view in atlas.views:
            named = [(f"{prefix}strokes[{i}].points[{j}]", p) for j, p in enumerate(s.points)]
            out += _outside(allowed_box(atlas, s.view), named)
    return out


def chart_problems(chart: Chart, atlas: Atlas, path: str = "") -> list[str]:
    """Every unknown zone id or view, and every point outside its view, as "path: message"."""
    prefix = f"{path}." if path else ""
    out: list[str] = []
    for kind, zone_attr in (("marks", "zone"), ("findings", "zone"), ("arrows", "to_zone")):
        for i, item in enumerate(getattr(chart, kind)):
            where = f"{prefix}{kind}[{i}]"
            out += _view_problem(item.view, atlas, where)
            zone_id = getattr(item, zone_attr)
            if not atlas.has_zone(zone_id):
                out.append(f"{where}.{zone_attr}: {zone_id!r} is not a zone of this atlas")
            elif atlas.zone(zone_id).view != item.view:
                # arrows too: an arrow drawn on one view to another view's zone ended on the
                # patient's other side; an arrow lives on the view of both its ends
                out.append(f"{where}.{zone_attr}: {zone_id!r} is not on the {item.view} view")
    for i, arrow in enumerate(chart.arrows):
        out += arrow_problems(arrow, atlas, f"{prefix}arrows[{i}]")
    for i, stroke in enumerate(chart.strokes):
        out += _view_problem(stroke.view, atlas, f"{prefix}strokes[{i}]")
    return out + _point_problems(chart, atlas, prefix)


def _view_problem(view: str, atlas: Atlas, where: str) -> list[str]:
    return [] if view in atlas.views else [f"{where}.view: {view!r} is not a view of this atlas"]


def visit_problems(visit: Visit, atlas: Atlas, path: str = "") -> list[str]:
    prefix = f"{path}." if path else ""
    return chart_problems(visit.pre_chart, atlas, f"{prefix}pre_chart") + chart_problems(
        visit.post_chart, atlas, f"{prefix}post_chart"
    )


def record_problems(record: ClientRecord, atlas: Atlas) -> list[str]:
    out: list[str] = []
    for i, v in enumerate(record.visits):
        out += visit_problems(v, atlas, f"visits[{i}]")
    return out


def check_item_zone(item: object, atlas: Atlas) -> None:
    """Raise ValueError naming the field when one chart item does not fit the atlas."""
    items: dict[str, Any] = {ITEM_FIELDS[type(item)]: (item,)}
    chart = Chart(**items)
    problems = chart_problems(chart, atlas)
    if problems:
        raise ValueError(problems[0].split(".", 1)[1])


def check_visit(visit: Visit, atlas: Atlas) -> None:
    problems = visit_problems(visit, atlas)
    if problems:
        raise ValueError("; ".join(problems))
