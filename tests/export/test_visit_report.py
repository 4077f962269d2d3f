"""The session chart PDF, read back: pages, text, vector body, fonts and metadata."""

from __future__ import annotations

import pytest

from bodymap.export import render_visit_chart
from tests.export import synthetic
from tests.export.pdfcheck import (
    embedded_fonts,
    flat,
    has_raster_image,
    path_operator_count,
    pdf_text,
    placed_words,
    read_pdf,
)


@pytest.fixture(scope="module")
def demo_pdf(demo, body_atlas) -> bytes:
    return render_visit_chart(demo.client, demo.visits[0], body_atlas)


def test_demo_visit_text(demo, demo_pdf):
    text = pdf_text(demo_pdf)
    for expected in ("Session chart", "Demo Client (synthetic)", "1986-04-12", "2026-01-05",
                     "Before treatment", "After treatment", "FRONT", "BACK", "Zones involved",
                     "Right top of shoulder", "Pain extent:", "Subjective", "Techniques",
                     "myofascial release", "Self-care advice", "epsom salt bath", "PEG", "PSFS",
                     "Computer work for 2 hours", "Palpation findings", "active trigger point",
                     "upper trapezius", "Pain intensity (0-10)"):  # fmt: skip
        assert expected in text, expected
    extent = flat(text)[flat(text).index("Pain extent:") :][:160]
    assert "% of the drawn body outline before treatment" in extent
    assert "percentage points" in extent and "relative" in extent
    assert "DRAFT" not in text  # signed


def test_a_draft_visit_is_watermarked_on_every_page(demo, body_atlas):
    draft = demo.visits[-1]
    assert not draft.is_signed
    pages = read_pdf(render_visit_chart(demo.client, draft, body_atlas)).pages
    assert all("DRAFT" in p.extract_text() for p in pages)


def test_demo_visit_zone_intensities(demo, demo_pdf):
    # The intake marks the top of the right shoulder 8 before and 6 after treatment.
    assert "Right top of shoulder shoulder 8 6 aching" in flat(pdf_text(demo_pdf))


def test_side_labels_from_patients_perspective(demo_pdf):
    # Front view: the patient's right is on the viewer's left; back view: the patient's left.
    placed = placed_words(demo_pdf, {"R", "L", "FRONT", "BACK"})
    views = [w for w, _x, _y in sorted((p for p in placed if len(p[0]) > 1), key=lambda p: p[1])]
    sides = [w for w, _x, _y in sorted((p for p in placed if len(p[0]) == 1), key=lambda p: p[1])]
    assert views == ["FRONT", "BACK", "FRONT", "BACK"]
    assert sides == ["R", "L", "L", "R", "R", "L", "L", "R"]


def test_demo_visit_is_vector_only(demo_pdf):
    assert not has_raster_image(demo_pdf)
    assert path_operator_count(demo_pdf) > 50


def test_metadata_and_pages(demo_pdf):
    reader = read_pdf(demo_pdf)
    meta = reader.metadata
    assert meta.title == "Session chart 2026-01-05"
    assert meta.author == "Demo Therapist"
    assert "session chart" in meta.subject
    assert 1 <= len(reader.pages) <= 2
    fonts = embedded_fonts(demo_pdf)
    assert any(f.endswith("+DejaVuSans") for f in fonts)
    assert any(f.endswith("+DejaVuSans-Bold") for f in fonts)


@pytest.mark.parametrize(("size", "width"), [("A4", 595.28), ("letter", 612.0)])
def test_page_sizes(demo, body_atlas, size, width):
    data = render_visit_chart(demo.client, demo.visits[-1], body_atlas, page_size=size)
    box = read_pdf(data).pages[0].mediabox
    assert float(box.width) == pytest.approx(width, abs=0.1)


def test_unknown_page_size(demo, body_atlas):
    with pytest.raises(ValueError, match="page_size"):
        render_visit_chart(demo.client, demo.visits[0], body_atlas, page_size="A5")


def test_visit_without_marks(body_atlas):
    c = synthetic.client()
    data = render_visit_chart(c, synthetic.empty_visit(c), body_atlas)
    text = pdf_text(data)
    assert len(read_pdf(data).pages) == 1
    assert "No pain marked" in text and "FRONT" in text
    assert not has_raster_image(data)


def test_visit_with_hundreds_of_strokes(body_atlas):
    c = synthetic.client()
    data = render_visit_chart(c, synthetic.busy_visit(c, body_atlas), body_atlas)
    assert len(read_pdf(data).pages) >= 2  # the zone table breaks onto further pages
    text = " ".join(pdf_text(data).split())  # long labels wrap inside table cells
    assert all(z.label in text for z in body_atlas.zones[::5])  # every marked zone is listed
    assert len(data) < 1_500_000


@pytest.mark.parametrize("name", ["Zoë Ångström-Núñez", "Дмитрий Шостакович", "Ελένη Παπαδοπούλου"])
def test_accented_and_non_latin_names(body_atlas, name):
    c = synthetic.client(name)
    data = render_visit_chart(c, synthetic.empty_visit(c), body_atlas)
    assert name in pdf_text(data)
    assert any("DejaVuSans" in f for f in embedded_fonts(data))


def test_notes_cannot_inject_markup(body_atlas):
    from dataclasses import replace

    from bodymap.model import Soap

    c = synthetic.client("A <b>bold</b> & name")
    visit = replace(synthetic.empty_visit(c), soap=Soap(subjective="pain < 5 & <i>better"))
    text = pdf_text(render_visit_chart(c, visit, body_atlas))
    assert "A <b>bold</b> & name" in text
    assert "pain < 5 & <i>better" in text


def test_visit_of_another_client_is_refused(demo, body_atlas):
    with pytest.raises(ValueError, match="client"):
        render_visit_chart(synthetic.client(), demo.visits[0], body_atlas)
