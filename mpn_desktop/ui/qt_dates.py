"""Between Python's ``date`` and Qt's ``QDate`` (the date controls speak QDate)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def qdate(day: date) -> QDate:
    """The QDate of a day."""
    return QDate(day.year, day.month, day.day)


def python_date(day: QDate) -> date:
    """The day of a QDate."""
    return date(day.year(), day.month(), day.day())
