"""Shared test fixtures: Qt-free at import, a small synthetic atlas, temporary databases."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

# Fixtures and hooks that run a test on both database backends (SQLite and PostgreSQL).
from tests.backends import (  # noqa: E402, F401
    backend,
    db,
    new_db,
    pg_server,
    pytest_runtest_logreport,
    pytest_sessionfinish,
    store,
)

REPO = Path(__file__).resolve().parents[1]
REAL_ATLAS_PRESENT = all((REPO / "assets" / "svg" / f"{v}.svg").exists() for v in ("front", "back"))
needs_real_atlas = pytest.mark.skipif(
    not REAL_ATLAS_PRESENT, reason="the built-in atlas SVGs (assets/svg/*.svg) are not there yet"
)

# A 100 x 100 viewBox per view; the body is the rectangle x 20..80, y 10..90, tiled by squares.
# On the front view the patient's right side is on the viewer's left; on the back, the right.
ROWS = (("crown", "head", 10, 30), ("chest-box", "chest", 30, 60), ("thigh-box", "thigh", 60, 90))


def _svg(view: str) -> str:
    paths = []
    suffix = "" if view == "front" else "-back"
    regions = {"chest": "upper-back"} if view == "back" else {}
    for name, region, y0, y1 in ROWS:
        for side, (x0, x1) in (("right", (20, 50)), ("left", (50, 80))):
            if view == "back":
                x0, x1 = 100 - x1, 100 - x0
            d = f"M{x0},{y0} L{x1},{y0} L{x1},{y1} L{x0},{y1} Z"
            zid = f"{side}-{name}{suffix}"
            reg = regions.get(region, region)
            paths.append(f'<path id="{zid}" class="zone" data-region="{reg}" d="{d}"/>')
    body = "\n  ".join(paths)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" data-view="{view}">\n'
        f"  {body}\n</svg>\n"
    )


@pytest.fixture(scope="session")
def atlas_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("atlas")
    for view in ("front", "back"):
        (folder / f"{view}.svg").write_text(_svg(view), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def atlas(atlas_dir: Path):
    """A tiny custom atlas: per view 6 squares of 30 x 20 or 30 x 30 units (body area 4800)."""
    from bodymap.geometry import load_atlas

    return load_atlas(atlas_dir)


@pytest.fixture(scope="session")
def real_atlas():
    if not REAL_ATLAS_PRESENT:
        pytest.skip("the built-in atlas SVGs are not there yet")
    from bodymap.geometry import load_atlas

    return load_atlas()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "records" / "bodymap.sqlite"
