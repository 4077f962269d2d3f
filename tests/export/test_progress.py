"""Progress analysis (MCID, trends, date range) and the progress PDF read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from bodymap.analysis.compare import Change
from bodymap.analysis.progress import (
    important_change,
    mcid_threshold,
    progress_data,
    summary_line,
)
from bodymap.export import render_progress
from bodymap.model import Outcomes, Peg, Visit
from tests.export import synthetic
from tests.export.pdfcheck import flat, has_raster_image, pdf_text, read_pdf


@pytest.mark.parametrize(
    ("baseline", "better_up", "threshold"),
    [(8, False, 6.0), (5, False, 3.5), (3, False, 2.1), (0, False, 0.0), (3, True, 5.0),
     (9, True, 10.0)],
)  # fmt: skip
def test_mcid_threshold(baseline, better_up, threshold):
    assert mcid_threshold(baseline, higher_is_better=better_up) == pytest.approx(threshold)


def test_important_change():
    assert important_change(8, 6) and not important_change(8, 7)
    assert important_change(3, 2) and not important_change(3, 3)
    assert important_change(4, 6, higher_is_better=True)
    assert not important_change(4, 5, higher_is_better=True)
    assert not important_change(6, 8)  # worse is never an improvement


def test_demo_progress_data(demo, body_atlas):
    data = progress_data(demo.visits, body_atlas)
    assert [p.worst for p in data.points] == [8, 7, 6, 5, 4, 3, 2]
    assert data.points[0].day == date(2026, 1, 5)
    regions = {r.region: r for r in data.regions}
    assert regions["head"].change is Change.RESOLVED and regions["head"].first == 7
    assert regions["shoulder"].series[0] == 8 and regions["shoulder"].latest == 1
    line = summary_line(data)
    assert line.startswith("Worst pain 8 → 2 (clinically important), PEG 5.7 → 1.0")
    assert "pain extent down" in line


def test_date_range(demo, body_atlas):
    data = progress_data(demo.visits, body_atlas, start=date(2026, 1, 12), end=date(2026, 2, 5))
    assert [p.day for p in data.points] == [date(2026, 1, 12), date(2026, 1, 19),
                                            date(2026, 1, 26), date(2026, 2, 5)]  # fmt: skip
    assert summary_line(progress_data([], body_atlas)) == "No visits in this period"


@pytest.fixture(scope="module")
def demo_pdf(demo, body_atlas) -> bytes:
    return render_progress(demo.client, demo.visits, body_atlas)


def test_progress_report_text(demo, body_atlas, demo_pdf):
    text = pdf_text(demo_pdf)
    assert flat(summary_line(progress_data(demo.visits, body_atlas))) in flat(text)
    for expected in ("Progress report", "Pain (0-10)", "Pain extent (% of the body)", "PEG score",
                     "PSFS", "Sleep", "important change (6.0)", "Farrar", "Medication",
                     "ibuprofen 400 mg twice daily", "First visit 2026-01-05",
                     "Latest visit 2026-03-02", "Trend per region", "FRONT", "BACK"):  # fmt: skip
        assert expected in text, expected
    assert "Head 7 0 ✓ resolved" in flat(text)
    assert "Shoulder 8 1 ↓ improved" in flat(text)


def test_progress_report_document(demo_pdf):
    reader = read_pdf(demo_pdf)
    assert 1 <= len(reader.pages) <= 3
    assert reader.metadata.title == "Progress report 2026-01-05 to 2026-03-02"
    assert reader.metadata.subject and reader.metadata.author == "Demo Therapist"
    assert not has_raster_image(demo_pdf)


def test_progress_range_and_letter(demo, body_atlas):
    data = render_progress(demo.client, demo.visits, body_atlas, start=date(2026, 2, 1),
                           page_size="letter")  # fmt: skip
    text = pdf_text(data)
    assert "First visit 2026-02-05" in text and "2026-01-05" not in text
    assert float(read_pdf(data).pages[0].mediabox.height) == pytest.approx(792)


def test_progress_without_visits_or_measures(body_atlas):
    c = synthetic.client("Nguyễn Thị Minh Khai")
    empty = render_progress(c, [], body_atlas)
    assert "No visits in this period" in pdf_text(empty)
    bare = [replace(synthetic.empty_visit(c), started_at=datetime(2026, 3, d, 9)) for d in (2, 9)]
    text = pdf_text(render_progress(c, bare, body_atlas))
    assert "Nguyễn Thị Minh Khai" in text
    assert "No pain marked at any visit" in text


def test_progress_over_fifty_visits(body_atlas):
    c = synthetic.client()
    start = datetime(2025, 1, 6, 9)
    visits = [
        Visit(client_id=c.id, started_at=start + timedelta(days=7 * i),
              outcomes=Outcomes(pain_worst=max(0, 9 - i // 6),
                                peg=Peg(pain=5, enjoyment=4, activity=max(0, 6 - i // 9))))
        for i in range(50)
    ]  # fmt: skip
    data = render_progress(c, visits, body_atlas)
    assert "Worst pain 9 → 1 (clinically important)" in pdf_text(data)
    assert len(data) < 500_000
