"""The usage months of an organisation held by column: a tuple of ``Usage`` in behaviour.

Usage is by far the largest kind of fact (a row per subscription, month and
service: 12,000 rows in the large organisation's 13-month window, 36,000 in
all). Building a ``Usage`` object per row was most of what loading the facts
cost above fetching them, and the collector then walked every one of them;
the rules read a few fields of each row. ``UsageRows`` keeps a tuple per
field instead (``UsageColumns``), filled straight from the database's
columns, and makes ``Usage`` objects only when someone asks for rows (by
index, slice or iteration). It compares, hashes and reads as the tuple of
``Usage`` it stands for, so callers that take it as that tuple keep working.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, compress, count
from operator import attrgetter, is_not
from typing import NamedTuple, overload

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


_FIELDS = UsageColumns._fields
_NO_COLUMNS = UsageColumns((), (), (), (), (), (), ())


def _columns_of(rows: Sequence[Usage]) -> UsageColumns:
    return UsageColumns(*(tuple(map(attrgetter(name), rows)) for name in _FIELDS))


def _row(columns: UsageColumns, at: int) -> Usage:
    return Usage(
        columns.subscription[at],
        columns.month[at],
        columns.consumption_usd[at],
        columns.revenue_usd[at],
        columns.active_users[at],
        columns.service[at],
        columns.paid_seats[at],
    )


class UsageRows(Sequence[Usage]):
    """Usage rows by column, read as the tuple of ``Usage`` they stand for (never changed).

    Made from columns (``from_columns``: the loaders) or from ``Usage`` rows
    (``of``: tests, builders, anything handing ``Facts`` a tuple), each form
    worked out from the other on first use. Rows made from columns are kept
    once iterated, so a caller reading every row again pays for the objects
    once, as when the loader made them. ``edited`` makes the rows after a
    few of them were replaced, added or removed (one-row updates), and
    remembers which positions were replaced (``changed_since``).
    """

    __slots__ = ("_by_month", "_columns", "_hash", "_month_range", "_parent", "_replaced", "_rows")

    def __init__(self) -> None:
        self._columns: UsageColumns | None = _NO_COLUMNS
        self._rows: tuple[Usage, ...] | None = ()
        self._hash: int | None = None
        self._parent: UsageRows | None = None
        self._replaced: tuple[int, ...] = ()
        self._month_range: tuple[int, int] | None = None
        self._by_month: dict[int, list[int]] | None = None

    @classmethod
    def from_columns(cls, columns: UsageColumns) -> UsageRows:
        """The rows whose fields ``columns`` holds (tuples of equal length)."""
        made = cls()
        made._columns = columns
        made._rows = None
        return made

    @classmethod
    def of(cls, rows: Iterable[Usage]) -> UsageRows:
        """``rows`` as they are (the very objects are handed out again)."""
        if isinstance(rows, UsageRows):
            return rows
        made = cls()
        made._rows = tuple(rows)
        made._columns = None
        return made

    @property
    def columns(self) -> UsageColumns:
        """Each field of every row, one tuple per field (``UsageColumns``)."""
        columns = self._columns
        if columns is None:
            assert self._rows is not None
            columns = self._columns = _columns_of(self._rows)
        return columns

    def rows(self) -> tuple[Usage, ...]:
        """The rows as ``Usage`` objects (made once, then kept)."""
        rows = self._rows
        if rows is None:
            assert self._columns is not None
            rows = self._rows = tuple(map(Usage, *self._columns))
        return rows

    def positions_in(self, first: int, last: int) -> Sequence[int] | None:
        """The positions of the rows of the months ``first`` to ``last`` (month indexes),
        month by month; None when that is every row (facts loaded for the day's window).

        The months the rows span, and the rows of each month when some lie outside, are
        worked out once and kept with the rows: they never change."""
        months = self.columns.month
        if not months:
            return None
        if self._month_range is None:
            self._month_range = (min(months), max(months))
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

    def __len__(self) -> int:
        rows = self._rows
        if rows is not None:
            return len(rows)
        assert self._columns is not None
        return len(self._columns.subscription)

    @overload
    def __getitem__(self, index: int) -> Usage: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Usage, ...]: ...

    def __getitem__(self, index: int | slice) -> Usage | tuple[Usage, ...]:
        rows = self._rows
        if rows is not None:
            return rows[index]
        assert self._columns is not None
        if isinstance(index, slice):
            return tuple(map(Usage, *(column[index] for column in self._columns)))
        return _row(self._columns, index)

    def __iter__(self) -> Iterator[Usage]:
        return iter(self.rows())

    def __reversed__(self) -> Iterator[Usage]:
        return reversed(self.rows())

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if isinstance(other, UsageRows):
            if len(self) != len(other):
                return False
            if self._rows is not None and other._rows is not None:
                return self._rows == other._rows
            return self.columns == other.columns
        if isinstance(other, tuple):
            return len(self) == len(other) and self.rows() == other
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        # As the tuple of rows hashes: equal to it, so the same hash.
        found = self._hash
        if found is None:
            found = self._hash = hash(self.rows())
        return found

    def __repr__(self) -> str:
        return f"UsageRows({self.rows()!r})"

    def __reduce__(self) -> tuple[object, tuple[tuple[Usage, ...]]]:
        return UsageRows.of, (self.rows(),)

    def edited(self, changes: Iterable[tuple[int, Usage | None, bool]]) -> UsageRows:
        """These rows with ``changes`` made in turn, each (position, row, inserted): a row
        put in at the position (``inserted``), put in place of the one there, or (None)
        the one there taken out. Positions count in the rows as the earlier changes left
        them."""
        columns = [list(column) for column in self.columns]
        kept = list(self._rows) if self._rows is not None else None
        replaced: set[int] | None = set()
        for at, row, inserted in changes:
            if row is None:
                for column in columns:
                    del column[at]
                if kept is not None:
                    del kept[at]
                replaced = None
                continue
            values = (
                row.subscription,
                row.month,
                row.consumption_usd,
                row.revenue_usd,
                row.active_users,
                row.service,
                row.paid_seats,
            )
            if inserted:
                for column, value in zip(columns, values, strict=True):
                    column.insert(at, value)
                if kept is not None:
                    kept.insert(at, row)
                replaced = None
            else:
                for column, value in zip(columns, values, strict=True):
                    column[at] = value
                if kept is not None:
                    kept[at] = row
                if replaced is not None:
                    replaced.add(at)
        made = UsageRows.from_columns(UsageColumns._make(map(tuple, columns)))
        if kept is not None:
            made._rows = tuple(kept)
        if replaced is not None:
            made._parent = self
            made._replaced = tuple(sorted(replaced))
        return made

    def changed_since(self, before: UsageRows) -> list[int] | None:
        """The positions whose row may differ from ``before``'s (None: rows came or went, or
        it cannot tell); rows at other positions are equal."""
        if self is before:
            return []
        if len(self) != len(before):
            return None
        if self._parent is before:
            return list(self._replaced)
        if self._rows is not None and before._rows is not None:
            # The same objects where nothing changed (rows built by hand, tests).
            return list(compress(count(), map(is_not, before._rows, self._rows)))
        return None


EMPTY_USAGE = UsageRows()
"""No usage rows."""
