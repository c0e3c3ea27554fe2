"""Between Python's ``date`` and Qt's ``QDate`` (the date controls speak QDate)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale


def qdate(day: date) -> QDate:
    """The QDate of a day."""
    return QDate(day.year, day.month, day.day)


def python_date(day: QDate) -> date:
    """The day of a QDate."""
    return date(day.year(), day.month(), day.day())


def typed_day(text: str, locale: QLocale | None = None) -> date | None:
    """The day a person typed: ISO (2018-03-01) or the locale's short date (3/1/18, 01.03.18).

    None when it is neither. A two-digit year is of this century (Qt reads
    "18" as 1918).
    """
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    locale = locale or QLocale()
    for form in (QLocale.FormatType.ShortFormat, QLocale.FormatType.NarrowFormat):
        short = locale.dateFormat(form)
        # Also without leading zeros (1/3/2018 for dd/MM/yyyy) and with the year in full.
        loose = short.replace("dd", "d").replace("MM", "M")
        for pattern in (
            short,
            loose,
            short.replace("yyyy", "yy").replace("yy", "yyyy"),
            loose.replace("yyyy", "yy").replace("yy", "yyyy"),
        ):
            found = locale.toDate(text, pattern)
            if found.isValid():
                day = python_date(found)
                if "yyyy" not in pattern and day.year < 2000:
                    day = day.replace(year=day.year + 100)
                return day
    return None


def short_date_example(locale: QLocale | None = None) -> str:
    """2018-03-01 written in the locale's short format, for a hint ("or 3/1/18")."""
    locale = locale or QLocale()
    return locale.toString(QDate(2018, 3, 1), QLocale.FormatType.ShortFormat)
