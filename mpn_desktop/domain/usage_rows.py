"""The usage months of an organisation held by column (``column_rows``), and ``Usage``.

Usage is by far the largest kind of fact (a row per subscription, month and
service: 12,000 rows in the large organisation's 13-month window, 36,000 in
all). ``UsageRows`` keeps a tuple per field of ``Usage`` and reads as the
tuple of ``Usage`` it stands for; the rules read its columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from typing import NamedTuple

from mpn_desktop.domain.column_rows import ColumnRows, ConvertedColumn
from mpn_desktop.domain.dates import Month


@dataclass(slots=True, unsafe_hash=True)
class Usage:
    """One month of a subscription: consumption, revenue and paid active users.

    ``service`` names the Azure service or product a row is for ("" is the
    subscription's total); the 2017-2018 rules add the rows of a month up.
    ``paid_seats`` are the seats paid for at the end of the month. Not
    frozen, for the speed of making them (see ``facts``); nothing may assign
    to one.
    """

    subscription: str
    month: Month
    consumption_usd: Decimal = Decimal(0)
    revenue_usd: Decimal = Decimal(0)
    active_users: int = 0
    service: str = ""
    paid_seats: int = 0


class UsageColumns(NamedTuple):
    """One tuple per field of ``Usage``, in its order, each as long as the rows."""

    subscription: tuple[str, ...]
    month: tuple[Month, ...]
    consumption_usd: tuple[Decimal, ...]
    revenue_usd: tuple[Decimal, ...]
    active_users: tuple[int, ...]
    service: tuple[str, ...]
    paid_seats: tuple[int, ...]


class UsageRows(ColumnRows[Usage, UsageColumns]):
    """Usage rows by column, read as the tuple of ``Usage`` they stand for (never changed)."""

    __slots__ = ("_by_month", "_month_range")

    record = Usage
    columns_type = UsageColumns

    def __init__(self) -> None:
        super().__init__()
        self._month_range: tuple[int, int] | None = None
        self._by_month: dict[int, list[int]] | None = None

    @property
    def columns(self) -> UsageColumns:
        """Each field of every row, one tuple per field: the subscription ids and money the
        loaders hand over to be converted when first read (``held_columns``: the rules'
        totals read the stored ids, and convert only the money they add up) are converted
        now, as other readers index them value by value."""
        columns = self.held_columns
        if any(isinstance(column, ConvertedColumn) for column in columns):
            columns = self._columns = UsageColumns._make(
                column.values() if isinstance(column, ConvertedColumn) else column
                for column in columns
            )
        return columns

    def positions_in(self, first: int, last: int) -> Sequence[int] | None:
        """The positions of the rows of the months ``first`` to ``last`` (month indexes),
        month by month; None when that is every row (facts loaded for the day's window).

        The months the rows span, and the rows of each month when some lie outside, are
        worked out once and kept with the rows: they never change."""
        months = self.held_columns.month
        if not months:
            return None
        if self._month_range is None:
            # The few distinct months first (a set is built in C from the shared Month
            # objects): min and max over 12,000 rows compared them three times slower.
            distinct = set(months)
            self._month_range = (min(distinct), max(distinct))
        low, high = self._month_range
        if first <= low and high <= last:
            return None
        by_month = self._by_month
        if by_month is None:
            by_month = {}
            for at, month in enumerate(months):
                found = by_month.get(month)
                if found is None:
                    by_month[month] = [at]
                else:
                    found.append(at)
            self._by_month = by_month
        picked = [by_month[month] for month in range(first, last + 1) if month in by_month]
        return picked[0] if len(picked) == 1 else list(chain.from_iterable(picked))


EMPTY_USAGE = UsageRows()
"""No usage rows."""
