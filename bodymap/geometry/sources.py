"""Finds atlas files (built-in package data, a folder or one SVG) and turns them into zones."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry.base import BaseGeometry

from bodymap.geometry.errors import Problem
from bodymap.geometry.metadata import (
    METADATA_FILE,
    ZoneMeta,
    label_from_id,
    read_metadata_file,
    side_from_id,
)
from bodymap.geometry.svgparse import SvgDocument, read_svg, rings_to_lines, zone_polygon
from bodymap.geometry.validate import body_union, validate_views

BUILTIN_VIEWS = ("front", "back")


@dataclass
class AtlasSource:
    """Everything read from an atlas location, with the problems found on the way."""

    name: str
    zones: list = field(default_factory=list)  # list[Zone]
    views: dict = field(default_factory=dict)  # dict[str, ViewInfo]
    problems: list[Problem] = field(default_factory=list)


def builtin_dir() -> Path:
    """Folder of the built-in atlas, whether running from a checkout or an installed wheel."""
    return Path(str(importlib.resources.files("bodymap.assets") / "svg"))


def _svg_files(path: Path) -> tuple[list[Path], Path | None]:
    if path.is_dir():
        files = sorted(path.glob("*.svg"))
        order = {v: i for i, v in enumerate(BUILTIN_VIEWS)}
        files.sort(key=lambda f: (order.get(f.stem, len(order)), f.stem))
        meta = path / METADATA_FILE
        return files, meta if meta.exists() else None
    meta = path.with_name(METADATA_FILE)
    return [path], meta if meta.exists() else None


def read_source(path: str | Path | None = None) -> AtlasSource:
    """Read and validate an atlas location; never raises for bad content, only reports."""
    from bodymap.geometry.atlas import ViewInfo, Zone

    base = builtin_dir() if path is None else Path(path)
    src = AtlasSource(name="built-in" if path is None else str(base))
    if not base.exists():
        src.problems.append(Problem(str(base), "unreadable file: no such file or folder"))
        return src
    files, meta_file = _svg_files(base)
    if not files:
        src.problems.append(Problem(str(base), "no .svg files found"))
        return src
    meta: dict[str, ZoneMeta] = {}
    if meta_file is not None:
        try:
            meta = read_metadata_file(meta_file)
        except (OSError, ValueError) as exc:
            src.problems.append(Problem(str(meta_file), f"unreadable zone data file: {exc}"))
            return src
    docs = [read_svg(f, set(meta)) for f in files]
    for doc in docs:
        src.problems.extend(doc.problems)
    per_view: dict[str, list[tuple[str, ZoneMeta, BaseGeometry, str]]] = {}
    for doc in docs:
        per_view.setdefault(doc.view, [])
        for raw in doc.zones:
            if not raw.id:
                src.problems.append(Problem(doc.file, "a zone path has no id"))
                continue
            geom, probs = zone_polygon(raw, doc.file)
            src.problems.extend(probs)
            if geom is None:
                continue
            m = meta.get(raw.id) or ZoneMeta(
                id=raw.id,
                label=raw.attrs.get("data-label") or label_from_id(raw.id),
                view=doc.view,
                side=raw.attrs.get("data-side") or side_from_id(raw.id),
                region=raw.attrs.get("data-region", ""),
            )
            per_view[doc.view].append((doc.file, m, geom, raw.d))
    unions = {v: body_union([g for _, _, g, _ in es]) for v, es in per_view.items() if es}
    src.problems.extend(validate_views(per_view, meta, unions))
    for doc in docs:
        _add_view(src, doc, per_view.get(doc.view, []), unions.get(doc.view), ViewInfo, Zone)
    return src


def _add_view(
    src: AtlasSource,
    doc: SvgDocument,
    entries: list,
    silhouette: BaseGeometry | None,
    view_cls: type,
    zone_cls: type,
) -> None:
    if doc.view in src.views or not entries or silhouette is None:
        return
    minx, _, maxx, _ = silhouette.bounds
    decorations = tuple(
        (raw.id or raw.attrs.get("class", ""), raw.d, tuple(rings_to_lines(raw.rings)))
        for raw in doc.decorations
    )
    try:
        svg_bytes = Path(doc.file).read_bytes()
    except OSError:
        svg_bytes = b""
    src.views[doc.view] = view_cls(
        name=doc.view,
        viewbox=doc.viewbox,
        silhouette=silhouette,
        midline_x=(minx + maxx) / 2.0,
        decorations=decorations,
        svg_bytes=svg_bytes,
    )
    for _, m, geom, d in entries:
        rp = geom.representative_point()
        src.zones.append(
            zone_cls(
                id=m.id,
                label=m.label,
                view=doc.view,
                side=m.side,
                region=m.region,
                polygon=geom,
                area=float(geom.area),
                point=(float(rp.x), float(rp.y)),
                d=d,
            )
        )
