"""Outcome entries are consistent: least <= now <= worst, each problem named by its field."""

from __future__ import annotations

import pytest

from bodymap.model import Outcomes
from bodymap.model.outcomes import pain_order_problems


@pytest.mark.parametrize(
    ("now", "least", "worst", "problems"),
    [
        (4, 2, 7, {}), (4, 4, 4, {}), (None, 2, 7, {}), (5, None, None, {}),
        (7, 2, 5, {"pain_now": "pain now (7) is above worst pain (5)"}),
        (1, 2, 5, {"pain_now": "pain now (1) is below least pain (2)"}),
        (None, 6, 5, {"pain_least": "least pain (6) is above worst pain (5)"}),
        (3, 6, 5, {"pain_least": "least pain (6) is above worst pain (5)",
                   "pain_now": "pain now (3) is below least pain (6)"}),
    ],
)  # fmt: skip
def test_pain_order(now, least, worst, problems):
    assert pain_order_problems(now, least, worst) == problems


def test_outcomes_refuse_pain_out_of_order():
    with pytest.raises(ValueError, match=r"^pain_now: pain now \(7\) is above worst pain \(5\)$"):
        Outcomes(pain_now=7, pain_worst=5)
    with pytest.raises(ValueError, match="^pain_least: "):
        Outcomes(pain_least=6, pain_worst=5)
    assert Outcomes(pain_now=5, pain_least=5, pain_worst=5).pain_now == 5  # equal is fine
