"""Progress analysis (MCID, trends, date range) and the progress PDF read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from bodymap.analysis.compare import Change
from bodymap.analysis.progress import progress_data, summary_line
from bodymap.export import render_progress
from bodymap.model import Chart, Outcomes, PainMark, Peg, Visit
from bodymap.model.signing import sign
from tests.export import synthetic
from tests.export.pdfcheck import flat, has_raster_image, pdf_text, read_pdf


def signed(visit: Visit) -> Visit:
    return sign(visit, "Test Therapist", visit.started_at)


def test_demo_progress_data(demo, body_atlas):
    data = progress_data(demo.visits, body_atlas, include_drafts=False)
    # The latest demo visit is a draft: left out unless asked for, and counted.
    assert [p.worst for p in data.points] == [8, 7, 6, 5, 4, 3]
    assert data.drafts_left_out == 1
    assert data.points[0].day == date(2026, 1, 5)
    regions = {r.name: r for r in data.regions}
    assert regions["Right face"].change is Change.RESOLVED and regions["Right face"].first == 6
    assert regions["Right shoulder"].series[0] == 8 and regions["Right shoulder"].latest == 2
    assert "Right upper back" in regions  # words, not "upper-back"
    line = summary_line(data)
    assert line.startswith(
        "Worst pain 8 → 3 (clinically important), PEG 5.7 → 1.7, PSFS 3.0 → "
        "7.0 on the 3 activities rated at both (beyond measurement error)"
    )
    assert "pain extent 3.4% → 1.8% of the drawn body outline (-1.6 percentage points" in line
    with_draft = progress_data(demo.visits, body_atlas, include_drafts=True)
    assert [p.worst for p in with_draft.points][-1] == 2 and with_draft.drafts_left_out == 0


def test_small_pain_changes_are_not_called_clinically_important(body_atlas):
    c = synthetic.client()
    for worst, important in (((3, 2), False), ((2, 1), False), ((1, 0), False), ((8, 6), False),
                             ((3, 1), True), ((10, 7), True)):  # fmt: skip
        visits = [signed(Visit(client_id=c.id, started_at=datetime(2026, 3, 2 + 7 * i, 9),
                               outcomes=Outcomes(pain_worst=w, peg=Peg(w, w, w))))
                  for i, w in enumerate(worst)]  # fmt: skip
        line = summary_line(progress_data(visits, body_atlas, include_drafts=False))
        assert ("(clinically important)" in line) is important, line
        assert f"PEG {worst[0]:.1f} → {worst[1]:.1f}," in line  # no threshold label on the PEG


def test_left_and_right_are_kept_apart(body_atlas):
    c = synthetic.client()

    def mark(zone_id: str, intensity: int) -> PainMark:
        z = body_atlas.zone(zone_id)
        return PainMark(view=z.view, point=z.point, zone=z.id, intensity=intensity)

    right = next(z.id for z in body_atlas.zones if z.side == "right" and z.region == "shoulder")
    left = next(z.id for z in body_atlas.zones if z.side == "left" and z.region == "shoulder")
    charts = [Chart(marks=(mark(right, 6), mark(left, 2))), Chart(marks=(mark(left, 5),))]
    visits = [signed(Visit(client_id=c.id, started_at=datetime(2026, 3, 2 + 7 * i, 9),
                           pre_chart=ch)) for i, ch in enumerate(charts)]  # fmt: skip
    trends = {
        r.name: (r.series, r.change)
        for r in progress_data(visits, body_atlas, include_drafts=False).regions
    }
    assert trends == {"Right shoulder": ((6, 0), Change.RESOLVED),
                      "Left shoulder": ((2, 5), Change.WORSE)}  # fmt: skip


def test_date_range(demo, body_atlas):
    data = progress_data(
        demo.visits, body_atlas, include_drafts=False, start=date(2026, 1, 12), end=date(2026, 2, 5)
    )
    assert [p.day for p in data.points] == [date(2026, 1, 12), date(2026, 1, 19),
                                            date(2026, 1, 26), date(2026, 2, 5)]  # fmt: skip
    assert (
        summary_line(progress_data([], body_atlas, include_drafts=False))
        == "No visits in this period"
    )


@pytest.fixture(scope="module")
def demo_pdf(demo, body_atlas) -> bytes:
    return render_progress(demo.client, demo.visits, body_atlas)


def test_progress_report_text(demo, body_atlas, demo_pdf):
    text = pdf_text(demo_pdf)
    assert flat(summary_line(progress_data(demo.visits, body_atlas, include_drafts=False))) in flat(
        text
    )
    for expected in ("Progress report", "Pain (0-10)", "Pain extent (% of the drawn body outline)",
                     "PEG score", "PSFS average of the 3 activities rated first and latest",
                     "Sleep", "worst ≤ 5.6: clinically important", "≥ 5.0: beyond measurement error",
                     "at least 2 points and at least 30%", "Farrar", "Stratford",
                     "PEG: no threshold", "Medication", "ibuprofen 400 mg twice daily",
                     "First visit 2026-01-05", "Middle visit 2026-01-26",
                     "Latest visit 2026-02-16", "Trend per region", "FRONT", "BACK"):  # fmt: skip
        assert expected in text, expected
    assert "Visits 6; 1 draft visit (unsigned) left out" in flat(text)
    assert "Right face 6 0 ✓ resolved" in flat(text)
    assert "Right shoulder 8 2 ↓ improved" in flat(text)
    assert "Right upper back 5 0" in flat(text)
    assert "% of the body" not in text and "upper-back" not in text
    assert "DRAFT" not in text and "2026-03-02" not in text  # the draft is left out


def test_progress_with_drafts_is_marked_on_every_page(demo, body_atlas):
    data = render_progress(demo.client, demo.visits, body_atlas, include_drafts=True)
    pages = [p.extract_text() for p in read_pdf(data).pages]
    assert all("DRAFT" in p for p in pages)
    assert "Latest visit 2026-03-02 (DRAFT)" in "".join(pages)
    assert "Visits 7, 1 of them draft (unsigned)" in flat("".join(pages))


def test_progress_report_document(demo_pdf):
    reader = read_pdf(demo_pdf)
    assert 1 <= len(reader.pages) <= 3
    assert reader.metadata.title == "Progress report 2026-01-05 to 2026-02-16"  # signed only
    assert reader.metadata.subject and reader.metadata.author == "Demo Therapist"
    assert not has_raster_image(demo_pdf)


def test_progress_range_and_letter(demo, body_atlas):
    data = render_progress(demo.client, demo.visits, body_atlas, start=date(2026, 2, 1),
                           page_size="letter")  # fmt: skip
    text = pdf_text(data)
    assert "First visit 2026-02-05" in text and "2026-01-05" not in text
    assert "Latest visit 2026-02-16" in text and "Middle" not in text  # two visits
    assert float(read_pdf(data).pages[0].mediabox.height) == pytest.approx(792)


def test_progress_without_visits_or_measures(body_atlas):
    c = synthetic.client("Nguyễn Thị Minh Khai")
    empty = render_progress(c, [], body_atlas)
    assert "No visits in this period" in pdf_text(empty)
    bare = [signed(replace(synthetic.empty_visit(c), started_at=datetime(2026, 3, d, 9)))
            for d in (2, 9)]  # fmt: skip
    text = pdf_text(render_progress(c, bare, body_atlas))
    assert "Nguyễn Thị Minh Khai" in text
    assert "No pain marked at any visit" in text


def test_progress_over_fifty_visits(body_atlas):
    c = synthetic.client()
    start = datetime(2025, 1, 6, 9)
    visits = [
        signed(Visit(client_id=c.id, started_at=start + timedelta(days=7 * i),
                     outcomes=Outcomes(pain_worst=max(0, 9 - i // 6),
                                       peg=Peg(pain=5, enjoyment=4, activity=max(0, 6 - i // 9)))))
        for i in range(50)
    ]  # fmt: skip
    data = render_progress(c, visits, body_atlas)
    assert "Worst pain 9 → 1 (clinically important)" in pdf_text(data)
    assert len(data) < 500_000
