"""One ranked explanation of charted symptoms: a muscle, a dermatome or a nerve on one side."""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.nerves.patterns import Pattern


@dataclass(frozen=True)
class Explanation:
    """A pattern scored against a chart: what it explains, in part or not at all, and why."""

    pattern: Pattern
    side: str  # "left", "right", or "midline" when both sides explain the chart equally
    score: float  # 0..1
    explained: float  # share of the charted evidence it explains, after quality weighting
    core: tuple[str, ...]  # charted zones in its main zones
    partial: tuple[str, ...]  # charted zones it reaches only in part (or as spillover)
    pain: tuple[str, ...]  # charted zones explained as pain beyond the skin area
    site: tuple[str, ...]  # charted zones at the trigger point or the entrapment site
    unexplained: tuple[str, ...]  # charted zones it does not reach
    pain_free: tuple[str, ...]  # its main zones without pain
    spared: tuple[str, ...]  # charted zones the entrapment typically spares
    neural_unfit: tuple[
        str, ...
    ]  # charted numb, tingling or burning zones a muscle explains poorly
    ache_only: tuple[str, ...]  # matched zones with only deep aching charted (weaker for nerves)
    trigger_point: bool  # its own trigger point is charted (muscles)
    neural: tuple[str, ...] = ()  # numbness, tingling, burning as charted where it matters
    history: tuple[str, ...] = ()  # intake surgeries or injuries its sources name as a cause
    text: str = ""
    red_flag: str | None = None  # a muscle's caution, when its trigger zone is charted

    @property
    def kind(self) -> str:
        return self.pattern.kind

    @property
    def name(self) -> str:
        return self.pattern.name

    @property
    def structure(self) -> str:
        return self.pattern.structure

    @property
    def status(self) -> str:
        return self.pattern.status

    @property
    def reached(self) -> tuple[str, ...]:
        """Every charted zone it reaches, in any role."""
        return (*self.core, *self.partial, *self.pain, *self.site)
