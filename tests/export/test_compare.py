"""The comparison analysis on hand-made charts, and the comparison PDF read back."""

from __future__ import annotations

from datetime import datetime

import pytest

from bodymap.analysis.compare import Change, classify, compare_charts
from bodymap.export import render_comparison
from bodymap.model import Chart, PainMark, Stroke, Visit
from tests.export import synthetic
from tests.export.pdfcheck import flat, has_raster_image, pdf_text, read_pdf


def mark(atlas, zone: str, intensity: int) -> PainMark:
    z = atlas.zone(zone)
    return PainMark(view=z.view, point=z.point, zone=zone, intensity=intensity)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [(5, None, Change.RESOLVED), (5, 0, Change.RESOLVED), (5, 3, Change.IMPROVED),
     (5, 5, Change.UNCHANGED), (3, 6, Change.WORSE), (None, 4, Change.NEW),
     (0, 4, Change.NEW), (None, None, Change.UNCHANGED)],
)  # fmt: skip
def test_classify(before, after, change):
    assert classify(before, after) is change


def test_zone_changes_extent_and_summary(atlas):
    # The tiny test atlas: front zones are 30 x 20 (crown) or 30 x 30 squares.
    before = Chart(marks=(mark(atlas, "right-crown", 6), mark(atlas, "left-crown", 4),
                          mark(atlas, "right-chest-box", 5)))  # fmt: skip
    after = Chart(marks=(mark(atlas, "right-crown", 2), mark(atlas, "left-thigh-box", 3)))
    result = compare_charts(before, after, atlas)
    changes = {z.zone: (z.change, z.delta) for z in result.zones}
    assert changes == {
        "right-crown": (Change.IMPROVED, -4),
        "left-crown": (Change.RESOLVED, -4),
        "right-chest-box": (Change.RESOLVED, -5),
        "left-thigh-box": (Change.NEW, 3),
    }
    # Extent: 600 + 600 + 900 before, 600 + 900 after, of both views (2 x 4800).
    assert result.extent.before == pytest.approx(100 * 2100 / 9600)
    assert result.extent.after == pytest.approx(100 * 1500 / 9600)
    assert result.extent.points == pytest.approx(-100 * 600 / 9600)
    assert result.extent.relative == pytest.approx(-100 * 600 / 2100)
    # Overlap: only right-crown is in both (600) out of a union of 3000.
    assert result.jaccard == pytest.approx(600 / 3000)
    # Percentage points first, the relative change beside them, never one for the other.
    assert result.summary_line() == (
        "Pain extent 21.9% → 15.6% of the drawn body outline (-6.2 percentage points, "
        "-29% relative), 2 zones resolved, 1 zone improved, 1 new"
    )
    assert result.zones[0].change is Change.NEW  # what needs attention comes first


def test_identical_and_empty_charts(atlas):
    chart = Chart(marks=(mark(atlas, "right-crown", 6),))
    same = compare_charts(chart, Chart(marks=chart.marks), atlas)
    assert same.jaccard == pytest.approx(1.0)
    assert same.summary_line() == ("Pain extent 6.2% → 6.2% of the drawn body outline (unchanged)")
    empty = compare_charts(Chart(), Chart(), atlas)
    assert empty.jaccard is None and empty.zones == ()
    assert empty.summary_line() == "No pain on either chart"
    assert empty.shift.kind == "not applicable"


def test_centralisation_on_a_custom_atlas(atlas):
    # The test atlas has a chest (trunk) and a thigh (leg) row: its regions carry the meaning.
    leg = Chart(marks=(mark(atlas, "right-thigh-box", 6), mark(atlas, "right-chest-box", 2)))
    trunk = Chart(marks=(mark(atlas, "right-chest-box", 6),))
    assert compare_charts(leg, trunk, atlas).shift.kind == "centralised"
    assert compare_charts(trunk, leg, atlas).shift.kind == "peripheralised"
    assert compare_charts(trunk, trunk, atlas).shift.kind == "no change in distribution"


def test_stroke_counts_its_covered_area(atlas):
    stroke = Stroke(view="front", points=((25.0, 40.0), (45.0, 40.0)), width=4.0, intensity=7)
    result = compare_charts(Chart(), Chart(strokes=(stroke,)), atlas)
    assert [(z.zone, z.after, z.change) for z in result.zones] == [
        ("right-chest-box", 7, Change.NEW)
    ]
    assert result.extent.after == pytest.approx(100 * (20 * 4 + 3.14159 * 4) / 9600, rel=0.01)


@pytest.fixture(scope="module")
def pre_post_pdf(demo, body_atlas) -> bytes:
    return render_comparison(demo.client, demo.visits[0], body_atlas)


def test_pre_post_report(demo, body_atlas, pre_post_pdf):
    result = compare_charts(demo.visits[0].pre_chart, demo.visits[0].post_chart, body_atlas)
    text = pdf_text(pre_post_pdf)
    assert flat(result.summary_line()) in flat(text)
    for expected in ("Before/after comparison", "Before treatment", "After treatment",
                     "Change per zone", "Pain extent (% of the drawn body outline)", "Jaccard",
                     "Most distal pain per limb", "McKenzie", "improved",
                     "Right top of shoulder", "FRONT", "BACK"):  # fmt: skip
        assert expected in text, expected
    assert "% of the body" not in text and "DRAFT" not in text  # the first visit is signed
    assert read_pdf(pre_post_pdf).metadata.title == "Pre/post comparison 2026-01-05"
    assert not has_raster_image(pre_post_pdf)


def test_visit_vs_visit_report(demo, body_atlas):
    first, last = demo.visits[0], demo.visits[-2]  # the latest signed visit
    data = render_comparison(demo.client, first, body_atlas, other=last, page_size="letter")
    text = flat(pdf_text(data))
    assert "percentage points" in text and "zones resolved" in text
    assert "Right temple head 7 2 -5 ↓ improved" in text
    assert "Right inner border of shoulder blade upper back" in text  # region names as words
    assert "no change in distribution" in text and "peripheralised" not in text
    assert "2026-01-05" in text and "2026-02-16" in text
    assert len(read_pdf(data).pages) <= 2


def test_comparison_of_empty_visits(body_atlas):
    c = synthetic.client("Łukasz Żółć")
    data = render_comparison(c, synthetic.empty_visit(c), body_atlas, include_drafts=True)
    text = pdf_text(data)
    assert "No pain on either chart" in text and "No pain marked on either chart" in text
    assert "Łukasz Żółć" in text


def test_comparison_with_hundreds_of_strokes(body_atlas):
    c = synthetic.client()
    busy = synthetic.busy_visit(c, body_atlas)
    later = Visit(client_id=c.id, started_at=datetime(2026, 4, 1, 9, 0))
    data = render_comparison(c, busy, body_atlas, other=later, include_drafts=True)
    assert "resolved" in pdf_text(data)
    assert not has_raster_image(data)
