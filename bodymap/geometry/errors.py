"""Errors and problem records raised or reported while reading an atlas."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an atlas, with where it is."""

    file: str
    message: str
    zone: str | None = None
    point: tuple[float, float] | None = None
    severity: str = "error"  # "error" refuses the atlas; "warning" is reported only

    def __str__(self) -> str:
        where = self.file
        if self.zone:
            where += f" [{self.zone}]"
        if self.point is not None:
            where += f" at ({self.point[0]:.1f}, {self.point[1]:.1f})"
        return f"{self.severity}: {where}: {self.message}"


class AtlasError(Exception):
    """An atlas could not be loaded; `problems` names every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else "invalid atlas"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)
