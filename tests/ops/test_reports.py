"""Report use cases: generated names without client names, PDFs written whole, errors raised."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from bodymap.analysis.progress import DraftVisitError
from bodymap.model import Chart, PainMark, RedFlag, RedFlagAnswer, Visit
from bodymap.ops import reports
from bodymap.ops.records import new_client, revise_intake, sign_visit

NAME = "Zed Synthetic-Person"


@pytest.fixture
def visits(store, atlas):
    client = new_client(store, name=NAME, date_of_birth=date(1985, 6, 1))
    zone = atlas.zone("right-chest-box")
    chart = Chart(marks=(PainMark(view="front", point=zone.point, zone=zone.id, intensity=6),))
    start = datetime(2026, 3, 2, 10, 30)
    first = store.add_visit(Visit(client_id=client.id, started_at=start, pre_chart=chart))
    second = store.add_visit(Visit(client_id=client.id, started_at=start + timedelta(days=7)))
    return first, second


def test_names_never_carry_the_client_name(store, visits):
    first, second = visits
    for req in (
        reports.ReportRequest(reports.VISIT, first.id),
        reports.ReportRequest(reports.COMPARE, first.id),
        reports.ReportRequest(reports.COMPARE, second.id, other_id=first.id),
        reports.ReportRequest(reports.PROGRESS, first.id),
    ):
        name = reports.suggested_name(store, req)
        assert name.endswith(".pdf") and "zed" not in name.lower(), name
    both = reports.suggested_name(store, reports.ReportRequest("compare", second.id, first.id))
    assert both.index(first.id[:8]) < both.index(second.id[:8])  # earlier visit first


def pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(BytesIO(data)).pages]


@pytest.mark.parametrize("kind", reports.KINDS)
def test_export_writes_a_readable_pdf(store, atlas, visits, tmp_path, kind):
    first, _ = visits
    req = reports.ReportRequest(kind, first.id, page_size="Letter", include_drafts=True)
    path = reports.export_report(store, atlas, req, tmp_path / "out" / "report")
    assert path.name == "report.pdf" and path.exists()
    assert len(PdfReader(BytesIO(path.read_bytes())).pages) >= 1
    assert not list(path.parent.glob("*.part"))


def test_free_path_never_overwrites(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"x")
    (tmp_path / "a-2.pdf").write_bytes(b"x")
    assert reports.free_path(tmp_path, "a.pdf").name == "a-3.pdf"
    assert reports.free_path(tmp_path, "b.pdf").name == "b.pdf"


def test_bad_requests_raise(store, visits):
    with pytest.raises(ValueError):
        reports.ReportRequest("poster", visits[0].id)
    with pytest.raises(ValueError):
        reports.ReportRequest(reports.VISIT, visits[0].id, page_size="A3")


@pytest.mark.parametrize("kind", reports.KINDS)
def test_an_intake_red_flag_heads_every_report(store, atlas, visits, kind):
    first, second = visits
    answers = (RedFlagAnswer(RedFlag.NIGHT_PAIN, True, "3 weeks"),
               RedFlagAnswer(RedFlag.FEVER, False))  # fmt: skip
    revise_intake(store, client_id=first.client_id, by="T", red_flags=answers)
    req = reports.ReportRequest(kind, first.id, second.id if kind == reports.COMPARE else None,
                                include_drafts=True)  # fmt: skip
    text = pages(reports.render_report(store, atlas, req))
    assert "Red flag at intake" in text[0]
    assert "night pain not eased by rest or changing position (3 weeks)" in " ".join(
        text[0].split()
    )
    assert "fever" not in text[0]  # answered no
    assert all("RED FLAG AT INTAKE" in p for p in text)


def test_no_red_flag_line_without_one(store, atlas, visits):
    first, _ = visits
    revise_intake(store, client_id=first.client_id, by="T",
                  red_flags=(RedFlagAnswer(RedFlag.FEVER, False),))  # fmt: skip
    for kind in reports.KINDS:
        req = reports.ReportRequest(kind, first.id, include_drafts=True)
        assert not any(
            "RED FLAG" in p.upper() for p in pages(reports.render_report(store, atlas, req))
        )


def test_drafts_are_never_silently_an_endpoint(store, atlas, visits):
    first, second = visits  # both drafts
    compare = reports.ReportRequest(reports.COMPARE, second.id, first.id)
    with pytest.raises(DraftVisitError, match="is a draft"):
        reports.render_report(store, atlas, compare)
    with pytest.raises(DraftVisitError):  # pre vs post of a draft visit too
        reports.render_report(store, atlas, reports.ReportRequest(reports.COMPARE, first.id))
    forced = reports.render_report(store, atlas, replace(compare, include_drafts=True))
    assert all("DRAFT" in p for p in pages(forced))
    # A session chart of a draft is allowed, and watermarked.
    chart = reports.render_report(store, atlas, reports.ReportRequest(reports.VISIT, first.id))
    assert all("DRAFT" in p for p in pages(chart))
    # Signed, the same reports carry no watermark.
    signed = [sign_visit(store, v, by="T", at=v.started_at) for v in visits]
    for req in (compare, reports.ReportRequest(reports.VISIT, signed[0].id),
                reports.ReportRequest(reports.PROGRESS, signed[0].id)):  # fmt: skip
        assert not any("DRAFT" in p for p in pages(reports.render_report(store, atlas, req)))


def test_progress_leaves_drafts_out_unless_asked(store, atlas, visits):
    first, second = visits
    sign_visit(store, first, by="T", at=first.started_at)
    req = reports.ReportRequest(reports.PROGRESS, first.id)
    text = " ".join(" ".join(pages(reports.render_report(store, atlas, req))).split())
    assert "Visits 1; 1 draft visit (unsigned) left out" in text and "DRAFT" not in text
    text = pages(reports.render_report(store, atlas, replace(req, include_drafts=True)))
    assert all("DRAFT" in p for p in text)
