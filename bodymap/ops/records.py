"""Record use cases: new clients and visits, chart edits placed with the atlas, signing, intakes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from bodymap.geometry import Atlas
from bodymap.model import (
    AddItem,
    Client,
    Finding,
    FindingKind,
    Intake,
    PainMark,
    Quality,
    ReferralArrow,
    RemoveItem,
    SetVisitField,
    Source,
    Stroke,
    TriggerPointState,
    UpdateItem,
    Visit,
    VisitDocument,
    VisitKind,
)
from bodymap.model.atlas_check import allowed_box, check_item_zone, clamp_point
from bodymap.model.signing import amend, sign
from bodymap.model.values import new_id
from bodymap.store import Store


def new_client(store: Store, *, name: str, **fields: Any) -> Client:
    """Create and store a client (fields as in model.Client)."""
    return store.add_client(Client(name=name, **fields))


def new_visit(
    store: Store,
    *,
    client_id: str,
    started_at: datetime | None = None,
    therapist: str = "",
    kind: VisitKind = VisitKind.FOLLOW_UP,
) -> Visit:
    """Create and store an empty draft visit (now, unless a time is given)."""
    when = started_at or datetime.now().replace(second=0, microsecond=0)
    return store.add_visit(
        Visit(client_id=client_id, started_at=when, therapist=therapist, kind=kind)
    )


def _zone_at(atlas: Atlas, view: str, x: float, y: float, field: str) -> str:
    zone = atlas.zone_at(view, x, y)
    if zone is None:
        raise ValueError(f"{field}: ({x:g}, {y:g}) is outside the body on the {view} view")
    return zone.id


def mark_point(
    doc: VisitDocument,
    *,
    atlas: Atlas,
    slot: str,
    view: str,
    x: float,
    y: float,
    intensity: int,
    qualities: Iterable[Quality] = (Quality.ACHING,),
    other_text: str = "",
    source: Source = Source.THERAPIST,
) -> AddItem:
    """An (unapplied) command adding a pain mark at a point; its zone comes from the atlas."""
    mark = PainMark(
        view=view, point=(x, y), zone=_zone_at(atlas, view, x, y, "point"),
        intensity=intensity, qualities=tuple(qualities), other_text=other_text, source=source,
    )  # fmt: skip
    return AddItem(doc, slot, mark)


def add_stroke(
    doc: VisitDocument,
    *,
    atlas: Atlas,
    slot: str,
    view: str,
    points: Sequence[tuple[float, float]],
    width: float,
    intensity: int,
    quality: Quality = Quality.ACHING,
    source: Source = Source.THERAPIST,
) -> AddItem:
    """An (unapplied) command adding a shaded stroke (one stroke = one undo step)."""
    box = allowed_box(atlas, view) if view in atlas.views else None
    pts = tuple(clamp_point(box, p) for p in points) if box else tuple(points)
    stroke = Stroke(
        view=view, points=pts, width=width, intensity=intensity, quality=quality,
        source=source,
    )  # fmt: skip
    check_item_zone(stroke, atlas)
    return AddItem(doc, slot, stroke)


def add_finding(
    doc: VisitDocument,
    *,
    atlas: Atlas,
    slot: str,
    kind: FindingKind,
    view: str,
    x: float,
    y: float,
    state: TriggerPointState | None = None,
    muscle: str = "",
    note: str = "",
) -> AddItem:
    """An (unapplied) command adding a palpation finding at a point."""
    finding = Finding(
        kind=kind, view=view, point=(x, y), zone=_zone_at(atlas, view, x, y, "point"),
        state=state, muscle=muscle, note=note,
    )  # fmt: skip
    return AddItem(doc, slot, finding)


def add_arrow(
    doc: VisitDocument,
    *,
    atlas: Atlas,
    slot: str,
    view: str,
    start: tuple[float, float],
    to_zone: str | None = None,
    end: tuple[float, float] | None = None,
) -> AddItem:
    """An (unapplied) command adding a referral arrow to a zone, or to a point (zone derived).

    The arrow starts on the body and ends in a zone of the same view (see model.arrows).
    """
    _zone_at(atlas, view, start[0], start[1], "start")
    if to_zone is None:
        if end is None:
            raise ValueError("to_zone: give a zone or an end point")
        to_zone = _zone_at(atlas, view, end[0], end[1], "end")
    arrow = ReferralArrow(view=view, start=start, to_zone=to_zone, end=end)
    check_item_zone(arrow, atlas)
    return AddItem(doc, slot, arrow)


def move_item(
    doc: VisitDocument, atlas: Atlas, slot: str, item_id: str, x: float, y: float
) -> UpdateItem:
    """An UpdateItem moving a mark or finding to (x, y); its zone follows the point.

    Raises ValueError when the point is outside the body.
    """
    item = _item(doc, slot, item_id)
    zone = _zone_at(atlas, item.view, x, y, "point")
    if isinstance(item, (PainMark, Finding)):
        return UpdateItem(doc, slot, dataclasses.replace(item, point=(x, y), zone=zone))
    if isinstance(item, ReferralArrow):
        return UpdateItem(doc, slot, dataclasses.replace(item, end=(x, y), to_zone=zone))
    raise ValueError(f"a {type(item).__name__} cannot be moved")


def edit_mark(
    doc: VisitDocument,
    slot: str,
    item_id: str,
    *,
    intensity: int | None = None,
    qualities: Iterable[Quality] | None = None,
) -> UpdateItem:
    """An UpdateItem changing a mark's (or stroke's) intensity and/or qualities."""
    item = _item(doc, slot, item_id)
    changes: dict[str, Any] = {}
    if intensity is not None:
        changes["intensity"] = intensity
    if qualities is not None:
        q = tuple(qualities) or (Quality.ACHING,)
        if isinstance(item, Stroke):
            changes["quality"] = q[0]
        else:
            changes["qualities"] = q
            if Quality.OTHER not in q:
                changes["other_text"] = ""
    return UpdateItem(doc, slot, dataclasses.replace(item, **changes))


def delete_item(doc: VisitDocument, slot: str, item_id: str) -> RemoveItem:
    """An (unapplied) command removing a chart item."""
    return RemoveItem(doc, slot, item_id)


def _item(doc: VisitDocument, slot: str, item_id: str) -> Any:
    item = doc.visit.chart(slot).find(item_id)
    if item is None:
        raise KeyError(f"no chart item with id {item_id!r}")
    return item


def set_field(doc: VisitDocument, field: str, value: Any) -> SetVisitField:
    """An (unapplied) command changing one visit field."""
    return SetVisitField(doc, field, value)


def signer(store: Store, by: str | None) -> str:
    """Who signs: the signed-in therapist where people sign in, else the name given."""
    if by is None and store.signed_in is not None:
        return store.signed_in.signature
    return by or ""


def sign_visit(
    store: Store, visit: Visit, *, by: str | None = None, at: datetime | None = None
) -> Visit:
    """Sign a draft visit (as the signed-in therapist, if any); then it changes only by amendment."""
    return store.sign_visit(sign(visit, signer(store, by), at or datetime.now().astimezone()))


def amend_visit(
    store: Store,
    visit: Visit,
    *,
    reason: str,
    by: str | None = None,
    at: datetime | None = None,
    **changes: Any,
) -> Visit:
    """Change a signed visit, keeping the original with who, when and why."""
    when = at or datetime.now().astimezone()
    amended = amend(visit, signer(store, by), when, reason, **changes)
    return store.amend_visit(amended)


def revise_intake(
    store: Store, *, client_id: str, by: str, at: datetime | None = None, **answers: Any
) -> Intake:
    """Store a new intake revision: the latest answers with `answers` changed."""
    previous = store.intakes(client_id)
    when = at or datetime.now().astimezone()
    if previous:
        base = dataclasses.replace(
            previous[-1], revision=previous[-1].revision + 1, recorded_at=when, recorded_by=by,
            **answers, id=new_id(),
        )  # fmt: skip
    else:
        base = Intake(client_id=client_id, revision=1, recorded_at=when, recorded_by=by, **answers)
    return store.add_intake(base)
