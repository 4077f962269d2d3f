"""Outcome thresholds with their sources, and the wording of a change that each one allows."""

from __future__ import annotations

from dataclasses import dataclass

# A value exactly on a threshold line counts as reaching it; floats of averages need a hair.
EPS = 1e-9

# Farrar et al. 2001 (Pain 94:149-158; clinical.md §4.3) found about 2 points or about 30 %
# on a 0-10 scale matched "much improved"; later cohorts found larger, baseline-dependent
# thresholds, so a pain change is called clinically important only when it meets both.
PAIN_MCID_POINTS = 2.0
PAIN_MCID_FRACTION = 0.30
PAIN_RULE = (
    "Clinically important (pain): a fall of at least 2 points and at least 30% from the first "
    "visit (Farrar et al. 2001, Pain 94:149-158; later studies found larger, baseline-dependent "
    "thresholds)."
)
# Stratford et al. 1995 (Physiother Can 47:258; clinical.md §4.3): the minimal detectable
# change (90 % CI) of the PSFS average over the same activities is about 2 points. It says a
# change is real, not that it matters.
PSFS_MDC = 2.0
PSFS_RULE = (
    "Beyond measurement error (PSFS): the average over the activities rated at both the first "
    "and the latest visit changed by at least 2 points, the minimal detectable change "
    "(Stratford et al. 1995). It is not a threshold of clinical importance."
)
PEG_RULE = "PEG: no threshold is established in our reference, so its change carries no label."


def pain_mcid_level(baseline: float) -> float | None:
    """The highest pain that is a clinically important fall from `baseline` (None: none is)."""
    level = baseline - max(PAIN_MCID_POINTS, PAIN_MCID_FRACTION * baseline)
    return round(level, 6) if level >= 0 else None


def pain_important(baseline: float, value: float) -> bool:
    """Whether `value` is a clinically important fall from `baseline` (PAIN_RULE)."""
    level = pain_mcid_level(baseline)
    return level is not None and value <= level + EPS


def psfs_beyond_error(first: float, latest: float) -> bool:
    """Whether two PSFS averages over the same activities differ by at least the MDC."""
    return abs(latest - first) >= PSFS_MDC - EPS


@dataclass(frozen=True)
class ExtentChange:
    """Pain extent before and after, in % of the drawn body outline."""

    before: float
    after: float

    @property
    def points(self) -> float:
        """The change in percentage points."""
        return self.after - self.before

    @property
    def relative(self) -> float | None:
        """The change relative to before, in percent; None when there was no pain before."""
        return None if self.before <= 0 else 100.0 * self.points / self.before

    @property
    def unchanged(self) -> bool:
        """Equal at the one decimal the reports print."""
        return f"{self.before:.1f}" == f"{self.after:.1f}"

    def _beside(self) -> str:
        rel = self.relative
        return "none before" if rel is None else f"{rel:+.0f}% relative"

    def change_words(self) -> str:
        """ "-3.2 percentage points (-77% relative)"; "+2.0 percentage points (none before)"."""
        return f"{self.points:+.1f} percentage points ({self._beside()})"

    def words(self) -> str:
        """ "pain extent 4.1% → 0.9% of the drawn body outline (-3.2 percentage points, -77%
        relative)"."""
        head = f"pain extent {self.before:.1f}% → {self.after:.1f}% of the drawn body outline"
        if self.unchanged:
            return f"{head} (unchanged)"
        return f"{head} ({self.points:+.1f} percentage points, {self._beside()})"
