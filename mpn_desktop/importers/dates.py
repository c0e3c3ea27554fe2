"""Dates as spreadsheets write them, and deciding month-first or day-first for a whole column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.importers.reading import OptionError
from mpn_desktop.shown import quoted

# An optional time after the date, as exports add it ("T00:00:00", " 12:00:00 AM").
_TIME = (
    r"(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
_YEAR_LAST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})" + _TIME)
EXPECTED = N_("expected e.g. 2017-11-25, 11/25/2017, 25/11/2017 or 25.11.2017")


class DateOrder(Enum):
    """Which number comes first in a date such as 03/04/2017."""

    MONTH_FIRST = "month-first"
    DAY_FIRST = "day-first"

    @property
    def example(self) -> str:
        """How 25 November 2017 looks in this order."""
        return "11/25/2017" if self is DateOrder.MONTH_FIRST else "25/11/2017"


_ORDER_NAMES = {
    "mdy": DateOrder.MONTH_FIRST,
    "monthfirst": DateOrder.MONTH_FIRST,
    "mmddyyyy": DateOrder.MONTH_FIRST,
    "mdyyyy": DateOrder.MONTH_FIRST,
    "%m/%d/%y": DateOrder.MONTH_FIRST,
    "%m.%d.%y": DateOrder.MONTH_FIRST,
    "%m-%d-%y": DateOrder.MONTH_FIRST,
    "dmy": DateOrder.DAY_FIRST,
    "dayfirst": DateOrder.DAY_FIRST,
    "ddmmyyyy": DateOrder.DAY_FIRST,
    "dmyyyy": DateOrder.DAY_FIRST,
    "%d/%m/%y": DateOrder.DAY_FIRST,
    "%d.%m.%y": DateOrder.DAY_FIRST,
    "%d-%m-%y": DateOrder.DAY_FIRST,
}


def parse_date_format(text: str) -> DateOrder:
    """``--date-format``: ``MDY``/``DMY``, ``MM/DD/YYYY``/``DD.MM.YYYY`` or ``%m/%d/%Y``-style."""
    key = text.strip().lower()
    if "%" not in key:
        key = re.sub(r"[^a-z]", "", key.replace("-", ""))
    order = _ORDER_NAMES.get(key)
    if order is None:
        raise OptionError(
            _(
                "--date-format: {text} is not a date order; use MDY (as 11/25/2017) "
                "or DMY (as 25/11/2017 or 25.11.2017)"
            ).format(text=quoted(text))
        )
    return order


class DateProblem(ValueError):
    """A date cell that is not a date, not a real day, or cannot tell its order."""


def parse_date(text: str, order: DateOrder | None) -> date:
    """The day a cell names; ``order`` decides numbers-first dates such as 03/04/2017.

    Raises DateProblem with a message for a person. With ``order`` None, a
    date whose day and month could be swapped (and differ) is a problem too.
    """
    value = text.strip()
    match = _YEAR_FIRST.fullmatch(value)
    if match:
        return _real_day(value, int(match[1]), int(match[3]), int(match[4]))
    match = _YEAR_LAST.fullmatch(value)
    if not match:
        raise DateProblem(
            _("{value} is not a date ({expected})").format(
                value=quoted(value), expected=_(EXPECTED)
            )
        )
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    if order is None:
        fitting = _fitting_orders(first, second, year)
        if not fitting:
            raise DateProblem(
                _("{value} is not a real date, month-first or day-first").format(
                    value=quoted(value)
                )
            )
        if len(fitting) > 1:
            raise DateProblem(
                _("{value} could be month-first or day-first; give the order (MDY or DMY)").format(
                    value=quoted(value)
                )
            )
        (order,) = fitting
    if order is DateOrder.MONTH_FIRST:
        return _real_day(value, year, first, second, order)
    return _real_day(value, year, second, first, order)


def _is_real(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _fitting_orders(first: int, second: int, year: int) -> tuple[DateOrder, ...]:
    """The orders in which ``first/second/year`` is a real day, one when both give the same.

    13/45/2017 fits neither (it is no date to decide or to ask about), 25/11/2017
    only day-first, 03/04/2017 both, 04/04/2017 one (either reads the same day).
    """
    if first == second:
        return (DateOrder.MONTH_FIRST,) if _is_real(year, first, second) else ()
    return tuple(
        order
        for order, (month, day) in (
            (DateOrder.MONTH_FIRST, (first, second)),
            (DateOrder.DAY_FIRST, (second, first)),
        )
        if _is_real(year, month, day)
    )


def _real_day(value: str, year: int, month: int, day: int, order: DateOrder | None = None) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        if order is DateOrder.MONTH_FIRST:
            message = _("{value} is not a real date read month-first as the column is")
        elif order is DateOrder.DAY_FIRST:
            message = _("{value} is not a real date read day-first as the column is")
        else:
            message = _("{value} is not a real date")
        raise DateProblem(message.format(value=quoted(value))) from None


@dataclass(frozen=True, slots=True)
class DateColumnOrder:
    """What a date column's values say about their order.

    ``order`` is set when a value decided it (``evidence`` is its line and
    text); ``needs_choice`` when some value could be read both ways and none
    decided, so the user must choose. When neither, the order does not matter.
    """

    order: DateOrder | None
    evidence: tuple[int, str] | None = None
    ambiguous: tuple[int, str] | None = None

    @property
    def needs_choice(self) -> bool:
        """Some date could be read both ways and no value tells which is meant."""
        return self.order is None and self.ambiguous is not None


class DateSurvey:
    """Reads a date column's values one by one until one decides the column's order."""

    def __init__(self) -> None:
        self._ambiguous: tuple[int, str] | None = None
        self.result: DateColumnOrder | None = None

    def add(self, line: int, text: str) -> bool:
        """Takes one value; True once the order is decided (no need to read further)."""
        match = _YEAR_LAST.fullmatch(text.strip())
        if match is None:
            return False
        first, second = int(match[1]), int(match[3])
        fitting = _fitting_orders(first, second, int(match[4]))
        # Only a real day decides or asks: 13/45/2017 is an error of its own row,
        # and 04/04/2017 reads the same either way.
        if len(fitting) == 1 and first != second:
            self.result = DateColumnOrder(fitting[0], (line, text.strip()), self._ambiguous)
            return True
        if len(fitting) == 2 and self._ambiguous is None:
            self._ambiguous = (line, text.strip())
        return False

    def finish(self) -> DateColumnOrder:
        """The verdict once every value was read (or one decided)."""
        return self.result or DateColumnOrder(None, None, self._ambiguous)
