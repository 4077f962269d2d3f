"""Small form widgets the records tabs and dialogs share: note boxes, error lines, date fields."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QPlainTextEdit

ERROR_STYLE = "color: #b3261e;"


def note_edit(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    """A few lines of free text; Tab moves on, as in every other field."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def error_label(*, wrap: bool = False) -> QLabel:
    """An empty line of red text next to the fields it is about."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(wrap)
    return label


def date_edit(day: QDate, *, popup: bool = True) -> QDateEdit:
    """A yyyy-MM-dd date field, with a calendar to pick from unless `popup` is False."""
    edit = QDateEdit(day)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(popup)
    return edit
