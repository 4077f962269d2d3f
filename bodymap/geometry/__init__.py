"""Qt-free body atlas: zones parsed from SVG, hit tests and coverage in viewBox units."""

from bodymap.geometry.atlas import Atlas, Zone, load_atlas
from bodymap.geometry.errors import AtlasError, Problem
from bodymap.geometry.metadata import REGIONS, SIDES

__all__ = ["REGIONS", "SIDES", "Atlas", "AtlasError", "Problem", "Zone", "load_atlas"]
