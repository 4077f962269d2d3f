"""Portable JSON form of model objects, decoded strictly with errors that name the field path."""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from bodymap.model.record import ClientRecord
from bodymap.model.visit import Visit

FORMAT = "bodymap.client"
FORMAT_VERSION = 1
# Storage bookkeeping that is not part of the portable record.
SKIPPED_FIELDS = frozenset({"version"})
MAX_ERRORS = 50

T = TypeVar("T")


class DecodeError(ValueError):
    """Invalid portable data; `errors` lists every problem as "path: message"."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        shown = "\n  ".join(errors[:MAX_ERRORS])
        more = f"\n  ... and {len(errors) - MAX_ERRORS} more" if len(errors) > MAX_ERRORS else ""
        super().__init__(f"{len(errors)} problem(s):\n  {shown}{more}")


def to_data(obj: Any) -> Any:
    """A model object as plain JSON-able data (dicts, lists, strings, numbers, booleans)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_data(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.name not in SKIPPED_FIELDS
        }
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, (tuple, list)):
        return [to_data(x) for x in obj]
    return obj


def record_to_json(record: ClientRecord) -> str:
    """The portable JSON text of a whole client record."""
    data = {"format": FORMAT, "format_version": FORMAT_VERSION, **to_data(record)}
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)


def visit_to_json(visit: Visit) -> str:
    """Compact JSON of one visit (used to keep a signed visit's original in an amendment)."""
    return json.dumps(to_data(visit), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _parse(text: str | bytes, where: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DecodeError([f"{where}: not valid JSON: {exc}"]) from None
    except RecursionError:
        # No bodymap record nests more than a dozen levels; this is not one.
        raise DecodeError([f"{where}: nested too deeply to be a bodymap record"]) from None


def record_from_json(text: str | bytes) -> ClientRecord:
    """Decode and validate a portable record; raises DecodeError listing every problem."""
    data = _parse(text, "(file)")
    if not isinstance(data, dict):
        raise DecodeError(["(file): expected a JSON object"])
    if data.get("format") != FORMAT:
        raise DecodeError([f"format: {data.get('format')!r} is not a bodymap client export"])
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise DecodeError(
            [f"format_version: {version!r} is not supported (this bodymap reads {FORMAT_VERSION})"]
        )
    body = {k: v for k, v in data.items() if k not in ("format", "format_version")}
    record = from_data(ClientRecord, body)
    problems = amendment_problems(record)
    if problems:
        raise DecodeError(problems)
    return record


def visit_from_json(text: str, where: str = "(visit)") -> Visit:
    """A visit from its compact JSON (an amendment's original); DecodeError names the problems."""
    data = _parse(text, where)
    try:
        return from_data(Visit, data)
    except DecodeError as exc:
        raise DecodeError([f"{where}: {e}" for e in exc.errors]) from None


def amendment_problems(record: ClientRecord) -> list[str]:
    """Every amendment whose stored original is not that same visit as valid portable JSON.

    Without a readable original an amendment history cannot be verified, so it is refused.
    """
    out: list[str] = []
    for i, visit in enumerate(record.visits):
        for j, note in enumerate(visit.amendments):
            where = f"visits[{i}].amendments[{j}].original_json"
            try:
                original = visit_from_json(note.original_json, where)
            except DecodeError as exc:
                out += exc.errors[:5]
                continue
            if original.id != visit.id or original.client_id != visit.client_id:
                out.append(f"{where}: holds another visit ({original.id}), not this one")
    return out


def from_data(cls: type[T], data: Any) -> T:
    """Build a model object from plain data; raises DecodeError naming every bad field."""
    errors: list[str] = []
    obj = _decode(cls, data, "", errors)
    if errors:
        raise DecodeError(errors)
    return typing.cast(T, obj)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path and not name.startswith("[") else f"{path}{name}"


def _decode(tp: Any, value: Any, path: str, errors: list[str]) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _decode(args[0], value, path, errors)
    if origin is tuple:
        return _decode_tuple(tp, value, path, errors)
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(typing.cast(type, tp), value, path, errors)
    return _decode_scalar(tp, value, path, errors)


def _decode_tuple(tp: Any, value: Any, path: str, errors: list[str]) -> Any:
    args = typing.get_args(tp)
    if not isinstance(value, list):
        errors.append(f"{path or '(top)'}: expected a list, got {_kind(value)}")
        return None
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(
            _decode(args[0], v, _join(path, f"[{i}]"), errors) for i, v in enumerate(value)
        )
    if len(value) != len(args):
        errors.append(f"{path}: expected {len(args)} items, got {len(value)}")
        return None
    return tuple(
        _decode(a, v, _join(path, f"[{i}]"), errors)
        for i, (a, v) in enumerate(zip(args, value, strict=True))
    )


def _decode_dataclass(cls: type, value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, dict):
        errors.append(f"{path or '(top)'}: expected an object, got {_kind(value)}")
        return None
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in SKIPPED_FIELDS}
    unknown = sorted(set(value) - set(fields))
    for name in unknown:
        errors.append(f"{_join(path, name)}: unknown field")
    before = len(errors)
    kwargs: dict[str, Any] = {}
    for name, f in fields.items():
        if name not in value:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                errors.append(f"{_join(path, name)}: missing")
            continue
        kwargs[name] = _decode(hints[name], value[name], _join(path, name), errors)
    if len(errors) > before or unknown:
        return None
    try:
        return cls(**kwargs)
    except ValueError as exc:
        errors.append(_join(path, str(exc)) if path else str(exc))
        return None


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode_scalar(tp: Any, value: Any, path: str, errors: list[str]) -> Any:
    try:
        if isinstance(tp, type) and issubclass(tp, Enum):
            return tp(value)
        if tp is datetime:
            if not isinstance(value, str):
                raise ValueError
            return datetime.fromisoformat(value)
        if tp is date:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return date.fromisoformat(value)
        if tp is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if tp is int and isinstance(value, float) and value.is_integer():
            raise ValueError
        ok = isinstance(value, tp) and not (tp is not bool and isinstance(value, bool))
        if not ok:
            raise ValueError
        return value
    except (ValueError, TypeError):
        errors.append(f"{path}: {_show(value)} is not {_describe(tp)}")
        return None


def _describe(tp: Any) -> str:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "one of " + ", ".join(str(e.value) for e in tp)
    names = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
             date: "a date (YYYY-MM-DD)", datetime: "an ISO date and time"}  # fmt: skip
    return names.get(tp, getattr(tp, "__name__", str(tp)))


def _show(value: Any) -> str:
    try:
        text = json.dumps(value) if not isinstance(value, float) else repr(value)
    except (RecursionError, ValueError):
        return _kind(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", type(None): "null"}.get(
        type(value), type(value).__name__
    )
