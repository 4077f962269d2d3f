"""Custom-atlas validation at growing size: time and peak memory, against the built-in atlas.

Each check runs in a fresh process (peak memory is that process's maximum resident size).
A zone is made of N cubic curves in two ways: N small closed curves punching holes in it
(what drove `atlas check` past 300 s and 22 GB at 20,000 before), and one outline of N
curves. The baseline, in the same run, is the built-in atlas; the old even-odd rule (a
symmetric difference per ring) is timed on the same 1,000-hole zone for the ratio.

Run: .venv/bin/python benchmarks/bench_atlas_check.py
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 10_000, 100_000)
TARGET_S = 10.0  # "checks in seconds": every figure below, refused or accepted
ROWS = (("crown", "head", 10, 30), ("chest-box", "chest", 30, 60), ("thigh-box", "thigh", 60, 90))

CHECK = textwrap.dedent("""
    import sys, time
    from bodymap.geometry import svgparse
    from bodymap.geometry.sources import read_source
    detail = float(sys.argv[2])
    svgparse.CHORD /= detail
    svgparse.MAX_SAMPLES = int(svgparse.MAX_SAMPLES * detail)
    t = time.perf_counter()
    src = read_source(None if sys.argv[1] == "-" else sys.argv[1], use_cache=False)
    took = time.perf_counter() - t
    errors = [p for p in src.problems if p.severity == "error"]
    print(f"{took:.3f}", len(src.zones), errors[0].message[:70] if errors else "valid")
""")


def _holes(x0: float, y0: float, x1: float, y1: float, n: int) -> str:
    cols = math.ceil(math.sqrt(n * (x1 - x0) / (y1 - y0)))
    dx, dy = (x1 - x0) / (cols + 1), (y1 - y0) / (math.ceil(n / cols) + 1)
    s = min(dx, dy) * 0.6
    return "".join(
        f"M{x0 + dx * (i % cols + 1):.3f},{y0 + dy * (i // cols + 1):.3f}"
        f"c{s:.3f},{-s:.3f} {s:.3f},{s:.3f} 0,0z"
        for i in range(n)
    )


def _outline(x0: float, y0: float, x1: float, y1: float, n: int) -> str:
    step = (x1 - x0) / n
    bumps = " ".join(
        f"C{x0 + step * (i + 1 / 3):.5f},{y0 - 0.2:.5f} {x0 + step * (i + 2 / 3):.5f},"
        f"{y0 - 0.2:.5f} {x0 + step * (i + 1):.5f},{y0:.5f}"
        for i in range(n)
    )
    return f"M{x0},{y0} {bumps} L{x1},{y1} L{x0},{y1} Z"


def write_atlas(folder: Path, n: int, kind: str) -> None:
    """The tests' 12-square atlas, with left-chest-box (front) made of n cubic curves."""
    folder.mkdir(parents=True, exist_ok=True)
    for view in ("front", "back"):
        paths = []
        for name, region, y0, y1 in ROWS:
            for side, (x0, x1) in (("right", (20, 50)), ("left", (50, 80))):
                if view == "back":
                    x0, x1 = 100 - x1, 100 - x0
                zid = f"{side}-{name}" + ("" if view == "front" else "-back")
                d = f"M{x0},{y0} L{x1},{y0} L{x1},{y1} L{x0},{y1} Z"
                if zid == "left-chest-box":
                    d = (d + _holes(x0 + 1, y0 + 1, x1 - 1, y1 - 1, n)) if kind == "holes" else (
                        _outline(x0, y0, x1, y1, n))  # fmt: skip
                reg = "upper-back" if (view == "back" and region == "chest") else region
                paths.append(f'<path id="{zid}" class="zone" data-region="{reg}" d="{d}"/>')
        (folder / f"{view}.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" '
            f'data-view="{view}">\n' + "\n".join(paths) + "\n</svg>\n"
        )


def measure(target: str, detail: float = 1.0) -> tuple[float, float, str]:
    """(seconds to read and validate, peak memory in MB, outcome) in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", CHECK, target, str(detail)],
                            stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
    _, _, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read().split(maxsplit=2) if proc.stdout else []
    peak_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
    return float(out[0]), peak_mb, f"{out[1]} zones, {out[2].strip()}"


def legacy_even_odd(rings):  # the rule before this change, kept here as the baseline
    import shapely
    from shapely.geometry import Polygon

    polys = [Polygon(r) for r in rings if len(r) >= 3]
    geom = polys[0]
    for p in polys[1:]:
        geom = shapely.symmetric_difference(geom, p) if geom.is_valid and p.is_valid else geom
    return geom


def even_odd_ratio(folder: Path) -> tuple[float, float]:
    from bodymap.geometry.svgparse import read_svg, rings_to_geometry

    raw = next(z for z in read_svg(folder / "front.svg").zones if z.id == "left-chest-box")
    t = time.perf_counter()
    new = rings_to_geometry(raw.rings)
    t_new = time.perf_counter() - t
    t = time.perf_counter()
    old = legacy_even_odd(raw.rings)
    t_old = time.perf_counter() - t
    assert abs(old.area - new.area) < 1e-6 * old.area, (old.area, new.area)
    return t_old, t_new


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from bodymap.geometry.limits import MAX_VIEW_VERTICES, MAX_ZONE_VERTICES

    print(f"limits: {MAX_ZONE_VERTICES:,} points per zone, {MAX_VIEW_VERTICES:,} per view; "
          f"target: every check below {TARGET_S:.0f} s")  # fmt: skip
    base_s, base_mb, base_out = measure("-")
    print(f"baseline  built-in atlas            {base_s:7.2f} s {base_mb:7.0f} MB  {base_out}")
    s, mb, out = measure("-", 10.0)
    print(f"built-in at 10x detail             {s:7.2f} s {mb:7.0f} MB  {out}  "
          f"({s / base_s:.1f}x the baseline)")  # fmt: skip
    worst = s
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("holes", "outline"):
            for n in SIZES:
                folder = Path(tmp) / f"{kind}{n}"
                write_atlas(folder, n, kind)
                size_kb = (folder / "front.svg").stat().st_size / 1024
                s, mb, out = measure(str(folder))
                worst = max(worst, s)
                print(
                    f"{n:>7,} curves ({kind:7}, {size_kb:6.0f} KB) {s:7.2f} s {mb:7.0f} MB  {out}"
                )
        t_old, t_new = even_odd_ratio(Path(tmp) / "holes1000")
    print(f"even-odd rule on 1,000 holes: old {t_old:.2f} s, new {t_new:.3f} s "
          f"({t_old / t_new:.0f}x faster)")  # fmt: skip
    print(f"slowest check {worst:.2f} s (target < {TARGET_S:.0f} s): "
          f"{'met' if worst < TARGET_S else 'MISSED'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
