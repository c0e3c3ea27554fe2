"""A date typed as a person types it (ISO or the locale's short date), with a calendar.

It shows its day the locale's way (``locale_text.day``: ISO in English).

Qt's QDateEdit edits one section at a time: "2018-03-01" typed into it gave
2026-03-01 or 2018-12-03. This field takes the whole text when the user is
done (Enter, or leaving the field), says what is wrong while it cannot be
read, and offers a calendar. It speaks QDate like QDateEdit, so it can stand
in for one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from mpn_desktop.ui import locale_text
from mpn_desktop.ui.editors.calendar_popup import attach_calendar
from mpn_desktop.ui.qt_dates import python_date, qdate, short_date_example, typed_day


class DateField(QLineEdit):
    """One day, typed or picked; empty allowed when ``optional`` (``date()`` is then invalid)."""

    dateChanged = Signal(QDate)
    """A new day was taken (typed and confirmed, picked, or set); invalid when emptied."""

    problemChanged = Signal(str)
    """What is wrong with the text typed, or "" when it reads as a day."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self._optional = optional
        self._day: dt.date | None = None
        self._minimum = dt.date(1, 1, 1)
        self._maximum = dt.date(9999, 12, 31)
        self._problem = ""
        self.setPlaceholderText(self.tr("YYYY-MM-DD or {short}").format(short=short_date_example()))
        attach_calendar(self, self.day, self.set_day)
        self.editingFinished.connect(self.commit)
        self.textChanged.connect(self._check)

    # --- QDateEdit's calls ----------------------------------------------------------------

    def setDateRange(self, minimum: QDate, maximum: QDate) -> None:
        """The first and last day the field takes; days outside are moved to the nearest one."""
        self._minimum, self._maximum = python_date(minimum), python_date(maximum)

    def setDate(self, day: QDate) -> None:
        """Shows ``day`` (kept within the range); an invalid QDate empties an optional field."""
        self.set_day(python_date(day) if day.isValid() else None)

    def date(self) -> QDate:
        """The day shown, or an invalid QDate when empty."""
        return qdate(self._day) if self._day is not None else QDate()

    # --- in Python's terms ----------------------------------------------------------------

    def day(self) -> dt.date | None:
        """The day taken, or None when empty."""
        return self._day

    def set_day(self, day: dt.date | None) -> None:
        """Shows ``day`` (kept within the range) and announces it when it changed."""
        if day is None and not self._optional:
            day = self._day
        if day is not None:
            day = min(max(day, self._minimum), self._maximum)
        self.setText(locale_text.day(day) if day is not None else "")
        self._set_problem("")
        if day != self._day:
            self._day = day
            self.dateChanged.emit(self.date())

    def problem(self) -> str:
        """What is wrong with the text typed, or ""."""
        return self._problem

    # --- typing ---------------------------------------------------------------------------

    def _read(self) -> tuple[dt.date | None, str]:
        text = self.text().strip()
        if not text:
            if self._optional:
                return None, ""
            return None, self.tr("Enter a day (YYYY-MM-DD, such as 2018-03-01).")
        day = typed_day(text)
        if day is None:
            return None, self.tr("“{text}” is not a day: type it as 2018-03-01 or {short}.").format(
                text=text, short=short_date_example()
            )
        return day, ""

    def _check(self) -> None:
        self._set_problem(self._read()[1])

    def commit(self) -> None:
        """Takes the day typed (as Enter and leaving the field do); a wrong text is kept, told."""
        day, problem = self._read()
        if problem:
            self._set_problem(problem)
            return
        self.set_day(day)

    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.setToolTip(problem)
            # A screen reader says why the field is wrong, not only that something is.
            self.setAccessibleDescription(problem)
            self.problemChanged.emit(problem)
