"""Vocabularies and field checks shared by the model: every ValueError names its field."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

# The whole-body views every atlas of ours has; an atlas may add others (side views, hand
# charts), so a view name is checked for its form here and against the atlas in atlas_check.
VIEWS: tuple[str, ...] = ("front", "back")
MAX_VIEW_NAME = 40
ZONE_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Free text is generous but bounded, so a pasted file cannot bloat a record.
MAX_TEXT = 20_000
# No view box is anywhere near this big: a coordinate beyond it is a broken value (1e308 would
# overflow the geometry library), refused even where no atlas is at hand to give the view box.
MAX_COORD = 1e6
# The oldest date of birth taken as real.
EARLIEST_BIRTH = date(1900, 1, 1)

E = TypeVar("E", bound=StrEnum)


class Quality(StrEnum):
    """Pain and symptom descriptors for a body-map legend (clinical.md §4.1 minimal set)."""

    ACHING = "aching"
    BURNING = "burning"
    SHARP = "sharp"  # sharp / stabbing
    THROBBING = "throbbing"
    CRAMPING = "cramping"
    TINGLING = "tingling"  # tingling / pins and needles
    NUMBNESS = "numbness"
    OTHER = "other"


class Source(StrEnum):
    """Who put a mark on the chart."""

    THERAPIST = "therapist"
    CLIENT = "client"


class FindingKind(StrEnum):
    """Palpation findings a therapist records (PART tissue changes, clinical.md §4.2)."""

    TRIGGER_POINT = "trigger_point"
    TENDER_POINT = "tender_point"
    HYPERTONICITY = "hypertonicity"
    SPASM = "spasm"
    ADHESION = "adhesion"
    INFLAMMATION = "inflammation"


class TriggerPointState(StrEnum):
    """Active reproduces the client's pain; latent hurts only on palpation."""

    ACTIVE = "active"
    LATENT = "latent"


class VisitKind(StrEnum):
    INTAKE = "intake"
    FOLLOW_UP = "follow_up"
    REASSESSMENT = "reassessment"


class VisitStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


class Technique(StrEnum):
    DEEP_TISSUE = "deep_tissue"
    TRIGGER_POINT = "trigger_point"
    MYOFASCIAL_RELEASE = "myofascial_release"
    STRETCHING = "stretching"
    JOINT_MOBILISATION = "joint_mobilisation"
    SWEDISH = "swedish"
    OTHER = "other"


class SelfCare(StrEnum):
    HEAT = "heat"
    COLD = "cold"
    EPSOM_SALT_BATH = "epsom_salt_bath"
    STRETCHES = "stretches"


T = TypeVar("T")


def trusted(cls: type[T], fields: dict[str, Any]) -> T:
    """A model object from values that were validated before (rows this app wrote), unchecked.

    Only for the store's read path, where checking every stroke point again would dominate
    the time to open a client; anything from outside goes through the constructor.
    `fields` must hold every field, already in the model's types.
    """
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


def new_id() -> str:
    """A fresh random id (32 lowercase hex digits)."""
    return uuid.uuid4().hex


def check_id(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 64:
        raise ValueError(f"{name}: {value!r} is not a valid id")
    _check_encodable(name, value)
    return value


def _check_encodable(name: str, value: str) -> None:
    # A lone surrogate (half of a UTF-16 pair, e.g. from "\ud800" in JSON) cannot be stored
    # or written as UTF-8; say which field holds it rather than fail later without a name.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{name}: contains an unpaired surrogate character (U+{ord(value[exc.start]):04X}) "
            f"at position {exc.start}"
        ) from None


def check_text(name: str, value: Any, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    """A string field; required ones must not be blank."""
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {type(value).__name__}")
    if required and not value.strip():
        raise ValueError(f"{name}: must not be empty")
    if len(value) > limit:
        raise ValueError(f"{name}: {len(value)} characters is more than {limit}")
    if "\x00" in value:
        raise ValueError(f"{name}: contains a NUL character")
    _check_encodable(name, value)
    return value


def check_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name}: expected true or false, got {value!r}")
    return value


def check_number(name: str, value: Any, lo: float | None = None, hi: float | None = None) -> float:
    """A finite real number within [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name}: expected a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name}: {value!r} is not a finite number")
    if lo is not None and value < lo:
        raise ValueError(f"{name}: {value!r} is below {lo:g}")
    if hi is not None and value > hi:
        raise ValueError(f"{name}: {value!r} is above {hi:g}")
    return value


def check_int(name: str, value: Any, lo: int | None = None, hi: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    check_number(name, value, lo, hi)
    return value


def check_score(name: str, value: Any) -> int:
    """A 0-10 numeric rating scale score."""
    return check_int(name, value, 0, 10)


def check_optional_score(name: str, value: Any) -> int | None:
    return None if value is None else check_score(name, value)


def check_enum(name: str, enum: type[E], value: Any) -> E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise ValueError(f"{name}: {value!r} is not one of {allowed}") from None


def check_enums(name: str, enum: type[E], values: Iterable[Any]) -> tuple[E, ...]:
    """A set of enum values, returned deduplicated in the enum's declared order."""
    if isinstance(values, str):
        raise ValueError(f"{name}: expected a list, got text")
    chosen = {check_enum(f"{name}[{i}]", enum, v) for i, v in enumerate(values)}
    return tuple(e for e in enum if e in chosen)


def check_view(name: str, value: Any) -> str:
    """A view name in the atlas's spelling ("front", "hand-right-palmar")."""
    if not isinstance(value, str) or not ZONE_ID_RE.match(value) or len(value) > MAX_VIEW_NAME:
        raise ValueError(f"{name}: {value!r} is not a view name")
    return value


def check_zone_id(name: str, value: Any) -> str:
    """A zone id in the atlas's spelling; whether the atlas knows it is checked with the atlas."""
    if not isinstance(value, str) or not ZONE_ID_RE.match(value) or len(value) > 64:
        raise ValueError(f"{name}: {value!r} is not a zone id")
    return value


def check_point(name: str, value: Any) -> tuple[float, float]:
    """An (x, y) pair of finite viewBox coordinates (whether inside the view box is checked
    with the atlas, see model.atlas_check)."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ValueError(f"{name}: expected an (x, y) pair, got {value!r}")
    x = check_number(f"{name}.x", value[0], -MAX_COORD, MAX_COORD)
    y = check_number(f"{name}.y", value[1], -MAX_COORD, MAX_COORD)
    return (float(x), float(y))


def check_date(name: str, value: Any) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValueError(f"{name}: expected a date, got {value!r}")
    return value


def check_birth_date(name: str, value: Any, today: date | None = None) -> date:
    """A date of birth: not in the future, not before 1900."""
    born = check_date(name, value)
    today = today or date.today()
    if born > today:
        raise ValueError(f"{name}: {born.isoformat()} is in the future")
    if born < EARLIEST_BIRTH:
        raise ValueError(f"{name}: {born.isoformat()} is before {EARLIEST_BIRTH.year}")
    return born


def check_datetime(name: str, value: Any) -> datetime:
    if not isinstance(value, datetime):
        raise ValueError(f"{name}: expected a date and time, got {value!r}")
    return value


def check_optional(name: str, value: Any, check: Any, *args: Any) -> Any:
    return None if value is None else check(name, value, *args)


def check_tuple(name: str, value: Any, kind: type) -> tuple:
    """A sequence of model objects of one kind, returned as a tuple."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise ValueError(f"{name}: expected a list, got {type(value).__name__}")
    for i, item in enumerate(value):
        if not isinstance(item, kind):
            raise ValueError(f"{name}[{i}]: expected {kind.__name__}, got {type(item).__name__}")
    return tuple(value)


def check_texts(name: str, value: Any) -> tuple[str, ...]:
    """A list of short texts (e.g. goals or medications)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise ValueError(f"{name}: expected a list, got {type(value).__name__}")
    return tuple(check_text(f"{name}[{i}]", v) for i, v in enumerate(value))


def check_unique_ids(name: str, items: Iterable[Any]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise ValueError(f"{name}[{i}].id: {item.id!r} is used twice")
        seen.add(item.id)
