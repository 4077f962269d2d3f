"""The window's style sheet: quiet surfaces, segmented switches, readable read-back."""

from __future__ import annotations


def style_sheet(dark: bool) -> str:
    if dark:
        bar, border, seg, seg_on, text, muted, banner = (
            "#2b3038", "#3a414c", "#323842", "#4c8bd6", "#e4e7ec", "#9aa3b2", "#5a4a1f",
        )  # fmt: skip
    else:
        bar, border, seg, seg_on, text, muted, banner = (
            "#ffffff", "#d9dde3", "#f4f5f7", "#2f6fb5", "#1f2430", "#6b7383", "#fff4d6",
        )  # fmt: skip
    return f"""
    QFrame#mapBar {{ background: {bar}; border-bottom: 1px solid {border}; }}
    QToolButton#seg_first, QToolButton#seg_middle, QToolButton#seg_last {{
        background: {seg}; border: 1px solid {border}; padding: 4px 9px; }}
    QToolButton#seg_first {{ border-top-left-radius: 6px; border-bottom-left-radius: 6px; }}
    QToolButton#seg_last {{ border-top-right-radius: 6px; border-bottom-right-radius: 6px; }}
    QToolButton#seg_first:checked, QToolButton#seg_middle:checked, QToolButton#seg_last:checked {{
        background: {seg_on}; color: white; border-color: {seg_on}; }}
    QToolButton#toggle, QToolButton#plain {{ border: 1px solid transparent; border-radius: 6px;
        padding: 4px 6px; color: {muted}; }}
    QToolButton#toggle:checked {{ color: {text}; background: {seg}; border-color: {border}; }}
    QToolButton#plain:hover, QToolButton#toggle:hover {{ border-color: {border}; }}
    QLabel#banner {{ background: {banner}; padding: 4px; }}
    QLabel#hint {{ color: {muted}; }}
    QLabel#heading {{ color: {muted}; font-weight: bold; padding-top: 6px; }}
    QLabel#readback {{ font-size: 14px; font-weight: 600; padding: 6px 8px; background: {bar};
        border: 1px solid {border}; border-radius: 6px; }}
    QGroupBox {{ font-weight: bold; border: 1px solid {border}; border-radius: 6px;
        margin-top: 10px; padding-top: 6px; }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; color: {muted}; }}
    QToolButton[quality] {{ padding: 3px 6px; border: 1px solid {border}; border-radius: 5px;
        background: {bar}; }}
    QToolButton[quality]:checked {{ background: {seg_on}; color: white; border-color: {seg_on}; }}
    QListWidget {{ border: 1px solid {border}; border-radius: 6px; }}
    QListWidget::item {{ padding: 5px 6px; }}
    QStatusBar QLabel {{ color: {muted}; padding: 0 8px; }}
    QDockWidget::title {{ padding: 6px 10px; }}
    """
