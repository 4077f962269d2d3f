"""Model-level errors that are not plain bad values."""

from __future__ import annotations


class SignedVisitError(Exception):
    """An edit was attempted on a signed (read-only) visit; amend it instead."""

    def __init__(self, visit_id: str):
        super().__init__(f"visit {visit_id} is signed and read-only; record an amendment instead")
        self.visit_id = visit_id
