"""The PSFS over visits, compared only on the activities rated at both ends of the period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bodymap.analysis.measures import psfs_beyond_error
from bodymap.model.outcomes import Outcomes


@dataclass(frozen=True)
class PsfsTrack:
    """PSFS averages over the same activities: those rated at the first and the latest PSFS.

    The minimal detectable change belongs to the average over the same activities, so an
    activity added or dropped on the way would make the two averages incomparable.
    """

    activities: tuple[str, ...]  # rated at both ends, as first named
    series: tuple[float | None, ...]  # per visit: their average, None unless all were rated
    left_out: tuple[str, ...]  # activities rated at only one end
    compared: bool  # two visits with a PSFS exist, so there is a change to speak of

    def _ends(self) -> tuple[float, float] | None:
        known = [v for v in self.series if v is not None]
        return (known[0], known[-1]) if self.compared and self.activities else None

    @property
    def first(self) -> float | None:
        ends = self._ends()
        return None if ends is None else ends[0]

    @property
    def latest(self) -> float | None:
        ends = self._ends()
        return None if ends is None else ends[1]

    @property
    def beyond_error(self) -> bool:
        ends = self._ends()
        return ends is not None and psfs_beyond_error(*ends)

    def change_words(self) -> str:
        """ "PSFS 3.0 → 7.0 on the 3 activities rated at both (beyond measurement error)"."""
        if not self.compared:
            return ""
        ends = self._ends()
        if ends is None:
            return "PSFS: no activity rated at both the first and the latest visit"
        n = len(self.activities)
        what = f"the {n} activit{'y' if n == 1 else 'ies'} rated at both"
        text = f"PSFS {ends[0]:.1f} → {ends[1]:.1f} on {what}"
        return text + (" (beyond measurement error)" if self.beyond_error else "")


def psfs_track(outcomes: Sequence[Outcomes]) -> PsfsTrack | None:
    """The PSFS over visits (oldest first); None when no visit has one."""
    rated = [i for i, o in enumerate(outcomes) if o.psfs]
    if not rated:
        return None
    first, last = outcomes[rated[0]].psfs, outcomes[rated[-1]].psfs
    last_names = {r.activity.casefold() for r in last}
    first_names = {r.activity.casefold() for r in first}
    common = tuple(r.activity for r in first if r.activity.casefold() in last_names)
    left_out = tuple(r.activity for r in first if r.activity.casefold() not in last_names)
    left_out += tuple(r.activity for r in last if r.activity.casefold() not in first_names)
    keys = [a.casefold() for a in common]
    series = []
    for o in outcomes:
        scores = {r.activity.casefold(): r.score for r in o.psfs}
        ok = keys and all(k in scores for k in keys)
        series.append(sum(scores[k] for k in keys) / len(keys) if ok else None)
    return PsfsTrack(common, tuple(series), left_out, compared=len(rated) >= 2)
