"""Intake questionnaire: the client's story, history, contributing factors and red-flag screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bodymap.model.values import (
    check_bool,
    check_datetime,
    check_enum,
    check_id,
    check_int,
    check_text,
    check_texts,
    check_tuple,
    new_id,
)


class RedFlag(StrEnum):
    """Red-flag screening questions that call for referral before manual therapy.

    Standard musculoskeletal screening, NOT from the project reference (clinical.md §3 only
    notes the cardiac, Horner-like and temporal-arteritis caveats); have a clinician review it.
    """

    WEIGHT_LOSS = "unexplained_weight_loss"
    FEVER = "fever_or_unwell"
    NIGHT_PAIN = "night_pain_not_eased"  # not eased by rest or change of position
    BOWEL_BLADDER = "bowel_or_bladder_changes"
    SADDLE_NUMBNESS = "saddle_numbness"
    CANCER_HISTORY = "history_of_cancer"
    RECENT_TRAUMA = "recent_significant_trauma"
    PROGRESSIVE_NEURO = "progressive_weakness_or_numbness"
    CHEST_PAIN = "chest_pain_or_breathlessness"  # clear as cardiac first (§3 caveat)
    JAW_CLAUDICATION = "jaw_pain_on_chewing_over_50"  # temporal arteritis (§3 caveat)


RED_FLAG_WORDS = {
    RedFlag.WEIGHT_LOSS: "unexplained weight loss",
    RedFlag.FEVER: "fever or feeling unwell",
    RedFlag.NIGHT_PAIN: "night pain not eased by rest or changing position",
    RedFlag.BOWEL_BLADDER: "changes in bowel or bladder control",
    RedFlag.SADDLE_NUMBNESS: "numbness in the saddle area",
    RedFlag.CANCER_HISTORY: "history of cancer",
    RedFlag.RECENT_TRAUMA: "recent significant trauma (fall, accident)",
    RedFlag.PROGRESSIVE_NEURO: "weakness or numbness that is getting worse",
    RedFlag.CHEST_PAIN: "chest pain or breathlessness",
    RedFlag.JAW_CLAUDICATION: "over 50 with jaw pain on chewing",
}


@dataclass(frozen=True)
class RedFlagAnswer:
    """The answer to one red-flag question: present or not, with a note."""

    flag: RedFlag
    present: bool
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "flag", check_enum("flag", RedFlag, self.flag))
        check_bool("present", self.present)
        check_text("note", self.note, limit=2000)


@dataclass(frozen=True)
class Intake:
    """One revision of a client's intake; revising adds a revision and keeps the old ones."""

    client_id: str
    revision: int
    recorded_at: datetime
    recorded_by: str = ""
    chief_complaint: str = ""  # in the client's own words
    onset: str = ""
    duration: str = ""
    aggravating: str = ""  # what makes it worse
    easing: str = ""  # what makes it better
    injuries: tuple[str, ...] = ()
    surgeries: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()
    posture_work: str = ""  # posture and work setup
    stress: str = ""
    sleep: str = ""
    nutrition: str = ""
    nerve_symptoms: str = ""  # numbness, tingling
    repetitive_strain: str = ""
    goals: tuple[str, ...] = ()
    red_flags: tuple[RedFlagAnswer, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_id("client_id", self.client_id)
        check_int("revision", self.revision, 1)
        check_datetime("recorded_at", self.recorded_at)
        for name in TEXT_FIELDS:
            check_text(name, getattr(self, name))
        for name in LIST_FIELDS:
            object.__setattr__(self, name, check_texts(name, getattr(self, name)))
        answers = check_tuple("red_flags", self.red_flags, RedFlagAnswer)
        seen: set[RedFlag] = set()
        for i, a in enumerate(answers):
            if a.flag in seen:
                raise ValueError(f"red_flags[{i}].flag: {a.flag.value!r} is answered twice")
            seen.add(a.flag)
        object.__setattr__(self, "red_flags", answers)

    @property
    def flags_present(self) -> tuple[RedFlag, ...]:
        """Red flags answered yes: the UI shows these as warnings."""
        return tuple(a.flag for a in self.red_flags if a.present)

    def __repr__(self) -> str:
        return f"Intake(id={self.id!r}, client_id={self.client_id!r}, revision={self.revision})"


TEXT_FIELDS = (
    "recorded_by", "chief_complaint", "onset", "duration", "aggravating", "easing",
    "posture_work", "stress", "sleep", "nutrition", "nerve_symptoms", "repetitive_strain",
)  # fmt: skip
LIST_FIELDS = ("injuries", "surgeries", "conditions", "medications", "goals")


def red_flag_lines(intake: Intake | None) -> list[str]:
    """The red flags answered yes in words, with the answer's note when there is one."""
    if intake is None:
        return []
    out = []
    for a in intake.red_flags:
        if a.present:
            out.append(RED_FLAG_WORDS[a.flag] + (f" ({a.note})" if a.note else ""))
    return out
