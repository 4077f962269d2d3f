"""Red flags for nerve-shaped patterns: when the chart or the intake calls for a physician.

Each is a prompt to consider referral, in plain words, never a diagnosis and never a block on
charting. The words and sources are in data/red_flags.json; the chart rules are here.
"""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bodymap.model.intake import RedFlag
from bodymap.nerves.evidence import Evidence
from bodymap.nerves.patterns import DERMATOME, NERVE, NEURAL_ORDER, Pattern
from bodymap.referral.explain import name_list
from bodymap.referral.resolve import SIDES, side_of_zone

LOWER = frozenset({"buttock", "hip", "thigh", "knee", "lower-leg", "ankle", "foot"})
UPPER = frozenset({"upper-arm", "elbow", "forearm", "wrist", "hand"})
TRUNK = frozenset({"chest", "abdomen", "upper-back", "mid-back", "lower-back"})
BOTH_SIDES = (("both-legs", LOWER, "both legs"), ("both-arms", UPPER, "both arms or hands"),
              ("both-sides-trunk", TRUNK, "both sides of the trunk"))  # fmt: skip
FROM_INTAKE = {RedFlag.SADDLE_NUMBNESS.value: "saddle", RedFlag.PROGRESSIVE_NEURO.value: "progressive",
               RedFlag.BOWEL_BLADDER.value: "bladder-bowel"}  # fmt: skip


@dataclass(frozen=True)
class NerveFlag:
    """A prompt to consider referral: what it says, what on the chart raised it, its sources."""

    id: str
    title: str
    text: str
    why: str
    zones: tuple[str, ...]
    sources: tuple[str, ...]


def flag_texts() -> dict[str, dict]:
    """Flag id -> its entry in the built-in red_flags.json (title, text, when, sources)."""
    resource = importlib.resources.files("bodymap.nerves.data") / "red_flags.json"
    return {f["id"]: f for f in json.loads(resource.read_text(encoding="utf-8"))["flags"]}


def _covers(p: Pattern, zones: Iterable[str]) -> bool:
    """Every zone is in the pattern's reach: numbness and tingling come "in the same
    distribution" as root pain (RCGP), so its pain and site zones count too."""
    reach = p.roles()
    return all(z in reach for z in zones)


def _one_nerve(zones: Sequence[str], side: str, patterns: Sequence[Pattern], *,
               bilateral: bool = False) -> bool:  # fmt: skip
    """One nerve's reach takes in every zone (with `bilateral`: one the sources call often
    bilateral, such as the median nerve at the carpal tunnel)."""
    return any(
        p.kind == NERVE and p.side == side and _covers(p, zones)
        and (not bilateral or (p.territory is not None and p.territory.often_bilateral))
        for p in patterns
    )  # fmt: skip


def _few_roots(zones: Sequence[str], side: str, patterns: Sequence[Pattern]) -> bool:
    """One root, or two neighbouring roots (in the data's order), take in every zone."""
    roots = [p for p in patterns if p.kind == DERMATOME and p.side == side]
    for i, p in enumerate(roots):
        pair = roots[i : i + 2]
        if _covers(p, zones) or (len(pair) == 2 and all(any(_covers(q, (z,)) for q in pair)
                                                          for z in zones)):  # fmt: skip
            return True
    return False


def _neural_by_side(
    ev: Evidence, regions: Mapping[str, str], group: frozenset[str]
) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {s: [] for s in SIDES}
    for z in ev.neural_zones():
        side = side_of_zone(z)
        if side is not None and regions.get(z) in group:
            out[side].append(z)
    return out


def _words(ev: Evidence, zones: Sequence[str]) -> str:
    found = {q for z in zones for q in ev.qualities.get(z, {}) if q in NEURAL_ORDER}
    quals = [q for q in NEURAL_ORDER if q in found]
    if not quals:
        return "Symptoms"
    text = quals[-1] if len(quals) == 1 else f"{', '.join(quals[:-1])} or {quals[-1]}"
    return text.capitalize()


Raised = list[tuple[str, str, tuple[str, ...]]]  # (flag id, why in words, zones)


def _saddle(ev: Evidence, patterns: Sequence[Pattern], labels: Mapping[str, str] | None) -> Raised:
    """Neural symptoms on a midline saddle zone, or on the saddle zones of both sides."""
    saddle = {z for p in patterns if p.territory is not None and p.territory.region == "saddle"
              for z in (*p.core, *p.partial)}  # fmt: skip
    numb = tuple(z for z in ev.neural_zones() if z in saddle)
    sides = {side_of_zone(z) for z in numb}
    if None in sides or sides >= set(SIDES):
        return [("saddle", f"{_words(ev, numb)} charted on the saddle area ({name_list(numb, labels)}).", numb)]  # fmt: skip
    return []


def _both_sides(ev: Evidence, patterns: Sequence[Pattern], regions: Mapping[str, str],
                labels: Mapping[str, str] | None) -> Raised:  # fmt: skip
    """Neural symptoms in both legs, both arms or both sides of the trunk (not one nerve each)."""
    out: Raised = []
    for flag_id, group, where in BOTH_SIDES:
        by_side = _neural_by_side(ev, regions, group)
        if all(by_side.values()) and not all(
            _one_nerve(by_side[s], s, patterns, bilateral=True) for s in SIDES
        ):
            zones = (*by_side["left"], *by_side["right"])
            out.append((flag_id, f"{_words(ev, zones)} charted in {where} ({name_list(zones, labels)}).", zones))  # fmt: skip
    return out


def _multi_level(ev: Evidence, patterns: Sequence[Pattern], regions: Mapping[str, str],
                 labels: Mapping[str, str] | None, skip: set[str]) -> Raised:  # fmt: skip
    """A limb on one side whose neural symptoms need more than one or two neighbouring roots."""
    out: Raised = []
    for flag_id, group in (("both-legs", LOWER), ("both-arms", UPPER)):
        if flag_id in skip:  # the both-sides prompt already asks for the same examination
            continue
        for side, zones in _neural_by_side(ev, regions, group).items():
            if (
                zones
                and not _one_nerve(zones, side, patterns)
                and not _few_roots(zones, side, patterns)
            ):
                why = (f"{_words(ev, zones)} on the {side} side ({name_list(zones, labels)}) "
                       "reaches more than one or two neighbouring nerve roots, and no single "
                       "nerve explains it.")  # fmt: skip
                out.append(("multi-level", why, tuple(zones)))
    return out


def _chart_flags(ev: Evidence, patterns: Sequence[Pattern], regions: Mapping[str, str],
                 labels: Mapping[str, str] | None) -> Raised:  # fmt: skip
    both = _both_sides(ev, patterns, regions, labels)
    skip = {flag_id for flag_id, _, _ in both}
    return [*_saddle(ev, patterns, labels), *both,
            *_multi_level(ev, patterns, regions, labels, skip)]  # fmt: skip


def nerve_flags(
    ev: Evidence,
    patterns: Sequence[Pattern],
    regions: Mapping[str, str],
    *,
    intake: Iterable[str] = (),
    labels: Mapping[str, str] | None = None,
) -> list[NerveFlag]:
    """The red flags a chart (and the intake's answers) raise, in the data file's order.

    `patterns`: the dermatome and nerve patterns (both sides); `regions`: zone id -> atlas
    region; `intake`: the red-flag answers given yes (model.intake.RedFlag values).
    """
    raised: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for flag_id, why, zones in _chart_flags(ev, patterns, regions, labels):
        raised.setdefault(flag_id, []).append((why, zones))
    for answer in intake:
        if answer in FROM_INTAKE:
            raised.setdefault(FROM_INTAKE[answer], []).append(("Answered yes at intake.", ()))
    texts = flag_texts()
    return [
        NerveFlag(fid, t["title"], t["text"], " ".join(w for w, _ in raised[fid]),
                  tuple(z for _, zs in raised[fid] for z in zs), tuple(t["sources"]))
        for fid, t in texts.items()
        if fid in raised
    ]  # fmt: skip
