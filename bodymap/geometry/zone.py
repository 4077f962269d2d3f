"""The atlas's value types: a zone with its polygon, and one view's drawing facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True, eq=False)
class Zone:
    """One anatomical zone of one view."""

    id: str
    label: str
    view: str
    side: str
    region: str
    polygon: BaseGeometry = field(repr=False)
    area: float
    point: tuple[float, float]  # a representative point inside the zone
    d: str = field(repr=False, default="")  # the SVG path data, for drawing
    parent: str | None = None  # the whole-body zone this one lies in (closer views only)


@dataclass(frozen=True)
class ViewInfo:
    """Per-view drawing facts: viewBox, silhouette and decorative strokes."""

    name: str
    viewbox: tuple[float, float, float, float]
    silhouette: BaseGeometry
    midline_x: float
    decorations: tuple[tuple[str, str, tuple[BaseGeometry, ...]], ...]  # (id/class, d, lines)
    svg_bytes: bytes
    title: str = ""
    chart: str = "body"  # the chart page the view is shown on
    of: str | None = None  # the view this one shows closer, when `transform` maps onto it
    transform: tuple[float, float, float, float, float, float] | None = None
    scale: float = 1.0  # viewBox units per unit of the whole-body views
    mirror: str | None = None  # the view that is this one's mirror image
