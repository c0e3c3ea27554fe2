"""Calendar helpers: whole months, windows of months and anniversaries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month such as 2017-12 (ordered, hashable)."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"{self.year:04d}-{self.month:02d} is not a month")

    @classmethod
    def of(cls, day: date) -> Month:
        """The month a day falls in."""
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Reads ``YYYY-MM``; raises ValueError with the text otherwise."""
        match = _MONTH_RE.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a month (expected YYYY-MM)")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def index(self) -> int:
        """Months since year 0: makes window arithmetic a subtraction."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> Month:
        """The inverse of ``index``."""
        return cls(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> date:
        """The first day of the month."""
        return date(self.year, self.month, 1)

    def plus(self, months: int) -> Month:
        """The month ``months`` later (earlier when negative)."""
        return Month.from_index(self.index + months)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def same_day_in_year(anniversary: date, year: int) -> date:
    """The anniversary's day in ``year``; 29 February falls on 28 February in other years."""
    try:
        return anniversary.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years (29 February becomes 28 February when needed)."""
    return same_day_in_year(day, day.year + years)
