"""Report colours: a colour-blind-safe intensity scale and the change categories."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor

from bodymap.analysis.compare import Change

# Cividis (Nuñez et al. 2018) reversed: light yellow for mild pain to dark blue for the worst.
# Its lightness falls steadily, so the scale also reads in greyscale.
_CIVIDIS = ("#FFEA46", "#D3C164", "#A69D75", "#7C7B78", "#575D6D", "#31446B", "#00204D")

INK = HexColor("#222222")
MUTED = HexColor("#666666")
BODY_FILL = HexColor("#F3F1EE")
ZONE_LINE = HexColor("#BDBDBD")
OUTLINE = HexColor("#4A4A4A")
LANDMARK = HexColor("#8C8C8C")
ARROW = HexColor("#5B2C83")
RULE = HexColor("#CCCCCC")
HEADER_BG = HexColor("#ECEBE8")
ALERT = HexColor("#B2182B")  # red flags and the DRAFT watermark
ALERT_BG = HexColor("#FBE9EA")

# Okabe-Ito colours, each paired with a symbol so the categories survive greyscale printing.
CHANGE_STYLE: dict[Change, tuple[Color, str]] = {
    Change.RESOLVED: (HexColor("#009E73"), "✓"),
    Change.IMPROVED: (HexColor("#56B4E9"), "↓"),
    Change.UNCHANGED: (HexColor("#BBBBBB"), "="),
    Change.WORSE: (HexColor("#E69F00"), "↑"),
    Change.NEW: (HexColor("#D55E00"), "+"),
}


def _mix(a: Color, b: Color, t: float) -> Color:
    return Color(a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t,
                 a.blue + (b.blue - a.blue) * t)  # fmt: skip


def intensity_colour(intensity: float) -> Color:
    """The colour of a 0-10 intensity, interpolated along the scale."""
    t = min(1.0, max(0.0, intensity / 10.0)) * (len(_CIVIDIS) - 1)
    i = min(int(t), len(_CIVIDIS) - 2)
    return _mix(HexColor(_CIVIDIS[i]), HexColor(_CIVIDIS[i + 1]), t - i)


def text_on(fill: Color) -> Color:
    """Black or white, whichever reads better on the fill."""
    lum = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue
    return HexColor("#000000") if lum > 0.45 else HexColor("#FFFFFF")


def darker(fill: Color, amount: float = 0.35) -> Color:
    """The colour mixed toward black, for edges."""
    return _mix(fill, HexColor("#000000"), amount)
