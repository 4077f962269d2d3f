"""Evaluating the three-kind ranking on realistic presentations: kind first, structure in top 3."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bodymap.nerves.evidence import ChartedTriggerPoint, Evidence, symptom_evidence
from bodymap.nerves.explanation import Explanation
from bodymap.nerves.patterns import KINDS
from bodymap.referral.rank import EPS
from bodymap.referral.resolve import side_of_zone


@dataclass(frozen=True)
class Presentation:
    """A charted presentation with the explanation a clinician would expect, and its source."""

    id: str
    group: str
    side: str  # "left", "right" or "both"
    marks: tuple[tuple[str, float, tuple[str, ...]], ...]  # zone, intensity 0-10, qualities
    trigger_points: tuple[ChartedTriggerPoint, ...]  # active ones only: latent ones don't count
    intake_flags: tuple[str, ...]
    surgeries: tuple[str, ...]
    kind: str
    expected: tuple[str, ...]  # structures; one in the first three is a hit
    red_flags: tuple[str, ...]
    source: str
    status: str
    story: str = ""

    def evidence(self) -> Evidence:
        items = [(z, i, None, q) for z, i, q in self.marks]
        return symptom_evidence(items, self.trigger_points, self.surgeries)


def _case(c: Mapping, where: str) -> Presentation:
    if c.get("side") not in ("left", "right", "both") or c.get("expected_kind") not in KINDS:
        raise ValueError(f"{where}: needs a side (left, right, both) and an expected kind")
    if not c.get("expected") or not c.get("marks"):
        raise ValueError(f"{where}: needs marks and expected structures")
    tps = tuple(ChartedTriggerPoint(t["muscle"], side_of_zone(t["zone"]), t["zone"])
                for t in c.get("trigger_points", []) if t.get("state") == "active")  # fmt: skip
    intake = c.get("intake", {})
    return Presentation(
        c["id"], c["group"], c["side"],
        tuple((z, float(i), tuple(q)) for z, i, q in c["marks"]), tps,
        tuple(intake.get("red_flags", [])), tuple(intake.get("surgeries", [])),
        c["expected_kind"], tuple(c["expected"]), tuple(c.get("red_flags", [])),
        c["source"], c.get("status", "V"), c.get("story", ""),
    )  # fmt: skip


def read_presentations(path: str | Path) -> list[Presentation]:
    """Read an evaluation set (JSON {"cases": [...]}); ValueError names a malformed case."""
    cases = json.loads(Path(path).read_text(encoding="utf-8"))["cases"]
    return [_case(c, f"{path}: case {i} ({c.get('id', '?')})") for i, c in enumerate(cases)]


def _on_side(e: Explanation, side: str) -> bool:
    return side == "both" or e.side in (side, "midline")


def structure_rank(found: Sequence[Explanation], expected: Sequence[str], side: str) -> int:
    """Best rank of an expected structure on the side: 1 + other structures scoring as high or
    higher (ties count against it); 0 when none of them is listed."""
    ranks = []
    for s in expected:
        own = [e.score for e in found if e.structure == s and _on_side(e, side)]
        if own:
            best = max(own)
            ranks.append(1 + len({e.structure for e in found
                                  if e.structure != s and e.score >= best - EPS}))  # fmt: skip
    return min(ranks, default=0)


def kind_first(found: Sequence[Explanation], kind: str) -> bool:
    """The first explanation is of the kind, and no other kind ties with it."""
    if not found:
        return False
    top = found[0].score
    return all(e.kind == kind for e in found if e.score >= top - EPS)


@dataclass(frozen=True)
class Outcome:
    """How one presentation fared: kind first, structure rank, the first explanation."""

    case: Presentation
    kind_hit: bool
    rank: int
    first: str  # "kind: name" of the first explanation, for reading misses

    @property
    def top3(self) -> bool:
        return 1 <= self.rank <= 3


def outcome(case: Presentation, found: Sequence[Explanation]) -> Outcome:
    first = f"{found[0].kind}: {found[0].name}" if found else "-"
    return Outcome(
        case, kind_first(found, case.kind), structure_rank(found, case.expected, case.side), first
    )


def shares(outcomes: Sequence[Outcome]) -> tuple[float, float]:
    """(share with the right kind first, share with the structure in the first three)."""
    n = len(outcomes) or 1
    return sum(o.kind_hit for o in outcomes) / n, sum(o.top3 for o in outcomes) / n
