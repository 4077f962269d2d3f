"""Charts made with an earlier atlas, brought onto this one without losing an item.

A zone the atlas split keeps its old id in zones.json ("retired") with the ids that replaced
it; a mark or finding moves to the zone under its own point. An arrow drawn on one view to
another view's zone (allowed before the arrows rule) moves onto its target's view, its start
mirrored through the body so it stays on the same side of the patient.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from bodymap.geometry import Atlas
from bodymap.model.arrows import mirrored
from bodymap.model.chart import Chart, Finding, PainMark, ReferralArrow
from bodymap.model.record import ClientRecord

Point = tuple[float, float]
Item = TypeVar("Item", PainMark, Finding, ReferralArrow)


def current_zone(atlas: Atlas, view: str, zone_id: str, point: Point | None) -> str:
    """The zone id to use now: unchanged unless retired, else the zone under the point (or the
    first zone that replaced it when there is no point or it is off the body)."""
    successors = atlas.retired.get(zone_id)
    if not successors:
        return zone_id
    found = atlas.zone_at(view, *point) if point is not None and view in atlas.views else None
    return found.id if found is not None else successors[0]


def rehome_item(item: Item, atlas: Atlas) -> Item:
    """The item on the atlas's current zones (the same object when nothing changes)."""
    if isinstance(item, ReferralArrow):
        return rehome_arrow(item, atlas)  # type: ignore[return-value]
    zone = current_zone(atlas, item.view, item.zone, item.point)
    return item if zone == item.zone else dataclasses.replace(item, zone=zone)


def rehome_arrow(arrow: ReferralArrow, atlas: Atlas) -> ReferralArrow:
    """An arrow whose target is retired or on another view, made to obey the arrows rule."""
    target = current_zone(atlas, arrow.view, arrow.to_zone, arrow.end)
    if not atlas.has_zone(target) or arrow.view not in atlas.views:
        return arrow  # not this atlas's: the atlas check reports it
    view = atlas.zone(target).view
    start, end = arrow.start, arrow.end
    if view != arrow.view:
        start = mirrored(atlas, start, arrow.view, view)
    if end is not None:
        found = atlas.zone_at(view, *end)
        end = end if found is not None and found.id == target else None
    if (view, start, target, end) == (arrow.view, arrow.start, arrow.to_zone, arrow.end):
        return arrow
    return dataclasses.replace(arrow, view=view, start=start, to_zone=target, end=end)


def rehome_chart(chart: Chart, atlas: Atlas) -> Chart:
    """The chart on the atlas's current zones (the same object when nothing changes)."""
    changes: dict[str, Any] = {}
    for name in ("marks", "findings", "arrows"):
        items = getattr(chart, name)
        moved = tuple(rehome_item(i, atlas) for i in items)
        if any(a is not b for a, b in zip(moved, items, strict=True)):
            changes[name] = moved
    return dataclasses.replace(chart, **changes) if changes else chart


def rehome_record(record: ClientRecord, atlas: Atlas) -> ClientRecord:
    """A whole client record (an import) on the atlas's current zones."""
    visits = tuple(
        dataclasses.replace(
            v,
            pre_chart=rehome_chart(v.pre_chart, atlas),
            post_chart=rehome_chart(v.post_chart, atlas),
        )
        for v in record.visits
    )
    return dataclasses.replace(record, visits=visits)
