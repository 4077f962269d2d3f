"""Shared document frame: page sizes, paragraph styles, tables, header and footer, metadata."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from bodymap.export import colours
from bodymap.export.fonts import BOLD, FONT, register_fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN = 14 * mm


def page_size_of(name: str) -> tuple[float, float]:
    """ "A4" or "letter" (any case) as reportlab's (width, height) in points."""
    try:
        return PAGE_SIZES[name.lower()]
    except KeyError:
        raise ValueError(f"page_size: {name!r} is not one of a4, letter") from None


@dataclass(frozen=True)
class Meta:
    """What goes into the PDF's document information and the running header."""

    title: str
    subject: str
    author: str
    header: str  # left side of the running header
    draft: bool = False  # an unsigned visit is shown: every page carries a DRAFT watermark
    alert: str = ""  # e.g. the intake's red flags, repeated in red on every page


DRAFT_NOTE = "DRAFT: unsigned, may still change"


STYLES = {
    "title": ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=18, spaceAfter=2),
    "summary": ParagraphStyle("summary", fontName=BOLD, fontSize=11.5, leading=15,
                              textColor=colours.INK, spaceBefore=2, spaceAfter=4),
    "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=8,
                         spaceAfter=3, keepWithNext=1),
    "body": ParagraphStyle("body", fontName=FONT, fontSize=8.5, leading=11),
    "small": ParagraphStyle("small", fontName=FONT, fontSize=7.5, leading=9.5,
                            textColor=colours.MUTED),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=9.8),
    "cellbold": ParagraphStyle("cellbold", fontName=BOLD, fontSize=8, leading=9.8),
}  # fmt: skip


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped, so a note cannot inject markup)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), STYLES[style])


def markup(text: str, style: str = "body") -> Paragraph:
    """A paragraph of trusted markup built by the report itself."""
    return Paragraph(text, STYLES[style])


def table(rows: Sequence[Sequence[object]], widths: Sequence[float] | None = None, *,
          header: bool = True, zebra: bool = True) -> Table:  # fmt: skip
    """A compact table; strings become wrapping paragraphs, the header repeats on new pages."""
    cells = [
        [para(c, "cellbold" if header and r == 0 else "cell") if isinstance(c, str) else c
         for c in row]
        for r, row in enumerate(rows)
    ]  # fmt: skip
    t = Table(cells, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colours.RULE),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colours.HEADER_BG))
    if zebra:
        style.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1),
                      [None, colours.BODY_FILL]))  # fmt: skip
    t.setStyle(TableStyle(style))
    return t


def build_pdf(story: list[Flowable], meta: Meta, page_size: str) -> bytes:
    """Lay the story out on pages with a running header and footer; return the PDF bytes."""
    register_fonts()
    size = page_size_of(page_size)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN, title=meta.title, author=meta.author, subject=meta.subject,
        creator="bodymap", keywords="bodymap, pain chart", initialFontName=FONT,
        pageCompression=1,
    )  # fmt: skip

    def decorate(canv: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = size
        canv.saveState()
        canv.setFont(FONT, 7)
        canv.setFillColor(colours.MUTED)
        canv.drawString(MARGIN, height - MARGIN + 2, meta.header)
        canv.drawRightString(width - MARGIN, height - MARGIN + 2, meta.title)
        canv.drawString(MARGIN, MARGIN - 12, "Confidential health information")
        canv.drawRightString(width - MARGIN, MARGIN - 12, f"Page {doc.page}")
        if meta.alert:
            canv.setFont(BOLD, 7)
            canv.setFillColor(colours.ALERT)
            canv.drawCentredString(width / 2, MARGIN - 12, meta.alert)
        canv.restoreState()

    # Plain deflate streams: ASCII85 on top makes files 25 % bigger and is slow in pure Python.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        maker = DraftCanvas if meta.draft else Canvas
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=maker)
    finally:
        rl_config.useA85 = saved
    return out.getvalue()


class DraftCanvas(Canvas):  # type: ignore[misc]
    """A canvas that lays a DRAFT watermark over each finished page, above its drawings."""

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(colours.ALERT)
        self.setFont(BOLD, 8)
        self.drawCentredString(width / 2, height - MARGIN + 2, DRAFT_NOTE)
        self.setFillAlpha(0.16)  # see-through, so nothing under it is hidden
        self.setFont(BOLD, 110)
        self.translate(width / 2, height / 2)
        self.rotate(50)
        self.drawCentredString(0, -38, "DRAFT")
        self.restoreState()
        super().showPage()


def content_width(page_size: str) -> float:
    return page_size_of(page_size)[0] - 2 * MARGIN
