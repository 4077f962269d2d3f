"""Checks of model objects against an atlas: every zone id and view must be the atlas's own."""

from __future__ import annotations

from typing import Any

from bodymap.geometry import Atlas
from bodymap.model.arrows import arrow_problems
from bodymap.model.chart import ITEM_FIELDS, Chart
from bodymap.model.record import ClientRecord
from bodymap.model.visit import Visit


def chart_problems(chart: Chart, atlas: Atlas, path: str = "") -> list[str]:
    """Every unknown zone id or view in a chart, as "path: message"."""
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
    return out


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
