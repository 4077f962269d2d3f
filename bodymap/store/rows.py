"""Conversions between model objects and table rows (the only place that knows both shapes)."""

from __future__ import annotations

import dataclasses
import functools
import json
import struct
import sys
from array import array
from datetime import UTC, date, datetime
from typing import Any

from bodymap.model import (
    Amendment,
    Client,
    Finding,
    Intake,
    Outcomes,
    PainMark,
    ReferralArrow,
    Soap,
    Stroke,
    TreatmentPlan,
    Visit,
)
from bodymap.model.client import name_sort_key
from bodymap.model.codec import from_data, to_data
from bodymap.model.outcomes import Peg, PsfsRating, RomEntry
from bodymap.model.values import (
    FindingKind,
    Quality,
    SelfCare,
    Source,
    Technique,
    TriggerPointState,
    VisitKind,
    VisitStatus,
    trusted,
)
from bodymap.model.visit import EDITABLE_FIELDS

Row = Any  # a SQLAlchemy Row: columns by attribute


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def when_text(value: datetime) -> str:
    """A date-time's column text: an instant (with a zone) in UTC, a wall-clock time as given.

    UTC keeps instants written from computers in different zones (or either side of a clock
    change) in time order as text; a time without a zone (a visit's start as the therapist
    chose it) has no instant to convert.
    """
    return in_utc(value).isoformat()


def in_utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo is not None else value


def when_from(text: str) -> datetime:
    """A date-time read back: an instant in this computer's local zone, a wall-clock time as is."""
    value = datetime.fromisoformat(text)
    return value.astimezone() if value.tzinfo is not None else value


def _json(value: Any) -> str:
    return json.dumps(to_data(value), separators=(",", ":"), ensure_ascii=False)


def client_row(c: Client) -> dict[str, Any]:
    return {
        "id": c.id, "name": c.name, "date_of_birth": _d(c.date_of_birth), "contact": c.contact,
        "notes": c.notes, "consent_treatment": c.consent_treatment,
        "consent_treatment_date": _d(c.consent_treatment_date),
        "consent_storage": c.consent_storage, "consent_storage_date": _d(c.consent_storage_date),
        "archived": c.archived, "sort_name": name_sort_key(c.name),
    }  # fmt: skip


def client_from(r: Row) -> Client:
    # Unpacked in the clients table's column order (schema.py); validated when written.
    (
        cid,
        name,
        born,
        contact,
        notes,
        c_treat,
        c_treat_d,
        c_store,
        c_store_d,
        archived,
        version,
        _updated_at,
        _sort_name,
    ) = r
    return trusted(Client, {
        "name": name, "date_of_birth": _date(born) if born else None, "contact": contact,
        "notes": notes, "consent_treatment": bool(c_treat),
        "consent_treatment_date": _date(c_treat_d) if c_treat_d else None,
        "consent_storage": bool(c_store),
        "consent_storage_date": _date(c_store_d) if c_store_d else None,
        "archived": bool(archived), "id": cid, "version": version,
    })  # fmt: skip


def intake_row(i: Intake) -> dict[str, Any]:
    i = dataclasses.replace(i, recorded_at=in_utc(i.recorded_at))  # the JSON body too
    return {
        "id": i.id, "client_id": i.client_id, "revision": i.revision,
        "recorded_at": i.recorded_at.isoformat(), "body": _json(i),
    }  # fmt: skip


def intake_from(r: Row) -> Intake:
    intake = from_data(Intake, json.loads(r.body))
    local = when_from(r.recorded_at)
    return intake if local.tzinfo is None else dataclasses.replace(intake, recorded_at=local)


_TECHNIQUE = {t.value: t for t in Technique}
_SELF_CARE = {t.value: t for t in SelfCare}

# Visit fields stored as JSON text (visit_fields_from reads each back).
VISIT_JSON_FIELDS = frozenset({"soap", "outcomes", "techniques", "self_care"})


def outcomes_from(d: dict[str, Any]) -> Outcomes:
    """Outcomes from their stored JSON (written by this app, so not checked again)."""
    peg = d["peg"]
    return trusted(Outcomes, {
        **d, "peg": trusted(Peg, peg) if peg is not None else None,
        "psfs": tuple(trusted(PsfsRating, x) for x in d["psfs"]),
        "rom": tuple(trusted(RomEntry, x) for x in d["rom"]),
    })  # fmt: skip


def visit_field_value(name: str, value: Any) -> Any:
    """The column value of one visit field."""
    if name in VISIT_JSON_FIELDS:
        return _json(value)
    if name == "started_at":
        return when_text(value)
    if name == "kind":
        return value.value
    return value


def visit_row(v: Visit) -> dict[str, Any]:
    # Each editable field is a column of its own; the rest change only by signing.
    row = {name: visit_field_value(name, getattr(v, name)) for name in EDITABLE_FIELDS}
    row.update(
        id=v.id,
        client_id=v.client_id,
        status=v.status.value,
        signed_at=when_text(v.signed_at) if v.signed_at else None,
        signed_by=v.signed_by,
    )
    return row


_KINDS = {k.value: k for k in VisitKind}
_STATUSES = {s.value: s for s in VisitStatus}


def visit_fields_from(r: Row) -> dict[str, Any]:
    """Keyword arguments for Visit from a visits row (charts and amendments come separately).

    The row starts with the visits table's columns in their order (schema.py); more may follow.
    """
    (
        vid, client_id, started, therapist, kind, status, soap, techniques, technique_other,
        self_care, self_care_text, outcomes, signed_at, signed_by, version, _,
    ) = r[:16]  # fmt: skip
    return {
        "id": vid, "client_id": client_id, "started_at": when_from(started),
        "therapist": therapist, "kind": _KINDS[kind], "status": _STATUSES[status],
        "technique_other": technique_other, "self_care_text": self_care_text,
        "signed_by": signed_by,
        "signed_at": when_from(signed_at) if signed_at else None,
        "version": version, "soap": trusted(Soap, json.loads(soap)),
        "outcomes": outcomes_from(json.loads(outcomes)),
        "techniques": tuple(_TECHNIQUE[t] for t in json.loads(techniques)),
        "self_care": tuple(_SELF_CARE[t] for t in json.loads(self_care)),
    }  # fmt: skip


def amendment_row(a: Amendment, visit_id: str, seq: int) -> dict[str, Any]:
    return {
        "id": a.id, "visit_id": visit_id, "seq": seq, "author": a.author,
        "at": when_text(a.at), "reason": a.reason, "fields": json.dumps(list(a.fields)),
        "original": a.original_json,
    }  # fmt: skip


def amendment_from(r: Row) -> Amendment:
    return Amendment(
        id=r.id, author=r.author, at=when_from(r.at), reason=r.reason,
        fields=tuple(json.loads(r.fields)), original_json=r.original,
    )  # fmt: skip


def pack_points(points: tuple[tuple[float, float], ...]) -> bytes:
    flat = array("d", (c for p in points for c in p))
    if sys.byteorder != "little":
        flat.byteswap()
    return flat.tobytes()


_POINT = struct.Struct("<dd")


def unpack_points(blob: bytes) -> tuple[tuple[float, float], ...]:
    # iter_unpack makes the (x, y) tuples in C: the fastest way to the model's shape
    # (numpy's frombuffer + tolist builds lists that would then be turned into tuples).
    return tuple(_POINT.iter_unpack(blob))


def item_row(item: Any, chart_id: str, seq: int) -> dict[str, Any]:
    """The row of a chart item (mark, stroke, finding or arrow)."""
    base = {"id": item.id, "chart_id": chart_id, "seq": seq, "view": item.view}
    if isinstance(item, PainMark):
        return base | {
            "x": item.point[0], "y": item.point[1], "zone": item.zone,
            "intensity": item.intensity, "qualities": ",".join(q.value for q in item.qualities),
            "other_text": item.other_text, "source": item.source.value, "note": item.note,
        }  # fmt: skip
    if isinstance(item, Stroke):
        return base | {
            "points": pack_points(item.points), "width": item.width,
            "intensity": item.intensity, "quality": item.quality.value,
            "other_text": item.other_text, "source": item.source.value,
        }  # fmt: skip
    if isinstance(item, Finding):
        return base | {
            "kind": item.kind.value, "x": item.point[0], "y": item.point[1], "zone": item.zone,
            "state": item.state.value if item.state else None, "muscle": item.muscle,
            "note": item.note,
        }  # fmt: skip
    if isinstance(item, ReferralArrow):
        end = item.end or (None, None)
        return base | {
            "x1": item.start[0], "y1": item.start[1], "to_zone": item.to_zone,
            "x2": end[0], "y2": end[1], "note": item.note,
        }  # fmt: skip
    raise TypeError(f"not a chart item: {type(item).__name__}")


_QUALITY = {q.value: q for q in Quality}
_SOURCE = {x.value: x for x in Source}
_KIND = {k.value: k for k in FindingKind}
_STATE = {x.value: x for x in TriggerPointState}


@functools.cache
def _qualities(text: str) -> tuple[Quality, ...]:
    return tuple(_QUALITY[q] for q in text.split(","))


# Chart items are read without re-validation (see model.values.trusted): they were checked
# when written, and re-checking thousands of stroke points would make opening a client slow.
# Rows are unpacked in the tables' column order (schema.py).
def mark_from(r: Row) -> PainMark:
    mid, _chart, _seq, view, x, y, zone, intensity, qualities, other, source, note = r
    return trusted(PainMark, {
        "view": view, "point": (x, y), "zone": zone, "intensity": intensity,
        "qualities": _qualities(qualities), "other_text": other, "source": _SOURCE[source],
        "note": note, "id": mid,
    })  # fmt: skip


def stroke_from(r: Row) -> Stroke:
    sid, _chart, _seq, view, points, width, intensity, quality, other, source = r
    return trusted(Stroke, {
        "view": view, "points": unpack_points(points), "width": width, "intensity": intensity,
        "quality": _QUALITY[quality], "other_text": other, "source": _SOURCE[source], "id": sid,
    })  # fmt: skip


def finding_from(r: Row) -> Finding:
    fid, _chart, _seq, kind, view, x, y, zone, state, muscle, note = r
    return trusted(Finding, {
        "kind": _KIND[kind], "view": view, "point": (x, y), "zone": zone,
        "state": _STATE[state] if state else None, "muscle": muscle, "note": note, "id": fid,
    })  # fmt: skip


def arrow_from(r: Row) -> ReferralArrow:
    aid, _chart, _seq, view, x1, y1, to_zone, x2, y2, note = r
    return trusted(ReferralArrow, {
        "view": view, "start": (x1, y1), "to_zone": to_zone,
        "end": (x2, y2) if x2 is not None else None, "note": note, "id": aid,
    })  # fmt: skip


ITEM_READERS = {
    "mark": mark_from,
    "stroke": stroke_from,
    "finding": finding_from,
    "arrow": arrow_from,
}


def plan_row(p: TreatmentPlan) -> dict[str, Any]:
    return {
        "id": p.id, "client_id": p.client_id, "created_at": when_text(p.created_at),
        "goals": json.dumps(list(p.goals), ensure_ascii=False),
        "visits_per_week": p.visits_per_week, "planned_visits": p.planned_visits,
        "appointments": json.dumps([when_text(a) for a in p.appointments]),
        "review_date": _d(p.review_date), "notes": p.notes,
    }  # fmt: skip


def plan_from(r: Row) -> TreatmentPlan:
    return TreatmentPlan(
        id=r.id, client_id=r.client_id, created_at=when_from(r.created_at),
        goals=tuple(json.loads(r.goals)), visits_per_week=r.visits_per_week,
        planned_visits=r.planned_visits,
        appointments=tuple(when_from(a) for a in json.loads(r.appointments)),
        review_date=_date(r.review_date), notes=r.notes, version=r.version,
    )  # fmt: skip
