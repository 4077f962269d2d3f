"""Signing a visit (it becomes read-only) and amending a signed visit without losing the original."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from bodymap.model.codec import visit_to_json
from bodymap.model.values import VisitStatus, check_text
from bodymap.model.visit import EDITABLE_FIELDS, Amendment, Visit


def sign(visit: Visit, by: str, at: datetime) -> Visit:
    """The visit signed by `by` at `at`; signing twice is an error."""
    if visit.is_signed:
        raise ValueError("status: the visit is already signed")
    check_text("signed_by", by, required=True, limit=200)
    return dataclasses.replace(visit, status=VisitStatus.SIGNED, signed_by=by, signed_at=at)


def amend(visit: Visit, by: str, at: datetime, reason: str, **changes: Any) -> Visit:
    """A signed visit with `changes` applied and an Amendment keeping the original.

    Changes may name any editable field or "pre_chart"/"post_chart".
    """
    if not visit.is_signed:
        raise ValueError("status: only a signed visit is amended; edit a draft directly")
    allowed = (*EDITABLE_FIELDS, "pre_chart", "post_chart")
    for name in changes:
        if name not in allowed:
            raise ValueError(f"{name}: cannot be amended")
    changed = tuple(n for n, v in changes.items() if getattr(visit, n) != v)
    if not changed:
        raise ValueError("amendment: nothing would change")
    original = dataclasses.replace(visit, amendments=())
    note = Amendment(
        author=by, at=at, reason=reason, fields=changed, original_json=visit_to_json(original)
    )
    return dataclasses.replace(visit, **changes, amendments=(*visit.amendments, note))
