"""The embedded report fonts (DejaVu Sans, covering accented and non-Latin names)."""

from __future__ import annotations

from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "BodymapSans"
BOLD = "BodymapSans-Bold"
_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (parsing a TTF takes ~0.1 s)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources.files("bodymap.export") / "fonts"
    for name, filename in _FILES.items():
        with resources.as_file(folder / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # Paragraph markup (<b>) switches to the bold face through this mapping.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, BOLD)
