"""Amounts and months as spreadsheets and Partner Center files write them.

An amount column's decimal mark is decided for the whole column, as the
date order is: a value such as ``1.250,50`` or ``12,5`` says comma, ``1,250.50``
or ``12.5`` says point; ``1,250`` could be either and decides nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from mpn_desktop.domain.vocabulary import _

POINT = "."
COMMA = ","

# Currency marks and group separators a cell may carry around its number.
_SIGNS = re.compile(r"^(US\$|USD|EUR|GBP|\$|€|£)|(US\$|USD|EUR|GBP|\$|€|£)$", re.IGNORECASE)
_GROUPS = str.maketrans("", "", " \u00a0\u202f'")
_PLAIN = re.compile(r"-?\d+(\.\d+)?")


class AmountProblem(ValueError):
    """A cell that is not an amount."""


def decimal_mark_of(text: str) -> str | None:
    """The decimal mark ``text`` shows, or None when it could be either (or has none)."""
    value = _bare(text.strip().strip("()")).lstrip("-")
    point, comma = value.rfind(POINT), value.rfind(COMMA)
    if point >= 0 and comma >= 0:
        return POINT if point > comma else COMMA
    mark = POINT if point >= 0 else COMMA if comma >= 0 else None
    if mark is None:
        return None
    if value.count(mark) > 1:
        return COMMA if mark == POINT else POINT  # 1.250.000: the mark groups digits
    if any(space in text for space in " \u00a0\u202f") and mark == COMMA:
        return COMMA  # 1 250,50
    digits_after = len(value) - value.rfind(mark) - 1
    # 1,250 or 1.250: a group of three, or three decimals; anything else decides.
    return None if digits_after == 3 else mark


def parse_amount(text: str, mark: str = POINT) -> Decimal:
    """An amount: ``1,250.50``, ``1.250,50``, ``1 250,50``, ``$0.085``, ``-15.00``, ``(15.00)``."""
    value = text.strip()
    if mark == POINT and _PLAIN.fullmatch(value):  # Partner Center files' case, fast
        return Decimal(value)
    negative = value.startswith("(") and value.endswith(")")
    if negative:
        value = value[1:-1].strip()
    value = _bare(value)
    if value.startswith("-"):
        negative, value = not negative, value[1:]
    group = COMMA if mark == POINT else POINT
    value = value.replace(group, "").replace(mark, ".")
    if not value or not re.fullmatch(r"\d*\.?\d+|\d+\.", value):
        raise AmountProblem(_("{value} is not an amount").format(value=repr(text.strip())))
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise AmountProblem(
            _("{value} is not an amount").format(value=repr(text.strip()))
        ) from None
    return -amount if negative else amount


def _bare(text: str) -> str:
    value = text.strip()
    while True:
        stripped = _SIGNS.sub("", value).strip()
        if stripped == value:
            break
        value = stripped
    return value.translate(_GROUPS)


@dataclass
class DecimalSurvey:
    """Reads amount columns' values until each column's decimal mark is decided."""

    columns: Sequence[int]

    def __post_init__(self) -> None:
        self.marks: dict[int, str] = {}

    def add(self, fields: Sequence[str]) -> bool:
        """Takes one record; True once every column is decided."""
        for column in self.columns:
            if column in self.marks or column >= len(fields):
                continue
            mark = decimal_mark_of(fields[column])
            if mark is not None:
                self.marks[column] = mark
        return len(self.marks) == len(self.columns)


_MONTH_NAMES = {
    name: index
    for index, names in enumerate(
        (
            ("jan", "january", "jan."),
            ("feb", "february", "feb."),
            ("mar", "march", "mar."),
            ("apr", "april", "apr."),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august", "aug."),
            ("sep", "sept", "september", "sep."),
            ("oct", "october", "oct."),
            ("nov", "november", "nov."),
            ("dec", "december", "dec."),
        ),
        start=1,
    )
    for name in names
}
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_NAMED = re.compile(r"([A-Za-z.]+)[\s-]+(\d{4})|(\d{4})[\s-]+([A-Za-z.]+)")


def parse_month(text: str) -> date | None:
    """The first day of a month written ``2019-03``, ``03/2019`` or ``Mar 2019``; None if not."""
    value = text.strip()
    match = _YEAR_MONTH.fullmatch(value)
    if match:
        year, month = int(match[1]), int(match[2])
    elif match := _MONTH_YEAR.fullmatch(value):
        month, year = int(match[1]), int(match[2])
    elif match := _NAMED.fullmatch(value):
        name = (match[1] or match[4]).casefold()
        found = _MONTH_NAMES.get(name)
        if found is None:
            return None
        month, year = found, int(match[2] or match[3])
    else:
        return None
    if not 1 <= month <= 12 or not 1900 <= year <= 2999:
        return None
    return date(year, month, 1)
