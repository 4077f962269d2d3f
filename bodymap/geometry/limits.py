"""Bounds on what an atlas may hold, so checking it stays near-linear and no value breaks GEOS.

A zone may have at most MAX_ZONE_VERTICES points once its curves are flattened (the built-in
atlas has at most 612), a view at most MAX_VIEW_VERTICES (the built-in has about 27,000), and
every point must be a finite number inside the view box (with VIEWBOX_SLACK of its size).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

MAX_ZONE_VERTICES = 100_000
MAX_VIEW_VERTICES = 1_000_000
VIEWBOX_SLACK = 0.01

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

Box = tuple[float, float, float, float]
Ring = Sequence[tuple[float, float]]


class TooManyPoints(ValueError):
    """A path flattens to more points than a zone may have."""


def viewbox_problem(values: Iterable[float | None], raw: str | None) -> str | None:
    """Why a viewBox is unusable (not four finite numbers, no positive size), or None."""
    vals = [math.nan if v is None else float(v) for v in values]
    if len(vals) == 4 and all(math.isfinite(v) for v in vals) and vals[2] > 0 and vals[3] > 0:
        return None
    shown = raw if raw is not None else " ".join(f"{v:g}" for v in vals)
    return f"the viewBox {shown!r} is not four finite numbers with a positive width and height"


def points_at_least(d: str) -> int:
    """A lower bound on the points a path's data flattens to, read without parsing it.

    Every command flattens to at least one point per two numbers it takes (a line: 2 numbers,
    1 point; a cubic: 6 numbers, 4 or more points; an arc: 7 numbers, 4 or more).
    """
    return len(_NUMBER.findall(d)) // 2


def outside_point(rings: Iterable[Ring], viewbox: Box) -> tuple[float, float] | None:
    """The first point that is not finite or lies outside the view box (and slack), if any."""
    x, y, w, h = viewbox
    sx, sy = VIEWBOX_SLACK * w, VIEWBOX_SLACK * h
    x0, y0, x1, y1 = x - sx, y - sy, x + w + sx, y + h + sy
    for ring in rings:
        for px, py in ring:
            # NaN fails every comparison, so it is caught here too.
            if not (x0 <= px <= x1 and y0 <= py <= y1):
                return (px, py)
    return None


def too_many(count: int, limit: int, what: str) -> str:
    """The message for a zone or view over its vertex limit."""
    return (
        f"{what} has {count:,} or more points once its curves are flattened, over the limit "
        f"of {limit:,}; simplify the paths (the limit keeps checking and charting fast)"
    )
