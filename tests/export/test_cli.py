"""'bodymap export ...' end to end on a temporary database (both backends) with the demo client."""

from __future__ import annotations

from datetime import date

import pytest

from bodymap.cli.main import main
from tests.backends import BACKENDS
from tests.export.pdfcheck import pdf_text, read_pdf


@pytest.fixture(scope="module", params=BACKENDS)
def demo_db(request, tmp_path_factory: pytest.TempPathFactory, body_atlas):
    from bodymap.ops.demo import create_demo
    from bodymap.store import Store

    if request.param == "sqlite":
        db = tmp_path_factory.mktemp("db") / "demo.sqlite"
    else:
        db = request.getfixturevalue("pg_server").create_database("export_cli")
    with Store.open(db, atlas=body_atlas, create=True) as store:
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


def test_export_compare_pre_post_and_two_visits(demo_db, tmp_path, monkeypatch, capsys):
    db, record = demo_db
    monkeypatch.chdir(tmp_path)
    first, last = record.visits[0], record.visits[-1]
    assert main(["--db", str(db), "export", "compare", first.id]) == 0
    # The latest demo visit is a draft: refused unless asked for, never used silently.
    both = ["--db", str(db), "export", "compare", last.id, "--with", first.id]
    capsys.readouterr()
    assert main(both) == 1
    err = capsys.readouterr().err
    assert "the visit of 2026-03-02 09:00 is a draft (unsigned)" in err
    assert "pass --include-drafts" in err and "Traceback" not in err
    # Given in either order, the earlier visit is "before".
    assert main([*both, "--include-drafts"]) == 0
    names = sorted(f.name for f in (tmp_path / "exports").glob("*.pdf"))
    assert names == sorted([
        f"compare-{first.id[:8]}-2026-01-05-pre-post.pdf",
        f"compare-{first.id[:8]}-2026-01-05-vs-{last.id[:8]}-2026-03-02.pdf",
    ])  # fmt: skip
    text = pdf_text((tmp_path / "exports" / names[1]).read_bytes())
    assert "percentage points" in text
    assert all("DRAFT" in p.extract_text() for p in read_pdf(
        (tmp_path / "exports" / names[1]).read_bytes()).pages)  # fmt: skip


def test_export_progress_with_range(demo_db, tmp_path, monkeypatch):
    db, record = demo_db
    monkeypatch.chdir(tmp_path)
    prefix = record.client.id[:10]
    args = ["--db", str(db), "export", "progress", prefix, "--from", "2026-01-12", "--to",
            "2026-02-05", "--page-size", "LETTER"]  # fmt: skip
    assert main(args) == 0
    out = tmp_path / "exports" / f"progress-{record.client.id[:8]}-2026-01-12-to-2026-02-05.pdf"
    text = pdf_text(out.read_bytes())
    assert "2026-01-12 to 2026-02-05" in text and "Visits 4" in " ".join(text.split())


def test_export_progress_drafts_only_when_asked(demo_db, tmp_path):
    db, record = demo_db
    out = tmp_path / "p.pdf"
    args = ["--db", str(db), "export", "progress", record.client.id, "-o", str(out)]
    assert main(args) == 0
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Visits 6; 1 draft visit (unsigned) left out" in text and "DRAFT" not in text
    assert main([*args, "--include-drafts"]) == 0
    pages = read_pdf(out.read_bytes()).pages
    assert all("DRAFT" in p.extract_text() for p in pages)


def test_export_progress_bad_dates(demo_db, tmp_path, capsys):
    db, record = demo_db
    out = str(tmp_path / "p.pdf")
    args = ["--db", str(db), "export", "progress", record.client.id, "-o", out]
    assert main([*args, "--from", "2026-03-01", "--to", "2026-01-01"]) == 1
    assert "--from is after --to" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*args, "--from", "March"])
