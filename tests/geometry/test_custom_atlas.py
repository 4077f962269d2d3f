"""Custom atlases: a valid one loads; each kind of malformed SVG is refused with a clear problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bodymap.geometry import AtlasError, load_atlas
from bodymap.geometry.sources import read_source

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" data-view="{view}">'


def square(
    zid: str,
    x: float,
    y: float,
    w: float = 10,
    h: float = 10,
    region: str = "head",
    extra: str = "",
) -> str:
    return (
        f'<path id="{zid}" class="zone" data-region="{region}" {extra}'
        f' d="M{x},{y} h{w} v{h} h{-w} Z"/>'
    )


def write(tmp_path: Path, body: str, name: str = "front.svg", view: str = "front") -> Path:
    p = tmp_path / name
    p.write_text(HEAD.format(view=view) + body + "</svg>")
    return p


def good_body() -> str:
    return (
        square("right-a", 10, 10) + square("mid", 20, 10) + square("left-a", 30, 10)
        + square("right-b", 10, 20) + square("left-b", 30, 20)
        + square("chin", 20, 20, region="face")
    )  # fmt: skip


def messages(path: Path) -> list[str]:
    return [str(p) for p in read_source(path).problems if p.severity == "error"]


def test_valid_custom_atlas_loads_with_transforms_and_arcs(tmp_path):
    body = (
        '<g id="zones" transform="translate(10,10)">'
        '<path id="right-a" data-region="head" d="M0,0 h10 v10 h-10 z"/>'
        '<path id="left-a" data-region="head" d="M20,0 h10 v10 h-10 z"/>'
        '<path id="mid" data-region="head" d="m10,0 h10 v10 h-10 z"/></g>'
        '<circle class="landmark" cx="50" cy="50" r="3"/>'
    )
    atlas = load_atlas(write(tmp_path, body))
    assert {z.id for z in atlas.zones} == {"right-a", "left-a", "mid"}
    assert atlas.zone_at("front", 15, 15).id == "right-a"
    assert atlas.zone("mid").area == pytest.approx(100)
    assert atlas.zone("left-a").label == "Left a"


def test_folder_with_metadata_file(tmp_path):
    write(tmp_path, good_body())
    (tmp_path / "zones.json").write_text(
        '{"zones": [{"id": "mid", "label": "Middle", "view": "front", "region": "head"}]}'
    )
    atlas = load_atlas(tmp_path)
    assert atlas.zone("mid").label == "Middle"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (square("right-a", 10, 10) + square("right-a", 20, 10), "duplicate zone id"),
        (square("right-a", 10, 10) + square("left-a", 20, 10, region="tail"), "unknown region"),
        (square("right-a", 10, 10), "unpaired lateral zone"),
        (square("Left_A", 10, 10), "kebab-case"),
        (square("a", 10, 10) + square("b", 15, 10), "overlaps zone 'b'"),
        (
            "".join(
                square(f"z{i}", x, y)
                for i, (x, y) in enumerate(
                    [(10, 10), (20, 10), (30, 10), (10, 20), (30, 20), (10, 30), (20, 30), (30, 30)]
                )
            ),
            "gap of",
        ),
        (square("a", 10, 10) + square("b", 50, 50), "separate pieces"),
        (square("a", 10, 10, w=20, h=20) + square("b", 15, 15, w=5, h=5), "overlaps zone 'b'"),
        (
            '<path id="a" class="zone" data-region="head" d="M0,0 L10,10 L10,0 L0,10 Z"/>',
            "self-intersecting",
        ),
        ('<path class="zone" data-region="head" d="M0,0 h10 v10 z"/>', "has no id"),
        ('<path id="a" class="zone" data-region="head" d="M0,0 L5,5"/>', "fewer than three points"),
        ('<rect width="5" height="5"/>', "no zones found"),
    ],
)
def test_malformed_atlas_is_refused_with_a_named_problem(tmp_path, body, expected):
    path = write(tmp_path, body)
    msgs = messages(path)
    assert any(expected in m for m in msgs), msgs
    with pytest.raises(AtlasError):
        load_atlas(path)


def test_overlap_problem_names_both_zones_and_a_point(tmp_path):
    src = read_source(write(tmp_path, square("a", 10, 10) + square("b", 15, 10)))
    p = next(p for p in src.problems if "overlaps" in p.message)
    assert p.zone == "a" and "'b'" in p.message
    assert p.point is not None and 15 <= p.point[0] <= 20


def test_unreadable_files(tmp_path):
    bad = tmp_path / "front.svg"
    bad.write_text("<svg><path id='x' d='M0 0'")  # truncated XML
    assert any("unreadable file" in m for m in messages(bad))
    assert any("no such file" in m for m in messages(tmp_path / "missing.svg"))
    notsvg = tmp_path / "n.svg"
    notsvg.write_text("<html><body/></html>")
    assert any("not an SVG" in m for m in messages(notsvg))
    binary = tmp_path / "b.svg"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert any("unreadable file" in m for m in messages(binary))


def test_bad_metadata_file(tmp_path):
    write(tmp_path, good_body())
    (tmp_path / "zones.json").write_text('{"zones": [{"id": "mid"}]}')
    assert any("lacks field" in m for m in messages(tmp_path))


def test_a_bad_atlas_never_crashes_the_loader_for_many_inputs(tmp_path):
    samples = ["", "<", "<svg/>", "<svg xmlns='http://www.w3.org/2000/svg'><path id='a' class='zone' d='Q'/></svg>",
               "<svg xmlns='http://www.w3.org/2000/svg'><path id='a' class='zone' d='M 0 0 A 5 5 0 1 1'/></svg>"]  # fmt: skip
    for i, text in enumerate(samples):
        p = tmp_path / f"s{i}.svg"
        p.write_text(text)
        with pytest.raises(AtlasError):
            load_atlas(p)
