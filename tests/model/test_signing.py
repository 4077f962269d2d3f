"""Signing and amending: a signed visit's original is kept with who, when and why."""

from datetime import datetime

import pytest

from bodymap.model import Soap, Visit, VisitStatus
from bodymap.model.codec import visit_from_json
from bodymap.model.signing import amend, sign

T0 = datetime(2024, 5, 1, 9)


def test_sign_then_amend_keeps_original():
    v = Visit(client_id="c", started_at=T0, soap=Soap(objective="tight"))
    s = sign(v, "Therapist A", T0)
    assert s.status is VisitStatus.SIGNED and s.signed_by == "Therapist A"
    with pytest.raises(ValueError, match="already signed"):
        sign(s, "B", T0)
    a = amend(s, "Therapist A", datetime(2024, 5, 2), "typo", soap=Soap(objective="taut"))
    assert a.soap.objective == "taut"
    note = a.amendments[0]
    assert (note.author, note.reason, note.fields) == ("Therapist A", "typo", ("soap",))
    assert visit_from_json(note.original_json) == s


def test_amend_rules():
    v = Visit(client_id="c", started_at=T0)
    with pytest.raises(ValueError, match="only a signed visit"):
        amend(v, "A", T0, "x", therapist="B")
    s = sign(v, "A", T0)
    with pytest.raises(ValueError, match="nothing would change"):
        amend(s, "A", T0, "x", therapist="")
    with pytest.raises(ValueError, match="status: cannot be amended"):
        amend(s, "A", T0, "x", status="draft")
