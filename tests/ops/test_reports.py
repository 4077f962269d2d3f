"""Report use cases: generated names without client names, PDFs written whole, errors raised."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from bodymap.model import Chart, PainMark, Visit
from bodymap.ops import reports
from bodymap.ops.records import new_client

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


@pytest.mark.parametrize("kind", reports.KINDS)
def test_export_writes_a_readable_pdf(store, atlas, visits, tmp_path, kind):
    first, _ = visits
    req = reports.ReportRequest(kind, first.id, page_size="Letter")
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
