"""File > Export on the real window: dialogs patched, a readable PDF written, errors shown."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog

from bodymap.ui.export import controller as export_dialog
from tests.ui.conftest import click

pytestmark = pytest.mark.gui


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Accept the options dialog as set up by `options`, and save where the test says."""
    seen: dict = {"options": {}, "save": None, "opened": []}

    def fake_exec(self):
        seen["dialog"] = self
        for name, value in seen["options"].items():
            if name == "page":
                self.page_combo.setCurrentText(value)
            elif name == "open":
                self.open_check.setChecked(value)
            elif name == "compare_row":
                self.compare_combo.setCurrentIndex(value)
            elif name == "drafts":
                self.drafts_check.setChecked(value)
        return QDialog.DialogCode.Accepted

    def fake_save(_parent, _title, default, _filter):
        seen["default"] = default
        return (seen["save"] if seen["save"] is not None else default), "PDF (*.pdf)"

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(
        export_dialog.QDesktopServices, "openUrl", staticmethod(seen["opened"].append)
    )
    return seen


@pytest.fixture
def charted(qtbot, window, tmp_path):
    window.exports.export_dir = tmp_path / "exports"
    click(qtbot, window, "front", 231, 53)
    assert window.session.visit.pre_chart.marks
    return window


def pdf_pages(path) -> int:
    return len(PdfReader(BytesIO(path.read_bytes())).pages)


def test_session_chart_export_writes_a_pdf_with_a_safe_name(charted, dialogs, tmp_path):
    charted.actions["export_visit"].trigger()
    path = charted.exports.last_path
    assert path is not None and path.parent == tmp_path / "exports"
    assert path.name.startswith("visit-") and "test" not in path.name.lower()
    assert dialogs["default"].endswith(path.name)
    assert pdf_pages(path) >= 1
    assert dialogs["opened"] == []
    assert path.name in charted.statusBar().currentMessage()


def test_comparison_letter_and_open_when_done(charted, dialogs, tmp_path):
    dialogs["options"] = {"page": "Letter", "open": True, "drafts": True}
    dialogs["save"] = str(tmp_path / "chosen" / "compare")
    charted.actions["export_compare"].trigger()
    path = charted.exports.last_path
    assert path == tmp_path / "chosen" / "compare.pdf"
    reader = PdfReader(BytesIO(path.read_bytes()))
    assert round(float(reader.pages[0].mediabox.width)) == 612  # US Letter
    assert all("DRAFT" in p.extract_text() for p in reader.pages)  # the open visit is a draft
    (url,) = dialogs["opened"]
    assert url.toLocalFile() == str(path)
    assert charted.exports.page_size == "Letter"  # remembered for the next export


def test_comparison_with_another_visit(charted, dialogs, client):
    first = charted.session.visit
    charted.client_panel.new_visit()
    assert charted.session.visit.id != first.id
    dialogs["options"] = {"compare_row": 1, "drafts": True}
    charted.actions["export_compare"].trigger()
    combo = dialogs["dialog"].compare_combo
    assert combo.count() == 2 and combo.itemData(1) == first.id
    assert "Test Person" not in combo.itemText(1)
    assert "-vs-" in charted.exports.last_path.name


def test_a_draft_comparison_needs_the_box_ticked(charted, dialogs, monkeypatch, no_modal_dialogs):
    from bodymap.ui.export._dialog import ExportDialog

    visit = charted.session.visit
    assert not visit.is_signed
    dialog = ExportDialog("Export", others=[], visit=visit)
    assert not dialog.drafts_check.isChecked()  # drafts are left out by default
    assert "draft" in dialog.drafts_message.text() and not dialog.ok_button.isEnabled()
    dialog.drafts_check.setChecked(True)
    assert dialog.drafts_message.text() == "" and dialog.ok_button.isEnabled()
    dialog.deleteLater()
    # Even if the dialog were accepted unticked, the export refuses and says how to go on.
    charted.actions["export_compare"].trigger()
    assert charted.exports.last_path is None
    assert any("is a draft (unsigned)" in m and "Include draft" in m for m in no_modal_dialogs)


def test_progress_report(charted, dialogs):
    charted.actions["export_progress"].trigger()
    path = charted.exports.last_path
    assert path.name.startswith("progress-") and pdf_pages(path) >= 1
    text = " ".join(PdfReader(BytesIO(path.read_bytes())).pages[0].extract_text().split())
    assert "1 draft visit (unsigned) left out" in text and "DRAFT" not in text
    dialogs["options"] = {"drafts": True}
    charted.actions["export_progress"].trigger()
    pages = PdfReader(BytesIO(charted.exports.last_path.read_bytes())).pages
    assert all("DRAFT" in p.extract_text() for p in pages)


def test_cancel_writes_nothing(charted, dialogs, monkeypatch, tmp_path):
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: 0)
    charted.actions["export_visit"].trigger()
    assert charted.exports.last_path is None
    assert (
        not list((tmp_path / "exports").glob("*.pdf")) if (tmp_path / "exports").exists() else True
    )


def test_render_error_is_shown_not_raised(charted, dialogs, monkeypatch, no_modal_dialogs):
    def broken(*_a, **_k):
        raise ValueError("page_size: broken")

    monkeypatch.setattr(export_dialog.reports, "render_report", broken)
    charted.actions["export_visit"].trigger()
    assert charted.exports.last_path is None
    assert any("could not be written" in m for m in no_modal_dialogs)


def test_export_button_and_disabled_without_a_visit(charted):
    button = charted.exports.button
    assert [a.objectName() for a in button.actions()] == [
        "export_visit", "export_compare", "export_progress",
    ]  # fmt: skip
    charted.session.close()
    assert not charted.actions["export_visit"].isEnabled()
