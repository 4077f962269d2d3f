"""'bodymap export ...' end to end on a temporary database with the demo client."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bodymap.cli.main import main
from tests.export.pdfcheck import pdf_text, read_pdf


@pytest.fixture
def demo_db(tmp_path: Path, body_atlas):
    from bodymap.ops.demo import create_demo
    from bodymap.store import Store

    db = tmp_path / "demo.sqlite"
    with Store.open(db, atlas=body_atlas) as store:
        record = create_demo(store, body_atlas, start=date(2026, 1, 5))
    return db, record


def test_export_visit_to_file(demo_db, tmp_path, capsys):
    db, record = demo_db
    out = tmp_path / "chart.pdf"
    visit = record.visits[2]
    assert main(["--db", str(db), "export", "visit", visit.id, "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert "Session chart" in pdf_text(out.read_bytes())


def test_export_visit_default_name(demo_db, tmp_path, monkeypatch, capsys):
    db, record = demo_db
    monkeypatch.chdir(tmp_path)
    visit = record.visits[0]
    assert main(["--db", str(db), "export", "visit", visit.id, "--page-size", "letter"]) == 0
    files = sorted((tmp_path / "exports").glob("*.pdf"))
    assert [f.name for f in files] == [f"visit-{visit.id[:8]}-2026-01-05.pdf"]
    assert "Demo" not in files[0].name
    assert float(read_pdf(files[0].read_bytes()).pages[0].mediabox.width) == pytest.approx(612)
    # A second export never overwrites the first.
    assert main(["--db", str(db), "export", "visit", visit.id]) == 0
    assert len(list((tmp_path / "exports").glob("*.pdf"))) == 2


def test_export_unknown_visit(demo_db, tmp_path, capsys):
    db, _ = demo_db
    assert main(["--db", str(db), "export", "visit", "nope", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "no visit" in capsys.readouterr().err
