"""Outcome measures recorded at a visit: NRS pain, PEG, PSFS, sleep, medication, range of motion."""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.model.values import (
    check_bool,
    check_number,
    check_optional,
    check_optional_score,
    check_score,
    check_text,
    check_tuple,
)


@dataclass(frozen=True)
class Peg:
    """PEG: average pain, interference with enjoyment of life and with general activity (0-10)."""

    pain: int
    enjoyment: int
    activity: int

    def __post_init__(self) -> None:
        for name in ("pain", "enjoyment", "activity"):
            check_score(name, getattr(self, name))

    @property
    def score(self) -> float:
        """The PEG score is the mean of the three items."""
        return (self.pain + self.enjoyment + self.activity) / 3


@dataclass(frozen=True)
class PsfsRating:
    """One PSFS activity rated 0 (unable) to 10 (as before); re-rated by name at follow-ups."""

    activity: str
    score: int

    def __post_init__(self) -> None:
        check_text("activity", self.activity, required=True, limit=200)
        check_score("score", self.score)


@dataclass(frozen=True)
class RomEntry:
    """Range of motion of one movement of one joint, in degrees, with pain on movement."""

    joint: str
    movement: str
    degrees: float
    painful: bool = False

    def __post_init__(self) -> None:
        check_text("joint", self.joint, required=True, limit=100)
        check_text("movement", self.movement, required=True, limit=100)
        object.__setattr__(self, "degrees", float(check_number("degrees", self.degrees, 0, 360)))
        check_bool("painful", self.painful)


def pain_order_problems(now: int | None, least: int | None, worst: int | None) -> dict[str, str]:
    """Field -> what is wrong, for pain scores out of order (least <= now <= worst).

    Scores not asked (None) are not compared. The outcomes panel shows each message next to
    its field; Outcomes refuses the first.
    """
    problems: dict[str, str] = {}
    if least is not None and worst is not None and least > worst:
        problems["pain_least"] = f"least pain ({least}) is above worst pain ({worst})"
    if now is not None and least is not None and now < least:
        problems["pain_now"] = f"pain now ({now}) is below least pain ({least})"
    elif now is not None and worst is not None and now > worst:
        problems["pain_now"] = f"pain now ({now}) is above worst pain ({worst})"
    return problems


@dataclass(frozen=True)
class Outcomes:
    """Every outcome measure of one visit; None means not asked."""

    pain_now: int | None = None
    pain_least: int | None = None
    pain_worst: int | None = None
    peg: Peg | None = None
    psfs: tuple[PsfsRating, ...] = ()
    sleep_hours: float | None = None
    pain_wakes: bool | None = None
    medication: str = ""  # pain medication use, free text
    rom: tuple[RomEntry, ...] = ()

    def __post_init__(self) -> None:
        for name in ("pain_now", "pain_least", "pain_worst"):
            check_optional_score(name, getattr(self, name))
        problems = pain_order_problems(self.pain_now, self.pain_least, self.pain_worst)
        if problems:
            name, problem = next(iter(problems.items()))
            raise ValueError(f"{name}: {problem}")
        if self.peg is not None and not isinstance(self.peg, Peg):
            raise ValueError("peg: expected a Peg")
        psfs = check_tuple("psfs", self.psfs, PsfsRating)
        names = [r.activity.casefold() for r in psfs]
        for i, n in enumerate(names):
            if n in names[:i]:
                raise ValueError(f"psfs[{i}].activity: {psfs[i].activity!r} is rated twice")
        object.__setattr__(self, "psfs", psfs)
        if self.sleep_hours is not None:
            hours = check_number("sleep_hours", self.sleep_hours, 0, 24)
            object.__setattr__(self, "sleep_hours", float(hours))
        check_optional("pain_wakes", self.pain_wakes, check_bool)
        check_text("medication", self.medication, limit=2000)
        object.__setattr__(self, "rom", check_tuple("rom", self.rom, RomEntry))

    @property
    def psfs_score(self) -> float | None:
        """PSFS score: the mean of the activity ratings."""
        return sum(r.score for r in self.psfs) / len(self.psfs) if self.psfs else None
