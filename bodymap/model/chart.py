"""One body-map state: pain marks, shaded strokes, palpation findings and referral arrows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bodymap.model.values import (
    FindingKind,
    Quality,
    Source,
    TriggerPointState,
    check_enum,
    check_enums,
    check_id,
    check_number,
    check_optional,
    check_point,
    check_score,
    check_text,
    check_tuple,
    check_unique_ids,
    check_view,
    check_zone_id,
    new_id,
)

# Stroke widths are in viewBox units; anything wider than the body is a mistake.
MAX_STROKE_WIDTH = 200.0
MAX_STROKE_POINTS = 10_000


def _set(obj: Any, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)


def _check_other(obj: Any, qualities: tuple[Quality, ...]) -> None:
    check_text("other_text", obj.other_text, limit=200)
    if obj.other_text and Quality.OTHER not in qualities:
        raise ValueError("other_text: only allowed with the quality 'other'")


@dataclass(frozen=True)
class PainMark:
    """A tapped point of pain: its zone, intensity 0-10 and one or more qualities."""

    view: str
    point: tuple[float, float]
    zone: str
    intensity: int
    qualities: tuple[Quality, ...] = (Quality.ACHING,)
    other_text: str = ""
    source: Source = Source.THERAPIST
    note: str = field(default="", repr=False)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_view("view", self.view)
        _set(self, "point", check_point("point", self.point))
        check_zone_id("zone", self.zone)
        check_score("intensity", self.intensity)
        qualities = check_enums("qualities", Quality, self.qualities)
        if not qualities:
            raise ValueError("qualities: at least one quality is needed")
        _set(self, "qualities", qualities)
        _check_other(self, qualities)
        _set(self, "source", check_enum("source", Source, self.source))
        check_text("note", self.note)


@dataclass(frozen=True)
class Stroke:
    """Freehand shading; the zones it covers are derived from the atlas, never stored."""

    view: str
    points: tuple[tuple[float, float], ...]
    width: float
    intensity: int
    quality: Quality = Quality.ACHING
    other_text: str = ""
    source: Source = Source.THERAPIST
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_view("view", self.view)
        if isinstance(self.points, (str, bytes)) or not isinstance(self.points, (tuple, list)):
            raise ValueError("points: expected a list of (x, y) pairs")
        if not 1 <= len(self.points) <= MAX_STROKE_POINTS:
            raise ValueError(f"points: {len(self.points)} points (need 1 to {MAX_STROKE_POINTS})")
        pts = tuple(check_point(f"points[{i}]", p) for i, p in enumerate(self.points))
        _set(self, "points", pts)
        w = check_number("width", self.width, 0, MAX_STROKE_WIDTH)
        if w <= 0:
            raise ValueError(f"width: {w!r} must be above 0")
        _set(self, "width", float(w))
        check_score("intensity", self.intensity)
        quality = check_enum("quality", Quality, self.quality)
        _set(self, "quality", quality)
        _check_other(self, (quality,))
        _set(self, "source", check_enum("source", Source, self.source))


@dataclass(frozen=True)
class Finding:
    """A therapist's palpation finding at a point (trigger point, tender point, spasm, ...)."""

    kind: FindingKind
    view: str
    point: tuple[float, float]
    zone: str
    state: TriggerPointState | None = None  # trigger points only: active or latent
    muscle: str = ""  # trigger points: the muscle, when known
    note: str = field(default="", repr=False)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        kind = check_enum("kind", FindingKind, self.kind)
        _set(self, "kind", kind)
        check_view("view", self.view)
        _set(self, "point", check_point("point", self.point))
        check_zone_id("zone", self.zone)
        state = None if self.state is None else check_enum("state", TriggerPointState, self.state)
        if kind is FindingKind.TRIGGER_POINT and state is None:
            raise ValueError("state: a trigger point is either active or latent")
        if kind is not FindingKind.TRIGGER_POINT and state is not None:
            raise ValueError("state: only trigger points are active or latent")
        _set(self, "state", state)
        check_text("muscle", self.muscle, limit=200)
        check_text("note", self.note)


@dataclass(frozen=True)
class ReferralArrow:
    """Pain referred from a point to a zone (and optionally a point in it)."""

    view: str
    start: tuple[float, float]
    to_zone: str
    end: tuple[float, float] | None = None
    note: str = field(default="", repr=False)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_view("view", self.view)
        _set(self, "start", check_point("start", self.start))
        check_zone_id("to_zone", self.to_zone)
        _set(self, "end", check_optional("end", self.end, check_point))
        check_text("note", self.note)


ChartItem = PainMark | Stroke | Finding | ReferralArrow
# The Chart attribute that holds each item type.
ITEM_FIELDS: dict[type, str] = {
    PainMark: "marks",
    Stroke: "strokes",
    Finding: "findings",
    ReferralArrow: "arrows",
}


@dataclass(frozen=True)
class Chart:
    """One body-map state (a visit's pre- or post-treatment chart)."""

    marks: tuple[PainMark, ...] = ()
    strokes: tuple[Stroke, ...] = ()
    findings: tuple[Finding, ...] = ()
    arrows: tuple[ReferralArrow, ...] = ()
    id: str = field(default_factory=new_id)
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        for kind, name in ITEM_FIELDS.items():
            items = check_tuple(name, getattr(self, name), kind)
            check_unique_ids(name, items)
            _set(self, name, items)

    def items(self, kind: type) -> tuple[Any, ...]:
        return tuple(getattr(self, ITEM_FIELDS[kind]))

    def find(self, item_id: str) -> ChartItem | None:
        """The item with this id, whatever its kind."""
        for name in ITEM_FIELDS.values():
            for item in getattr(self, name):
                if item.id == item_id:
                    return item  # type: ignore[no-any-return]
        return None

    @property
    def is_empty(self) -> bool:
        return not (self.marks or self.strokes or self.findings or self.arrows)
