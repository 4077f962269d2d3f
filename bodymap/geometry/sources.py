"""Finds atlas files (built-in package data, a folder or one SVG) and turns them into zones."""

from __future__ import annotations

import dataclasses
import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from bodymap.geometry import cache
from bodymap.geometry.errors import Problem
from bodymap.geometry.limits import MAX_VIEW_VERTICES, too_many
from bodymap.geometry.metadata import (
    METADATA_FILE,
    ZoneMeta,
    label_from_id,
    read_metadata_file,
    read_retired_file,
    side_from_id,
)
from bodymap.geometry.parents import parent_problems, view_scales
from bodymap.geometry.svgparse import SvgDocument, read_svg, rings_to_lines, zone_polygon
from bodymap.geometry.validate import body_union, validate_views
from bodymap.geometry.views import (
    ViewMeta,
    default_title,
    merge,
    read_views_file,
    svg_view_meta,
)
from bodymap.geometry.zone import ViewInfo, Zone

BUILTIN_VIEWS = ("front", "back")


@dataclass
class AtlasSource:
    """Everything read from an atlas location, with the problems found on the way."""

    name: str
    zones: list[Zone] = field(default_factory=list)
    views: dict[str, ViewInfo] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    retired: dict[str, tuple[str, ...]] = field(default_factory=dict)  # old id -> successors
    view_meta: dict[str, ViewMeta] = field(default_factory=dict)


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


def read_source(path: str | Path | None = None, *, use_cache: bool = True) -> AtlasSource:
    """Read and validate an atlas location; never raises for bad content, only reports.

    A valid atlas is cached by content, so the next start skips parsing and validation.
    """
    base = builtin_dir() if path is None else Path(path)
    src = AtlasSource(name="built-in" if path is None else str(base))
    if not base.exists():
        src.problems.append(Problem(str(base), "unreadable file: no such file or folder"))
        return src
    files, meta_file = _svg_files(base)
    if not files:
        src.problems.append(Problem(str(base), "no .svg files found"))
        return src
    key = None
    if use_cache:
        try:
            key = cache.cache_key(files + ([meta_file] if meta_file else []))
        except OSError:
            key = None
        record = cache.load(key) if key else None
        if record is not None:
            try:
                _from_record(src, record, files)
                return src
            except (KeyError, TypeError, ValueError, shapely.errors.ShapelyError):
                # a record of another version of the code: parse afresh and overwrite it
                src = AtlasSource(name=src.name)
    _parse(src, files, meta_file)
    if key and src.zones and not any(p.severity == "error" for p in src.problems):
        cache.save(key, _to_record(src))
    return src


def _parse(src: AtlasSource, files: list[Path], meta_file: Path | None) -> None:
    """Parse and validate the SVG files into src (zones, views, problems)."""
    meta: dict[str, ZoneMeta] = {}
    data_views: dict[str, ViewMeta] = {}
    if meta_file is not None:
        try:
            meta = read_metadata_file(meta_file)
            src.retired = read_retired_file(meta_file)
            data_views = read_views_file(meta_file)
        except (OSError, ValueError) as exc:
            src.problems.append(Problem(str(meta_file), f"unreadable zone data file: {exc}"))
            return
    docs = [read_svg(f, set(meta)) for f in files]
    order = {v: i for i, v in enumerate(data_views)}
    docs.sort(key=lambda d: order.get(d.view, len(order)))
    for doc in docs:
        try:
            svg_meta = svg_view_meta(doc.view, doc.root_attrs, doc.file)
        except ValueError as exc:
            src.problems.append(Problem(doc.file, str(exc)))
            svg_meta = ViewMeta(doc.view)
        src.view_meta.setdefault(doc.view, merge(svg_meta, data_views.get(doc.view)))
    for vid, vm in data_views.items():
        src.view_meta.setdefault(vid, vm)
    for doc in docs:
        src.problems.extend(doc.problems)
        count = sum(len(r) for raw in doc.zones for r in raw.rings)
        if count > MAX_VIEW_VERTICES:  # refused before any geometry work is spent on it
            view = f"the {doc.view} view"
            src.problems.append(Problem(doc.file, too_many(count, MAX_VIEW_VERTICES, view)))
            doc.zones.clear()
    per_view: dict[str, list[tuple[str, ZoneMeta, BaseGeometry, str]]] = {}
    for doc in docs:
        per_view.setdefault(doc.view, [])
        for raw in doc.zones:
            if not raw.id:
                src.problems.append(Problem(doc.file, "a zone path has no id"))
                continue
            try:
                geom, probs = zone_polygon(raw, doc.file)
            except (shapely.errors.GEOSException, ValueError) as exc:
                geom, probs = None, [Problem(doc.file, f"unusable path geometry: {exc}", raw.id)]
            src.problems.extend(probs)
            if geom is None:
                continue
            m = meta.get(raw.id) or ZoneMeta(
                id=raw.id,
                label=raw.attrs.get("data-label") or label_from_id(raw.id),
                view=doc.view,
                side=raw.attrs.get("data-side") or side_from_id(raw.id),
                region=raw.attrs.get("data-region", ""),
                parent=raw.attrs.get("data-parent") or None,
            )
            if m.parent is None and raw.attrs.get("data-parent"):
                m = dataclasses.replace(m, parent=raw.attrs["data-parent"])
            per_view[doc.view].append((doc.file, m, geom, raw.d))
    unions = {v: body_union([g for _, _, g, _ in es]) for v, es in per_view.items() if es}
    mirrors = {v: vm.mirror for v, vm in src.view_meta.items() if vm.mirror}
    src.problems.extend(validate_views(per_view, meta, unions, mirrors))
    src.problems.extend(_retired_problems(src.retired, per_view, meta_file))
    src.problems.extend(parent_problems(per_view, src.view_meta, str(meta_file or files[0])))
    scales = view_scales(src.view_meta)
    for doc in docs:
        vm = src.view_meta.get(doc.view) or ViewMeta(doc.view)
        _add_view(src, doc, per_view.get(doc.view, []), unions.get(doc.view), vm, scales)


def _retired_problems(
    retired: dict[str, tuple[str, ...]], per_view: dict[str, list], meta_file: Path | None
) -> list[Problem]:
    """A retired id must be gone from the atlas, and every id that replaced it present."""
    ids = {m.id for entries in per_view.values() for _, m, _, _ in entries}
    where = str(meta_file)
    out = [Problem(where, "retired zone id is still a zone", old) for old in retired if old in ids]
    for old, now in retired.items():
        out += [
            Problem(where, f"retired zone {old!r} names unknown zone {z!r}", old)
            for z in now
            if z not in ids
        ]
    return out


def _to_record(src: AtlasSource) -> dict:
    """A JSON-able record of a parsed atlas (geometry as hex WKB)."""
    return {
        "zones": [
            {
                "id": z.id, "label": z.label, "view": z.view, "side": z.side,
                "region": z.region, "wkb": cache.to_wkb(z.polygon), "point": list(z.point),
                "d": z.d, "parent": z.parent,
            }
            for z in src.zones
        ],
        "views": [
            {
                "name": v.name, "viewbox": list(v.viewbox), "midline_x": v.midline_x,
                "silhouette": cache.to_wkb(v.silhouette),
                "decorations": [[k, d, [cache.to_wkb(g) for g in lines]] for k, d, lines in v.decorations],
                "title": v.title, "chart": v.chart, "of": v.of,
                "transform": list(v.transform) if v.transform else None, "scale": v.scale,
                "mirror": v.mirror,
            }
            for v in src.views.values()
        ],
        "warnings": [[p.file, p.message, p.zone] for p in src.problems],
        "retired": {old: list(now) for old, now in src.retired.items()},
    }  # fmt: skip


def _from_record(src: AtlasSource, record: dict, files: list[Path]) -> None:
    by_view = {f.stem: f for f in files}
    for v in record["views"]:
        svg = by_view.get(v["name"]) or next(
            (f for f in files if f'data-view="{v["name"]}"'.encode() in f.read_bytes()), None
        )
        src.views[v["name"]] = ViewInfo(
            name=v["name"],
            viewbox=tuple(v["viewbox"]),
            silhouette=cache.from_wkb(v["silhouette"]),
            midline_x=float(v["midline_x"]),
            decorations=tuple(
                (k, d, tuple(cache.from_wkb(g) for g in lines)) for k, d, lines in v["decorations"]
            ),
            svg_bytes=svg.read_bytes() if svg else b"",
            title=v["title"], chart=v["chart"], of=v["of"],
            transform=tuple(v["transform"]) if v["transform"] else None,
            scale=float(v["scale"]), mirror=v["mirror"],
        )  # fmt: skip
    for z in record["zones"]:
        geom = cache.from_wkb(z["wkb"])
        src.zones.append(
            Zone(
                id=z["id"], label=z["label"], view=z["view"], side=z["side"], region=z["region"],
                polygon=geom, area=float(geom.area), point=(z["point"][0], z["point"][1]),
                d=z["d"], parent=z["parent"],
            )
        )  # fmt: skip
    for file, message, zone in record.get("warnings", []):
        src.problems.append(Problem(file, message, zone, severity="warning"))
    src.retired = {old: tuple(now) for old, now in record.get("retired", {}).items()}


def _add_view(
    src: AtlasSource,
    doc: SvgDocument,
    entries: list,
    silhouette: BaseGeometry | None,
    meta: ViewMeta,
    scales: dict[str, float],
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
    src.views[doc.view] = ViewInfo(
        name=doc.view,
        viewbox=doc.viewbox,
        silhouette=silhouette,
        midline_x=(minx + maxx) / 2.0,
        decorations=decorations,
        svg_bytes=svg_bytes,
        title=meta.title or default_title(doc.view),
        chart=meta.chart or "body",
        of=meta.of,
        transform=meta.transform,
        scale=scales.get(doc.view, 1.0),
        mirror=meta.mirror,
    )
    for _, m, geom, d in entries:
        rp = geom.representative_point()
        src.zones.append(
            Zone(
                id=m.id,
                label=m.label,
                view=doc.view,
                side=m.side,
                region=m.region,
                polygon=geom,
                area=float(geom.area),
                point=(float(rp.x), float(rp.y)),
                d=d,
                parent=m.parent,
            )
        )
