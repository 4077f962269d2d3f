"""Client mode's look: large text scaled from the system font, colours from the system palette."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

TOUCH_PX = 56  # smallest touch target: 48 px (9 mm at 96 dpi) is the floor, this is calmer


def base_pixels(scale: float) -> int:
    """Body text size: half again the system font, times the client's own enlargement."""
    system = QFontInfo(QApplication.font()).pixelSize() or 13
    return round(max(system, 13) * 1.6 * scale)


def client_style(scale: float) -> str:
    """Colours come from palette(): a high-contrast or dark system theme carries through."""
    px = base_pixels(scale)
    q, key = round(px * 1.6), max(TOUCH_PX, round(px * 2.4))
    return f"""
    #clientMode {{ background: palette(window); }}
    #clientMode QLabel {{ font-size: {px}px; color: palette(window-text); }}
    #clientMode QLabel#question {{ font-size: {q}px; font-weight: 600; }}
    #clientMode QLabel#area {{ font-size: {round(px * 1.15)}px; font-weight: 600;
        color: palette(highlight); }}
    #clientMode QLabel#hint, #clientMode QLabel#scaleEnd {{ color: palette(window-text); }}
    #clientMode QLabel#progress {{ font-size: {round(px * 0.85)}px; }}
    #clientMode QLabel#feedback {{ font-weight: 600; }}
    #clientMode QLabel#error {{ color: #b3261e; font-weight: 600; }}
    #clientMode QLabel#thanks {{ font-size: {round(px * 1.3)}px; }}
    #clientMode QLabel#summaryLine {{ padding: 12px 16px; background: palette(base);
        border: 1px solid palette(mid); border-radius: 12px; }}
    #clientMode QPushButton {{ font-size: {px}px; min-height: {key}px; padding: 0 24px;
        border-radius: 14px; border: 2px solid palette(mid); background: palette(button);
        color: palette(button-text); }}
    #clientMode QPushButton:disabled {{ color: palette(mid); border-color: palette(midlight); }}
    #clientMode QPushButton#primary {{ background: palette(highlight);
        color: palette(highlighted-text); border-color: palette(highlight); font-weight: 600; }}
    #clientMode QPushButton#primary:disabled {{ background: palette(midlight);
        color: palette(mid); border-color: palette(midlight); }}
    #clientMode QPushButton#score {{ font-size: {round(px * 1.15)}px; font-weight: 600;
        min-width: {TOUCH_PX - 6}px; padding: 0; border: 3px solid transparent; }}
    #clientMode QPushButton#score[tall="true"] {{ min-height: {round(key * 1.6)}px; }}
    #clientMode QPushButton#score:checked {{ border: 5px solid palette(window-text); }}
    #clientMode QPushButton#feeling {{ text-align: left; padding-left: 28px;
        min-height: {round(key * 1.3)}px; }}
    #clientMode QPushButton#feeling:checked {{ background: palette(highlight);
        color: palette(highlighted-text); border-color: palette(highlight); font-weight: 600; }}
    #clientMode QPushButton#key {{ font-size: {round(px * 1.2)}px; min-width: {round(key * 1.3)}px;
        min-height: {TOUCH_PX}px; padding: 0; }}
    #clientMode QPushButton#corner {{ font-size: {round(px * 0.85)}px; min-height: {TOUCH_PX}px;
        padding: 0 18px; border: 1px solid palette(midlight); background: transparent; }}
    #clientMode QPushButton#corner:checked {{ border: 2px solid palette(highlight); }}
    #clientMode QPlainTextEdit, #clientMode QLineEdit {{ font-size: {px}px; padding: 10px;
        border: 2px solid palette(mid); border-radius: 12px; background: palette(base); }}
    #clientMode QLineEdit#pinEdit {{ min-width: {key * 3}px; min-height: {TOUCH_PX}px; padding: 0;
        font-size: {round(px * 1.4)}px; letter-spacing: 6px; }}
    """
